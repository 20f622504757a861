import { describe, expect, it } from "vitest";
import { archivedColumns, exportedTables, restorePlan, type TableInfo } from "@/lib/export/tables";

/** Which tables travel and in what order they are restored (lib/export/tables.ts), on hand-made schemas. */
function table(name: string, columns: Record<string, boolean /* not null */>, foreignKeys: [string, string[]][] = [], primaryKey = ["id"]): TableInfo {
  return {
    name,
    columns: Object.entries(columns).map(([column, notNull]) => ({ name: column, type: "text", notNull, generated: false })),
    primaryKey,
    foreignKeys: foreignKeys.map(([references, cols], i) => ({ name: `${name}_fk${i}`, table: name, references, columns: cols })),
    sequences: [],
  };
}

describe("restorePlan", () => {
  it("puts referenced tables first and defers nothing without a cycle", () => {
    const plan = restorePlan([table("Comment", { id: true, postId: true }, [["Post", ["postId"]]]), table("Post", { id: true, authorId: true }, [["User", ["authorId"]]]), table("User", { id: true })]);
    expect(plan.order).toEqual(["User", "Post", "Comment"]);
    expect(plan.deferred).toEqual([]);
  });

  it("breaks a cycle at a nullable foreign key on it, not at a table merely waiting for the cycle", () => {
    // AuditLog first: its nullable key to User is the first candidate a naive choice would defer (and its rows refuse UPDATE).
    const plan = restorePlan([
      table("AuditLog", { id: true, actorId: false }, [["User", ["actorId"]]]),
      table("User", { id: true, avatarMediaId: false }, [["Media", ["avatarMediaId"]]]),
      table("Media", { id: true, uploaderId: false }, [["User", ["uploaderId"]]]),
    ]);
    expect(plan.deferred).toHaveLength(1);
    expect(["User", "Media"]).toContain(plan.deferred[0]!.table);
    expect(plan.order.indexOf("AuditLog")).toBeGreaterThan(plan.order.indexOf("User"));
    const first = plan.deferred[0]!.table === "User" ? "User" : "Media";
    expect(plan.order[0]).toBe(first);
  });

  it("defers a nullable self-reference (comment replies) and refuses a NOT NULL one", () => {
    expect(restorePlan([table("Comment", { id: true, parentId: false }, [["Comment", ["parentId"]]])]).deferred.map((fk) => fk.columns)).toEqual([["parentId"]]);
    expect(() => restorePlan([table("Node", { id: true, parentId: true }, [["Node", ["parentId"]]])])).toThrow(/references itself through NOT NULL/);
  });

  it("refuses a cycle of NOT NULL foreign keys", () => {
    expect(() => restorePlan([table("A", { id: true, b: true }, [["B", ["b"]]]), table("B", { id: true, a: true }, [["A", ["a"]]])])).toThrow(/reference each other through NOT NULL/);
  });
});

describe("exportedTables", () => {
  it("leaves the operational tables out and refuses a table without a primary key", () => {
    const tables = new Map([
      ["Post", table("Post", { id: true })],
      ["RateLimit", table("RateLimit", { key: true }, [], ["key"])],
    ]);
    expect(exportedTables(tables).map((t) => t.name)).toEqual(["Post"]);
    tables.set("Loose", table("Loose", { value: true }, [], []));
    expect(() => exportedTables(tables)).toThrow(/"Loose" has no primary key/);
  });

  it("refuses an exported table that needs rows of an excluded one", () => {
    const tables = new Map([["Note", table("Note", { id: true, tokenId: true }, [["PasswordResetToken", ["tokenId"]]])]]);
    expect(() => exportedTables(tables)).toThrow(/requires rows of "PasswordResetToken"/);
  });

  it("never archives password hashes or generated columns", () => {
    const user = table("User", { id: true, email: true, passwordHash: false });
    user.columns.push({ name: "searchVector", type: "tsvector", notNull: false, generated: true });
    expect(archivedColumns(user)).toEqual(["id", "email"]);
  });
});
