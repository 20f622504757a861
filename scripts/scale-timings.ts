import { parseEnv } from "@/lib/env";

/**
 * Times the bounded list and search use cases against a large data set
 * (scripts/scale-data.ts). Measures; asserts nothing:
 *
 *   DATABASE_URL=postgresql://postgres:broadsheet-local@127.0.0.1:54391/broadsheet_scale \
 *     npx tsx --conditions=react-server scripts/scale-timings.ts [--lists]
 *
 * Each case runs four times with the search memo cleared; prints the median.
 */
async function main() {
  parseEnv(process.env);
  const { searchPublishedPosts, clearSearchMemo } = await import("@/lib/posts/search-posts");
  const { disconnectDb } = await import("@/lib/db");
  const { listTermsForAdmin } = await import("@/lib/taxonomy/list-terms");
  const { listUsers } = await import("@/lib/users/list-users");
  const { listCommentsForModeration } = await import("@/lib/comments/list-comments-for-moderation");
  const { listMyPosts } = await import("@/lib/posts/list-my-posts");
  const admin = { id: "scale-admin", role: "ADMIN", username: "scale-admin", displayName: "Admin" } as const;
  const author = { id: "scale-u1", role: "AUTHOR", username: "scale-author", displayName: "User 1" } as const;
  const cases: [string, () => Promise<unknown>][] = [
    ["taxonomy: tags page 1", () => listTermsForAdmin(admin, "tag", { page: 1 })],
    ["taxonomy: tags page 40", () => listTermsForAdmin(admin, "tag", { page: 40 })],
    ["taxonomy: tags search", () => listTermsForAdmin(admin, "tag", { q: "tag 19" })],
    ["users: page 1", () => listUsers(admin, { page: 1 })],
    ["users: page 300", () => listUsers(admin, { page: 300 })],
    ["users: search", () => listUsers(admin, { page: 1, q: "user99" })],
    ["users: role filter", () => listUsers(admin, { page: 1, role: "AUTHOR" })],
    ["comments: pending", () => listCommentsForModeration(admin, { tab: "pending", page: 1 })],
    ["comments: approved", () => listCommentsForModeration(admin, { tab: "approved", page: 1 })],
    ["comments: approved page 200", () => listCommentsForModeration(admin, { tab: "approved", page: 200 })],
    ["comments: rejected", () => listCommentsForModeration(admin, { tab: "rejected", page: 1 })],
    ["comments: reported", () => listCommentsForModeration(admin, { tab: "reported", page: 1 })],
    ["comments: by post title", () => listCommentsForModeration(admin, { tab: "approved", page: 1, post: "Kalomi" })],
    ["comments: by user", () => listCommentsForModeration(admin, { tab: "approved", page: 1, user: "user77" })],
    ["my posts: page 1", () => listMyPosts(author, { page: 1 })],
    ["my posts: page 500", () => listMyPosts(author, { page: 500 })],
    ["my posts: status filter (drafts)", () => listMyPosts(author, { page: 1, status: "DRAFT" })],
    ["my posts: status filter (scheduled)", () => listMyPosts(author, { page: 1, status: "SCHEDULED" })],
    ["my posts: title search", () => listMyPosts(author, { page: 1, q: "kalo" })],
  ];
  if (process.argv.includes("--lists")) cases.length = cases.length;
  else cases.length = 0;
  for (const [label, query, page] of [
    ["a word in every article", "report", 1],
    ["two words", "report city", 1],
    ["a word in 7% of articles", "batormi", 1],
    ["a word in 18% of articles", "bapika", 1],
    ["a rare word", "zephyrine", 1],
    ["deep page (20)", "report", 20],
    ["negation only", "-zzzq", 1],
  ] as const) {
    if (process.argv.includes("--lists")) break;
    cases.push([`search: ${label}`, () => searchPublishedPosts({ query, page })]);
  }
  for (const [label, run] of cases) {
    const times: number[] = [];
    let status = "";
    for (let i = 0; i < 4; i++) {
      clearSearchMemo();
      const started = performance.now();
      const result = (await run()) as { status?: string; total?: number; capped?: boolean };
      times.push(performance.now() - started);
      status = `${result.status ?? ""} total=${result.total ?? ""}${result.capped ? "+" : ""}`;
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(44)} median ${times[2]!.toFixed(0).padStart(5)} ms  (min ${times[0]!.toFixed(0)}, max ${times[3]!.toFixed(0)})  ${status}`);
  }
  await disconnectDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
