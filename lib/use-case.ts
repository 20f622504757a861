import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Action, type Actor } from "@/lib/authz/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import { NO_EFFECT, type ReaderEffect } from "@/lib/cache/reader-effect";

/**
 * A use case is the contract (STYLE.md item 16): its input schema, the
 * permission it needs, and `run` over already-parsed input returning its
 * result and its effect on readers. Adapters (lib/actions/use-case-adapters.ts)
 * parse once with `input`, check `permission`, call `run` and revalidate from
 * the effect; tests and other use cases call it directly.
 */
export type Outcome<R> = { result: R; effect: ReaderEffect };

export type UseCaseSpec<S extends z.ZodType, R> = {
  /** For logs and tests, e.g. "post.publish". */
  id: string;
  input: S;
  /** The coarse permission (lib/authz/permissions.ts); ownership and state rules are checked inside `run`. */
  permission: Action | null;
  run: (actor: Actor, input: z.output<S>, tx?: Tx) => Promise<Outcome<R>>;
};

export type UseCase<S extends z.ZodType, R> = UseCaseSpec<S, R> & {
  /** Parse, authorize and run; the result only (tests, scripts, other use cases). */
  (args: { actor: Actor | null | undefined; input: z.input<S> }, tx?: Tx): Promise<R>;
  /** Parse, authorize and run; result and effect on readers (adapters). */
  execute: (args: { actor: Actor | null | undefined; input: unknown }, tx?: Tx) => Promise<Outcome<R>>;
};

export function defineUseCase<S extends z.ZodType, R>(spec: UseCaseSpec<S, R>): UseCase<S, R> {
  const execute = async ({ actor, input }: { actor: Actor | null | undefined; input: unknown }, tx?: Tx): Promise<Outcome<R>> => {
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    if (spec.permission) assertCan(actor, spec.permission);
    return spec.run(actor, parseInput(spec.input, input), tx);
  };
  const call = async (args: { actor: Actor | null | undefined; input: z.input<S> }, tx?: Tx): Promise<R> => (await execute(args, tx)).result;
  return Object.assign(call, { id: spec.id, input: spec.input, permission: spec.permission, run: spec.run, execute });
}

/** An outcome readers don't see (drafts, reviews, bookkeeping). */
export const unseen = <R,>(result: R): Outcome<R> => ({ result, effect: NO_EFFECT });
