import { describe, expect, it } from "vitest";
import { createMemo } from "@/lib/cache/memo";

describe("createMemo", () => {
  it("shares one computation between calls arriving together and keeps its result until the TTL", async () => {
    let clock = 0;
    let calls = 0;
    const memo = createMemo<number>({ ttlMs: 5000, maxEntries: 10, now: () => clock });
    const compute = async () => ++calls;
    expect(await Promise.all([memo.get("a", compute), memo.get("a", compute), memo.get("a", compute)])).toEqual([1, 1, 1]);
    clock = 4999;
    expect(await memo.get("a", compute)).toBe(1);
    clock = 5000;
    expect(await memo.get("a", compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it("forgets a failed computation at once", async () => {
    const memo = createMemo<number>({ ttlMs: 5000, maxEntries: 10 });
    await expect(memo.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo.get("a", async () => 7)).toBe(7);
  });

  it("keeps at most maxEntries, evicting the least recently used", async () => {
    const memo = createMemo<string>({ ttlMs: 60_000, maxEntries: 2 });
    await memo.get("a", async () => "a1");
    await memo.get("b", async () => "b1");
    await memo.get("a", async () => "a2"); // a is now the most recently used
    await memo.get("c", async () => "c1"); // evicts b
    expect(memo.size).toBe(2);
    expect(await memo.get("a", async () => "a3")).toBe("a1");
    expect(await memo.get("b", async () => "b2")).toBe("b2");
  });
});
