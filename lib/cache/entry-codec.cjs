/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * One cached page (or route body) in the two forms the page cache keeps:
 * - a record, in memory: Next's own entry object plus the bytes the hot path
 *   sends (raw body, brotli and gzip compressed once, the ETag Next would send);
 * - a blob, in the persistent tier (disk or Redis): the same, compressed, with
 *   a checksum so a torn or corrupt entry is recognised and discarded.
 *
 * Blob layout: "BSC1" | crc32(rest) u32 | meta length u32 | meta JSON | br(body) | gzip(body) | br(rsc + segments)
 */
const zlib = require("node:zlib");
const { promisify } = require("node:util");
const { generateETag } = require("next/dist/server/lib/etag");

const brotli = promisify(zlib.brotliCompress);
const unbrotli = promisify(zlib.brotliDecompress);
const gzip = promisify(zlib.gzip);
const MAGIC = Buffer.from("BSC1");
const TAGS_HEADER = "x-next-cache-tags";
// Quality 5: a 70 kB page compresses in ~1 ms to within a few % of quality 11 (which takes ~50 ms).
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };
const GZIP = { level: 6 };

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

/**
 * Builds the in-memory record for a Next entry `{ value, lastModified, cacheControl }`.
 * Compression runs on libuv's thread pool, once per stored page.
 */
async function recordOf(key, data) {
  const value = data.value;
  const base = { key, data, tags: [], lastModified: data.lastModified, size: 256 + key.length, served: null };
  if (!value || !RESPONSE_KINDS.has(value.kind)) return base;
  const body = bodyOf(value);
  if (!body) return base;
  const [br, gz] = await Promise.all([brotli(body, BROTLI), gzip(body, GZIP)]);
  const rsc = value.kind === "APP_PAGE" && value.rscData ? Buffer.from(value.rscData) : null;
  let segmentBytes = 0;
  if (value.segmentData) for (const buffer of value.segmentData.values()) segmentBytes += buffer.length;
  const tags = tagsOf(value.headers);
  const served = {
    status: value.status ?? 200,
    body,
    br,
    gz,
    // Next's own ETag for this body (next/dist/server/lib/etag), computed once instead of per request.
    etag: generateETag(body.toString("utf8")),
  };
  const size = base.size + body.length * 2 + br.length + gz.length + (rsc ? rsc.length : 0) + segmentBytes + JSON.stringify(value.headers ?? {}).length;
  return { ...base, tags, served, size };
}

/** Serialises a record with a served form (APP_PAGE / APP_ROUTE) for the persistent tier. */
async function encode(record) {
  const value = record.data.value;
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
  const rest = await brotli(Buffer.concat(parts), BROTLI);
  const meta = Buffer.from(
    JSON.stringify({
      key: record.key,
      kind: value.kind,
      lastModified: record.lastModified,
      cacheControl: record.data.cacheControl,
      status: value.status,
      headers: value.headers,
      postponed: value.postponed,
      rscLength: value.kind === "APP_PAGE" && value.rscData ? value.rscData.length : -1,
      segmentPaths,
      etag: record.served.etag,
      lengths: [record.served.br.length, record.served.gz.length, rest.length, record.served.body.length],
    }),
  );
  const header = Buffer.alloc(12);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(meta.length, 8);
  const payload = Buffer.concat([header.subarray(8), meta, record.served.br, record.served.gz, rest]);
  header.writeUInt32BE(zlib.crc32(payload), 4);
  return Buffer.concat([header.subarray(0, 8), payload]);
}

/** Parses a blob back into a record; throws CorruptEntry for anything that is not a whole, intact entry. */
async function decode(blob, expectedKey) {
  if (!Buffer.isBuffer(blob) || blob.length < 12 || !blob.subarray(0, 4).equals(MAGIC)) throw new CorruptEntry("bad header");
  const payload = blob.subarray(8);
  if (zlib.crc32(payload) !== blob.readUInt32BE(4)) throw new CorruptEntry("checksum mismatch");
  const metaLength = payload.readUInt32BE(0);
  let meta;
  try {
    meta = JSON.parse(payload.subarray(4, 4 + metaLength).toString("utf8"));
  } catch {
    throw new CorruptEntry("bad metadata");
  }
  if (meta.key !== expectedKey) throw new CorruptEntry("entry of another key");
  const [brLength, gzLength, restLength, bodyLength] = meta.lengths;
  let at = 4 + metaLength;
  const br = payload.subarray(at, (at += brLength));
  const gz = payload.subarray(at, (at += gzLength));
  const restCompressed = payload.subarray(at, (at += restLength));
  if (at !== payload.length) throw new CorruptEntry("length mismatch");
  let body;
  let rest;
  try {
    [body, rest] = await Promise.all([unbrotli(br), unbrotli(restCompressed)]);
  } catch {
    throw new CorruptEntry("undecodable body");
  }
  if (body.length !== bodyLength) throw new CorruptEntry("body length mismatch");
  let value;
  if (meta.kind === "APP_ROUTE") {
    value = { kind: "APP_ROUTE", body, headers: meta.headers, status: meta.status };
  } else {
    let offset = 0;
    const rscData = meta.rscLength >= 0 ? rest.subarray(0, (offset = meta.rscLength)) : undefined;
    let segmentData;
    if (meta.segmentPaths.length > 0) {
      segmentData = new Map();
      for (const [segmentPath, length] of meta.segmentPaths) segmentData.set(segmentPath, rest.subarray(offset, (offset += length)));
    }
    value = { kind: "APP_PAGE", html: body.toString("utf8"), rscData, postponed: meta.postponed, headers: meta.headers, status: meta.status, segmentData };
  }
  const data = { value, lastModified: meta.lastModified, cacheControl: meta.cacheControl };
  const tags = tagsOf(meta.headers);
  const served = { status: meta.status ?? 200, body, br: Buffer.from(br), gz: Buffer.from(gz), etag: meta.etag };
  const size = 256 + expectedKey.length + body.length * 2 + br.length + gz.length + rest.length + JSON.stringify(meta.headers ?? {}).length;
  return { key: expectedKey, data, tags, lastModified: meta.lastModified, size, served };
}

module.exports = { recordOf, encode, decode, tagsOf, CorruptEntry, RESPONSE_KINDS };
