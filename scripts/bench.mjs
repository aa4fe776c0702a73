// `npm run bench`: figures for what users wait on, in one run so they compare. Prints the tables; with
// `npm run bench -- --write` also writes them into docs/benchmarks.md (a tracked file, so a run to look at the
// figures leaves the work tree clean). Each figure is the median of several runs, with min and max; nothing printed is typed in by hand.
// `npm run bench -- --only returned` runs only the returned-workbooks part (scorecard total beside the other readers
// and the floor), and `--tools total,sheetjs,floorScan` only those tools of it: for measuring a change to the reader
// quickly; such a partial run is never written.
//
// Office.js figures come from the test double of Excel (test/excel/fakeExcel.ts) with every call mirrored onto
// Microsoft's own Office.js client (test/excel/officeClient.ts): round trips are context.sync() calls, request sizes
// the UTF-8 bytes of each request body as Office serializes it, response sizes the JSON of the ranges loaded.
// "Excel on the web" adds a simulated 100 ms per round trip; the rest of that time is the add-in's own work.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { READING_PREFACE, PER_UNIT_PREFACE } from "./bench/prefaces.mjs";
import { readingBenchmarks, readingTables } from "./bench/files.mjs";
import { perUnitBenchmarks } from "./bench/perUnit.mjs";
import { writeReturnedWorkbooks } from "./bench/returned.mjs";
import { stats, USER_ENV } from "./bench/stats.mjs";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "scorecard-bench-"));
const step = (text) => process.stderr.write(`bench: ${text}\n`);
const write = process.argv.includes("--write");
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = argValue("--only");
const tools = argValue("--tools")?.split(",");
if (only !== undefined && only !== "returned") throw new Error(`--only ${only}: only "returned" is known`);
if (write && (only || tools)) throw new Error("a partial run (--only, --tools) is not written to docs/benchmarks.md");

step("compiling the command line (lib/) and the Excel adapter with its test double (tsconfig.bench.json)");
execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" }); // lib/, and the bundle bin runs
const benchJs = join(root, "lib/bench"); // inside the repository, so that node_modules resolves
// Types are checked by `npm test`; the bench only needs the JavaScript.
if (!only) execFileSync("npx", ["tsc", "-p", "tsconfig.bench.json", "--noCheck"], { cwd: root, stdio: "inherit" });
const { defaultRubric, defaultRulesJson, lintRules } = require(join(root, "lib/rubric/index.js"));
const { scoreAll } = require(join(root, "lib/scoring/index.js"));
const layout = require(join(root, "lib/layout/index.js"));
const { planToXlsx } = require(join(root, "lib/xlsx/index.js"));

const rows = [];
function measure(name, runs, fn, unit = "ms", target = "") {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const row = { name, ...stats(times), unit, target };
  rows.push(row);
  return row;
}

const rubric = defaultRubric();
const unitCount = rubric.registry.all.length;
const runsArg = process.argv.indexOf("--runs");
const rounds = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

/** The returned workbooks, and every reader over them (scripts/bench/files.mjs), with how busy the machine was. */
async function returnedReading() {
  step(`${unitCount} returned one-unit workbooks, filled as an assessor would (scripts/bench/returned.mjs)`);
  const loadBefore = loadavg()[0];
  const files = await writeReturnedWorkbooks({ rubric, layout, planToXlsx }, join(tmp, "returned"));
  const reading = readingTables(readingBenchmarks({ root, tmp, files, rounds, step, only: tools }), files.length);
  return { files, reading, loadBefore };
}
// Others' work on the machine slows every tool alike but not always in proportion: say how busy it was.
const busyText = (loadBefore) =>
  `Load average (1 min) ${loadBefore.toFixed(1)} before these figures, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores.`;

if (only === "returned") {
  const { reading, loadBefore } = await returnedReading();
  console.log(`\n${busyText(loadBefore)}\n\n${reading.table}\n\n${reading.targets}`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Office.js: round trips, request and response sizes, time without and with 100 ms per round trip.
// ---------------------------------------------------------------------------------------------------------------
const js = (p) => require(join(benchJs, p));
js("test/excel/withOfficeClient.js"); // mirror every call onto Office's own client
const { FakeExcel } = js("test/excel/fakeExcel.js");
/** Office's client, for the runs that measure bytes; the timed runs go without it (it costs far more than Excel). */
const officeClient = FakeExcel.client;
const { newSession } = js("src/excel/session.js");
const { renderPlan } = js("src/excel/render.js");
const { REQUEST_BUDGET } = js("src/excel/requestBudget.js");
const { startLiveChecking } = js("src/excel/check.js");
const { validateAndTotal } = js("src/excel/total.js");
const xl = { rubric: js("src/rubric/index.js").defaultRubric(), layout: js("src/layout/index.js") };
const fullPlan = () => xl.layout.buildWorkbookPlan(xl.rubric, xl.rubric.registry.all).plan;

/** A fresh workbook in the test double, with the pane's memory of it (a Session). */
function newExcel(latencyMs) {
  const excel = new FakeExcel();
  excel.install();
  excel.session = newSession();
  excel.latencyMs = latencyMs;
  return excel;
}

/** Excel on the web refuses a request over 5 MB; the add-in keeps each under 2.5 MB. */
const LIMIT = 5 * 1024 * 1024;

/** Round trips, request and response sizes and time of one action on the test double. */
async function officeRun(excel, act) {
  const from = excel.syncs;
  const t = performance.now();
  await act();
  const ms = performance.now() - t;
  const syncs = excel.syncs - from;
  const requests = excel.requests.filter((r) => r.sync >= from && r.sync < excel.syncs).map((r) => r.bytes);
  const responses = excel.responses.filter((r) => r.sync >= from && r.sync < excel.syncs).map((r) => r.bytes);
  if (FakeExcel.client && requests.length === 0 && syncs > 0) throw new Error("no request measured");
  if (Math.max(0, ...requests) > REQUEST_BUDGET) throw new Error(`a request of ${Math.max(...requests)} bytes`);
  return {
    ms,
    syncs,
    maxRequest: Math.max(0, ...requests),
    request: requests.reduce((a, b) => a + b, 0),
    response: responses.reduce((a, b) => a + b, 0),
  };
}

/** A generated workbook of all units with entries typed in: a deduction and a finding on every third line. */
async function filledWorkbook(latencyMs) {
  const excel = newExcel(0);
  const plan = fullPlan();
  await renderPlan(plan, excel.session);
  for (const sheet of plan.sheets.filter((s) => s.meta.role === "unit")) {
    const lines = sheet.tables[0];
    const cells = {};
    lines.rows.forEach((row, i) => {
      if (i % 3 !== 0 || typeof row[3] !== "number" || row[3] < 0.1) return;
      cells[`E${lines.top + 1 + i}`] = 0.1;
      cells[`G${lines.top + 1 + i}`] = "台账不全";
    });
    await excel.personTypes(sheet.name, cells); // nothing listens yet: only the grid changes
  }
  excel.latencyMs = latencyMs;
  return { excel, plan };
}

/** Live checking started on a filled workbook, with 变更记录 already made by a first edit. */
async function liveWorkbook(latencyMs) {
  const { excel, plan } = await filledWorkbook(0);
  const checks = [];
  const live = await startLiveChecking(
    xl.rubric,
    (c) => checks.push(c),
    (e) => {
      throw e;
    },
    { session: excel.session },
  );
  const sheet = plan.sheets.find((s) => s.name === "石楼县");
  const lines = sheet.tables[0];
  await excel.personTypes("石楼县", { [`E${lines.top + 2}`]: 0.2 });
  await live.flush();
  excel.latencyMs = latencyMs;
  return { excel, lines, checks, live };
}

const officeActions = [
  {
    name: `generate all ${unitCount} unit sheets with 附件1, 附件2 and 汇总`,
    syncTarget: "≤ 7",
    webTarget: "< 1 s",
    async runs(latencyMs, n) {
      const out = [];
      for (let i = 0; i < n; i++) {
        const excel = newExcel(latencyMs);
        out.push(
          await officeRun(excel, async () => {
            const report = await renderPlan(fullPlan(), excel.session);
            if (report.created.length !== unitCount + 3) throw new Error(`generated ${report.created.length} sheets`);
          }),
        );
      }
      return out;
    },
  },
  {
    name: `validate-and-total over all ${unitCount} units (sheets known: after generating or opening the pane)`,
    syncTarget: "≤ 2",
    webTarget: "< 0.4 s",
    async runs(latencyMs, n) {
      const { excel } = await filledWorkbook(latencyMs);
      const out = [];
      for (let i = 0; i < n; i++) {
        out.push(
          await officeRun(excel, async () => {
            const report = await validateAndTotal(xl.rubric, undefined, excel.session);
            if (report.counties.length + report.members.length !== unitCount || !report.summarySheet)
              throw new Error("validate-and-total missed units");
            if (report.issues.some((x) => x.severity === "error"))
              throw new Error(`entries with errors: ${report.issues[0].message}`);
          }),
        );
      }
      return out;
    },
  },
  {
    name: `validate-and-total over all ${unitCount} units, sheets not known yet (Excel without live checking, pane just opened)`,
    syncTarget: "",
    webTarget: "",
    async runs(latencyMs, n) {
      const { excel } = await filledWorkbook(latencyMs);
      const out = [];
      for (let i = 0; i < n; i++) {
        excel.session = newSession();
        out.push(await officeRun(excel, () => validateAndTotal(xl.rubric, undefined, excel.session)));
      }
      return out;
    },
  },
  {
    name: "one edit (checked in one read; then the flush into 变更记录 before the next action)",
    syncTarget: "1 + 2",
    webTarget: "",
    async runs(latencyMs, n) {
      const { excel, lines, checks, live } = await liveWorkbook(latencyMs);
      const out = [];
      for (let i = 0; i < n; i++) {
        const before = checks.length;
        out.push(
          await officeRun(excel, async () => {
            await excel.personTypes("石楼县", { [`E${lines.top + 3 + i}`]: 0.1 + i / 10 });
            await live.flush();
          }),
        );
        if (checks.length !== before + 1) throw new Error("the edit was not checked");
      }
      return out;
    },
  },
  {
    name: "a 1,000-cell paste (checked in one read; then the flush into 变更记录)",
    syncTarget: "1 + 2",
    webTarget: "",
    async runs(latencyMs, n) {
      const { excel, lines, checks, live } = await liveWorkbook(latencyMs);
      const out = [];
      for (let i = 0; i < n; i++) {
        // As test/excel/check.test.ts pastes: deductions and findings on 70 lines, the rest in a column beside the table.
        const paste = {};
        for (let r = 0; r < 70; r++) {
          paste[`E${lines.top + 1 + r}`] = i % 2 === 0 ? 0 : 0.1;
          paste[`G${lines.top + 1 + r}`] = `发现问题 ${i}-${r}`;
        }
        for (let r = 0; Object.keys(paste).length < 1000; r++) paste[`K${lines.top + 1 + r}`] = i * 1000 + r;
        const before = checks.length;
        out.push(
          await officeRun(excel, async () => {
            await excel.personTypes("石楼县", paste);
            await live.flush();
          }),
        );
        if (checks.length !== before + 1) throw new Error("the paste was not checked");
      }
      return out;
    },
  },
];

const officeRows = [];
for (const action of officeActions) {
  step(`Office.js: ${action.name}`);
  FakeExcel.client = officeClient;
  const measured = await action.runs(0, 2);
  FakeExcel.client = undefined;
  const local = await action.runs(0, 5);
  const web = await action.runs(100, 3);
  const of = (key, list = local) => stats(list.map((r) => r[key]));
  officeRows.push({
    ...action,
    syncs: of("syncs"),
    maxRequest: of("maxRequest", measured),
    request: of("request", measured),
    response: of("response"),
    ms: of("ms"),
    webMs: of("ms", web),
    webSyncs: of("syncs", web),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The scoring core, the linter, the command line beside LibreOffice, the bundle.
// ---------------------------------------------------------------------------------------------------------------
step("scoring core and linter");
// A filled entry per unit: one deduction on every third line.
const entries = rubric.registry.all.map((u) => ({
  unit: u.name,
  lines: Object.fromEntries(
    rubric
      .linesFor(u)
      .filter((_, i) => i % 3 === 0)
      .map((l) => [l.key, { deduction: Math.min(l.maxPoints, 10) / 100 }]),
  ),
  bonus: 1,
}));
measure(`scoring core, all ${unitCount} units`, 50, () => scoreAll(rubric, entries), "ms", "< 5 ms");
measure("rules linter (2022 rules)", 20, () => lintRules(defaultRulesJson));

const scorecard = join(root, "bin/scorecard.js");
const full = join(tmp, "full.xlsx");
step("scorecard generate");
measure(`scorecard generate (full workbook, ${unitCount + 3} sheets)`, 5, () => {
  rmSync(full, { force: true }); // generate never replaces a file
  execFileSync(process.execPath, [scorecard, "generate", "--out", full], { env: USER_ENV });
});

// ---------------------------------------------------------------------------------------------------------------
// Returned workbooks: scorecard total beside what an office would use instead, and the command line's outputs.
// How each figure is made: scripts/bench/files.mjs and scripts/bench/perUnit.mjs (and the table's "what it does").
// ---------------------------------------------------------------------------------------------------------------
const { files, reading, loadBefore } = await returnedReading();
const perUnit = perUnitBenchmarks({
  root,
  tmp,
  units: rubric.registry.all.map((u) => u.name),
  rounds: Math.max(1, Math.floor(rounds / 2)), // 57 separate runs are long: half as many rounds
  step,
});
const filesSection = `${READING_PREFACE(files.length, rounds)}

${busyText(loadBefore)}

${reading.table}

${reading.targets}

${PER_UNIT_PREFACE}

${perUnit.table}`;

step("production task-pane bundle (webpack)");
try {
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "pipe" });
  const dist = join(root, "dist");
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const atStart = scripts.filter((f) => html.includes(f));
  const gz = (list) => list.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0) / 1024;
  const one = (name, v, target = "") => rows.push({ name, median: v, min: v, max: v, runs: 1, unit: "KB", target });
  one(
    `task-pane bundle loaded when the pane opens, gzip (${atStart.length} file${atStart.length === 1 ? "" : "s"}; Office.js not counted)`,
    gz(atStart),
    "< 400 KB",
  );
  one(
    `chunks loaded only when a feature needs them (exceljs…), gzip (${scripts.length - atStart.length} file${scripts.length - atStart.length === 1 ? "" : "s"})`,
    gz(scripts.filter((f) => !atStart.includes(f))),
  );
} catch (err) {
  step(`bundle build failed: ${err.message.split("\n")[0]}`);
}

// ---------------------------------------------------------------------------------------------------------------
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const range = (s, f = fmt) => (s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);
const kb = (bytes) => fmt(bytes / 1024);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const officeTable = [
  "| action | round trips | target | largest request, KB | of the 5 MB limit | all requests, KB | read responses, KB | time, ms | with 100 ms per round trip, ms | target |",
  "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...officeRows.map(
    (r) =>
      `| ${r.name} | ${range(r.syncs, String)} | ${r.syncTarget} | ${range(r.maxRequest, kb)} | ${((100 * r.maxRequest.max) / LIMIT).toFixed(0)} % | ${range(r.request, kb)} | ${range(r.response, kb)} | ${range(r.ms)} | ${range(r.webMs)} | ${r.webTarget} |`,
  ),
].join("\n");
const table = [
  "| measure | median | min | max | unit | runs | target |",
  "| --- | ---: | ---: | ---: | --- | ---: | --- |",
  ...rows.map(
    (r) => `| ${r.name} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.unit} | ${r.runs} | ${r.target} |`,
  ),
].join("\n");
console.log(
  `\nOffice.js (test double; median (min–max) of 5 runs, 3 with latency)\n\n${officeTable}\n\n${table}\n\n${filesSection}\n\n${machine}`,
);
const report = `# Benchmarks

Latest \`npm run bench -- --write\`, ${new Date().toISOString().slice(0, 10)}, on ${machine}.
The assessment has ${unitCount} units (13 counties and 44 member units; the issue's "56" was a miscount, see docs/architecture.md).

## Office.js

Measured on the test double of Excel (test/excel/fakeExcel.ts) with every call mirrored onto Microsoft's own
Office.js client (test/excel/officeClient.ts), not in Excel: round trips are \`context.sync()\` calls; a request's
size is the UTF-8 bytes of its body as Office serializes it (Excel on the web refuses more than 5 MB; the add-in
keeps each under 2.5 MB; measured in 2 runs with the client, the timed runs go without it), a response's the JSON of
the ranges loaded. Time is the add-in's own work with the double's
(plan, reading, scoring, queuing the writes) in Node; the last time column adds a simulated 100 ms per round trip,
as on Excel on the web. Median (min–max) of 5 runs, 3 with the simulated latency. Validate-and-total and the edits
run on a workbook with a deduction and a finding on every third line of every unit; the edits with live checking
on and 变更记录 made by an earlier edit.

${officeTable}

## Scoring core, command line, bundle

${table}

## Returned workbooks: scorecard beside what an office would use instead

${filesSection}
`;
if (write) writeFileSync(join(root, "docs/benchmarks.md"), report);
else step("not written to docs/benchmarks.md (run `npm run bench -- --write` to record these figures)");
rmSync(tmp, { recursive: true, force: true });
