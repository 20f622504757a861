import { describe, expect, it } from "vitest";
import { commentDigestMail, inviteMail, passwordResetMail } from "@/lib/mail/templates";

describe("mail templates", () => {
  it("escape every value in the HTML and keep the link whole in the text", () => {
    const mail = passwordResetMail({ siteName: "The <Gazette>", displayName: `Eve "<script>"`, url: "https://news.example.com/reset-password/abc_DEF-123", hours: 24 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("The &lt;Gazette&gt;");
    expect(mail.html).toContain("Eve &quot;&lt;script&gt;&quot;");
    expect(mail.text).toContain("\nhttps://news.example.com/reset-password/abc_DEF-123\n");
    expect(mail.subject).toBe("Reset your The <Gazette> password");
  });
  it("load nothing remote: the only URLs are the site's own links", () => {
    const invite = inviteMail({ siteName: "Gazette", displayName: "Ann", inviterName: "Ed", roleLabel: "Editor", url: "https://news.example.com/invite/t0k3n", hours: 24 });
    const digest = commentDigestMail({
      siteName: "Gazette",
      displayName: "Ann",
      settingsUrl: "https://news.example.com/settings/profile",
      posts: [{ title: "A & B", url: "https://news.example.com/posts/a-b", comments: [{ authorName: "Rex", excerpt: "<b>hi</b>", createdAt: new Date() }] }],
    });
    for (const html of [invite.html, digest.html]) {
      expect(html).not.toMatch(/<img|<link|@import|url\(/i);
      for (const [, url] of html.matchAll(/href="([^"]+)"/g)) expect(url).toMatch(/^https:\/\/news\.example\.com\//);
    }
    expect(invite.text).toContain("as an editor");
    expect(digest.subject).toBe("1 comment waiting on your posts · Gazette");
    expect(digest.html).toContain("&lt;b&gt;hi&lt;/b&gt;");
  });
});
