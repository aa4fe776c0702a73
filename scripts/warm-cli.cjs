// The command line's code cache (bin/bundle.js): run by scripts/build-cli.mjs, in a process of its own so that V8's
// flags are a user's. Compiles the bundle without a cache, runs what an office runs most, `generate-units` and then a
// `total --out` of what it made, with nothing printed, and then writes the bytecode of every function that ran
// (script.createCachedData() after the run includes the functions compiled lazily during it:
// v8.dev/blog/improved-code-caching). Every file it makes is in a temporary folder, removed at the end.
"use strict";
const { mkdtempSync, readdirSync, rmSync, writeFileSync, renameSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { loadBundle, cacheFile, CACHE } = require("../bin/bundle.js");

async function warm() {
  const { exports, script, bytes } = loadBundle(false);
  const dir = mkdtempSync(join(tmpdir(), "scorecard-warm-"));
  const said = [];
  const io = { out: (t) => said.push(t), err: (t) => said.push(t) };
  try {
    const books = join(dir, "books");
    if ((await exports.main(["generate-units", "--out-dir", books], io)) !== 0) throw new Error(said.join("\n"));
    const files = readdirSync(books).map((f) => join(books, f));
    // 1: the issues of unfilled workbooks are what a total reports then; anything else is the warm-up failing.
    const code = await exports.main(["total", ...files, "--json", "--out", join(dir, "汇总.xlsx")], io);
    if (code !== 0 && code !== 1) throw new Error(said.join("\n"));
    const file = cacheFile(bytes, script.createCachedData());
    if (file === undefined) return; // a Node without zlib's crc32: the bundle runs without a cache
    // Written beside, then renamed: a bundle never meets half a cache.
    writeFileSync(`${CACHE}.part`, file);
    renameSync(`${CACHE}.part`, CACHE);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

warm().catch((err) => {
  process.stderr.write(`warm-cli: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
