import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

// Tests run from the repository root (Vitest and Playwright alike; Playwright compiles this without import.meta).
export const FIXTURES = path.resolve("tests/fixtures/import");
export const WXR_SAMPLE = path.join(FIXTURES, "wordpress-sample.xml");
export const GHOST_SAMPLE = path.join(FIXTURES, "ghost-sample.json");

/** A fixture with its site address (and so its emails, URLs and import source) replaced: a second, unrelated site. */
export async function fixtureForSite(file: string, from: string, to: string): Promise<string> {
  const text = await fsp.readFile(file, "utf8");
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-import-test-"));
  const out = path.join(dir, path.basename(file));
  await fsp.writeFile(out, text.split(from).join(to));
  return out;
}

/** A real image file (distinct colour per name, so no two files are alike). */
export async function imageFile(name: string): Promise<Buffer> {
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  const img = sharp({ create: { width: 320, height: 200, channels: 3, background: `hsl(${hue}, 60%, 50%)` } });
  return name.endsWith(".png") ? img.png().toBuffer() : img.jpeg().toBuffer();
}

/** An uploads folder as WordPress keeps it: 2024/01/<files>. */
export async function uploadsFolder(files: string[]): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-import-uploads-"));
  for (const rel of files) {
    await fsp.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await fsp.writeFile(path.join(dir, rel), await imageFile(rel));
  }
  return dir;
}
