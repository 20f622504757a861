import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/jobs/install";
import { hashPassword } from "@/lib/auth/password";
import { BENCH_AUTHOR_EMAIL, BENCH_MARKER, BENCH_PASSWORD, BENCH_READER_EMAIL, benchDatabaseState, NotABenchDatabase, openBenchDatabase } from "./bench-data";

/**
 * `npm run bench:seed`: grows the bench database (scripts/bench-data.ts) to
 * 100 000 published articles with bulk SQL (generate_series, indexes built
 * after the rows): 1 000 authors, 5 000 commenting readers, 30 sections,
 * 2 000 tags, three tags per article, 200 000 comments. Articles are
 * Markdown of 4–6 paragraphs (about 700–1 000 words, titles of 5–9 words),
 * from a pool of generated paragraphs with Zipf-like word frequencies, plus
 * words with known frequencies for search: "report" in every article, "city"
 * in half, "harbour" in 7 %, "zephyrine" in ten. Signs in for the bench:
 * bench-author@bench.test (owns articles) and bench-reader@bench.test, both
 * with the password in bench-data.ts. A database already seeded is left as it
 * is (`-- --force` seeds again); one not made for the bench is refused.
 */
const SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "pi", "de", "vo", "ba", "ri", "sha", "gen", "tor"];

/** Accounts, sections, tags and the word and paragraph pools (unlogged helper tables, dropped at the end). */
const PREPARE = (passwordHash: string) => `
DROP TABLE IF EXISTS bench_words, bench_paragraphs;
-- Words by number (a table, not an array: subscripting a large array in a join detoasts it on every access).
CREATE UNLOGGED TABLE bench_words AS
  SELECT k, s[1 + k % 15] || s[1 + (k / 15) % 15] || s[1 + (k / 225) % 15] AS w
  FROM generate_series(0, 3374) k, (SELECT ARRAY['${SYLLABLES.join("','")}']::text[] AS s) syl;
ALTER TABLE bench_words ADD PRIMARY KEY (k);

INSERT INTO "User" (id, email, username, "displayName", role, bio, "createdAt", "updatedAt")
SELECT 'bench-u' || g, 'author' || g || '@bench.test', 'author' || g, 'Author ' || g, 'AUTHOR', 'Writes about section ' || (1 + g % 30) || '.',
       now() - (g || ' hours')::interval, now()
FROM generate_series(1, 1000) g;
UPDATE "User" SET email = '${BENCH_AUTHOR_EMAIL}', "passwordHash" = '${passwordHash}' WHERE id = 'bench-u1';
INSERT INTO "User" (id, email, username, "displayName", role, "createdAt", "updatedAt")
SELECT 'bench-r' || g, 'reader' || g || '@bench.test', 'reader' || g, 'Reader ' || g, 'READER', now() - (g || ' minutes')::interval, now()
FROM generate_series(1, 5000) g;
INSERT INTO "User" (id, email, username, "displayName", role, "passwordHash", "createdAt", "updatedAt")
VALUES ('bench-reader', '${BENCH_READER_EMAIL}', 'bench-reader', 'Bench Reader', 'READER', '${passwordHash}', now(), now());

INSERT INTO "Category" (id, name, slug, description, "updatedAt") SELECT 'bench-c' || g, 'Section ' || g, 'section-' || g, 'Reporting from section ' || g || '.', now() FROM generate_series(1, 30) g;
INSERT INTO "Tag" (id, name, slug, "updatedAt") SELECT 'bench-t' || g, 'Tag ' || g, 'tag-' || g, now() FROM generate_series(1, 2000) g;

-- 3 000 paragraphs of 120–220 words; articles are 4–6 of them.
CREATE UNLOGGED TABLE bench_paragraphs AS
  SELECT picks.n, string_agg(bench_words.w, ' ' ORDER BY picks.i) AS text
  FROM (SELECT n, i, floor(power(random(), 2.5) * 3374)::int AS k FROM generate_series(0, 2999) n, LATERAL generate_series(1, 120 + (n * 37) % 101) i) picks
  JOIN bench_words ON bench_words.k = picks.k
  GROUP BY picks.n;
ALTER TABLE bench_paragraphs ADD PRIMARY KEY (n);

-- Indexes are built once at the end instead of row by row.
DROP INDEX IF EXISTS "Post_searchVector_idx";
DROP INDEX IF EXISTS "Post_title_idx";
`;

/**
 * Articles from..to. Most of the time goes to PostgreSQL computing each
 * article's search vector (a generated column), so two connections insert
 * halves at once, one per core.
 */
const POSTS = (from: number, to: number) => `
INSERT INTO "Post" (id, title, slug, excerpt, body, status, "publishedAt", featured, "authorId", "categoryId", "createdAt", "updatedAt")
SELECT 'bench-p' || g,
       initcap((SELECT w FROM bench_words WHERE k = (g * 31) % 3000)) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 17) % 3000) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 7) % 3000) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 11) % 3000) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 13) % 3000)
         || CASE WHEN g % 3 = 0 THEN ' ' || (SELECT w FROM bench_words WHERE k = (g * 19) % 3000) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 23) % 3000) ELSE '' END
         || CASE WHEN g % 5 = 0 THEN ' ' || (SELECT w FROM bench_words WHERE k = (g * 29) % 3000) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 37) % 3000) ELSE '' END,
       'bench-post-' || g,
       'A report on ' || (SELECT w FROM bench_words WHERE k = (g * 13) % 3000) || ' and ' || (SELECT w FROM bench_words WHERE k = (g * 41) % 3000) || ': what changed, who decided, and what comes next for the ' || (SELECT w FROM bench_words WHERE k = (g * 43) % 3000) || ' district.',
       a.text || E'\\n\\n## ' || initcap((SELECT w FROM bench_words WHERE k = (g * 3) % 3000)) || ' ' || (SELECT w FROM bench_words WHERE k = (g * 5) % 3000) || E'\\n\\n' || b.text || ' report' || E'\\n\\n' || c.text
         || CASE WHEN g % 2 = 0 THEN ' city' ELSE '' END || CASE WHEN g % 14 = 0 THEN ' harbour' ELSE '' END || CASE WHEN g % 10000 = 7 THEN ' zephyrine' ELSE '' END
         || E'\\n\\n' || d.text || CASE WHEN g % 2 = 1 THEN E'\\n\\n' || e.text ELSE '' END || CASE WHEN g % 4 = 1 THEN E'\\n\\n' || f.text ELSE '' END,
       'PUBLISHED', now() - (g * 20 || ' minutes')::interval, g = 1,
       'bench-u' || (1 + g % 1000),
       'bench-c' || (1 + g % 30),
       now() - (g * 20 || ' minutes')::interval, now() - (g * 20 || ' minutes')::interval
FROM generate_series(${from}, ${to}) g
JOIN bench_paragraphs a ON a.n = g % 3000
JOIN bench_paragraphs b ON b.n = (g * 7 + 1) % 3000
JOIN bench_paragraphs c ON c.n = (g * 13 + 2) % 3000
JOIN bench_paragraphs d ON d.n = (g * 17 + 3) % 3000
JOIN bench_paragraphs e ON e.n = (g * 19 + 4) % 3000
JOIN bench_paragraphs f ON f.n = (g * 23 + 5) % 3000;
`;

/** Built after the rows, side by side on two connections. */
const INDEXES = [
  `SET maintenance_work_mem = '256MB'; CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");`,
  `SET maintenance_work_mem = '128MB'; CREATE INDEX "Post_title_idx" ON "Post" USING GIN ("title" gin_trgm_ops);`,
];

const LINKS = (posts: number) => `
-- Three distinct tags per article (offsets 0, 667 and 1334 apart).
INSERT INTO "PostTag" ("postId", "tagId")
SELECT 'bench-p' || g, 'bench-t' || (1 + ((g::bigint * 7919) % 2000 + k * 667) % 2000) FROM generate_series(1, ${posts}) g, generate_series(0, 2) k;

INSERT INTO "Comment" (id, "postId", "authorId", body, status, "createdAt", "updatedAt")
SELECT 'bench-m' || g, 'bench-p' || (1 + (g * 7) % ${posts}), 'bench-r' || (1 + g % 5000),
       'A reader''s comment number ' || g || ': thoughtful, a little long, and mostly about the ' || (SELECT w FROM bench_words WHERE k = g % 3000) || ' question.',
       (CASE WHEN g % 50 = 0 THEN 'PENDING' WHEN g % 17 = 0 THEN 'SPAM' ELSE 'APPROVED' END)::"CommentStatus",
       now() - (g || ' seconds')::interval, now()
FROM generate_series(1, ${posts * 2}) g;

DROP TABLE bench_words, bench_paragraphs;
INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('${BENCH_MARKER}', '{"posts": ${posts}}', now());
ANALYZE;
`;

const TABLES = ["Comment", "PostTag", "PostRevision", "PostWorkingCopy", "Post", "Tag", "Category", "AuditLog", "User", "CacheTagRevalidation"];

async function main() {
  const force = process.argv.includes("--force");
  // `-- --posts <n>`: a smaller data set for trying the script (comments are twice the articles); the bench uses 100 000.
  const at = process.argv.indexOf("--posts");
  const posts = at >= 0 ? Math.max(10, Number(process.argv[at + 1])) : 100_000;
  const database = await openBenchDatabase((line) => console.log(line));
  try {
    const state = await benchDatabaseState(database.url);
    if (state === "bench" && !force) {
      console.log("bench:seed: the bench database is already seeded (npm run bench:seed -- --force seeds it again)");
      return;
    }
    await migrate(database.url, { log: (line) => console.log(line) });
    await installJobQueue(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      if (state === "bench") {
        // The audit log is append-only by trigger; TRUNCATE of a bench database is allowed by turning it off for this session.
        await client.query(`SET session_replication_role = replica; TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE; DELETE FROM "Setting"; SET session_replication_role = DEFAULT`);
      }
      const started = Date.now();
      console.log(`bench:seed: generating ${posts} articles, 1 000 authors, 2 000 tags, 30 sections, ${posts * 2} comments…`);
      await client.query(PREPARE(await hashPassword(BENCH_PASSWORD)));
      const second = new pg.Client({ connectionString: database.url });
      await second.connect();
      try {
        const half = Math.floor(posts / 2);
        await Promise.all([client.query(POSTS(1, half)), second.query(POSTS(half + 1, posts))]);
        console.log(`bench:seed: articles in ${((Date.now() - started) / 1000).toFixed(0)} s; indexes, tags and comments…`);
        await Promise.all([client.query(INDEXES[0]!), second.query(INDEXES[1]!)]);
      } finally {
        await second.end();
      }
      await client.query(LINKS(posts));
      const { rows } = await client.query<{ posts: string; comments: string; tags: string }>(
        `SELECT (SELECT count(*) FROM "Post" WHERE status = 'PUBLISHED') AS posts, (SELECT count(*) FROM "Comment") AS comments, (SELECT count(*) FROM "PostTag") AS tags`,
      );
      console.log(`bench:seed: ${rows[0]!.posts} published articles, ${rows[0]!.tags} tag links, ${rows[0]!.comments} comments in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof NotABenchDatabase) {
    console.error(`bench:seed: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
