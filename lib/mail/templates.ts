/**
 * The site's emails as plain text plus simple HTML: no remote images, fonts or
 * tracking; every value is escaped. Links are absolute (SITE_URL).
 */
export type MailContent = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function layout(siteName: string, paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join("\n");
  const button = link
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#1a1a1a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">Or paste this address into your browser:<br><a href="${escapeHtml(link.href)}" style="color:#1a1a1a;word-break:break-all">${escapeHtml(link.href)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(siteName)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto">
<p style="margin:0 0 24px;font-weight:bold;font-size:18px">${escapeHtml(siteName)}</p>
${body}
${button}
</div>
</body></html>`;
}

export function passwordResetMail(options: { siteName: string; displayName: string; url: string; hours: number }): MailContent {
  const { siteName, displayName, url, hours } = options;
  return {
    subject: `Reset your ${siteName} password`,
    text: [
      `Hello ${displayName},`,
      "",
      `Someone (hopefully you) asked to reset the password of your ${siteName} account. Open this link to choose a new one:`,
      "",
      url,
      "",
      `The link works once and expires in ${hours} hours. Setting a new password signs you out everywhere else.`,
      "If you didn't ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
    html: layout(
      siteName,
      [
        `Hello ${escapeHtml(displayName)},`,
        `Someone (hopefully you) asked to reset the password of your ${escapeHtml(siteName)} account. Use the link below to choose a new one.`,
        `The link works once and expires in ${hours} hours. Setting a new password signs you out everywhere else. If you didn't ask for this, ignore this email: your password stays as it is.`,
      ],
      { href: url, label: "Choose a new password" },
    ),
  };
}

export function inviteMail(options: { siteName: string; displayName: string; inviterName: string; roleLabel: string; url: string; hours: number }): MailContent {
  const { siteName, displayName, inviterName, roleLabel, url, hours } = options;
  return {
    subject: `You're invited to ${siteName}`,
    text: [
      `Hello ${displayName},`,
      "",
      `${inviterName} invited you to ${siteName} as ${withArticle(roleLabel)}. Open this link to choose your password and sign in:`,
      "",
      url,
      "",
      `The link works once and expires in ${hours} hours. If it has expired, ask ${inviterName} for a new invitation.`,
    ].join("\n"),
    html: layout(
      siteName,
      [
        `Hello ${escapeHtml(displayName)},`,
        `${escapeHtml(inviterName)} invited you to ${escapeHtml(siteName)} as ${escapeHtml(withArticle(roleLabel))}. Use the link below to choose your password and sign in.`,
        `The link works once and expires in ${hours} hours. If it has expired, ask ${escapeHtml(inviterName)} for a new invitation.`,
      ],
      { href: url, label: "Accept the invitation" },
    ),
  };
}

export type DigestPost = { title: string; url: string; comments: { authorName: string; excerpt: string; createdAt: Date }[] };

export function commentDigestMail(options: { siteName: string; displayName: string; posts: DigestPost[]; settingsUrl: string }): MailContent {
  const { siteName, displayName, posts, settingsUrl } = options;
  const total = posts.reduce((sum, post) => sum + post.comments.length, 0);
  const count = `${total} comment${total === 1 ? "" : "s"}`;
  const textPosts = posts.flatMap((post) => [
    `${post.title} (${post.comments.length})`,
    post.url,
    ...post.comments.map((c) => `  - ${c.authorName}: ${c.excerpt}`),
    "",
  ]);
  const htmlPosts = posts
    .map(
      (post) =>
        `<p style="margin:16px 0 4px"><a href="${escapeHtml(post.url)}" style="color:#1a1a1a;font-weight:bold">${escapeHtml(post.title)}</a> (${post.comments.length})</p>
<ul style="margin:0 0 16px;padding-left:20px">${post.comments.map((c) => `<li><strong>${escapeHtml(c.authorName)}</strong>: ${escapeHtml(c.excerpt)}</li>`).join("")}</ul>`,
    )
    .join("\n");
  return {
    subject: `${count} waiting on your posts · ${siteName}`,
    text: [
      `Hello ${displayName},`,
      "",
      `${count} on your posts ${total === 1 ? "is" : "are"} waiting for moderation:`,
      "",
      ...textPosts,
      "Open a post to read them: you see its pending comments there until an editor decides.",
      "",
      `You get this because you asked for a daily summary. Turn it off in your profile: ${settingsUrl}`,
    ].join("\n"),
    html: layout(siteName, [`Hello ${escapeHtml(displayName)},`, `${count} on your posts ${total === 1 ? "is" : "are"} waiting for moderation:`])
      .replace("</div>\n</body>", `${htmlPosts}
<p style="margin:16px 0">Open a post to read them: you see its pending comments there until an editor decides.</p>
<p style="margin:0;font-size:13px;color:#555">You get this because you asked for a daily summary. <a href="${escapeHtml(settingsUrl)}" style="color:#555">Turn it off in your profile</a>.</p>
</div>
</body>`),
  };
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label.toLowerCase()}`;
}
