/**
 * `scorecard total --out 汇总.xlsx` writes the summary without exceljs (npm run bench: --out at most 1.3× plain total):
 * run as the installed command runs (bin/scorecard.js's bundle, lib/cli/scorecard.js, npm run build:cli) in a
 * process where loading exceljs fails, it still writes a summary holding every unit's result, the same as the
 * add-in's summary plan rendered by the exceljs writer. Nor does `total` load JSZip or zod: start-up is part of what
 * a person waits for.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/xlsx";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "scorecard-out-"));
const io = { out: () => undefined, err: () => undefined };
/** The command line as bin/scorecard.js runs it, with `require` of these packages made to fail. */
const without = (packages: string[]) => `
const Module = require("node:module");
const load = Module._load;
const refused = ${JSON.stringify(packages)};
Module._load = function (request, ...rest) {
  for (const p of refused) if (request === p || request.startsWith(p + "/")) throw new Error(p + " was loaded");
  return load.call(this, request, ...rest);
};
require(${JSON.stringify(join(root, "lib/cli/scorecard.js"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });
`;
const WITHOUT_EXCELJS = without(["exceljs"]);

test("total --out writes the summary workbook in a process that cannot load exceljs", async () => {
  const files = ["交城", "市体育局"].map((u) => join(dir, `${u}.xlsx`));
  for (const [i, u] of ["交城", "市体育局"].entries())
    expect(await main(["generate", "--out", files[i], "--units", u], io)).toBe(0);
  const out = join(dir, "汇总.xlsx");
  const r = spawnSync(process.execPath, ["-e", WITHOUT_EXCELJS, "total", ...files, "--json", "--out", out], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const units = JSON.parse(r.stdout).units;
  expect(units.map((u: { unit: string }) => u.unit)).toEqual(["交城县", "市体育局"]);
  const [summary] = await readXlsx(readFileSync(out), "汇总.xlsx");
  expect(summary.name).toBe("汇总");
  const rows = summary.cells.map((row) => row.slice(0, 10));
  for (const u of units) {
    const veto = u.veto ? "是" : "否";
    const figures = [u.itemsScore, u.applicableTotal, u.normalized, u.bonus, u.penalty, u.final];
    expect(rows).toContainEqual([u.rank, u.unit, ...figures, veto, u.grade]);
  }
});

test("the check itself: the same process fails when a command needs exceljs", () => {
  const r = spawnSync(process.execPath, ["-e", WITHOUT_EXCELJS, "generate", "--out", join(dir, "x.xlsx")], {
    encoding: "utf8",
  });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain("exceljs was loaded");
});

test("total loads neither exceljs, JSZip nor zod", async () => {
  const file = join(dir, "石楼.xlsx");
  expect(await main(["generate", "--out", file, "--units", "石楼"], io)).toBe(0);
  const r = spawnSync(process.execPath, ["-e", without(["exceljs", "jszip", "zod"]), "total", file, "--json"], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).units.map((u: { unit: string }) => u.unit)).toEqual(["石楼县"]);
});
