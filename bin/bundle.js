// Loads the command line's one file, lib/cli/scorecard.js, as require would, but with V8's code cache: the
// bytecode of the functions a `generate-units` and a `total` ran when the bundle was built (scripts/warm-cli.cjs,
// written to lib/cli/scorecard.cache by npm run build:cli). Node compiles each function the first time it runs; with
// the cache it reads them instead (decision 0021 has what it saves).
// Node 22 has this as module.enableCompileCache(); on Node 20, package.json's floor, vm.Script's cachedData is the
// documented way (nodejs.org/api/vm.html, "cachedData", "script.createCachedData()").
//
// V8 checks a cache against its own version and flags, and refuses it when they differ (another Node): then the
// bundle is compiled as usual. But of the source V8 checks only the length, and of its data nothing at all: a cache
// damaged on disk crashed Node here (segmentation fault). So the file starts with the length and CRC-32 of the
// bundle it was made from and of V8's data, and is used only when all four match: never for another bundle (rebuilt
// since, of the same length), never damaged. zlib's crc32 (Node 20.15 and later) costs nothing to load, as the
// bundle needs zlib anyway (node:crypto took 2 ms); on an older Node no cache is made or used. A cache that cannot
// be read is left alone too. Nothing here writes.
"use strict";
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");
const { crc32 } = require("node:zlib");

const BUNDLE = join(__dirname, "..", "lib", "cli", "scorecard.js");
const CACHE = join(__dirname, "..", "lib", "cli", "scorecard.cache");
const HEADER = 16; // the bundle's length and CRC-32, V8's data's length and CRC-32, each 4 bytes little-endian

/** The cache file's bytes for a bundle's bytes and V8's cached data of it; undefined where zlib has no crc32. */
function cacheFile(bundleBytes, cachedData) {
  if (typeof crc32 !== "function") return undefined;
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(bundleBytes.length, 0);
  header.writeUInt32LE(crc32(bundleBytes), 4);
  header.writeUInt32LE(cachedData.length, 8);
  header.writeUInt32LE(crc32(cachedData), 12);
  return Buffer.concat([header, cachedData]);
}

/** V8's data in a cache file, when the file was made from these bundle bytes and is whole; else undefined. */
function cachedDataFor(bundleBytes, file) {
  if (typeof crc32 !== "function" || file.length < HEADER) return undefined;
  const data = file.subarray(HEADER);
  const whole =
    file.readUInt32LE(0) === bundleBytes.length &&
    file.readUInt32LE(4) === crc32(bundleBytes) &&
    file.readUInt32LE(8) === data.length &&
    file.readUInt32LE(12) === crc32(data);
  return whole && data.length > 0 ? data : undefined;
}

/**
 * The bundle's exports, and the compiled script (to make a cache of, after a run: scripts/warm-cli.cjs).
 * `useCache` false compiles without the cache, as a warm-up must.
 */
function loadBundle(useCache = true) {
  const bytes = readFileSync(BUNDLE);
  let cachedData;
  if (useCache) {
    try {
      cachedData = cachedDataFor(bytes, readFileSync(CACHE));
    } catch {
      cachedData = undefined;
    }
  }
  const source = bytes.toString("utf8");
  // CommonJS's own wrapper, on the bundle's first line so that its line numbers stay right in a stack trace.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {}, filename: BUNDLE };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected !== true;
  return { exports: module.exports, script, bytes, cacheUsed };
}

module.exports = { loadBundle, cacheFile, BUNDLE, CACHE };
