import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules in eslint.config.mjs catch a planted violation: the files
 * below are linted as if they lived at these paths (nothing is written).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layers enforced by lint", () => {
  it("a component importing from app/ is reported", async () => {
    const found = await problems("components/planted-violation.tsx", `import { publishAction } from "@/app/dashboard/posts/actions";\nexport const x = publishAction;\n`);
    expect(found.join("\n")).toMatch(/no-restricted-imports: .*never import from app\//);
  });

  it("a lib/ module importing from app/ is reported", async () => {
    const found = await problems("lib/planted-violation.ts", `import { publishAction } from "@/app/dashboard/posts/actions";\nexport const x = publishAction;\n`);
    expect(found.join("\n")).toMatch(/no-restricted-imports: .*never import from app\//);
  });

  it("a page or component reading the database is reported", async () => {
    const found = await problems("app/planted-violation/page.tsx", `import { db } from "@/lib/db";\nexport default function Page() { return String(db()); }\n`);
    expect(found.join("\n")).toMatch(/no-restricted-imports: .*never the database/);
  });

  it("a component reading data or the session is reported; importing a data type is allowed", async () => {
    const reads = await problems("components/comments/planted.tsx", `import { listPublicComments } from "@/lib/comments/list-comments";\nexport const x = listPublicComments;\n`);
    expect(reads.join("\n")).toMatch(/no-restricted-imports: .*never read data/);
    const session = await problems("components/planted.tsx", `import { getActor } from "@/lib/auth/session";\nexport const x = getActor;\n`);
    expect(session.join("\n")).toMatch(/no-restricted-imports: .*never read the session/);
    expect(await problems("components/planted.tsx", `import type { PublicComment } from "@/lib/comments/list-comments";\nexport type X = PublicComment;\n`)).toEqual([]);
  });

  it("a use case without server-only is reported, and the same file with it is clean", async () => {
    const useCase = `import { z } from "zod";\nimport { defineUseCase, unseen } from "@/lib/use-case";\nexport const planted = defineUseCase({ id: "x", input: z.object({}), permission: null, run: async () => unseen(1) });\n`;
    expect((await problems("lib/posts/planted-use-case.ts", useCase)).join("\n")).toMatch(/broadsheet\/use-case-server-only/);
    expect(await problems("lib/posts/planted-use-case.ts", `import "server-only";\n${useCase}`)).toEqual([]);
  });

  it("the same import from a page is allowed (pages are where actions are wired)", async () => {
    expect(await problems("app/planted/page.tsx", `import { publishAction } from "@/app/dashboard/posts/actions";\nexport default function Page() { return String(publishAction); }\n`)).toEqual([]);
  });
});
