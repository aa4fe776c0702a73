/**
 * The file details of issue 17: cached values and recalculation on load, Excel's text escapes both ways, the cell
 * text limit, reserved sheet names, a Chinese total-row label, and conditional formats that flag text (recomputed
 * by LibreOffice).
 */
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildWorkbookPlan,
  CELL_TEXT_LIMIT,
  invalidAmountTest,
  safeSheetName,
  summaryValuesSheets,
  type SheetPlan,
} from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { scoreAll } from "../../src/scoring";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { filledSheets } from "../support/filledWorkbook";
import { libreOfficeAvailable, recalculateToCsv } from "../support/libreoffice";
import { sheetXml } from "../support/sheetXml";

const rubric = defaultRubric();
const built = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]);
const shilou = built.plan.sheets.find((s) => s.name === "石楼县")!;
const book = (sheets: SheetPlan[]) => planToXlsx({ rulesId: rubric.id, rulesVersion: rubric.version, sheets });

test("formulas carry the core's results, and the workbook asks for a full recalculation on load", async () => {
  const bytes = await planToXlsx(built.plan);
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  const [grid] = (await readXlsx(await book([shilou]))).filter((s) => s.name === "石楼县");
  const lines = shilou.tables[0];
  // A line's 得分 shows its points, the grade 未评分, before anything is typed: what the core says.
  const score = grid.cells[lines.top][5] as { formula: string; result: unknown };
  expect(score.result).toBe(lines.rows[0][3]);
  const gradeRow = grid.cells.findIndex((r) => r[6] === "等次");
  expect((grid.cells[gradeRow][7] as { result: unknown }).result).toBe("未评分");
  // A filled sheet's cached values follow its entries.
  const row = lines.top + 1;
  const [filled] = filledSheets(rubric, [shilou], { 石楼县: { [`E${row}`]: 0.5 } });
  const [back] = await readXlsx(await book([filled]));
  expect((back.cells[row - 1][5] as { result: unknown }).result).toBe((lines.rows[0][3] as number) - 0.5);
  expect((back.cells[gradeRow][7] as { result: unknown }).result).toBe("优秀");
});

test("a text holding Excel's escapes (_x0041_) is written escaped and read back as typed", async () => {
  const row = shilou.tables[0].top + 1;
  const typed = "记录_x0041_与_x005F_x0042_";
  const [filled] = filledSheets(rubric, [shilou], { 石楼县: { [`G${row}`]: typed } });
  const bytes = await book([filled]);
  const strings = await (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml")!.async("string");
  expect(strings).toContain("记录_x005F_x0041_");
  const [grid] = await readXlsx(bytes);
  expect(grid.cells[row - 1][6]).toBe(typed);
});

test("no cell over 32,767 characters: messages are cut, entries never", () => {
  const result = scoreAll(rubric, [
    {
      unit: "石楼县",
      lines: { "county:1": { participates: "否", exemptionReason: "说".repeat(CELL_TEXT_LIMIT - 2) } },
    },
  ]);
  const long = "问".repeat(40000);
  const sheets = summaryValuesSheets(rubric, result, [{ severity: "warning", message: long }], "2026/12/1 10:00:00");
  const texts = sheets
    .flatMap((sheet) => [...sheet.cells.map((c) => c.value), ...sheet.tables.flatMap((t) => t.rows.flat())])
    .filter((v): v is string => typeof v === "string");
  expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  expect(texts.some((t) => t.startsWith("问".repeat(100)) && t.endsWith("（过长，已截断）"))).toBe(true);
  expect(texts).toContain("说".repeat(CELL_TEXT_LIMIT - 2)); // the reason, whole (without its prefix)
});

test("sheet names Excel reserves are never used", () => {
  expect(safeSheetName("History", new Set())).toBe("History(2)");
  expect(safeSheetName("history", new Set())).toBe("history(2)");
});

test("tables say 合计, not Total, should someone switch on the total row", async () => {
  const zip = await JSZip.loadAsync(await book([shilou]));
  const table = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f))!;
  expect(await zip.file(table)!.async("string")).toMatch(/totalsRowLabel="合计"/);
});

test("one validation per range and 序号 written as numbers", async () => {
  const xml = await sheetXml(await book([shilou]), "石楼县");
  const first = shilou.tables[0].top + 1;
  expect(xml).toMatch(new RegExp(`<c r="A${first}"[^>]*><v>1</v>`)); // a number, not a shared string
  const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ranges).size).toBe(ranges.length);
});

(libreOfficeAvailable() ? test : test.skip)(
  "the conditional format of an amount flags text, a negative, too many decimals; not a good amount or a blank",
  async () => {
    const typed: (string | number | null)[] = ["没有扣分", -1, 0.125, 3, 0.5, 2, null, "  "];
    const cells = typed.map((v, i) => ({ row: 2 + i, col: 1, value: v }));
    const tests = typed.map((_, i) => ({
      row: 2 + i,
      col: 2,
      value: { formula: `=${invalidAmountTest(`A${2 + i}`, 2)}` },
    }));
    const plan: SheetPlan = {
      ...shilou,
      name: "CF",
      cells: [...cells, ...tests],
      tables: [],
      merges: [],
      validations: [],
    };
    const path = join(mkdtempSync(join(tmpdir(), "cf-")), "cf.xlsx");
    writeFileSync(path, await book([{ ...plan, conditionalFormats: [], protect: false }]));
    const csv = (await recalculateToCsv(path))["CF"];
    expect(typed.map((_, i) => csv[1 + i][1])).toEqual([
      "TRUE",
      "TRUE",
      "TRUE",
      "TRUE",
      "FALSE",
      "FALSE",
      "FALSE",
      "FALSE",
    ]);
  },
  120000,
);
