/**
 * Text from a workbook is data. A finding, a reason for not participating or a sheet name that starts with = + - @ or
 * a tab stays text wherever the add-in or the command line writes it again: 汇总 and 变更记录 in Excel, the unit's
 * exported workbook, and the summary workbook of `scorecard total --out`.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHANGE_LOG_SHEET_NAME } from "../../src/excel/changeLog";
import { startLiveChecking } from "../../src/excel/check";
import { exportUnit } from "../../src/excel/exportUnit";
import { renderPlan } from "../../src/excel/render";
import { validateAndTotal } from "../../src/excel/total";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { FakeExcel } from "../excel/fakeExcel";

const rubric = luliang2022;
const unit = rubric.findUnit("石楼县")!;
const plan = buildWorkbookPlan(rubric, [unit]).plan;
const lines = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
const rowOf = (label: string) => lines.top + 1 + lines.rows.findIndex((r) => String(r[0]) === label);

/** What an attacker (or a careless paste) would put into a cell, each a formula if written as typed. */
const PAYLOADS = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(1,2)", '\t=cmd|"/C calc"!A0'];
/** [line, column] of where each payload is typed: findings (G), and the reason (I) of a line marked 否. */
const FINDINGS = ["1", "2", "3", "4"].map((l, i) => ({ cell: `G${rowOf(l)}`, text: PAYLOADS[i] }));
const REASON = { cell: `I${rowOf("5")}`, text: PAYLOADS[4], participates: `H${rowOf("5")}` };
const typedCells = () => ({
  [`E${rowOf("1")}`]: 0.5,
  ...Object.fromEntries(FINDINGS.map((f) => [f.cell, f.text])),
  [REASON.participates]: "否",
  [REASON.cell]: REASON.text,
});

/** A payload as the scoring core keeps it: texts are trimmed, so the tab goes and the "=" behind it is first. */
const kept = (payload: string) => payload.trim();
/** Every cell of a fake sheet that holds one of the payloads, as Excel was asked to write it. */
const payloadCells = (values: Iterable<unknown>) =>
  [...values].filter((v): v is string => typeof v === "string" && PAYLOADS.some((p) => v.includes(kept(p))));
/** Excel takes a value that starts like this for a formula (unless it starts with the text apostrophe). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

describe("in Excel", () => {
  let excel: FakeExcel;
  beforeAll(async () => {
    excel = new FakeExcel();
    excel.install();
    await renderPlan(plan);
    const live = await startLiveChecking(
      rubric,
      () => undefined,
      (e) => {
        throw e;
      },
    );
    await excel.personTypes("石楼县", typedCells());
    await live.flush(); // as the pane does before 校验并汇总
    await validateAndTotal(rubric);
  });

  test("汇总 and its sheets write each finding and reason with Excel's text apostrophe, never as a formula", () => {
    // The findings and reasons are in 扣分明细, any message quoting them in 汇总 (and 问题清单).
    const summary = excel.sheets.filter((s) => ["汇总", "扣分明细", "问题清单"].includes(s.name));
    expect(summary.map((s) => s.name).slice(0, 2)).toEqual(["汇总", "扣分明细"]);
    const written = payloadCells(summary.flatMap((s) => [...s.grid.values()]));
    for (const p of PAYLOADS) expect([p, written.some((v) => v.includes(kept(p)))]).toEqual([p, true]);
    expect(written.filter((v) => FORMULA_START.test(v))).toEqual([]);
    expect(written).toEqual(expect.arrayContaining(FINDINGS.map((f) => `'${f.text}`)));
  });

  test("变更记录 logs each as text", () => {
    const written = payloadCells(excel.sheets.find((s) => s.name === CHANGE_LOG_SHEET_NAME)!.grid.values());
    expect(written.sort()).toEqual(PAYLOADS.map((p) => `'${p}`).sort());
  });

  test("the unit's exported workbook holds them as text cells", async () => {
    const report = await exportUnit(rubric, { sheetName: "石楼县" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      report.bytes.buffer.slice(
        report.bytes.byteOffset,
        report.bytes.byteOffset + report.bytes.byteLength,
      ) as ArrayBuffer,
    );
    const ws = wb.getWorksheet("石楼县")!;
    for (const { cell, text } of [...FINDINGS, REASON]) {
      expect([cell, ws.getCell(cell).type, ws.getCell(cell).value]).toEqual([cell, ExcelJS.ValueType.String, text]);
    }
    const grid = (await readXlsx(report.bytes)).find((s) => s.name === "石楼县")!;
    expect(
      grid.cells
        .flat()
        .filter((c) => typeof c === "object" && c !== null && PAYLOADS.some((p) => c.formula.includes(p))),
    ).toEqual([]);
  });
});

test("scorecard total --out: the summary workbook holds them, and a sheet named like a formula, as text cells", async () => {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-inject-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)).buffer as ArrayBuffer);
  const ws = wb.getWorksheet("石楼县")!;
  for (const [cell, value] of Object.entries(typedCells())) ws.getCell(cell).value = value;
  ws.getCell(`E${rowOf("2")}`).value = "-1"; // an error, so the sheet's name goes into the issue list
  ws.name = "+石楼县";
  const file = join(dir, "@returned.xlsx");
  await wb.xlsx.writeFile(file);
  const out = join(dir, "汇总.xlsx");
  await main(["total", file, "--out", out], { out: () => undefined, err: () => undefined });

  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(out);
  const cells: ExcelJS.Cell[] = [];
  summary.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c))));
  const formulas = cells.filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => c.formula);
  expect(
    formulas.filter((f) => PAYLOADS.some((p) => f.includes(p.replace(/^[=\t]+/, ""))) || f.includes("石楼县")),
  ).toEqual([]);
  const texts = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => String(c.value));
  for (const p of [...PAYLOADS.map(kept), "+石楼县", "@returned.xlsx"])
    expect([p, texts.some((t) => t.includes(p))]).toEqual([p, true]);
});
