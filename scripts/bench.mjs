// `npm run bench`: figures for what users wait on, in one run so they compare. Prints a table and writes
// docs/benchmarks.md. Each figure is the median of several runs, with min and max.
// (Office.js round trips are measured once the Excel adapter lands; see the issue tracker.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
const { defaultRubric, defaultRulesJson, lintRules } = require(join(root, "lib/rubric/index.js"));
const { scoreAll } = require(join(root, "lib/scoring/index.js"));
const { buildWorkbookPlan } = require(join(root, "lib/layout/index.js"));
const { planToXlsx } = require(join(root, "lib/xlsx/index.js"));

const rows = [];
function measure(name, runs, fn, unit = "ms", target = "") {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const row = { name, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], unit, runs, target };
  rows.push(row);
  return row;
}

const rubric = defaultRubric();
// A filled entry per unit: one deduction on every third line.
const entries = rubric.registry.all.map((u) => ({
  unit: u.name,
  lines: Object.fromEntries(rubric.linesFor(u).filter((_, i) => i % 3 === 0).map((l) => [l.key, { deduction: Math.min(l.maxPoints, 10) / 100 }])),
  bonus: 1,
}));
measure("scoring core, all 57 units", 50, () => scoreAll(rubric, entries), "ms", "< 5 ms");
measure("rules linter (2022 rules)", 20, () => lintRules(defaultRulesJson));

const tmp = mkdtempSync(join(tmpdir(), "scorecard-bench-"));
const scorecard = join(root, "bin/scorecard.js");
const full = join(tmp, "full.xlsx");
measure("scorecard generate (full workbook, 60 sheets)", 5, () => execFileSync(process.execPath, [scorecard, "generate", "--out", full]));

// 57 single-unit workbooks, as they come back by email.
const returned = join(tmp, "returned");
mkdirSync(returned);
for (const unit of rubric.registry.all) {
  const bytes = await planToXlsx(buildWorkbookPlan(rubric, [unit]).plan);
  writeFileSync(join(returned, `${unit.name}.xlsx`), bytes);
}
const files = readdirSync(returned).map((f) => join(returned, f));
const total = measure(`scorecard total over ${files.length} returned workbooks`, 5, () => {
  const r = spawnSync(process.execPath, [scorecard, "total", ...files, "--json"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
});
const soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});
if (soffice) {
  const profile = join(tmp, "lo-profile");
  const out = join(tmp, "lo-out");
  const lo = measure(`LibreOffice headless: one conversion pass over the same ${files.length} files`, 3, () =>
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", out, ...files], { stdio: "pipe" }),
  );
  rows.push({ name: "ratio LibreOffice pass / scorecard total", median: lo.median / total.median, min: lo.min / total.max, max: lo.max / total.min, unit: "x", runs: 3, target: "≥ 10x" });
}

try {
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "pipe" });
  const js = readdirSync(join(root, "dist")).filter((f) => f.endsWith(".js"));
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(root, "dist", f))).length, 0);
  rows.push({ name: "task-pane bundle, gzip", median: gz / 1024, min: gz / 1024, max: gz / 1024, unit: "KB", runs: 1, target: "< 400 KB" });
} catch (err) {
  console.error("bundle build failed:", err.message);
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  "| measure | median | min | max | unit | runs | target |",
  "| --- | ---: | ---: | ---: | --- | ---: | --- |",
  ...rows.map((r) => `| ${r.name} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.unit} | ${r.runs} | ${r.target} |`),
].join("\n");
console.log(table);
writeFileSync(
  join(root, "docs/benchmarks.md"),
  `# Benchmarks\n\nLatest \`npm run bench\`, ${new Date().toISOString().slice(0, 10)}, on ${machine}.\n\n${table}\n\nOffice.js round trips (sync counts, request sizes, simulated 100 ms latency) are not measured yet: they need the Excel adapter.\n`,
);
