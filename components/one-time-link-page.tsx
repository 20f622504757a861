import type { ReactNode } from "react";

/**
 * A page reached through an emailed one-time link (an invitation, a password
 * reset): `valid` when the link still works (what it is for and its form),
 * else the `invalid` explanation as an alert.
 */
export function OneTimeLinkPage({ title, valid, invalid }: { title: ReactNode; valid: ReactNode | null; invalid: ReactNode }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      {valid ?? (
        <p className="form-error" role="alert">
          {invalid}
        </p>
      )}
    </div>
  );
}
