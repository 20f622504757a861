import { describe, expect, it } from "vitest";
import { renderMarkdown, readingMinutes, splitCaption, wordCount } from "@/lib/markdown/render";

describe("renderMarkdown", () => {
  it("removes scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(`<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))\n\n<a href="#" onclick="x()">a</a>`);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });
  it("renders GitHub-flavoured Markdown: tables, lists, code, quotes", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n> quote\n\n```\ncode\n```\n\n~~gone~~");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code\n</code>");
    expect(html).toContain("<del>gone</del>");
  });
  it("gives H2 subheadings anchor ids with a prefix", () => {
    expect(renderMarkdown("## What happened next")).toContain('<h2 id="h-what-happened-next">What happened next</h2>');
  });
  it("never gives a heading an id that could clobber a global or the page's own ids", () => {
    const html = renderMarkdown("## __next_f\n\n## document\n\n## tags-heading\n\n[x](#a){#__next_f}");
    const ids = [...html.matchAll(/id="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(3);
    for (const id of ids) expect(id.startsWith("h-")).toBe(true);
  });
  it("turns a lone image with 'Caption | Credit' into a figure with a responsive image", () => {
    const html = renderMarkdown('Intro\n\n![A tram at dusk](/media/2026/11/abc-1600x900.jpg "The new line | Photo: Jo Bloggs")\n\nMore');
    expect(html).toContain("<figure>");
    expect(html).toContain('<span class="caption">The new line</span>');
    expect(html).toContain('<span class="credit">Photo: Jo Bloggs</span>');
    expect(html).toContain('width="1600"');
    expect(html).toContain('height="900"');
    expect(html).toMatch(/srcset="[^"]*\?w=640&#x26;f=webp 640w/);
    expect(html).toContain('alt="A tram at dusk"');
  });
  it("does not let user markup forge a figure caption", () => {
    expect(renderMarkdown('<figure><figcaption onclick="x">hi</figcaption></figure>')).not.toContain("onclick");
  });
});

describe("text helpers", () => {
  it("splits caption and credit on the last ' | '", () => {
    expect(splitCaption("A | B | Photo: C")).toEqual({ caption: "A | B", credit: "Photo: C" });
    expect(splitCaption("Only caption")).toEqual({ caption: "Only caption", credit: "" });
  });
  it("counts words and reading time", () => {
    expect(wordCount("## Title\n\nOne two [three](/x) ![img](/y.jpg)")).toBe(4);
    expect(readingMinutes("word ".repeat(460))).toBe(2);
    expect(readingMinutes("")).toBe(1);
  });
});
