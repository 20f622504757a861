/** Storage keys are relative, slash-separated and never contain "..". */
// Variants live under "_variants/" (see images.ts); the media route refuses to serve that prefix directly.
const SAFE_KEY = /^[a-z0-9_][a-z0-9/_.-]*$/i;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}
