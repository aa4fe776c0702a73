/**
 * The direct writer of `scorecard total --out` renders the summary plan as the exceljs writer does: the same cells,
 * values and styles, merges, widths, hidden rows, print setup and tables, cell by cell; the project's reader and
 * LibreOffice read the same from both files; and the zip is one JSZip and zipGuard accept, CRC-32 checked.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan, planToGrid, readWorkbook, summaryValuesSheets, withEntries } from "../../src/layout";
import type { SheetPlan, WorkbookPlan } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { totalWorkbooks } from "../../src/totalling";
import { inspectZip, planToXlsx, readXlsx } from "../../src/xlsx";
import { planToXlsxValues } from "../../src/xlsx/valuesWriter";
import { crc32 } from "../../src/xlsx/zipWrite";
import { libreOfficeAvailable, recalculateToCsv } from "../support/libreoffice";

const rubric = defaultRubric();
const UNITS = ["交城县", "石楼县", "文水县", "市交通局", "市体育局"];
const built = buildWorkbookPlan(
  rubric,
  UNITS.map((n) => rubric.findUnit(n)!),
);

/** Texts that would turn into something else if a writer let them: formulas, blanks trimmed, markup. */
const TRICKY = [
  '=HYPERLINK("http://evil.example")',
  "+1+1",
  "@SUM(1,2)",
  "  前后有空格  ",
  "第一行\n第二行",
  'A & B <c> "d"',
];

/** 汇总 as `scorecard total --out` makes it, from filled sheets: deductions, findings, 不参与, an error, issues. */
function summaryPlan(): WorkbookPlan {
  const workbooks = built.units.map((u, k) => {
    const sheet = built.plan.sheets.find((s) => s.name === u.sheetName)!;
    const t = u.map.tables[0];
    const entries: Record<string, string | number> = {
      [`E${t.first}`]: k === 2 ? "半分" : 0.5,
      [`G${t.first}`]: TRICKY[k % TRICKY.length],
      [`H${t.first + 2}`]: "否",
      [`E${t.first + 3}`]: 1,
      [`G${t.first + 3}`]: TRICKY[(k + 3) % TRICKY.length],
    };
    if (k % 2) entries[`I${t.first + 2}`] = "本县无此项工作";
    return { file: `${u.unit.name}.xlsx`, read: readWorkbook(rubric, [withEntries(planToGrid(sheet), entries)]) };
  });
  const { result, issues } = totalWorkbooks(rubric, workbooks);
  const rows = [
    ...issues.map((i) => ({
      file: i.file,
      sheet: i.sheet,
      cell: i.cell,
      unit: i.unit,
      severity: i.severity,
      message: i.message,
    })),
    ...TRICKY.map((t) => ({ file: `${t}.xlsx`, severity: "error" as const, message: t })),
  ];
  const sheets = summaryValuesSheets(rubric, result, rows, "2026/12/1 09:30:00");
  return { rulesId: rubric.id, rulesVersion: rubric.version, sheets };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** What a person sees of a cell's style, as exceljs reads it back; the default font counts as no font. */
function look(cell: ExcelJS.Cell) {
  const f = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const b = cell.border ?? {};
  return {
    font: f.name === "宋体" ? { bold: !!f.bold, size: f.size } : null,
    align: {
      horizontal: cell.alignment?.horizontal,
      vertical: cell.alignment?.vertical,
      wrap: !!cell.alignment?.wrapText,
    },
    numFmt: cell.numFmt || "General",
    fill: fill?.pattern === "solid" ? fill.fgColor?.argb : null,
    border: (["top", "left", "bottom", "right"] as const).map((s) => `${b[s]?.style}:${b[s]?.color?.argb}`),
    locked: cell.protection?.locked !== false,
  };
}

/** Every cell of every sheet with its value and look, and the sheet's layout and print setup. */
function outline(book: ExcelJS.Workbook) {
  return book.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.isMerged && cell.master !== cell ? null : cell.value;
        cells[cell.address] = { value, ...look(cell) };
      }),
    );
    const columns: Record<number, unknown> = {};
    (ws.columns ?? []).forEach((column, i) => {
      if (column.width || column.hidden) columns[i + 1] = { width: column.width, hidden: !!column.hidden };
    });
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hiddenRows.push(n));
    const { orientation, paperSize, fitToPage, scale, margins, printTitlesRow } = ws.pageSetup;
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height) heights[n] = row.height;
    });
    const breaks = (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables,
    ).map((t) => [t.table.name, t.table.tableRef]);
    return {
      name: ws.name,
      state: ws.state,
      cells,
      merges: (ws.model as unknown as { merges: string[] }).merges,
      columns,
      hiddenRows,
      print: {
        orientation,
        paperSize,
        fitToPage,
        scale,
        margins,
        printTitlesRow,
        header: ws.headerFooter.oddHeader,
        footer: ws.headerFooter.oddFooter,
        breaks,
      },
      heights,
      tables,
      frozen: (ws.views ?? [])
        .filter((v) => v.state === "frozen")
        .map((v) => (v as ExcelJS.WorksheetViewFrozen).ySplit),
    };
  });
}

describe("the direct writer of the summary workbook", () => {
  const plan = summaryPlan();
  const sheet = plan.sheets[0];

  test("the summary plan exercises what the writer must render", () => {
    // 汇总, then 扣分明细 and 问题清单 on sheets of their own.
    expect(plan.sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ["汇总", ["ResultCounties", "ResultMembers"]],
      ["扣分明细", ["ResultDeductions"]],
      ["问题清单", ["ResultIssues"]],
    ]);
    expect(sheet.merges.length).toBeGreaterThan(0);
    expect(sheet.hiddenRows).toContain(1);
    const styles = new Set(sheet.cells.map((c) => JSON.stringify(c.style)));
    expect(styles.size).toBeGreaterThan(3);
  });

  test("writes every cell, value and style, merge, width, hidden row, table and print setting as exceljs does", async () => {
    const viaExceljs = outline(await load(await planToXlsx(plan)));
    const direct = outline(await load(planToXlsxValues(plan)));
    expect(direct.reduce((n, s) => n + Object.keys(s.cells).length, 0)).toBeGreaterThan(250);
    expect(direct).toEqual(viaExceljs);
  });

  test("the project's reader reads the same grid from both files", async () => {
    const direct = await readXlsx(planToXlsxValues(plan), "direct.xlsx");
    expect(direct).toEqual(await readXlsx(await planToXlsx(plan), "exceljs.xlsx"));
    const texts = direct.flatMap((s) => s.cells.flat()).filter((v) => typeof v === "string");
    for (const t of TRICKY) expect(texts).toContain(t); // as typed: no formula, no trimming, no markup lost
  });

  test("a sheet with its first rows frozen, print titles, breaks, a footer, row heights, a formula and a boolean", async () => {
    const base = sheet;
    const variant: SheetPlan = {
      ...base,
      name: "其他",
      freezeRows: 7,
      print: {
        ...base.print,
        orientation: "portrait",
        scale: 70,
        breaksAfter: [9],
        footer: "第 &P 页 共 &N 页",
        titleRows: { from: 6, to: 7 },
      },
      rowHeights: { ...base.rowHeights, 3: 40.5 },
      columnWidths: { 20: 33 },
      cells: [
        ...base.cells,
        { row: 3, col: 20, value: { formula: "=SUM(C8:C10)", result: 12.5 } },
        { row: 4, col: 20, value: true },
      ],
    };
    const both: WorkbookPlan = { ...plan, sheets: [base, variant] };
    const direct = await load(planToXlsxValues(both));
    expect(outline(direct)).toEqual(outline(await load(await planToXlsx(both))));
    expect(direct.worksheets[1].getCell("T3").value).toEqual({ formula: "SUM(C8:C10)", result: 12.5 });
    expect(direct.worksheets[1].getRow(3).height).toBe(40.5);
    expect(direct.worksheets[1].pageSetup.scale).toBe(70);
    expect(direct.worksheets[1].pageSetup.printTitlesRow).toBe("6:7");
    // A quote in the sheet's name is doubled in the print titles' reference (exceljs 4.4 leaves it single).
    const quoted = { ...variant, name: "其'他" };
    const zip = await JSZip.loadAsync(planToXlsxValues({ ...plan, sheets: [base, quoted] }));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain(
      `localSheetId="1">'其''他'!$6:$7</definedName>`,
    );
  });

  test("refuses what only the exceljs writer writes: validation, highlighting, protection", () => {
    const unitSheet = built.plan.sheets.find((s) => s.name === "石楼县")!;
    expect(() => planToXlsxValues({ ...plan, sheets: [unitSheet] })).toThrow(/values and styles only/);
  });

  test("a zip JSZip and zipGuard accept, each part's CRC-32 checked", async () => {
    const bytes = planToXlsxValues(plan);
    const summary = inspectZip(bytes);
    expect(summary.names).toContain("xl/worksheets/sheet1.xml");
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)[0]).toBe("[Content_Types].xml");
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('name="汇总"');
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926); // the standard check value
  });

  test("text XML cannot carry, or that Excel would decode, is escaped as Excel expects (_xHHHH_)", async () => {
    const odd: SheetPlan = { ...sheet, tables: [], merges: [], cells: [{ row: 1, col: 1, value: "a\u0001b_x0041_c" }] };
    const zip = await JSZip.loadAsync(planToXlsxValues({ ...plan, sheets: [odd] }));
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain("<t>a_x0001_b_x005F_x0041_c</t>");
  });

  test("LibreOffice opens it as a valid workbook and reads the same as from the exceljs file", async () => {
    expect(libreOfficeAvailable()).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "scorecard-direct-"));
    const direct = join(dir, "direct.xlsx");
    const viaExceljs = join(dir, "exceljs.xlsx");
    writeFileSync(direct, planToXlsxValues(plan));
    writeFileSync(viaExceljs, await planToXlsx(plan));
    const fromDirect = await recalculateToCsv(direct);
    expect(Object.keys(fromDirect).sort()).toEqual(["扣分明细", "汇总", "问题清单"].sort());
    // Every unit's row is there (the details are on sheets of their own).
    expect(fromDirect["汇总"].flat()).toEqual(expect.arrayContaining(built.units.map((u) => u.unit.name)));
    expect(fromDirect).toEqual(await recalculateToCsv(viaExceljs));
  }, 120000);
});
