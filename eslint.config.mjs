import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers (README "Folder map"), enforced: components/ and lib/ never
 * import from app/ (pages pass server actions in as props); pages and
 * components never import the database client, and components never read
 * data or the session (the page passes it in); a use case (defineUseCase)
 * always says `import "server-only"`. tests/unit/lint-layers.test.ts plants a
 * violation of each and checks it is reported.
 */
const noAppImports = { group: ["@/app", "@/app/*"], message: "components/ and lib/ never import from app/: the page passes server actions in as props." };
const noPrismaClient = { group: ["@/generated/prisma/client"], importNames: ["PrismaClient"], message: "Use db() from lib/db.ts inside lib/." };
const noDatabase = { name: "@/lib/db", message: "Pages and components call lib/ use cases, never the database." };
const noSession = { name: "@/lib/auth/session", message: "Components never read the session; the page passes what they need." };
const noDataReads = { group: ["@/lib/*/list-*", "@/lib/*/public-*"], allowTypeImports: true, message: "Components never read data: the page reads it and passes it as props." };

/** A lib/ file that defines a use case must import "server-only". */
const useCaseServerOnly = {
  meta: { type: "problem", messages: { missing: 'A use case (defineUseCase) must `import "server-only"`, so it can never end up in a browser bundle.' } },
  create(context) {
    let hasServerOnly = false;
    let firstUseCase = null;
    return {
      ImportDeclaration(node) {
        if (node.source.value === "server-only") hasServerOnly = true;
      },
      CallExpression(node) {
        if (node.callee.type === "Identifier" && node.callee.name === "defineUseCase") firstUseCase ??= node;
      },
      "Program:exit"() {
        if (firstUseCase && !hasServerOnly) context.report({ node: firstUseCase, messageId: "missing" });
      },
    };
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", ".data/**", "generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    plugins: { broadsheet: { rules: { "use-case-server-only": useCaseServerOnly } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [noPrismaClient] }],
    },
  },
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", { patterns: [noPrismaClient, noAppImports] }], "broadsheet/use-case-server-only": "error" } },
  { files: ["lib/db.ts"], rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] } },
  { files: ["app/**"], rules: { "no-restricted-imports": ["error", { paths: [noDatabase], patterns: [noPrismaClient] }] } },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { paths: [noDatabase, noSession], patterns: [noPrismaClient, noAppImports, noDataReads] }] } },
  // Being reworked (the editor as hooks): it gets its actions as props next.
  { files: ["components/editor/**"], rules: { "no-restricted-imports": ["error", { paths: [noDatabase], patterns: [noPrismaClient] }] } },
];

export default config;
