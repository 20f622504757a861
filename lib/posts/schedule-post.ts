import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { publishPost } from "@/lib/posts/publish-post";

export const scheduleInput = z.object({
  postId: z.string().min(1),
  publishAt: z.coerce.date({ error: "Choose a publish date." }),
  expectedVersion: z.number().int().optional(),
});

/** Publishing with a date in the future: readers see the post from that moment on. Same source states as publishing (publishPost checks them). */
export const schedulePost = defineUseCase({
  id: "post.schedule",
  input: scheduleInput,
  permission: null, // as publishPost: canOnPost(actor, "publish", post)
  async run(actor, input) {
    if (input.publishAt.getTime() <= Date.now()) {
      throw new AppError("INVALID", "A scheduled date must be in the future.", { publishAt: ["Choose a date in the future, or publish now."] });
    }
    // A live post moved into the future leaves the public pages: publishPost's effect says so.
    return publishPost.run(actor, input);
  },
});
