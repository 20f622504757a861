import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/permissions";
import { publishPost } from "@/lib/posts/publish-post";

export const scheduleInput = z.object({
  postId: z.string().min(1),
  publishAt: z.coerce.date({ error: "Choose a publish date." }),
  expectedVersion: z.number().int().optional(),
});

/** Publishing with a date in the future: readers see the post from that moment on. Same source states as publishing (publishPost checks them). */
export async function schedulePost({ actor, input }: { actor: Actor; input: z.input<typeof scheduleInput> }) {
  const parsed = scheduleInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Choose a publish date.", { publishAt: ["Choose a publish date."] });
  if (parsed.data.publishAt.getTime() <= Date.now()) {
    throw new AppError("INVALID", "A scheduled date must be in the future.", { publishAt: ["Choose a date in the future, or publish now."] });
  }
  return publishPost({ actor, input: parsed.data });
}
