import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";

export const refreshPublicPagesInput = z.object({});

/**
 * "Refresh public pages" for editors and admins: every cached public page
 * expires on every instance (after a change made outside the app, e.g. a SQL
 * fix or an import). Its whole point is its effect: site-wide.
 */
export const refreshPublicPages = defineUseCase({
  id: "cache.refreshPublicPages",
  input: refreshPublicPagesInput,
  permission: "post.publishAny",
  async run() {
    return { result: {}, effect: SITE_WIDE_EFFECT };
  },
});
