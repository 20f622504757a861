import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertStorableText, calendarDay, filterText, isLookupKey } from "@/lib/validation/text";
import { isAppError } from "@/lib/errors";

describe("text that PostgreSQL cannot store", () => {
  it("refuses a NUL anywhere in a body as INVALID, naming the fields", () => {
    try {
      assertStorableText({ title: "A\u0000title", tags: ["fine", "b\u0000ad"], coverDetails: { caption: "x\u0000" } });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("INVALID");
      expect(Object.keys((error as { fieldErrors: object }).fieldErrors).sort()).toEqual(["coverDetails.caption", "tags", "title"]);
    }
  });

  it("lets ordinary text through, tabs and newlines included", () => {
    expect(() => assertStorableText({ body: "Line one\n\tLine two\r\n", n: 3, ok: true, nested: [{ a: "ü 漢字 עברית" }] })).not.toThrow();
  });

  it("address-bar filters drop control characters instead of failing", () => {
    const schema = z.object({ q: filterText });
    expect(schema.parse({ q: "a\u0000b" })).toEqual({ q: "ab" });
    expect(schema.parse({ q: "\u0000" })).toEqual({ q: undefined });
    expect(schema.parse({ q: ["x", "y"] })).toEqual({ q: undefined });
    expect(schema.parse({})).toEqual({});
  });

  it("a calendar day must exist", () => {
    const schema = z.object({ from: calendarDay });
    expect(schema.parse({ from: "2026-11-26" })).toEqual({ from: "2026-11-26" });
    expect(schema.parse({ from: "2026-13-45" })).toEqual({ from: undefined });
    expect(schema.parse({ from: "2026-02-30" })).toEqual({ from: undefined });
    expect(schema.parse({ from: "2024-02-29" })).toEqual({ from: "2024-02-29" });
  });

  it("lookup keys with control characters or absurd length never reach a query", () => {
    expect(isLookupKey("a-story")).toBe(true);
    expect(isLookupKey("a\u0000b")).toBe(false);
    expect(isLookupKey("")).toBe(false);
    expect(isLookupKey("x".repeat(201))).toBe(false);
  });
});
