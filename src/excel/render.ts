/**
 * Renders a workbook plan into the open workbook with Office.js: two reads (which sheets exist, and their hidden
 * metadata row) and as many writes as keep each request under REQUEST_BUDGET as Office serializes it (Excel on the
 * web refuses requests over 5 MB). Sheets that exist already — found by their metadata, even when renamed — are
 * left alone with a message, so nothing a person typed is ever overwritten.
 */
import {
  CLOSED_FILL,
  columnLetter,
  isFormula,
  readMeta,
  type CellContent,
  type CellStyle,
  type ChartPlan,
  type Range,
  type SheetPlan,
  TABLE_HEADER_STYLE,
  type WorkbookPlan,
} from "../layout";
import { capabilities } from "./capabilities";
import { adapterError } from "./errors";
import { readsWhole, rememberSheets } from "./readSheets";
import { newSession, ownWrites, run, type Session } from "./session";

export { ExcelAdapterError } from "./errors";

export interface GenerateReport {
  readonly created: string[];
  /** Sheets left alone because they exist: the entries in them are kept. */
  readonly kept: { sheet: string; reason: string }[];
  readonly syncs: number;
  /** Features this Excel lacks, each said in Chinese (the sheets work without them). */
  readonly notices: string[];
}

/** Excel turns a typed "=…", "+…", "-…" or "@…" into a formula; an apostrophe keeps a literal as text. */
export function asTypedText(value: CellContent): string | number | boolean {
  if (value === null) return "";
  if (isFormula(value)) return value.formula;
  if (typeof value === "string" && /^[=+\-@\t\r\n]/.test(value)) return `'${value}`;
  return value;
}

const address = (row: number, col: number, rows = 1, cols = 1) =>
  rows === 1 && cols === 1
    ? `${columnLetter(col)}${row}`
    : `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;

/** A literal string: Excel would read it as typed ("2023.10" → 2023.1, "2023-01" → a date) unless text-formatted. */
const isText = (v: CellContent) => typeof v === "string" && v !== "";

/**
 * The text format ("@") on every string cell, set before the write so that Excel keeps the string as it is
 * (learn.microsoft.com, Range.values: values are parsed as typed; OfficeDev/office-js #6687); null leaves a cell's
 * format alone ("null input in a two-dimensional array is ignored", learn.microsoft.com "Set values or formulas").
 */
export function textFormats(cells: readonly (readonly CellContent[])[]): string[][] {
  return cells.map((row) => row.map((v) => (isText(v) ? "@" : null))) as unknown as string[][];
}

/** Points per character of column width (Calibri 11): Office.js widths are in points. */
const POINTS_PER_CHAR = 7;

function styleRange(range: Excel.Range, style: CellStyle | undefined) {
  if (!style) return;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.size) range.format.font.size = style.size;
  if (style.wrap) range.format.wrapText = true;
  if (style.align)
    range.format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
  if (style.verticalAlign) range.format.verticalAlignment = style.verticalAlign === "top" ? "Top" : "Center";
  // A single value (not an array) applies to every cell of the range.
  if (style.numberFormat) range.numberFormat = style.numberFormat as unknown as string[][];
  if (style.fill) range.format.fill.color = style.fill;
  if (style.input) range.format.protection.locked = false;
}

/**
 * Thin grey lines around and inside each rectangle (RangeBorderCollection.getItem, ExcelApi 1.1). Drawn per
 * rectangle — a whole table, a run of bordered cells — not per cell: a cell at a time, the borders of 57 sheets
 * would take Excel on the web past its 5 MB request limit.
 */
function drawBorders(ws: Excel.Worksheet, rects: readonly Range[]) {
  for (const r of rects) {
    const range = ws.getRange(address(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1));
    // The string forms of Excel.BorderIndex and Excel.BorderLineStyle, which Office.js accepts as well.
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (r.bottom > r.top) edges.push("InsideHorizontal");
    if (r.right > r.left) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#999999";
    }
  }
}

/** The rectangles to border: every table, and the bordered cells outside tables in runs down a column. */
export function borderRects(plan: SheetPlan): Range[] {
  const rects: Range[] = plan.tables
    .filter((t) => t.columns.some((c) => c.style?.border))
    .map((t) => ({ top: t.top, left: t.left, bottom: t.top + t.rows.length, right: t.left + t.columns.length - 1 }));
  const cells = plan.cells
    .filter((c) => c.style?.border)
    .map((c) => ({ row: c.row, col: c.col }))
    .sort((a, b) => a.col - b.col || a.row - b.row);
  for (const c of cells) {
    const last = rects[rects.length - 1];
    if (last && last.left === c.col && last.right === c.col && last.bottom === c.row - 1) {
      rects[rects.length - 1] = { ...last, bottom: c.row };
    } else rects.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  // Neighbouring runs over the same rows (labels beside their values) become one rectangle.
  const merged: Range[] = [];
  for (const r of rects) {
    const i = merged.findIndex((m) => m.top === r.top && m.bottom === r.bottom && m.right === r.left - 1);
    if (i >= 0) merged[i] = { ...merged[i], right: r.right };
    else merged.push(r);
  }
  return merged;
}

/**
 * Row heights from the plan (RangeFormat.rowHeight, points, ExcelApi 1.1), one write per run of rows of the same
 * height, so a sheet of a hundred rows costs a few dozen operations in the same batch.
 */
function setRowHeights(ws: Excel.Worksheet, heights: Readonly<Record<number, number>>) {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && heights[rows[j + 1]] === heights[rows[i]]) j++;
    ws.getRange(`${rows[i]}:${rows[j]}`).format.rowHeight = heights[rows[i]];
    i = j + 1;
  }
}

/** Queues everything a sheet plan holds onto a new sheet (no sync). */
export function writeSheet(sheets: Excel.WorksheetCollection, plan: SheetPlan, withPrint: boolean): Excel.Worksheet {
  const ws = sheets.add(plan.name);
  if (withPrint) printSetup(ws, plan);
  for (const [col, width] of Object.entries(plan.columnWidths))
    ws.getRange(`${columnLetter(Number(col))}:${columnLetter(Number(col))}`).format.columnWidth =
      width * POINTS_PER_CHAR;
  for (const c of plan.cells) {
    const range = ws.getRange(address(c.row, c.col));
    if (isText(c.value)) range.numberFormat = [["@"]];
    range.formulas = [[asTypedText(c.value)]];
    styleRange(range, c.style);
  }
  for (const t of plan.tables) {
    // One array per table: header and rows together.
    const values = [t.columns.map((c) => c.name), ...t.rows.map((r) => r.map(asTypedText))];
    const whole = ws.getRange(address(t.top, t.left, values.length, t.columns.length));
    const cells: (readonly CellContent[])[] = [t.columns.map((c) => c.name), ...t.rows];
    if (cells.some((row) => row.some(isText))) whole.numberFormat = textFormats(cells);
    whole.formulas = values;
    t.columns.forEach((col, j) => {
      const column = ws.getRange(address(t.top + 1, t.left + j, Math.max(1, t.rows.length), 1));
      styleRange(column, col.style);
      if (col.width > 0)
        ws.getRange(`${columnLetter(t.left + j)}:${columnLetter(t.left + j)}`).format.columnWidth =
          col.width * POINTS_PER_CHAR;
    });
    styleRange(ws.getRange(address(t.top, t.left, 1, t.columns.length)), TABLE_HEADER_STYLE);
    const table = ws.tables.add(whole, true);
    table.name = t.name;
  }
  // Another party's input cells in a party's workbook: locked and grey over the column styles, one range each
  // (RangeFormat.protection.locked, ExcelApi 1.2; the sheet's protection below makes the lock hold).
  for (const r of plan.closed ?? []) {
    const range = rangeOf(ws, r);
    range.format.fill.color = CLOSED_FILL;
    range.format.protection.locked = true;
  }
  setRowHeights(ws, plan.rowHeights);
  drawBorders(ws, borderRects(plan));
  for (const m of plan.merges)
    ws.getRange(address(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)).merge(false);
  for (const v of plan.validations) {
    const range = ws.getRange(
      address(v.range.top, v.range.left, v.range.bottom - v.range.top + 1, v.range.right - v.range.left + 1),
    );
    const bound = (x: number | { formula: string }) => (typeof x === "number" ? x : x.formula);
    range.dataValidation.rule =
      v.rule.kind === "list"
        ? { list: { inCellDropDown: true, source: v.rule.values.join(",") } }
        : v.rule.max === undefined
          ? { decimal: { formula1: bound(v.rule.min), operator: Excel.DataValidationOperator.greaterThanOrEqualTo } }
          : {
              decimal: {
                formula1: bound(v.rule.min),
                formula2: bound(v.rule.max),
                operator: Excel.DataValidationOperator.between,
              },
            };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: v.errorTitle,
      message: v.errorMessage,
    };
    range.dataValidation.ignoreBlanks = v.allowBlank;
    if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: v.errorTitle, message: v.prompt };
  }
  for (const cf of plan.conditionalFormats) {
    const range = ws.getRange(
      address(cf.range.top, cf.range.left, cf.range.bottom - cf.range.top + 1, cf.range.right - cf.range.left + 1),
    );
    const format = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = `=${cf.formula.replace(/^=/, "")}`;
    format.custom.format.fill.color = cf.fill;
  }
  for (const r of plan.hiddenRows) ws.getRange(`${r}:${r}`).rowHidden = true;
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  // Very hidden (ExcelApi 1.1): only a program shows the sheet again, as the carried rules want.
  if (plan.veryHidden) ws.visibility = Excel.SheetVisibility.veryHidden;
  for (const chart of plan.charts ?? []) drawChart(ws, chart);
  if (plan.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  return ws;
}

const rangeOf = (ws: Excel.Worksheet, r: Range) =>
  ws.getRange(address(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1));

/** A horizontal bar chart, first unit at the top, each bar in its own colour (ExcelApi 1.7). */
function drawChart(ws: Excel.Worksheet, plan: ChartPlan) {
  const chart = ws.charts.add(Excel.ChartType.barClustered, rangeOf(ws, plan.values), Excel.ChartSeriesBy.columns);
  chart.title.text = plan.title;
  chart.legend.visible = false;
  chart.axes.categoryAxis.reversePlotOrder = true;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(rangeOf(ws, plan.categories));
  plan.pointColors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
  chart.setPosition(address(plan.anchor.top, plan.anchor.left), address(plan.anchor.bottom, plan.anchor.right));
}

/**
 * Print setup needs ExcelApi 1.9 (PageLayout: zoom, margins in points, headersFooters; PageBreakCollection.add
 * "adds a page break before the top-left cell of the range"); without it the sheets still work and the user is told.
 * A fixed scale rather than fit-to-width, because Excel ignores manual page breaks under "fit to".
 */
function printSetup(ws: Excel.Worksheet, plan: SheetPlan) {
  const { print } = plan;
  const layout = ws.pageLayout;
  layout.orientation =
    print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  layout.zoom = { scale: print.scale };
  layout.leftMargin = print.margins.left;
  layout.rightMargin = print.margins.right;
  layout.topMargin = print.margins.top;
  layout.bottomMargin = print.margins.bottom;
  layout.headerMargin = print.margins.header;
  layout.footerMargin = print.margins.footer;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.from}:$${print.titleRows.to}`);
  const page = layout.headersFooters.defaultForAllPages;
  if (print.header) page.centerHeader = print.header.replace(/&/g, "&&");
  if (print.footer) page.centerFooter = print.footer;
  for (const after of print.breaksAfter) ws.horizontalPageBreaks.add(`A${after + 1}`);
}

const sameRules = (a: { rulesId: string; rulesVersion: string }, b: { rulesId: string; rulesVersion: string }) =>
  a.rulesId === b.rulesId && a.rulesVersion === b.rulesVersion;

/**
 * The most a request may carry, as Office serializes it: 2 MB (2,000,000 bytes), under half of Excel on the web's
 * 5 MB, so a sheet larger than the rules of 2022 make still fits.
 */
export const REQUEST_BUDGET = 2_000_000;

/**
 * Office's serialization of a sheet's writes, estimated from its plan, on the high side: measured with Microsoft's
 * client on the 2022 rules, a sheet costs about 69 KB of fixed actions (styles, validations, print setup) plus 1.1
 * bytes per byte of the plan's JSON (a county: 130 KB, estimated 204 KB; a member unit 87 KB, estimated 110 KB).
 * Since the plan also carries fitted rows, borders and page breaks, 2.4 per byte let one request of generate-all
 * reach 2.02 MB (test/excel/render.test.ts, through the real client); 3 per byte keeps each under 2 MB.
 */
export const estimateRequestBytes = (plan: SheetPlan) => 70_000 + JSON.stringify(plan).length * 3;

/**
 * Generates the plan's sheets that the workbook does not have yet, in requests of at most REQUEST_BUDGET. Errors
 * reach the caller as ExcelAdapterError with a message in Chinese.
 */
export async function renderPlan(plan: WorkbookPlan, session: Session = newSession()): Promise<GenerateReport> {
  const counter = { syncs: 0 };
  try {
    return await run(counter, async (context, sync) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await sync();
      const firstRows = sheets.items.map((ws) => {
        const range = ws.getRange("A1:E1");
        range.load("values");
        return { ws, range };
      });
      await sync();
      const existingNames = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
      const existing = firstRows.map(({ ws, range }) => ({ name: ws.name, meta: readMeta(range.values[0]) }));
      const created: string[] = [];
      const carried: string[] = [];
      const kept: GenerateReport["kept"] = [];
      const withPrint = capabilities.printSetup();
      const notices = withPrint
        ? []
        : ["此版本的 Excel 不支持通过加载项设置打印格式（需要 ExcelApi 1.9）：请手动设为 A4 横向并设置打印标题行。"];
      const batches: SheetPlan[][] = [[]];
      let bytes = 0;
      for (const sheet of plan.sheets) {
        const same = existing.find(
          (e) => e.meta && e.meta.role === sheet.meta.role && (e.meta.unit ?? "") === (sheet.meta.unit ?? ""),
        );
        if (sheet.meta.role === "rules") {
          // The rules the sheets are made from: once per id and version, said nowhere (the person never sees it).
          if (
            !existing.some((e) => e.meta?.role === "rules" && sameRules(e.meta, sheet.meta)) &&
            !existingNames.has(sheet.name.toLowerCase())
          ) {
            // Written with the last batch, not counted among the sheets made for the person.
            batches[batches.length - 1].push(sheet);
            carried.push(sheet.name);
          }
          continue;
        }
        if (same) {
          const other = same.meta!.rulesId !== plan.rulesId || same.meta!.rulesVersion !== plan.rulesVersion;
          kept.push({
            sheet: same.name,
            reason: other
              ? `「${same.name}」按另一版规则（${same.meta!.rulesId} ${same.meta!.rulesVersion}）生成，未改动`
              : `「${same.name}」已存在，保留原有录入`,
          });
          continue;
        }
        if (existingNames.has(sheet.name.toLowerCase())) {
          kept.push({
            sheet: sheet.name,
            reason: `已有同名工作表「${sheet.name}」（不是本加载项生成的），未改动；请改名后重新生成`,
          });
          continue;
        }
        const size = estimateRequestBytes(sheet);
        if (bytes + size > REQUEST_BUDGET && batches[batches.length - 1].length > 0) {
          batches.push([]);
          bytes = 0;
        }
        batches[batches.length - 1].push(sheet);
        bytes += size;
      }
      for (const batch of batches.filter((b) => b.length > 0)) {
        await ownWrites(context, sync, () => {
          context.application.suspendApiCalculationUntilNextSync();
          for (const sheet of batch) writeSheet(sheets, sheet, withPrint);
        });
        created.push(...batch.filter((s) => !carried.includes(s.name)).map((s) => s.name));
      }
      rememberSheets(session, [
        ...existing.map((e) => ({ name: e.name, ours: readsWhole(e.meta) })),
        ...plan.sheets
          .filter((s) => created.includes(s.name) || carried.includes(s.name))
          .map((s) => ({ name: s.name, ours: readsWhole(s.meta) })),
      ]);
      return { created, kept, syncs: counter.syncs, notices };
    });
  } catch (err) {
    throw adapterError("生成打分表失败", err);
  }
}
