#!/usr/bin/env node
// The `scorecard` command: compiled by `npm install` (the prepare script, npm run build:cli) from src/cli into one
// file, lib/cli/scorecard.js (scripts/build-cli.mjs), loaded with its code cache (bundle.js).
"use strict";
// A closed pipe (scorecard rules | head) is not an error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
const { loadBundle, BUNDLE } = require("./bundle.js");
let main;
try {
  main = loadBundle().exports.main;
} catch (err) {
  if (err && err.code === "ENOENT" && err.path === BUNDLE) {
    process.stderr.write("scorecard 尚未编译：请先运行 npm install（或 npm run build:cli）。\n");
    process.exit(2);
  }
  throw err;
}
/**
 * Exits once everything written is out. A pipe is written asynchronously on POSIX (Node's "A note on process I/O"),
 * so exit() straight away could cut the output short; an empty write's callback comes after the writes before it.
 * Leaving Node to wind down by itself instead (process.exitCode) took some 30 ms more after a total over 57 files:
 * from the last write to the exit, median of 8, 73 ms against 43 (npm run bench times whole processes).
 */
function exitWhenWritten(code) {
  let open = 2;
  const written = () => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}
main(process.argv.slice(2)).then(exitWhenWritten, (err) => {
  // Not one of the errors the command line explains: say so in Chinese, and keep the details for whoever maintains it.
  process.stderr.write(
    `scorecard 出现了意外的错误，未完成。没有修改任何输入文件。请把以下内容发给维护人员：\n${err && err.stack ? err.stack : err}\n`,
  );
  exitWhenWritten(2);
});
