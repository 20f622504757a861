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

const GENERATE = (passwordHash: string) => `
SET maintenance_work_mem = '256MB';
CREATE TEMP TABLE vocab AS
  SELECT array_agg(w ORDER BY k) AS words FROM (
    SELECT k, s[1 + k % 15] || s[1 + (k / 15) % 15] || s[1 + (k / 225) % 15] AS w
    FROM generate_series(0, 3374) k, (SELECT ARRAY['${SYLLABLES.join("','")}']::text[] AS s) syl
  ) v;

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
CREATE TEMP TABLE paragraphs AS
  SELECT n, (SELECT string_agg(v.words[1 + floor(power(random(), 2.5) * 3374)::int + 0 * i], ' ') FROM generate_series(1, 120 + (n * 37) % 101) i) AS text
  FROM generate_series(0, 2999) n, vocab v;

-- Indexes are built once at the end instead of row by row.
DROP INDEX "Post_searchVector_idx";
DROP INDEX "Post_title_idx";

INSERT INTO "Post" (id, title, slug, excerpt, body, status, "publishedAt", featured, "authorId", "categoryId", "createdAt", "updatedAt")
SELECT 'bench-p' || g,
       initcap(v.words[1 + (g * 31) % 3000]) || ' ' || v.words[1 + (g * 17) % 3000] || ' ' || v.words[1 + (g * 7) % 3000] || ' ' || v.words[1 + (g * 11) % 3000] || ' ' || v.words[1 + (g * 13) % 3000]
         || CASE WHEN g % 3 = 0 THEN ' ' || v.words[1 + (g * 19) % 3000] || ' ' || v.words[1 + (g * 23) % 3000] ELSE '' END
         || CASE WHEN g % 5 = 0 THEN ' ' || v.words[1 + (g * 29) % 3000] || ' ' || v.words[1 + (g * 37) % 3000] ELSE '' END,
       'bench-post-' || g,
       'A report on ' || v.words[1 + (g * 13) % 3000] || ' and ' || v.words[1 + (g * 41) % 3000] || ': what changed, who decided, and what comes next for the ' || v.words[1 + (g * 43) % 3000] || ' district.',
       a.text || E'\\n\\n## ' || initcap(v.words[1 + (g * 3) % 3000]) || ' ' || v.words[1 + (g * 5) % 3000] || E'\\n\\n' || b.text || ' report' || E'\\n\\n' || c.text
         || CASE WHEN g % 2 = 0 THEN ' city' ELSE '' END || CASE WHEN g % 14 = 0 THEN ' harbour' ELSE '' END || CASE WHEN g % 10000 = 7 THEN ' zephyrine' ELSE '' END
         || E'\\n\\n' || d.text || CASE WHEN g % 2 = 1 THEN E'\\n\\n' || e.text ELSE '' END || CASE WHEN g % 4 = 1 THEN E'\\n\\n' || f.text ELSE '' END,
       'PUBLISHED', now() - (g * 20 || ' minutes')::interval, g = 1,
       'bench-u' || (1 + g % 1000),
       'bench-c' || (1 + g % 30),
       now() - (g * 20 || ' minutes')::interval, now() - (g * 20 || ' minutes')::interval
FROM generate_series(1, 100000) g
JOIN paragraphs a ON a.n = g % 3000
JOIN paragraphs b ON b.n = (g * 7 + 1) % 3000
JOIN paragraphs c ON c.n = (g * 13 + 2) % 3000
JOIN paragraphs d ON d.n = (g * 17 + 3) % 3000
JOIN paragraphs e ON e.n = (g * 19 + 4) % 3000
JOIN paragraphs f ON f.n = (g * 23 + 5) % 3000
CROSS JOIN vocab v;

CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");
CREATE INDEX "Post_title_idx" ON "Post" USING GIN ("title" gin_trgm_ops);

-- Three distinct tags per article (offsets 0, 667 and 1334 apart).
INSERT INTO "PostTag" ("postId", "tagId")
SELECT 'bench-p' || g, 'bench-t' || (1 + ((g::bigint * 7919) % 2000 + k * 667) % 2000) FROM generate_series(1, 100000) g, generate_series(0, 2) k;

INSERT INTO "Comment" (id, "postId", "authorId", body, status, "createdAt", "updatedAt")
SELECT 'bench-m' || g, 'bench-p' || (1 + (g * 7) % 100000), 'bench-r' || (1 + g % 5000),
       'A reader''s comment number ' || g || ': thoughtful, a little long, and mostly about the ' || (SELECT words[1 + g % 3000] FROM vocab) || ' question.',
       (CASE WHEN g % 50 = 0 THEN 'PENDING' WHEN g % 17 = 0 THEN 'SPAM' ELSE 'APPROVED' END)::"CommentStatus",
       now() - (g || ' seconds')::interval, now()
FROM generate_series(1, 200000) g;

INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('${BENCH_MARKER}', '{"posts": 100000}', now());
ANALYZE;
`;

const TABLES = ["Comment", "PostTag", "PostRevision", "PostWorkingCopy", "Post", "Tag", "Category", "AuditLog", "User", "CacheTagRevalidation"];

async function main() {
  const force = process.argv.includes("--force");
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
      console.log("bench:seed: generating 100 000 articles, 1 000 authors, 2 000 tags, 30 sections, 200 000 comments…");
      await client.query(GENERATE(await hashPassword(BENCH_PASSWORD)));
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
