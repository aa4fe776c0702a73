/**
 * A sheet plan → Excel: cells and tables as whole 2-D arrays, styles per table column or per block, validation,
 * conditional formats, protection, hidden metadata row, freeze panes and (ExcelApi 1.9) the page layout. Everything is
 * queued on the request context; the caller syncs (generate.ts keeps the number of syncs fixed).
 */
import { cellRef, columnLetter, isFormula, type CellContent, type CellStyle, type Range, type SheetPlan, type TablePlan, type ValidationPlan } from "../layout";

/** Budget of one request: Excel on the web refuses requests above 5 MB; stay well below. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Column width: the plan counts characters, Office.js takes points. */
export const POINTS_PER_CHAR = 7;

const TABLE_HEADER_STYLE: CellStyle = { bold: true, wrap: true, align: "center", border: true, fill: "#DDEBF7" };
const BORDER_COLOR = "#999999";

const rangeAddress = (r: Range) => (r.top === r.bottom && r.left === r.right ? cellRef(r.top, r.left) : `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`);

/**
 * A string that Excel would not keep as the same text when typed: a formula, a number, a date, a boolean, an error
 * value, or a string starting with the quote prefix. Such strings are written with a leading apostrophe, which Excel
 * takes as "text" and does not keep in the value: the literal "=abc" reads back as "=abc".
 */
export function needsQuotePrefix(text: string): boolean {
  return /^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text) || /^\s/.test(text);
}

/** A plan cell as the entry of a `range.formulas` array: formulas as formulas, literals kept exactly as they are. */
export function cellInput(value: CellContent, textFormat = false): string | number | boolean {
  if (isFormula(value)) return value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
  if (value === null) return "";
  if (typeof value !== "string") return value;
  if (textFormat) return value.startsWith("'") || value.startsWith("=") ? `'${value}` : value;
  return needsQuotePrefix(value) ? `'${value}` : value;
}

const fill2d = <T>(rows: number, cols: number, value: T): T[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));

/** Applies a style to a rectangular block of cells (one call per property, whatever the size of the block). */
export function applyStyle(range: Excel.Range, style: CellStyle | undefined, rows: number, cols: number) {
  if (!style) return;
  const format = range.format;
  if (style.bold !== undefined || style.size !== undefined) {
    format.font.name = "宋体";
    if (style.bold) format.font.bold = true;
    format.font.size = style.size ?? 11;
  }
  if (style.wrap) format.wrapText = true;
  if (style.align) format.horizontalAlignment = style.align === "left" ? "Left" : style.align === "center" ? "Center" : "Right";
  if (style.verticalAlign) format.verticalAlignment = style.verticalAlign === "top" ? "Top" : "Center";
  if (style.numberFormat) range.numberFormat = fill2d(rows, cols, style.numberFormat);
  if (style.fill) format.fill.color = style.fill;
  if (style.border) {
    const edges: Excel.BorderIndex[] = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft, Excel.BorderIndex.edgeRight];
    if (rows > 1) edges.push(Excel.BorderIndex.insideHorizontal);
    if (cols > 1) edges.push(Excel.BorderIndex.insideVertical);
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = Excel.BorderLineStyle.continuous;
      border.color = BORDER_COLOR;
    }
  }
  if (style.input) format.protection.locked = false;
}

/** Placed cells grouped into runs of neighbouring cells of one row with the same style: one write per run. */
function cellRuns(plan: SheetPlan) {
  const sorted = [...plan.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; values: CellContent[]; style?: CellStyle }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.col + last.values.length === c.col && JSON.stringify(last.style) === JSON.stringify(c.style)) {
      last.values.push(c.value);
    } else runs.push({ row: c.row, col: c.col, values: [c.value], style: c.style });
  }
  return runs;
}

function writeTable(ws: Excel.Worksheet, t: TablePlan) {
  const width = t.columns.length;
  const right = t.left + width - 1;
  const first = t.top + 1;
  const last = t.top + t.rows.length;
  // Styles first: a text number format ("@") must be in place before the values are written.
  applyStyle(ws.getRange(rangeAddress({ top: t.top, left: t.left, bottom: t.top, right })), TABLE_HEADER_STYLE, 1, width);
  if (t.rows.length > 0) {
    t.columns.forEach((col, j) => applyStyle(ws.getRange(rangeAddress({ top: first, left: t.left + j, bottom: last, right: t.left + j })), col.style, t.rows.length, 1));
    t.rowStyles?.forEach((style, i) => {
      if (style) applyStyle(ws.getRange(rangeAddress({ top: first + i, left: t.left, bottom: first + i, right })), style, 1, width);
    });
  }
  const text = (i: number, j: number) => ({ ...t.columns[j].style, ...(t.rowStyles?.[i] ?? {}) }).numberFormat === "@";
  const values = [t.columns.map((c) => cellInput(c.name)), ...t.rows.map((row, i) => row.map((v, j) => cellInput(v, text(i, j))))];
  const address = rangeAddress({ top: t.top, left: t.left, bottom: last, right });
  ws.getRange(address).formulas = values;
  const table = ws.tables.add(address, true);
  table.name = t.name;
  table.style = "TableStyleLight1";
  table.showBandedRows = false;
  t.columns.forEach((col, j) => {
    if (col.width > 0) ws.getRange(`${columnLetter(t.left + j)}:${columnLetter(t.left + j)}`).format.columnWidth = col.width * POINTS_PER_CHAR;
    if (col.hidden) ws.getRange(`${columnLetter(t.left + j)}:${columnLetter(t.left + j)}`).columnHidden = true;
  });
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const operand = (x: number | { formula: string }) => (typeof x === "number" ? x : x.formula.startsWith("=") ? x.formula : `=${x.formula}`);

function writeValidation(ws: Excel.Worksheet, v: ValidationPlan) {
  const dv = ws.getRange(rangeAddress(v.range)).dataValidation;
  const rule: Excel.DataValidationRule =
    v.rule.kind === "list"
      ? { list: { inCellDropDown: true, source: v.rule.values.join(",") } }
      : v.rule.max === undefined
        ? { decimal: { formula1: operand(v.rule.min), operator: Excel.DataValidationOperator.greaterThanOrEqualTo } }
        : { decimal: { formula1: operand(v.rule.min), formula2: operand(v.rule.max), operator: Excel.DataValidationOperator.between } };
  dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank;
  // Excel's limits: title 32 characters, message 225 (alert) and 255 (prompt).
  dv.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: truncate(v.errorTitle, 32), message: truncate(v.errorMessage, 225) };
  if (v.prompt) dv.prompt = { showPrompt: true, title: truncate(v.errorTitle, 32), message: truncate(v.prompt, 255) };
}

export interface RenderOptions {
  /** ExcelApi 1.9: page layout. */
  readonly pageLayout: boolean;
}

/** Queues the whole sheet on `ws` (a sheet just added). Nothing is synced here. */
export function renderSheet(ws: Excel.Worksheet, plan: SheetPlan, options: RenderOptions) {
  // Column widths: the tables' first, then the sheet's own (which override them).
  for (const t of plan.tables) writeTable(ws, t);
  for (const [col, width] of Object.entries(plan.columnWidths)) {
    const letter = columnLetter(Number(col));
    ws.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHAR;
  }
  for (const run of cellRuns(plan)) {
    const range = ws.getRange(rangeAddress({ top: run.row, left: run.col, bottom: run.row, right: run.col + run.values.length - 1 }));
    applyStyle(range, run.style, 1, run.values.length);
    range.formulas = [run.values.map((v) => cellInput(v, run.style?.numberFormat === "@"))];
  }
  for (const m of plan.merges) ws.getRange(rangeAddress(m)).merge(false);
  for (const v of plan.validations) writeValidation(ws, v);
  for (const cf of plan.conditionalFormats) {
    const format = ws.getRange(rangeAddress(cf.range)).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
    format.custom.format.fill.color = cf.fill;
    if (cf.fontColor) format.custom.format.font.color = cf.fontColor;
  }
  for (const r of plan.hiddenRows) ws.getRange(`${r}:${r}`).rowHidden = true;
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  if (options.pageLayout) {
    const layout = ws.pageLayout;
    layout.orientation = plan.print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    layout.paperSize = Excel.PaperType.a4;
    if (plan.print.titleRows) layout.setPrintTitleRows(`$${plan.print.titleRows.from}:$${plan.print.titleRows.to}`);
    if (plan.print.header) layout.headersFooters.defaultForAllPages.centerHeader = plan.print.header.replace(/&/g, "&&");
    if (plan.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  }
  if (plan.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  if (plan.hidden) ws.visibility = Excel.SheetVisibility.hidden;
}

/** A rough size of what rendering a sheet sends (its plan as JSON, plus the per-call overhead). */
export function estimateRequestBytes(plan: SheetPlan): number {
  return new TextEncoder().encode(JSON.stringify(plan)).length * 2;
}
