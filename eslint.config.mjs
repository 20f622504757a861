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
  {
    // Components are presentational: data and server actions come in as props from app/.
    files: ["components/**"],
    // Still import their server actions from app/ (being rewritten; move them under this rule when done).
    ignores: ["components/editor/**", "components/dashboard/**", "components/account/profile-form.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Pages and components call lib/ use cases, never the database." },
            { name: "@/lib/auth/session", message: "Components never read the session; the page passes what they need." },
          ],
          patterns: [
            { group: ["@/app/*"], message: "Components never import from app/: take server actions and data as props." },
            { group: ["@/lib/*/list-*", "@/lib/*/public-*"], allowTypeImports: true, message: "Components never read data: the page reads it and passes it as props." },
          ],
        },
      ],
    },
  },
];

export default config;
