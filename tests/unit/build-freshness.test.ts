import { describe, expect, it } from "vitest";
import { decideBuild, type BuildState, type SourceFile } from "@/scripts/build-freshness";

const file = (path: string, hash: string, mtimeMs = 1_000): SourceFile => ({ path, hash, mtimeMs });
const sources = [file("app/page.tsx", "a"), file("lib/env.ts", "b"), file("package-lock.json", "c")];
const recorded = { buildId: "build-1", builtAt: "2026-11-26T11:00:00Z", sources: { "app/page.tsx": "a", "lib/env.ts": "b", "package-lock.json": "c" } };
const state = (overrides: Partial<BuildState>): BuildState => ({
  distDir: ".next",
  buildId: "build-1",
  buildIdMtimeMs: 5_000,
  record: recorded,
  sources,
  ...overrides,
});

describe("decideBuild: build once, run many", () => {
  it("builds when there is no build yet", () => {
    expect(decideBuild(state({ buildId: null, buildIdMtimeMs: null, record: null }))).toEqual({
      build: true,
      message: "Building: no build yet (.next/BUILD_ID is missing)",
    });
  });

  it("uses the existing build when every source file has the hash it was built from, whatever the mtimes", () => {
    const touched = sources.map((f) => ({ ...f, mtimeMs: 9_999_999 }));
    expect(decideBuild(state({ sources: touched }))).toEqual({
      build: false,
      message: "Using the existing build (build-1, built 2026-11-26T11:00:00Z; sources unchanged)",
    });
  });

  it("builds when a source changed, was added or was removed, and names them", () => {
    const changed = [file("app/page.tsx", "a2"), file("lib/env.ts", "b"), file("lib/new.ts", "n")];
    expect(decideBuild(state({ sources: changed }))).toEqual({
      build: true,
      message: "Building: sources changed since the build of 2026-11-26T11:00:00Z (app/page.tsx, lib/new.ts, package-lock.json)",
    });
  });

  it("shortens a long list of changed files", () => {
    const many = Array.from({ length: 6 }, (_, i) => file(`lib/f${i}.ts`, "x"));
    expect(decideBuild(state({ sources: [...sources, ...many] })).message).toMatch(/\(lib\/f0\.ts, lib\/f1\.ts, lib\/f2\.ts and 3 more\)$/);
  });

  it("does not trust a record of another build (the folder was rebuilt without one)", () => {
    const decision = decideBuild(state({ buildId: "build-2", buildIdMtimeMs: 500 }));
    expect(decision.build).toBe(true);
    expect(decision.message).toBe("Building: sources changed since 1970-01-01T00:00:00Z (app/page.tsx, lib/env.ts, package-lock.json)");
  });

  it("without a record (plain next build), uses the build unless a source file is newer than BUILD_ID", () => {
    expect(decideBuild(state({ record: null }))).toEqual({
      build: false,
      message: "Using the existing build (build-1, built 1970-01-01T00:00:05Z; no source file is newer)",
    });
    const edited = [...sources, file("components/header.tsx", "h", 6_000)];
    expect(decideBuild(state({ record: null, sources: edited }))).toEqual({
      build: true,
      message: "Building: sources changed since 1970-01-01T00:00:05Z (components/header.tsx)",
    });
  });
});
