// Small helpers shared by the bench's modules: median with min and max, number formatting, timing a spawned process.
import { spawnSync } from "node:child_process";

/** Median, min and max of several samples. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2,
    min: s[0],
    max: s[s.length - 1],
    runs: s.length,
  };
}

export const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
/** "median (min–max)", or the median alone when every run gave the same. */
export const range = (s, f = fmt) => (s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);

/**
 * Runs a command as its own process and times it from spawn to exit (wall clock, as a person waits for it).
 * `ok` lists the exit codes that mean it did its work; anything else stops the bench with the command's stderr.
 */
export function timeProcess(command, args, { ok = [0], cwd } = {}) {
  const t = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", cwd, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!ok.includes(r.status)) {
    throw new Error(`${[command, ...args.slice(0, 3)].join(" ")} … exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  return { ms, stdout: r.stdout };
}
