import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", ".data/**", "generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Components and pages never talk to the database directly.
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/generated/prisma/client"], importNames: ["PrismaClient"], message: "Use db() from lib/db.ts inside lib/." }] }],
    },
  },
  { files: ["lib/db.ts"], rules: { "no-restricted-imports": "off" } },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "Pages and components call lib/ use cases, never the database." }] }],
    },
  },
];

export default config;
