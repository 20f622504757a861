import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      // lib/ modules guard against client bundles with "server-only"; tests are server code.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "tests/support/empty-module.ts") },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.int.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    pool: "forks",
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".ci-results/vitest.json" },
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The AWS SDK warns once per process that its 2027 releases will need Node 22 (README, Media storage).
    env: { NODE_ENV: "test", UPLOAD_DIR: ".data/test-uploads", NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
