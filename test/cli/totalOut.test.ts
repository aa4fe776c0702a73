/**
 * `scorecard total --out 汇总.xlsx` writes the summary without exceljs (npm run bench: --out at most 1.3× plain total):
 * run as the compiled command line (lib/, npm run build:cli) in a process where loading exceljs fails, it still
 * writes a summary holding every unit's result, the same as the add-in's summary plan rendered by the exceljs writer.
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
/** The compiled command line, with `require("exceljs")` made to fail. */
const WITHOUT_EXCELJS = `
const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "exceljs" || request.startsWith("exceljs/")) throw new Error("exceljs was loaded");
  return load.call(this, request, ...rest);
};
require(${JSON.stringify(join(root, "lib/cli/main.js"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });
`;

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
