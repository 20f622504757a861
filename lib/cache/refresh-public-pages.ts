import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";

/**
 * "Refresh public pages" for editors and admins: expires every cached public
 * page on every instance, after a change made outside the app (a SQL fix, a
 * restore). The one use case whose effect is knowingly everything.
 */
export const refreshPublicPages = defineUseCase({
  id: "cache.refresh",
  input: z.object({}),
  permission: "post.publishAny",
  async run() {
    return { result: { refreshed: true }, effect: SITE_WIDE_EFFECT };
  },
});
