import { CopyLinkButton } from "@/components/copy-link-button";

/** Plain share links (no third-party scripts): each opens the network's own share page. */
export function shareTargets(url: string, title: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: "Email", href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
    { name: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share this article</h2>
      <ul>
        {shareTargets(url, title).map((target) => (
          <li key={target.name}>
            <a href={target.href} rel="noopener noreferrer" target={target.name === "Email" ? undefined : "_blank"}>
              {target.name === "Email" ? "Email" : `Share on ${target.name}`}
              {target.name === "Email" ? null : <span className="visually-hidden"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
        <li>
          <CopyLinkButton url={url} />
        </li>
        <li>
          <a href={url} className="permalink">
            Permalink
          </a>
        </li>
      </ul>
    </section>
  );
}
