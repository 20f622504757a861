import { describe, expect, it } from "vitest";
import { autop, htmlToMarkdown, htmlToText, splitCredit } from "@/lib/import/html-to-markdown";
import { legacyKey, legacyKeyOfUrl } from "@/lib/redirects/legacy-path";
import { mediaPathOf } from "@/lib/import/media-source";

describe("captions and credits", () => {
  it.each([
    ["Boats at dawn. © Jane Doe", "Boats at dawn.", "© Jane Doe"],
    ["Boats at dawn (Photo: Jane Doe)", "Boats at dawn", "Photo: Jane Doe"],
    ["Boats at dawn — Photo by Jane Doe", "Boats at dawn", "Photo by Jane Doe"],
    ["Credit: City Archive", "", "Credit: City Archive"],
    ["Copyright 2024 Ana Lima", "", "Copyright 2024 Ana Lima"],
    ["Just a caption about a photographer", "Just a caption about a photographer", ""],
  ])("%s", (text, caption, credit) => {
    expect(splitCredit(text)).toEqual({ caption, credit });
  });
});

describe("HTML → Markdown", () => {
  it("keeps WordPress's classic paragraphs and line breaks", () => {
    expect(autop("One\nline two\n\nThree")).toBe("<p>One<br>\nline two</p>\n<p>Three</p>");
    expect(autop("<p>Already</p>")).toBe("<p>Already</p>");
  });

  it("drops scripts and block-editor comments, keeps text and links", async () => {
    const { markdown, notes } = await htmlToMarkdown('<!-- wp:paragraph --><p>Hi <a href="https://x.test/">there</a></p><!-- /wp:paragraph --><script>alert(1)</script>');
    expect(markdown).toBe("Hi [there](https://x.test/)");
    expect(notes).toEqual(["script removed"]);
  });

  it("resolves images and writes figures with caption | credit", async () => {
    const { markdown, images } = await htmlToMarkdown('<figure><img src="/wp-content/uploads/a.jpg" alt="Alt"><figcaption>Rain | wind. Photo: Kim</figcaption></figure>', { resolveImage: async () => "/media/2024/01/x-10x10.jpg" });
    // A "|" in the caption would split it, so it becomes "/".
    expect(markdown).toBe('![Alt](/media/2024/01/x-10x10.jpg "Rain / wind. | Photo: Kim")');
    expect(images).toEqual([{ url: "/wp-content/uploads/a.jpg", alt: "Alt", caption: "Rain | wind.", credit: "Photo: Kim" }]);
  });

  it("leaves square brackets in text alone and notes real shortcodes", async () => {
    const { markdown, notes } = await htmlToMarkdown("See [1] and [citation needed].\n\n[contact-form-7 id=\"5\"]", { wordpress: true });
    expect(markdown).toContain("See \\[1] and \\[citation needed].");
    expect(markdown).toContain("Shortcode “contact-form-7” from the old site was not imported.");
    expect(notes).toEqual(["shortcode [contact-form-7] not imported"]);
  });

  it("decodes entities in plain text", () => {
    expect(htmlToText("Rain &amp; wind: what&#8217;s <b>next</b>")).toBe("Rain & wind: what’s next");
  });
});

describe("old addresses", () => {
  it("normalises paths, queries and hosts to one key", () => {
    expect(legacyKeyOfUrl("https://old.example.org/2024/01/05/Slug/")).toBe("/2024/01/05/slug");
    expect(legacyKeyOfUrl("/?p=123&utm_source=x")).toBe("/?p=123");
    expect(legacyKeyOfUrl("/index.php?page_id=7")).toBe("/?page_id=7");
    expect(legacyKeyOfUrl("/category/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/")).toBe("/category/أخبار");
    expect(legacyKey("/", new URLSearchParams("q=x"))).toBeNull();
    expect(legacyKey("/admin/users")).toBeNull();
    expect(legacyKey("/api/health")).toBeNull();
  });

  it("finds media files by their path under the uploads folder", () => {
    expect(mediaPathOf("https://old.example.org/wp-content/uploads/2024/01/a%20b.jpg?ver=2")).toBe("2024/01/a b.jpg");
    expect(mediaPathOf("__GHOST_URL__/content/images/size/w600/2024/02/x.jpg")).toBe("2024/02/x.jpg");
  });
});
