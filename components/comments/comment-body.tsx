import { COMMENT_LINK_REL, linkifyComment } from "@/lib/comments/linkify";

/**
 * A comment's plain text: every character escaped by React, http(s) URLs
 * made clickable with rel="nofollow ugc noopener", line breaks kept.
 */
export function CommentBody({ text }: { text: string }) {
  return (
    <div className="comment-body">
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          {linkifyComment(paragraph).map((part, j) =>
            part.kind === "link" ? (
              <a key={j} href={part.href} rel={COMMENT_LINK_REL}>
                {part.text}
              </a>
            ) : (
              <LineBreaks key={j} text={part.text} />
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function LineBreaks({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}
