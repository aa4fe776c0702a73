/**
 * One plan, two adapters, one workbook (issue 14, point 5): the same plan rendered into Excel (the recording
 * double) and written to a file holds the same cells, cell by cell, the same row heights and the same print setup.
 * 变更记录 too: the add-in makes it from the layout's plan with its first rows (it is no part of a generated
 * workbook, decision 0016), so that plan is compared through both adapters on its own.
 */
import JSZip from "jszip";
import { renderPlan } from "../../src/excel/render";
import { buildWorkbookPlan, changeLogSheetPlan, type WorkbookPlan } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { FakeExcel } from "../excel/fakeExcel";
import { sheetXml } from "../support/sheetXml";

const rubric = defaultRubric();
const plan = buildWorkbookPlan(
  rubric,
  ["石楼县", "市交通局"].map((n) => rubric.findUnit(n)!),
).plan;

const letters = (n: number): string =>
  (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));

/** A file's cell as Excel holds it after the add-in's write: formulas as their text, literal text kept as text. */
function asExcelHolds(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return (v as { formula: string }).formula;
  if (typeof v === "string" && /^[=+\-@\t\r\n]/.test(v)) return `'${v}`;
  return v;
}

/** Renders `plan` through both adapters and compares them sheet by sheet; gives both for further checks. */
async function bothAdapters(plan: WorkbookPlan) {
  const excel = new FakeExcel();
  excel.install();
  await renderPlan(plan);
  const bytes = await planToXlsx(plan);
  const files = await readXlsx(bytes);
  for (const sheet of plan.sheets) {
    const inExcel = excel.sheets.find((s) => s.name === sheet.name)!;
    const inFile = files.find((s) => s.name === sheet.name)!;
    const fileCells = new Map<string, unknown>();
    inFile.cells.forEach((row, r) =>
      row.forEach((v, c) => v !== null && fileCells.set(`${letters(c + 1)}${r + 1}`, v)),
    );
    const addresses = new Set([...fileCells.keys(), ...[...inExcel.grid].filter(([, v]) => v !== "").map(([a]) => a)]);
    for (const a of addresses)
      expect([sheet.name, a, inExcel.cell(a)]).toEqual([sheet.name, a, asExcelHolds(fileCells.get(a))]);

    // Row heights: Excel gets them by runs of rows ("7:9"), the file row by row.
    const excelHeights = new Map<number, unknown>();
    for (const w of excel.writes.filter((x) => x.sheet === sheet.name && x.path === "range.format.rowHeight")) {
      const [from, to] = w.address.split(":").map(Number);
      for (let r = from; r <= to; r++) excelHeights.set(r, w.value);
    }
    const xml = await sheetXml(bytes, sheet.name);
    const fileHeights = new Map(
      [...xml.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]),
    );
    for (const [r, h] of Object.entries(sheet.rowHeights)) {
      expect([sheet.name, Number(r), excelHeights.get(Number(r))]).toEqual([sheet.name, Number(r), h]);
      if (Number(r) !== 1)
        expect([sheet.name, Number(r), fileHeights.get(Number(r))]).toEqual([sheet.name, Number(r), h]);
    }

    // Print: the scale, the page breaks, the footer with its page numbers.
    const layout = (path: string) =>
      excel.writes
        .filter((x) => x.sheet === sheet.name && x.path === `worksheet.pageLayout.${path}`)
        .map((x) => x.value);
    expect(layout("zoom")).toEqual([{ scale: sheet.print.scale }]);
    expect(xml).toMatch(new RegExp(`<pageSetup[^>]*scale="${sheet.print.scale}"`));
    if (sheet.print.footer) {
      expect(layout("headersFooters.defaultForAllPages.centerFooter")).toEqual([sheet.print.footer]);
      expect(xml).toContain(`<oddFooter>&amp;C${sheet.print.footer.replace(/&/g, "&amp;")}</oddFooter>`);
    } else {
      // A sheet nobody prints (the carried rules) has no footer in either.
      expect(layout("headersFooters.defaultForAllPages.centerFooter")).toEqual([]);
      expect(xml).not.toContain("<oddFooter>");
    }
    const excelBreaks = excel.writes
      .filter((x) => x.sheet === sheet.name && x.path === "worksheet.horizontalPageBreaks.add()")
      .map((x) => Number(String((x.value as unknown[])[0]).slice(1)) - 1);
    const fileBreaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect([sheet.name, excelBreaks]).toEqual([sheet.name, [...sheet.print.breaksAfter]]);
    expect([sheet.name, fileBreaks]).toEqual([sheet.name, [...sheet.print.breaksAfter]]);
  }
  return { excel, bytes };
}

test("every cell, row height and print setting is the same in Excel and in the file", async () => {
  await bothAdapters(plan);
});

test("变更记录: the same cells, columns, text format and hidden state in Excel and in the file", async () => {
  const log = changeLogSheetPlan(rubric, [
    { time: "2026/12/2 01:02:03", sheet: "石楼县", cell: "E7", before: "", after: 0.5, source: "本机录入" },
    // Strings that Excel would take for a formula, a number or a date stay text in both.
    { time: "2026/12/2 01:02:04", sheet: "2023.10", cell: "G7", before: "3.10", after: "=1+1", source: "本机录入" },
  ]);
  const { excel, bytes } = await bothAdapters({ rulesId: rubric.id, rulesVersion: rubric.version, sheets: [log] });
  const inExcel = excel.sheets.find((s) => s.name === "变更记录")!;
  expect(inExcel.cell("B4")).toBe("2023.10");
  expect(inExcel.cell("E4")).toBe("'=1+1");
  expect(inExcel.visibility).toBe("Hidden");
  // Whole columns text-formatted: the rows the add-in appends later are text too.
  expect(["A", "B", "C", "D", "E", "F"].map((c) => inExcel.formatOf(`${c}5000`))).toEqual(Array(6).fill("@"));
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<sheet [^>]*name="变更记录"[^>]*state="hidden"/);
  const xml = await sheetXml(bytes, "变更记录");
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const cellXfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
  const cols = [...xml.matchAll(/<col min="(\d+)" max="(\d+)"[^>]*style="(\d+)"/g)];
  const textCols = cols.filter((m) => cellXfs[Number(m[3])] === "49").flatMap((m) => [Number(m[1]), Number(m[2])]);
  expect([Math.min(...textCols), Math.max(...textCols)]).toEqual([1, 6]); // numFmtId 49 is "@" (ECMA-376, 18.8.30)
});
