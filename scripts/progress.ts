import cliProgress from "cli-progress";
import type { OnProgress, ProgressEvent } from "@/lib/export/files";
import { step } from "./cli";

const PHASES: Record<ProgressEvent["phase"], string> = { verify: "checking", rows: "rows", media: "images", archive: "archive" };

/**
 * Progress of an export or restore: a bar on a terminal (stderr), else one
 * line when a phase starts and ends, so cron mail and CI logs stay short.
 */
export function terminalProgress(): { onProgress: OnProgress; stop: () => void } {
  if (!process.stderr.isTTY) {
    let phase = "";
    return {
      onProgress: (event) => {
        if (event.phase !== phase) {
          phase = event.phase;
          step(`${PHASES[event.phase]}: ${event.total} to go`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{phase} |{bar}| {value}/{total} {label}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let phase = "";
  return {
    onProgress: (event) => {
      if (event.phase !== phase) {
        if (phase) bar.stop();
        phase = event.phase;
        bar.start(event.total, event.done, { phase: PHASES[event.phase].padEnd(8), label: event.label });
      } else {
        bar.setTotal(event.total);
        bar.update(event.done, { label: event.label });
      }
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`;
