// Reading returned workbooks: `scorecard total` beside what an office would use instead, on the same 57 filled
// one-unit workbooks, each tool a whole process spawned as an office would run it, in interleaved rounds (every
// round runs every tool once, in an order that rotates from round to round, so a machine busy with something else
// slows them alike); each tool's ratio is taken round by round against that round's `scorecard total`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXTRA_CA_CERTS, fmt, range, stats, timeProcess, USER_ENV } from "./stats.mjs";

const PY = "/usr/bin/python3"; // Debian's python, which has python3-openpyxl and python3-uno (npm run test:setup)
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
/** Recalculation on load forced, as test/support/libreoffice.ts does: no cached result is trusted. */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;
/** CSV of every sheet (the last field, -1), UTF-8 (76) (LibreOffice's CSV filter options). */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

function hasPython(module) {
  try {
    timeProcess(PY, ["-c", `import ${module}`]);
    return true;
  } catch {
    return false;
  }
}

/** The tools, each with what it does as the bench's output says it. */
function contenders({ root, tmp, files }) {
  const node = process.execPath;
  const scorecard = join(root, "bin/scorecard.js");
  const here = join(root, "scripts/bench");
  const out = join(tmp, "汇总.xlsx");
  const cells = (stdout) => JSON.parse(stdout.trim().split("\n").pop()).cells;
  const list = [
    {
      key: "total",
      name: "`scorecard total --json`",
      does: "reads every file, checks every entry, scores, ranks, prints the results and issues as JSON",
      run: () => timeProcess(node, [scorecard, "total", ...files, "--json"], { ok: [0, 1] }),
      check: (stdout) => `${JSON.parse(stdout).units.length} units`,
    },
    // Only where the machine sets it (stats.mjs, USER_ENV): what the tests here see, not what an office sees.
    ...(EXTRA_CA_CERTS === undefined
      ? []
      : [
          {
            key: "totalCerts",
            name: "`scorecard total --json`, with this machine's NODE_EXTRA_CA_CERTS",
            does: "the same as `scorecard total`, in a Node that first reads every certificate the setting names",
            run: () =>
              timeProcess(node, [scorecard, "total", ...files, "--json"], {
                ok: [0, 1],
                env: { ...USER_ENV, NODE_EXTRA_CA_CERTS: EXTRA_CA_CERTS },
              }),
            check: (stdout) => `${JSON.parse(stdout).units.length} units`,
          },
        ]),
    {
      key: "out",
      name: "`scorecard total --json --out 汇总.xlsx`",
      does: "the same, and writes the summary workbook",
      run: () => {
        rmSync(out, { force: true });
        return timeProcess(node, [scorecard, "total", ...files, "--json", "--out", out], { ok: [0, 1] });
      },
      check: (stdout) =>
        `${JSON.parse(stdout).units.length} units, 汇总.xlsx ${existsSync(out) ? "written" : "MISSING"}`,
    },
    {
      key: "sheetjs",
      name: "SheetJS (xlsx 0.18.5) reading every cell",
      does: "XLSX.readFile on each file (default options), every cell of every sheet visited",
      run: () => timeProcess(node, [join(here, "read-sheetjs.cjs"), ...files]),
      check: (stdout) => `${cells(stdout)} cells with a value or formula`,
    },
    {
      key: "exceljs",
      name: "exceljs 4.4 reading every cell",
      does: "workbook.xlsx.readFile on each file, every cell of every sheet visited (merged cells count per cell)",
      run: () => timeProcess(node, [join(here, "read-exceljs.cjs"), ...files]),
      check: (stdout) => `${cells(stdout)} cells`,
    },
  ];
  if (hasPython("openpyxl")) {
    list.push(
      {
        key: "openpyxlRead",
        name: "openpyxl read-only reading every cell",
        does: "load_workbook(read_only=True), iter_rows(values_only=True) over every sheet (python3-openpyxl)",
        run: () => timeProcess(PY, [join(here, "read-openpyxl.py"), "read-only", ...files]),
        check: (stdout) => `${cells(stdout)} cells with a value`,
      },
      {
        key: "openpyxlFull",
        name: "openpyxl (full model) reading every cell",
        does: "load_workbook() with styles, as a script that edits and saves would, every cell visited",
        run: () => timeProcess(PY, [join(here, "read-openpyxl.py"), "full", ...files]),
        check: (stdout) => `${cells(stdout)} cells with a value`,
      },
    );
  }
  if (SOFFICE && hasPython("uno")) {
    const profile = join(tmp, "lo-uno-profile");
    list.push({
      key: "loUno",
      name: "LibreOffice recomputing every sheet (UNO)",
      does:
        "one headless soffice for all files, driven through python3-uno: load hidden, calculateAll(), read every " +
        "sheet's used area (computed values), close; soffice's start-up included",
      run: () => timeProcess(PY, [join(here, "recalc-libreoffice.py"), SOFFICE, profile, ...files]),
      check: (stdout) => `${cells(stdout)} computed cells with a value`,
    });
  }
  if (SOFFICE) {
    const profile = join(tmp, "lo-csv-profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user/registrymodifications.xcu"), RECALC_PROFILE);
    const csv = join(tmp, "lo-csv");
    list.push({
      key: "loCsv",
      name: "LibreOffice recomputing every sheet (csv export)",
      does:
        "one `soffice --headless --convert-to csv` over all files, recalculation on load forced in its profile, " +
        "every sheet exported (filter option -1)",
      run: () => {
        rmSync(csv, { recursive: true, force: true });
        const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore"];
        return timeProcess(SOFFICE, [...args, "--convert-to", CSV_ALL_SHEETS, "--outdir", csv, ...files]);
      },
      check: () => "every sheet as csv",
    });
  }
  list.push(
    {
      key: "floorInflate",
      name: "floor: inflate the parts a reader needs",
      does: "node:zlib inflateRaw of workbook, its rels, shared strings and sheets of each file, from the zip directory",
      run: () => timeProcess(node, [join(here, "floor.mjs"), "inflate", ...files]),
      check: (stdout) => `${JSON.parse(stdout).parts} parts`,
    },
    {
      key: "floorScan",
      name: "floor: inflate, and one scan over the cells",
      does: "the same, plus one indexOf pass over every <c> and shared string: sees every value, checks nothing",
      run: () => timeProcess(node, [join(here, "floor.mjs"), "scan", ...files]),
      check: (stdout) => `${cells(stdout)} cells with a value`,
    },
  );
  return list;
}

/** Interleaved rounds; returns per tool its times, ratios to `total` and what its last run reported. */
export function readingBenchmarks({ root, tmp, files, rounds, step, only }) {
  // `total` always runs: every ratio is to it.
  const tools = contenders({ root, tmp, files }).filter((t) => !only || t.key === "total" || only.includes(t.key));
  if (only) for (const key of only) if (!tools.some((t) => t.key === key)) throw new Error(`--tools: no tool "${key}"`);
  step(`reading ${files.length} returned workbooks: ${tools.length} tools, a warm-up round and ${rounds} rounds`);
  for (const tool of tools) tool.seen = tool.check(tool.run().stdout); // file cache, profiles, bytecode
  const times = Object.fromEntries(tools.map((t) => [t.key, []]));
  const ratios = Object.fromEntries(tools.map((t) => [t.key, []]));
  for (let round = 0; round < rounds; round++) {
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    const took = {};
    for (const tool of order) took[tool.key] = tool.run().ms;
    for (const tool of tools) {
      times[tool.key].push(took[tool.key]);
      ratios[tool.key].push(took[tool.key] / took.total);
    }
    step(`round ${round + 1}/${rounds}: ${tools.map((t) => `${t.key} ${fmt(took[t.key])}`).join(", ")} ms`);
  }
  return tools.map((t) => ({
    ...t,
    ms: stats(times[t.key]),
    ratio: stats(ratios[t.key]),
    inverse: stats(ratios[t.key].map((r) => 1 / r)),
  }));
}

/** The reading table and the issue's targets, in Markdown. */
export function readingTables(results, files) {
  const by = Object.fromEntries(results.map((r) => [r.key, r]));
  const table = [
    `| tool, over the same ${files} files | what it does | time, ms | × scorecard total | it reported |`,
    "| --- | --- | ---: | ---: | --- |",
    ...results.map((r) => `| ${r.name} | ${r.does} | ${range(r.ms)} | ${range(r.ratio)} | ${r.seen} |`),
  ].join("\n");
  const target = (what, s, goal, met) => `| ${what} | ${range(s)} | ${goal} | ${met(s.median) ? "met" : "NOT MET"} |`;
  const targets = ["| target (issue 21) | measured, median (min–max) | goal | |", "| --- | ---: | --- | --- |"];
  if (by.sheetjs)
    targets.push(target("SheetJS reading ÷ scorecard total", by.sheetjs.ratio, "≥ 2.5×", (m) => m >= 2.5));
  if (by.openpyxlRead)
    targets.push(target("openpyxl read-only reading ÷ scorecard total", by.openpyxlRead.ratio, "≥ 3×", (m) => m >= 3));
  if (by.floorScan)
    targets.push(target("scorecard total ÷ floor (inflate and scan)", by.floorScan.inverse, "≤ 2×", (m) => m <= 2));
  if (by.out) targets.push(target("scorecard total --out ÷ scorecard total", by.out.ratio, "≤ 1.3×", (m) => m <= 1.3));
  if (by.loUno) targets.push(target("LibreOffice (UNO) ÷ scorecard total", by.loUno.ratio, "≥ 10×", (m) => m >= 10));
  return { table, targets: targets.join("\n") };
}
