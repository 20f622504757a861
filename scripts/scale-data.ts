import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

/**
 * A large generated data set for EXPLAIN ANALYZE work (measures; asserts nothing):
 *
 *   npx tsx scripts/scale-data.ts [port]
 *
 * Starts an embedded PostgreSQL in .data/scale-pg (kept between runs), applies
 * the migrations, and on the first run bulk-inserts with generate_series:
 * 10 000 users, 20 sections, 2 000 tags, 100 000 published posts (20 000 by one
 * author, `scale-author`; bodies of about 300 words from a pool of generated
 * paragraphs), three tags each, 200 000 comments. Every body
 * contains "report"; about half contain "city"; "zephyrine" is in ten posts.
 * Then it stays up (Ctrl-C stops the database) so `psql` can connect on the port.
 */
const port = Number(process.argv[2] ?? 54391);

const SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "pi", "de", "vo", "ba", "ri", "sha", "gen", "tor"];

const GENERATE = `
CREATE TEMP TABLE vocab AS
  SELECT array_agg(w ORDER BY k) AS words FROM (
    SELECT k, s[1 + k % 15] || s[1 + (k / 15) % 15] || s[1 + (k / 225) % 15] AS w
    FROM generate_series(0, 3374) k, (SELECT ARRAY['${SYLLABLES.join("','")}']::text[] AS s) syl
  ) v;

INSERT INTO "User" (id, email, username, "displayName", role, "createdAt", "updatedAt")
SELECT 'scale-u' || g, 'user' || g || '@scale.test', CASE WHEN g = 1 THEN 'scale-author' ELSE 'user' || g END,
       'User ' || g, (CASE WHEN g <= 50 THEN 'AUTHOR' ELSE 'READER' END)::"Role",
       now() - (g || ' minutes')::interval, now()
FROM generate_series(1, 10000) g;

INSERT INTO "Category" (id, name, slug, "updatedAt") SELECT 'scale-c' || g, 'Section ' || g, 'section-' || g, now() FROM generate_series(1, 20) g;
INSERT INTO "Tag" (id, name, slug, "updatedAt") SELECT 'scale-t' || g, 'Tag ' || g, 'tag-' || g, now() FROM generate_series(1, 2000) g;

-- Bodies from a pool of 2 000 generated paragraphs (Zipf-like word frequencies): generating
-- 30 million random words row by row is what would take long, not the posts themselves.
CREATE TEMP TABLE paragraphs AS
  SELECT n, (SELECT string_agg(v.words[1 + floor(power(random(), 2.5) * 3374)::int + 0 * i], ' ') FROM generate_series(1, 150 + 0 * n) i) AS text
  FROM generate_series(0, 1999) n, vocab v;

-- The GIN index is built once at the end instead of row by row.
DROP INDEX "Post_searchVector_idx";

INSERT INTO "Post" (id, title, slug, excerpt, body, status, "publishedAt", "authorId", "categoryId", "createdAt", "updatedAt")
SELECT 'scale-p' || g,
       initcap(v.words[1 + (g * 31) % 3000]) || ' ' || v.words[1 + (g * 17) % 3000] || ' ' || v.words[1 + (g * 7) % 3000],
       'scale-post-' || g,
       'An excerpt about ' || v.words[1 + (g * 13) % 3000],
       a.text || ' report ' || b.text || CASE WHEN g % 2 = 0 THEN ' city' ELSE '' END || CASE WHEN g % 10000 = 7 THEN ' zephyrine' ELSE '' END,
       'PUBLISHED', now() - (g || ' minutes')::interval,
       CASE WHEN g % 5 = 0 THEN 'scale-u1' ELSE 'scale-u' || (2 + g % 49) END,
       'scale-c' || (1 + g % 20),
       now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
FROM generate_series(1, 100000) g
JOIN paragraphs a ON a.n = g % 2000
JOIN paragraphs b ON b.n = (g * 7 + 1) % 2000
CROSS JOIN vocab v;

SET maintenance_work_mem = '256MB';
CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");

INSERT INTO "PostTag" ("postId", "tagId")
SELECT DISTINCT 'scale-p' || g, 'scale-t' || (1 + (g::bigint * k * 7919) % 2000) FROM generate_series(1, 100000) g, generate_series(1, 3) k;

INSERT INTO "Comment" (id, "postId", "authorId", body, status, "createdAt", "updatedAt")
SELECT 'scale-m' || g, 'scale-p' || (1 + g % 100000), 'scale-u' || (51 + g % 9950), 'A comment ' || g,
       (CASE WHEN g % 50 = 0 THEN 'PENDING' WHEN g % 17 = 0 THEN 'SPAM' ELSE 'APPROVED' END)::"CommentStatus",
       now() - (g || ' seconds')::interval, now()
FROM generate_series(1, 200000) g;

ANALYZE;
`;

async function main() {
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "scale-pg"), port, database: "broadsheet_scale" });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await migrate(server.url, { log: (line) => console.log(line) });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  client.on("error", () => undefined);
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Post"`);
  if (Number(rows[0]!.count) < 100_000) {
    const started = Date.now();
    console.log("generating the data set…");
    try {
      await client.query(GENERATE);
    } catch (error) {
      console.error(error);
      await client.end();
      await stop();
    }
    console.log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await client.end();
  console.log(`ready: ${server.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
