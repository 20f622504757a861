import fs from "node:fs";
import { defineConfig, devices, chromium } from "@playwright/test";

/**
 * End-to-end tests in real Chromium against a production build on a fresh
 * database (scripts/e2e-server.ts). Browser: Playwright's own when installed,
 * else PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium.
 */
function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, (() => { try { return chromium.executablePath(); } catch { return undefined; } })(), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu), or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH.",
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".ci-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /cache-two-instances/ },
    // Asserts cache hits, so it runs alone, after every test that publishes (and so expires pages).
    { name: "cache", use: { ...devices["Desktop Chrome"] }, testMatch: /cache-two-instances/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
