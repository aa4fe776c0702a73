/** Bundles test/browser/harness.ts (with the Excel double) into one script for page.addInitScript. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import type { PaneTestConfig } from "./harness";

let bundled: string | undefined;

async function bundle(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "pane-double-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: join(__dirname, "harness.ts"),
    output: { path: out, filename: "double.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "ESNext", noEmit: false } },
        },
        { test: /[\\/]test[\\/]excel[\\/]fakeExcel\.ts$/, enforce: "pre", loader: join(__dirname, "bufferLoader.cjs") },
      ],
    },
  });
  await new Promise<void>((done, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) fail(err ?? new Error(stats!.toString("errors-only")));
      else done();
    }),
  );
  const code = readFileSync(join(out, "double.js"), "utf8");
  rmSync(out, { recursive: true, force: true });
  return code;
}

/** The init script: the configuration, then the double. */
export async function excelDouble(config: Partial<PaneTestConfig> = {}): Promise<string> {
  bundled ??= await bundle();
  return `window.__paneTestConfig = ${JSON.stringify(config)};\n${bundled}`;
}
