"use strict";
/**
 * The one statement that records tag revalidations (table
 * "CacheTagRevalidation", the source of truth) and tells every instance
 * (NOTIFY on CHANNEL), used by lib/cache/handler.cjs (revalidations made
 * inside Next) and lib/cache/revalidate.ts (the scheduler, scripts).
 * Parameters: $1 tags (text[]), $2 expireSeconds (int, NULL = expire now),
 * $3 channel, $4 origin (the instance that made it, which has applied it already).
 */
const CHANNEL = "broadsheet_cache_tags";
/** Tags per statement: keeps NOTIFY payloads far below PostgreSQL's 8000-byte limit. */
const NOTIFY_CHUNK = 40;
const RECORD_AND_NOTIFY_SQL = `WITH stamp AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms),
 upsert AS (
   INSERT INTO "CacheTagRevalidation" (tag, "revalidatedAtMs", "expireSeconds")
   SELECT t, stamp.ms, $2::int FROM unnest($1::text[]) AS t, stamp
   ON CONFLICT (tag) DO UPDATE SET "revalidatedAtMs" = EXCLUDED."revalidatedAtMs", "expireSeconds" = EXCLUDED."expireSeconds"
 )
 SELECT pg_notify($3, json_build_object('tags', $1::text[], 'expire', $2::int, 'origin', $4::text, 'at', stamp.ms)::text) FROM stamp`;

module.exports = { CHANNEL, NOTIFY_CHUNK, RECORD_AND_NOTIFY_SQL };
