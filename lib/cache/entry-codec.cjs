/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * One cached page (or route body) in the one compact form the page cache
 * keeps, in memory and in the persistent tier alike: a blob holding the body
 * compressed once with brotli and with gzip (the bytes the hot path sends),
 * the ETag Next would send, and the RSC payload and segments brotli-compressed,
 * with a checksum so a torn or corrupt entry is recognised and discarded.
 * The raw HTML and RSC payload are never kept: `expand()` decompresses them
 * when Next's own path needs them (RSC navigations, a render's neighbours…).
 *
 * Blob layout: "BSC1" | crc32(rest) u32 | meta length u32 | meta JSON | br(body) | gzip(body) | br(rsc + segments)
 *
 * A record (what the memory tier holds):
 *   { key, tags, lastModified, cacheControl, size, blob, meta,
 *     served: { status, etag, length, br, gz, rest } }   pages and route bodies (br/gz/rest: views into blob)
 *   { key, tags: [], lastModified, cacheControl, size, data, served: null }   anything else (data cache entries), as Next gave it
 * `size` is what the record holds, in bytes: the memory LRU's bound counts it.
 */
const zlib = require("node:zlib");
const { promisify } = require("node:util");
const { generateETag } = require("next/dist/server/lib/etag");

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const MAGIC = Buffer.from("BSC1");
const TAGS_HEADER = "x-next-cache-tags";
// Quality 5: a 70 kB page compresses in ~1 ms to within a few % of quality 11 (which takes ~50 ms).
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };
const GZIP = { level: 6 };
/** Objects, strings and map slots around a record's bytes (measured: tests/integration/page-cache-tiers.int.test.ts). */
const RECORD_OVERHEAD = 512;

class CorruptEntry extends Error {}

const RESPONSE_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);

/** Every tag an entry carries (Next writes explicit and implicit tags into this header). */
function tagsOf(headers) {
  const header = headers && headers[TAGS_HEADER];
  return typeof header === "string" && header !== "" ? header.split(",") : [];
}

function bodyOf(value) {
  if (value.kind === "APP_ROUTE") return Buffer.isBuffer(value.body) ? value.body : Buffer.from(value.body ?? "");
  const html = value.html;
  if (typeof html === "string") return Buffer.from(html);
  if (html && typeof html.toUnchunkedString === "function") return Buffer.from(html.toUnchunkedString());
  return null;
}

/** Roughly the bytes a JavaScript value holds (data cache entries are kept as Next gives them). */
function approximateBytes(value, depth = 0) {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case "string":
      return 16 + value.length;
    case "object": {
      if (ArrayBuffer.isView(value)) return 96 + value.byteLength;
      if (value instanceof ArrayBuffer) return 96 + value.byteLength;
      if (depth > 16) return 64;
      let bytes = 48;
      if (value instanceof Map) for (const [k, v] of value) bytes += 16 + approximateBytes(k, depth + 1) + approximateBytes(v, depth + 1);
      else if (Array.isArray(value)) for (const v of value) bytes += 8 + approximateBytes(v, depth + 1);
      else for (const k of Object.keys(value)) bytes += 16 + k.length + approximateBytes(value[k], depth + 1);
      return bytes;
    }
    default:
      return 16;
  }
}

/** A record over a whole, checked blob (views into it: the blob is the only copy of the bytes). */
function recordOver(key, blob, meta, metaLength) {
  const [brLength, gzLength, restLength, bodyLength] = meta.lengths;
  let at = 12 + metaLength;
  const br = blob.subarray(at, (at += brLength));
  const gz = blob.subarray(at, (at += gzLength));
  const rest = blob.subarray(at, (at += restLength));
  if (at !== blob.length) throw new CorruptEntry("length mismatch");
  return {
    key,
    tags: tagsOf(meta.headers),
    lastModified: meta.lastModified,
    cacheControl: meta.cacheControl,
    // The blob, plus its metadata once parsed (objects take about twice their JSON).
    size: RECORD_OVERHEAD + key.length + blob.length + metaLength * 2,
    blob,
    meta,
    served: { status: meta.status ?? 200, etag: meta.etag, length: bodyLength, br, gz, rest },
  };
}

/**
 * Builds the record for a Next entry `{ value, lastModified, cacheControl }`:
 * pages and route bodies compressed (on libuv's thread pool, once per stored
 * page), anything else kept as is.
 */
async function recordOf(key, data) {
  const value = data.value;
  const plain = { key, data, tags: [], lastModified: data.lastModified, cacheControl: data.cacheControl, size: RECORD_OVERHEAD + key.length + approximateBytes(value), served: null };
  if (!value || !RESPONSE_KINDS.has(value.kind)) return plain;
  const body = bodyOf(value);
  if (!body) return plain;
  const parts = [];
  const segmentPaths = [];
  if (value.kind === "APP_PAGE") {
    if (value.rscData) parts.push(Buffer.from(value.rscData));
    if (value.segmentData) {
      for (const [segmentPath, buffer] of value.segmentData) {
        segmentPaths.push([segmentPath, buffer.length]);
        parts.push(buffer);
      }
    }
  }
  const restRaw = Buffer.concat(parts);
  const [br, gz, rest] = await Promise.all([brotli(body, BROTLI), gzip(body, GZIP), restRaw.length > 0 ? brotli(restRaw, BROTLI) : Buffer.alloc(0)]);
  const meta = {
    key,
    kind: value.kind,
    lastModified: data.lastModified,
    cacheControl: data.cacheControl,
    status: value.status,
    headers: value.headers,
    postponed: value.postponed,
    rscLength: value.kind === "APP_PAGE" && value.rscData ? value.rscData.length : -1,
    segmentPaths,
    // Next's own ETag for this body (next/dist/server/lib/etag), computed once instead of per request.
    etag: generateETag(body.toString("utf8")),
    lengths: [br.length, gz.length, rest.length, body.length],
  };
  const metaBytes = Buffer.from(JSON.stringify(meta));
  // One exact-size allocation (not a pooled slab) holding everything.
  const blob = Buffer.allocUnsafeSlow(12 + metaBytes.length + br.length + gz.length + rest.length);
  MAGIC.copy(blob, 0);
  blob.writeUInt32BE(metaBytes.length, 8);
  let at = 12;
  for (const part of [metaBytes, br, gz, rest]) at += part.copy(blob, at);
  blob.writeUInt32BE(zlib.crc32(blob.subarray(8)), 4);
  return recordOver(key, blob, meta, metaBytes.length);
}

/** The blob to store in the persistent tier: the record's own bytes. */
function encode(record) {
  return record.blob;
}

/** Parses a blob into a record; throws CorruptEntry for anything that is not a whole, intact entry of this key. */
function decode(blob, expectedKey) {
  if (!Buffer.isBuffer(blob) || blob.length < 12 || !blob.subarray(0, 4).equals(MAGIC)) throw new CorruptEntry("bad header");
  if (zlib.crc32(blob.subarray(8)) !== blob.readUInt32BE(4)) throw new CorruptEntry("checksum mismatch");
  const metaLength = blob.readUInt32BE(8);
  let meta;
  try {
    meta = JSON.parse(blob.subarray(12, 12 + metaLength).toString("utf8"));
  } catch {
    throw new CorruptEntry("bad metadata");
  }
  if (meta.key !== expectedKey) throw new CorruptEntry("entry of another key");
  if (!Array.isArray(meta.lengths) || meta.lengths.length !== 4) throw new CorruptEntry("bad metadata");
  // An exact-size copy of its own: a blob read from a socket may be a view into a larger buffer.
  const own = Buffer.allocUnsafeSlow(blob.length);
  blob.copy(own);
  return recordOver(expectedKey, own, meta, metaLength);
}

/** The raw body, decompressed now (synchronously: the hot path, for a client that accepts neither br nor gzip). */
function rawBody(record) {
  const body = zlib.brotliDecompressSync(record.served.br);
  if (body.length !== record.served.length) throw new CorruptEntry("body length mismatch");
  return body;
}

/**
 * Next's entry `{ value, lastModified, cacheControl }` for a record: decompressed for Next's own path.
 * Synchronously: for a 70 kB article ~0.35 ms of CPU, where the thread pool's round trips cost ~0.65 ms.
 */
function expand(record) {
  if (!record.served) return record.data;
  const { meta, served } = record;
  let body;
  let rest;
  try {
    body = zlib.brotliDecompressSync(served.br);
    rest = served.rest.length > 0 ? zlib.brotliDecompressSync(served.rest) : Buffer.alloc(0);
  } catch {
    throw new CorruptEntry("undecodable body");
  }
  if (body.length !== served.length) throw new CorruptEntry("body length mismatch");
  let value;
  if (meta.kind === "APP_ROUTE") {
    value = { kind: "APP_ROUTE", body, headers: meta.headers && { ...meta.headers }, status: meta.status };
  } else {
    let offset = 0;
    const rscData = meta.rscLength >= 0 ? rest.subarray(0, (offset = meta.rscLength)) : undefined;
    let segmentData;
    if (meta.segmentPaths.length > 0) {
      segmentData = new Map();
      for (const [segmentPath, length] of meta.segmentPaths) segmentData.set(segmentPath, rest.subarray(offset, (offset += length)));
    }
    if (offset > rest.length) throw new CorruptEntry("payload length mismatch");
    value = { kind: "APP_PAGE", html: body.toString("utf8"), rscData, postponed: meta.postponed, headers: meta.headers && { ...meta.headers }, status: meta.status, segmentData };
  }
  return { value, lastModified: meta.lastModified, cacheControl: meta.cacheControl };
}

module.exports = { recordOf, encode, decode, expand, rawBody, tagsOf, approximateBytes, CorruptEntry, RESPONSE_KINDS };
