import { diffWords } from "diff";

/** A word diff of two texts: additions as <ins>, removals as <del> (the revisions panel's markup). */
export function WordDiff({ from, to, label }: { from: string; to: string; label: string }) {
  const parts = diffWords(from, to);
  const same = parts.every((p) => !p.added && !p.removed);
  return (
    <div className="diff" role="group" aria-label={label}>
      {same ? <p className="meta">No change.</p> : parts.map((part, i) => (part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>))}
    </div>
  );
}
