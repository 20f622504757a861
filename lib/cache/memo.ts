/**
 * A small in-process memo for expensive reads that many visitors ask at once
 * (search): results are kept for `ttlMs` in a bounded LRU, and a call that
 * arrives while the same key is being computed shares that computation (one
 * database query however many identical requests arrive together). A failed
 * computation is forgotten at once, so the next call tries again.
 *
 * Per instance, not shared: another instance computes its own copy.
 */
export type Memo<T> = {
  get(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
};

export function createMemo<T>({ ttlMs, maxEntries, now = Date.now }: { ttlMs: number; maxEntries: number; now?: () => number }): Memo<T> {
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>();
  return {
    get(key, compute) {
      const found = entries.get(key);
      const at = now();
      if (found && found.expiresAt > at) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, found);
        return found.value;
      }
      if (found) entries.delete(key);
      const value = compute();
      const entry = { value, expiresAt: at + ttlMs };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
