import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard/posts", "/dashboard/posts"],
    ["/posts/a-story?x=1#comments", "/posts/a-story?x=1#comments"],
    ["/admin", "/admin"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example", // browsers strip tabs: this is //evil.example
    "/\t\\evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /evil",
    "",
  ])("refuses %j (another origin or not a path)", (input) => {
    expect(safeCallbackUrl(input)).toBe("/dashboard/posts");
  });

  it("re-encodes characters that cannot go into a Location header", () => {
    const result = safeCallbackUrl("/search?q=ünïcode\nx");
    expect(result.startsWith("/search?q=")).toBe(true);
    expect(/^[\x21-\x7e]+$/.test(result)).toBe(true);
  });
});
