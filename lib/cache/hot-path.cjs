/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * The hot path: answers GET/HEAD of a cached public page from the page store
 * before Next.js sees the request, in the same process (scripts/serve.cjs).
 * Why: Next's own serving path costs ~2.5 ms of CPU per hit (lib/cache/README.md).
 *
 * It answers only when it is sure Next would answer the same:
 * - a plain reader request (signed in or not: a session gets the private
 *   Cache-Control): no query string, no percent-encoding, no RSC / router /
 *   action headers, not a private area, the
 *   database not marked unavailable (proxy.ts decides those);
 * - the page is servable (lib/cache/page-store.cjs: none of its tags
 *   revalidated since it was stored) and the first replay of revalidations is
 *   done: from memory, or on a memory miss from the persistent tier (async,
 *   only while nothing can have been missed; promoted to memory); any fault
 *   there and Next answers;
 * - Next itself has already answered this path with a 200 from its cache:
 *   the headers it sent then are the ones sent now (minus per-response ones),
 *   so next.config headers(), Vary, Content-Type and x-nextjs-* stay identical.
 * Everything else goes to Next.
 */
const { LRUCache } = require("lru-cache");
const { rawBody } = require("./entry-codec.cjs");

/** Request headers that change what Next sends (RSC payloads, prefetches, actions, on-demand revalidation). */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url", "x-prerender-revalidate", "x-now-route-matches", "x-middleware-subrequest"];
/** Response headers that belong to one response, not to the page (Node adds Date, Connection and Keep-Alive itself). */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "set-cookie"]);

/** Which stored encoding to send: br, then gzip, else the raw body (q=0 means "not this one"). */
function pickEncoding(acceptEncoding) {
  if (!acceptEncoding) return null;
  const accepted = new Set();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p))) continue;
    accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}

/** The path Next stores a page under ("/" is "/index"), and back. */
const storePathOf = (path) => (path === "/" ? "/index" : path);
const requestPathOf = (storePath) => (storePath === "/index" ? "/" : storePath);

/**
 * The page's cache key (Next's `/route-cache/<kind>/<hash of the route>/$<path>`) without the path:
 * the prefix pages of one route share, from which the hot path reads a page in the persistent tier.
 */
function keyPrefixOf(storePath, key) {
  return typeof key === "string" && key.endsWith(`$${storePath}`) ? key.slice(0, key.length - storePath.length) : null;
}

/** RFC 9110 weak comparison of If-None-Match against one ETag. */
function etagMatches(ifNoneMatch, etag) {
  if (ifNoneMatch === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/**
 * @param {{ pageCache: () => { store: import("./page-store.cjs").PageStore, ready: boolean },
 *           sessionCookies: readonly string[], privatePrefixes: readonly string[],
 *           databaseUnavailable: () => boolean, maxPaths?: number }} options
 */
function createHotPath({ pageCache, sessionCookies, privatePrefixes, databaseUnavailable, privateCacheControl, maxPaths = 200_000 }) {
  const privateFirstSegments = new Set(privatePrefixes);
  /** Request path → the headers Next sent for it (interned: pages of one kind share one object). */
  const templates = new LRUCache({ max: maxPaths });
  const interned = new Map();
  const stats = { hits: 0, tierHits: 0, notModified: 0, passed: 0 };

  /** The page path this request may be answered for, or null when Next must answer. */
  function candidatePath(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url;
    if (!url || url.charCodeAt(0) !== 47 /* / */ || url.includes("?") || url.includes("%") || url.includes("//")) return null;
    if (url.length > 1 && url.endsWith("/")) return null;
    const slash = url.indexOf("/", 1);
    if (privateFirstSegments.has(url.slice(1, slash === -1 ? undefined : slash))) return null;
    const headers = req.headers;
    for (const name of NEXT_REQUEST_HEADERS) if (headers[name] !== undefined) return null;
    if (databaseUnavailable()) return null;
    return url;
  }

  /**
   * A signed-in visitor gets the same cached page as everyone (the personal
   * parts come from a private per-visitor request), with the Cache-Control
   * next.config's headers() gives session holders: never stored by a shared cache.
   */
  const signedIn = (req) => {
    const cookie = req.headers.cookie;
    return !!cookie && sessionCookies.some((name) => cookie.includes(`${name}=`));
  };

  /**
   * Answers from the store: true when answered, false when the request must go
   * to Next, or (a memory miss, read from the persistent tier) a promise of either.
   */
  function serve(req, res) {
    const path = candidatePath(req);
    if (path === null) return false;
    const session = signedIn(req);
    const template = templates.get(path);
    const cache = template && pageCache();
    // Only anonymous answers of Next's teach the hot path a page's headers.
    if (!template || !cache.ready) return toNext(req, res, path, session);
    const storePath = storePathOf(path);
    const key = template.keyPrefix !== null ? template.keyPrefix + storePath : cache.store.byPath.get(storePath);
    if (key === undefined) return toNext(req, res, path, session);
    const record = cache.store.servableByKey(key);
    if (record) return send(req, res, template, record, session) || toNext(req, res, path, session);
    // Not in memory: being stored (rendered a moment ago), or evicted or stored by another instance
    // (the persistent tier, same rules); else Next.
    if (!cache.store.storing.has(key) && !cache.store.tierReadable()) return toNext(req, res, path, session);
    return cache.store.servableOnMiss(key).then(
      (found) => {
        if (found && !res.headersSent && !databaseUnavailable() && send(req, res, template, found, session)) {
          stats.tierHits++;
          return true;
        }
        return toNext(req, res, path, session);
      },
      () => toNext(req, res, path, session),
    );
  }

  /** Next answers; an anonymous answer teaches the hot path the page's headers. */
  const toNext = (req, res, path, session) => (session ? false : passTo(req, res, path));

  /** Sends a servable record with the page's headers; false when Next must answer instead. */
  function send(req, res, template, record, session) {
    const { served } = record;
    if (served.status !== 200) return false;
    // Next's headers for this page, in its order and spelling, with this entry's ETag.
    const headers = template.flat.slice();
    if (template.etagAt >= 0) headers[template.etagAt] = served.etag;
    if (session) {
      if (template.cacheControlAt < 0 || !privateCacheControl) return false;
      headers[template.cacheControlAt] = privateCacheControl;
    }
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && etagMatches(ifNoneMatch, served.etag)) {
      stats.notModified++;
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    let body;
    if (encoding === "br") body = served.br;
    else if (encoding === "gzip") body = served.gz;
    else if (req.method === "HEAD") body = null;
    else {
      // Neither br nor gzip: decompressed for this response only (memory keeps the compact form).
      try {
        body = rawBody(record);
      } catch (error) {
        console.warn(`[cache] hot path: could not decompress ${record.key}; Next answers`, error);
        return false;
      }
    }
    headers.push("Content-Length", String(body ? body.length : served.length));
    if (encoding) headers.push("Content-Encoding", encoding);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    stats.hits++;
    return true;
  }

  /**
   * Lets Next answer, and remembers the headers of its answer when it is a
   * cached public page (200, from Next's cache, shared caching allowed, no cookie set).
   */
  function passTo(req, res, path) {
    stats.passed++;
    if (req.method !== "GET") return false;
    const writeHead = res.writeHead;
    res.writeHead = function recordingWriteHead(...args) {
      res.writeHead = writeHead;
      try {
        record(path, res, args);
      } catch (error) {
        console.warn("[cache] hot path: could not record response headers", error);
      }
      return writeHead.apply(this, args);
    };
    return false;
  }

  function record(path, res, args) {
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (status !== 200 || typeof args[args.length - 1] === "object") return; // headers passed inline: not Next's cached path
    const cacheState = res.getHeader("x-nextjs-cache");
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    if (!cacheState || !/\bpublic\b/.test(cacheControl) || /no-store|private/.test(cacheControl) || res.hasHeader("set-cookie")) return;
    // A flat [name, value, …] list as writeHead takes it; the ETag's value is replaced per entry.
    const flat = [];
    let etagAt = -1;
    let cacheControlAt = -1;
    for (const name of res.getRawHeaderNames()) {
      const lower = name.toLowerCase();
      if (PER_RESPONSE.has(lower)) continue;
      const value = lower === "x-nextjs-cache" ? "HIT" : res.getHeader(name);
      for (const one of Array.isArray(value) ? value : [value]) {
        if (lower === "etag") etagAt = flat.length + 1;
        if (lower === "cache-control") cacheControlAt = flat.length + 1;
        flat.push(name, lower === "etag" ? "" : String(one)); // blank: pages of one kind share one template
      }
    }
    const storePath = storePathOf(path);
    const store = pageCache().store;
    // A first answer (a render) can go out before Next has stored the page: its key is then learned when it is stored.
    if (store.onPageKey !== learnKey) store.onPageKey = learnKey;
    templates.set(path, intern({ flat, etagAt, cacheControlAt, keyPrefix: keyPrefixOf(storePath, store.byPath.get(storePath)) }));
  }

  function intern(template) {
    const json = `${JSON.stringify(template.flat)}\n${template.etagAt}\n${template.cacheControlAt}\n${template.keyPrefix}`;
    let shared = interned.get(json);
    if (!shared) {
      shared = Object.freeze({ ...template, flat: Object.freeze(template.flat) });
      if (interned.size < 1000) interned.set(json, shared);
    }
    return shared;
  }

  /** The store tells the key of each page it stores: completes a template recorded before the page was stored. */
  function learnKey(storePath, key) {
    const path = requestPathOf(storePath);
    const template = templates.peek(path);
    if (!template || template.keyPrefix !== null) return;
    const keyPrefix = keyPrefixOf(storePath, key);
    if (keyPrefix !== null) templates.set(path, intern({ ...template, keyPrefix }));
  }

  /** Answers a request from the store, or hands it to `next(req, res)` (scripts/serve.cjs). */
  function dispatch(req, res, next) {
    const answered = serve(req, res);
    if (answered === true) return;
    if (answered === false) return void next(req, res);
    // A memory miss read from the persistent tier: served from it, or (not there, stale, any fault) by Next.
    answered.then(
      (done) => done || next(req, res),
      () => next(req, res),
    );
  }

  return { serve, dispatch, stats, templates };
}

module.exports = { createHotPath, pickEncoding, etagMatches };
