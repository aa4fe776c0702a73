/**
 * Rows the program fits (issue 17): a workbook filled without the add-in, in Excel, WPS or LibreOffice, must grow a
 * line's row as a long finding is typed. A row written with customHeight="1" never grows, so only the rows whose
 * planned height a program's own fit would lose (titles and notes merged across columns, the hidden marker row)
 * keep it; every other row carries its planned height as a plain `ht`.
 */
import { buildWorkbookPlan, summaryValuesSheet, type SheetPlan } from "../../src/layout";
import { columnPoints, heldRows, linesIn, rowPoints } from "../../src/layout/fit";
import { defaultRubric } from "../../src/rubric";
import { scoreAll } from "../../src/scoring";
import JSZip from "jszip";
import { planToXlsx } from "../../src/xlsx";
import { planToXlsx as planToXlsxInBrowser } from "../../src/xlsx/write";
import { planToXlsxValues } from "../../src/xlsx/valuesWriter";
import { sheetXml } from "../support/sheetXml";

const rubric = defaultRubric();
const built = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!, rubric.findUnit("市交通局")!]).plan;
const book = (sheets: SheetPlan[]) => ({ rulesId: rubric.id, rulesVersion: rubric.version, sheets });

/** Each written row's height and whether it is fixed. */
function rowsOf(xml: string): Map<number, { ht?: number; fixed: boolean }> {
  const rows = new Map<number, { ht?: number; fixed: boolean }>();
  for (const [tag, r] of xml.matchAll(/<row r="(\d+)"[^>]*>/g)) {
    const ht = /\sht="([\d.]+)"/.exec(tag)?.[1];
    rows.set(Number(r), { ht: ht === undefined ? undefined : Number(ht), fixed: /customHeight="(1|true)"/.test(tag) });
  }
  return rows;
}

test.each(["石楼县", "市交通局"])("%s: every line's row is left to the program at its planned height", async (name) => {
  const sheet = built.sheets.find((s) => s.name === name)!;
  const rows = rowsOf(await sheetXml(await planToXlsx(book([sheet])), name));
  const lines = sheet.tables[0];
  for (let r = lines.top + 1; r <= lines.top + lines.rows.length; r++)
    expect([r, rows.get(r)]).toEqual([r, { ht: sheet.rowHeights[r], fixed: false }]);
  // The title is merged across the form: Excel's AutoFit ignores merged cells and would shrink it to one line.
  const title = sheet.merges.find((m) => m.top === m.bottom && m.right > m.left && m.top < lines.top)!;
  expect(rows.get(title.top)).toEqual({ ht: sheet.rowHeights[title.top], fixed: true });
  // What is fixed is what heldRows names, and nothing else.
  const fixed = [...rows].filter(([, v]) => v.fixed).map(([r]) => r);
  // (exceljs writes the hidden marker row without a height, the hidden flag does it.)
  const held = [...heldRows(sheet)].filter((r) => !sheet.hiddenRows.includes(r));
  expect(fixed.sort((a, b) => a - b)).toEqual(held.sort((a, b) => a - b));
});

test("the direct writer fixes the same rows as the exceljs writer", async () => {
  const result = scoreAll(rubric, [
    { unit: "石楼县", lines: { "county:5": { deduction: 0.5, findings: "台账不全" } } },
  ]);
  const sheet = summaryValuesSheet(rubric, result, [], "2026/12/1 10:00:00");
  const direct = rowsOf(await sheetXml(planToXlsxValues(book([sheet])), sheet.name));
  const exceljs = rowsOf(await sheetXml(await planToXlsx(book([sheet])), sheet.name));
  // Both hide the marker row; exceljs gives it no height, the direct writer 0.
  for (const r of sheet.hiddenRows) [direct, exceljs].forEach((rows) => rows.delete(r));
  expect(direct).toEqual(exceljs);
  expect([...direct.values()].some((v) => !v.fixed && v.ht !== undefined)).toBe(true);
});

test("held: a title merged across, rows only a merge fills, a row planned taller than its cells, a hidden row", () => {
  const wrap = { wrap: true };
  const long = "隐患排查治理台账记录不全".repeat(4);
  const fits = rowPoints(linesIn(long, columnPoints(20), 11), 11); // what its cell needs in column A
  const plan = {
    cells: [
      { row: 1, col: 1, value: "2022年度安全生产和消防工作考核打分表", style: { size: 16 } },
      { row: 2, col: 1, value: long, style: wrap },
      { row: 3, col: 1, value: "考核组长签字：", style: wrap },
      { row: 5, col: 1, value: long, style: wrap },
      { row: 6, col: 2, value: "说明", style: wrap },
    ],
    tables: [],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 1, bottom: 4, right: 4 },
    ],
    columnWidths: { 1: 20 },
    hiddenRows: [7],
    rowHeights: { 1: 30, 2: fits, 3: 19, 4: 19, 5: fits, 6: 60, 7: 0 },
  };
  // Rows 2 and 5 are as tall as their texts need: the program may fit them. Row 6 is planned taller than 说明 needs.
  expect(fits).toBeGreaterThan(60);
  expect([...heldRows(plan)].sort()).toEqual([1, 3, 4, 6, 7]);
});

test("Node's writer (node:zlib) and the browser's (JSZip) make the same parts", async () => {
  const plan = book([...built.sheets]);
  const [node, browser] = await Promise.all([planToXlsx(plan), planToXlsxInBrowser(plan)]);
  const parts = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    // The two are written a moment apart: the document's created and modified times may differ by a second.
    const undated = (xml: string) => xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$1");
    return new Map(await Promise.all(files.map(async (f) => [f.name, undated(await f.async("string"))] as const)));
  };
  const [a, b] = await Promise.all([parts(node), parts(browser)]);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [name, text] of a) expect([name, text]).toEqual([name, b.get(name)]);
  expect(a.get("xl/workbook.xml")).toContain("石楼县");
});
