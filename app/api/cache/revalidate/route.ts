import { routeHandler } from "@/lib/actions/use-case-adapters";
import { refreshPublicPages } from "@/lib/cache/refresh-public-pages";

/**
 * "Refresh public pages" (lib/cache/refresh-public-pages.ts). Same-origin POST
 * only (lib/http/same-origin.ts, checked by the adapter); the session cookie is SameSite=Lax.
 */
export const dynamic = "force-dynamic";

export const POST = routeHandler(refreshPublicPages, { input: async () => ({}) });
