import { describe, expect, it, vi } from "vitest";
import { onShutdown, runShutdownTasks } from "@/lib/shutdown";

describe("graceful shutdown (lib/shutdown.ts)", () => {
  it("[OPERATOR] runs every registered task once, waits for slow ones, and reports a failing one without stopping the others", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const stopped: string[] = [];
    onShutdown({ name: "slow worker", stop: () => new Promise((resolve) => setTimeout(() => resolve(void stopped.push("slow worker")), 50)) });
    onShutdown({ name: "broken worker", stop: async () => Promise.reject(new Error("boom")) });
    onShutdown({ name: "watcher", stop: async () => void stopped.push("watcher") });
    const log: string[] = [];
    const first = runShutdownTasks((line) => log.push(line));
    const second = runShutdownTasks((line) => log.push(line));
    expect(second).toBe(first);
    await first;
    expect(stopped.sort()).toEqual(["slow worker", "watcher"]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("broken worker failed to stop"), expect.any(Error));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/background work stopped \(slow worker, broken worker, watcher\)/);
  });
});
