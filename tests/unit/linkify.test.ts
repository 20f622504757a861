import { describe, expect, it } from "vitest";
import { linkifyComment } from "@/lib/comments/linkify";

describe("comment links", () => {
  it("links http and https URLs and leaves the rest as text", () => {
    expect(linkifyComment("See https://example.com/a?b=1 and http://x.test.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "http://x.test", href: "http://x.test/" },
      { kind: "text", text: "." },
    ]);
  });

  it("never links javascript:, data: or protocol-less text", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<script>", "www.example.com", "<a href='https://evil.test'>x</a>"]) {
      const parts = linkifyComment(text);
      for (const part of parts) if (part.kind === "link") expect(part.href).toMatch(/^https?:\/\//);
      expect(parts.map((p) => p.text).join("")).toBe(text);
    }
  });

  it("keeps a balanced closing parenthesis and drops sentence punctuation", () => {
    expect(linkifyComment("(see https://en.wikipedia.org/wiki/Foo_(bar))").filter((p) => p.kind === "link")[0]!.text).toBe("https://en.wikipedia.org/wiki/Foo_(bar)");
    expect(linkifyComment("Go to https://example.com!").filter((p) => p.kind === "link")[0]!.text).toBe("https://example.com");
  });
});
