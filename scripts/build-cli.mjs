// The command line as one file: `npm run build:cli` runs tsc (lib/, which the tests and the bench load module by
// module) and then this, which bundles src/cli/main.ts with esbuild into lib/cli/scorecard.js, the file
// bin/scorecard.js runs. Start-up is part of what a person waits for: Node resolving, reading and compiling some
// hundred modules took 40 ms of `scorecard total` over 57 files, one file takes 12 ms (npm run bench).
//
// Left out of the bundle and loaded from node_modules only when a command needs them: exceljs (generate), zod (a
// rules file to check) and JSZip (the browser's unpacker; the command line inflates with node:zlib).
// The rules data (src/rubric/data/*.json) go in as JSON.parse of a string, which V8 reads faster than the same data
// as a JavaScript object literal (v8.dev/blog/cost-of-javascript-2019, "JSON").
// Then scripts/warm-cli.cjs runs the bundle once and writes V8's code cache of it (bin/bundle.js says why).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// The cache of the bundle being replaced: never left beside a bundle it was not made from.
rmSync(`${root}lib/cli/scorecard.cache`, { force: true });

/** `import data from "./x.json"` → module.exports = JSON.parse("…"). */
const jsonAsParse = {
  name: "json-as-parse",
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, ({ path }) => {
      const text = JSON.stringify(JSON.parse(readFileSync(path, "utf8")));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands, which scorecard has none of; with
 * it came net, dgram and more, 1.5 ms of every start. Its child_process is loaded when first used instead.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents:
        'let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile: "lib/cli/scorecard.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  // package.json's engines: node >= 20.
  target: "node20",
  // Chinese messages as they are, not as \u escapes: a smaller file to read and parse.
  charset: "utf8",
  external: ["exceljs", "jszip", "zod"],
  // import("exceljs") as require, as tsc compiles it for lib/: Node's CommonJS loader, not its ES module loader.
  supported: { "dynamic-import": false },
  plugins: [jsonAsParse, lazyChildProcess],
  logLevel: "warning",
});

execFileSync(process.execPath, ["scripts/warm-cli.cjs"], { cwd: root, stdio: "inherit" });
