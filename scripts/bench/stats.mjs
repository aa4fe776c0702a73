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
 * The environment every timed process gets: this one without NODE_EXTRA_CA_CERTS. A workplace's proxy may set it
 * (this one does, naming 144 certificates); Node then reads and parses every certificate at start, some 30 ms of each
 * Node process here, Python none, though none of the tools opens a connection. An office's PC normally has no such
 * setting, so it is left out; the bench says when it was set, and times `scorecard total` with it too.
 */
const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutExtraCerts } = process.env;
export const USER_ENV = withoutExtraCerts;
export const EXTRA_CA_CERTS = extraCerts;

/**
 * Runs a command as its own process and times it from spawn to exit (wall clock, as a person waits for it).
 * `ok` lists the exit codes that mean it did its work; anything else stops the bench with the command's stderr.
 */
export function timeProcess(command, args, { ok = [0], cwd, env = USER_ENV } = {}) {
  const t = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", cwd, env, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!ok.includes(r.status)) {
    throw new Error(`${[command, ...args.slice(0, 3)].join(" ")} … exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  return { ms, stdout: r.stdout };
}
