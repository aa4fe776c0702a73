/**
 * The bad-input matrix, through the file path a returned workbook takes: each bad entry meets a stable code and a
 * message in Chinese naming its cell, and reading never changes the file (nothing anyone typed is lost).
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { planToXlsx } from "../../src/xlsx";
import { BAD_ENTRIES } from "../support/badEntries";

const rubric = luliang2022;
const unit = rubric.findUnit("石楼县")!;
const { plan, units } = buildWorkbookPlan(rubric, [unit]);
const table = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
const rowOf = (label: string) => table.top + 1 + table.rows.findIndex((r) => r[0] === label);

const CASES = BAD_ENTRIES.map((e) => [e.what, e.inFile, e.line, e.column, e.code, e.message] as const);

const tmp = mkdtempSync(join(tmpdir(), "scorecard-bad-"));
let file = "";
let report: {
  units: { unit: string; grade: string }[];
  issues: { code: string; cell: string; sheet: string; message: string; severity: string }[];
};
let exitCode = 0;
let before = "";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)).buffer as ArrayBuffer);
  const ws = wb.getWorksheet("石楼县")!;
  for (const [, value, label, col] of CASES) ws.getCell(`${col}${rowOf(label)}`).value = value;
  file = join(tmp, "bad.xlsx");
  await wb.xlsx.writeFile(file);
  before = createHash("sha256").update(readFileSync(file)).digest("hex");
  const out: string[] = [];
  exitCode = await main(["total", file, "--json"], { out: (t) => out.push(t), err: () => undefined });
  report = JSON.parse(out.join("\n"));
});

test.each(CASES)("%s: a clear error on its cell", (_what, _value, label, col, code, message) => {
  const cell = `${col}${rowOf(label)}`;
  const issue = report.issues.find((i) => i.cell === cell);
  expect(issue).toMatchObject({ code, sheet: "石楼县", severity: "error" });
  expect(issue!.message).toMatch(message);
  expect(issue!.message).toMatch(/[\u4e00-\u9fff]/);
});

test("the unit waits for corrections and the command says so", () => {
  expect(exitCode).toBe(1);
  expect(report.units[0].grade).toBe("待更正");
  expect(units).toHaveLength(1);
});

test("reading the workbook changes nothing in it", () => {
  expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
});
