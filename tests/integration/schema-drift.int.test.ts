import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaDrift } from "@/tests/support/schema-drift";

describe("schema.prisma and the migrations", () => {
  it("describe the same database", async () => {
    expect(await schemaDrift(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("the drift check notices a column, index or nullability on one side only", async () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const changed = schema
      .replace("  bio           String     @default(\"\")", "  bio           String?\n  nickname      String")
      .replace("  @@index([role])\n", "");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bs-schema-")), "schema.prisma");
    fs.writeFileSync(file, changed);
    const problems = await schemaDrift(process.env.DATABASE_URL!, file);
    expect(problems).toContain("column User.nickname is in the schema but not in the database");
    expect(problems).toContain("column User.bio: schema says nullable, database says NOT NULL");
    expect(problems).toContain("index User(role) index is in the database but not in the schema");
  });
});
