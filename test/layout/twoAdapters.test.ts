/**
 * One plan, two adapters, one workbook (issue 14, point 5): the same plan rendered into Excel (the recording
 * double) and written to a file holds the same cells, cell by cell, the same row heights and the same print setup.
 */
import { renderPlan } from "../../src/excel/render";
import { buildWorkbookPlan } from "../../src/layout";
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

test("every cell, row height and print setting is the same in Excel and in the file", async () => {
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
      [...xml.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"[^>]*customHeight="1"/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]),
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
});
