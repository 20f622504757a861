import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Is the production build in the dist folder still the build of these sources?
 * After each build we record a fingerprint of every source file in
 * `<distDir>/broadsheet-build.json`; a later start compares. Content hashes,
 * not mtimes, so a fresh checkout or `touch` does not force a rebuild. A build
 * made without a record (plain `next build`) falls back to comparing mtimes.
 */

/** What a build is made of: folders walked recursively, and single files. */
export const SOURCE_PATHS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

export const BUILD_RECORD_FILE = "broadsheet-build.json";

export type BuildRecord = { buildId: string; builtAt: string; sources: Record<string, string> };

export type SourceFile = { path: string; mtimeMs: number; hash: string };

export type BuildState = {
  distDir: string;
  /** Content of `<distDir>/BUILD_ID`, null when there is no finished build. */
  buildId: string | null;
  buildIdMtimeMs: number | null;
  record: BuildRecord | null;
  sources: SourceFile[];
};

export type BuildDecision = { build: boolean; message: string };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

function listChanged(paths: string[]): string {
  const shown = paths.slice(0, 3).join(", ");
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

/** The decision and the line that explains it. Pure: everything it needs is in `state`. */
export function decideBuild(state: BuildState): BuildDecision {
  if (!state.buildId) return { build: true, message: `Building: no build yet (${state.distDir}/BUILD_ID is missing)` };

  if (state.record && state.record.buildId === state.buildId) {
    const current = new Map(state.sources.map((file) => [file.path, file.hash]));
    const changed = [
      ...state.sources.filter((file) => state.record!.sources[file.path] !== file.hash).map((file) => file.path),
      ...Object.keys(state.record.sources).filter((file) => !current.has(file)),
    ].sort();
    if (changed.length === 0) {
      return { build: false, message: `Using the existing build (${state.buildId}, built ${state.record.builtAt}; sources unchanged)` };
    }
    return { build: true, message: `Building: sources changed since the build of ${state.record.builtAt} (${listChanged(changed)})` };
  }

  // No record of what was built (e.g. a plain `next build`): trust it unless a source file is newer.
  const builtAt = state.buildIdMtimeMs ?? 0;
  const newer = state.sources.filter((file) => file.mtimeMs > builtAt).sort((a, b) => b.mtimeMs - a.mtimeMs);
  if (newer.length > 0) {
    return { build: true, message: `Building: sources changed since ${iso(builtAt)} (${listChanged(newer.map((file) => file.path))})` };
  }
  return { build: false, message: `Using the existing build (${state.buildId}, built ${iso(builtAt)}; no source file is newer)` };
}

function walk(root: string, relative: string, into: SourceFile[]): void {
  const absolute = path.join(root, relative);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(absolute).sort()) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      walk(root, path.posix.join(relative, entry), into);
    }
  } else if (stat.isFile()) {
    const hash = crypto.createHash("sha256").update(fs.readFileSync(absolute)).digest("hex");
    into.push({ path: relative, mtimeMs: stat.mtimeMs, hash });
  }
}

export function readSources(root: string, paths = SOURCE_PATHS): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of paths) walk(root, entry, files);
  return files;
}

export function readBuildState(root: string, distDir: string): BuildState {
  const buildIdFile = path.join(root, distDir, "BUILD_ID");
  let buildId: string | null = null;
  let buildIdMtimeMs: number | null = null;
  try {
    buildId = fs.readFileSync(buildIdFile, "utf8").trim() || null;
    buildIdMtimeMs = fs.statSync(buildIdFile).mtimeMs;
  } catch {
    // No finished build.
  }
  let record: BuildRecord | null = null;
  try {
    record = JSON.parse(fs.readFileSync(path.join(root, distDir, BUILD_RECORD_FILE), "utf8")) as BuildRecord;
  } catch {
    // Built without a record.
  }
  return { distDir, buildId, buildIdMtimeMs, record, sources: readSources(root) };
}

/** After a successful build: what it was built from. `sources` are read before the build started. */
export function writeBuildRecord(root: string, distDir: string, sources: SourceFile[]): BuildRecord {
  const buildId = fs.readFileSync(path.join(root, distDir, "BUILD_ID"), "utf8").trim();
  const record: BuildRecord = {
    buildId,
    builtAt: iso(Date.now()),
    sources: Object.fromEntries(sources.map((file) => [file.path, file.hash])),
  };
  fs.writeFileSync(path.join(root, distDir, BUILD_RECORD_FILE), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}
