/**
 * One sheet plan queued onto a new sheet of the open workbook (no sync): the one render path of every sheet the
 * add-in makes — generated sheets, 汇总, a repaired sheet, 变更记录.
 */
import { CLOSED_FILL, columnLetter, TABLE_HEADER_STYLE, type CellContent, type SheetPlan } from "../layout";
import { address, borderRects, drawBorders, rangeOf, setColumnWidth, setRowHeights, styleRange } from "./cellFormat";
import { drawChart } from "./chart";
import { printSetup } from "./printSetup";
import { asTypedText, isText, textFormats } from "./typedText";
import { writeConditionalFormats, writeValidations } from "./validations";

/** Runs of consecutive columns with the same number format: "A:F" once rather than six columns. */
function setColumnFormats(ws: Excel.Worksheet, formats: Readonly<Record<number, string>>) {
  const cols = Object.keys(formats)
    .map(Number)
    .sort((a, b) => a - b);
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1 && formats[cols[j + 1]] === formats[cols[i]]) j++;
    // A single value applies to every cell of the range, rows added later included (a whole column).
    ws.getRange(`${columnLetter(cols[i])}:${columnLetter(cols[j])}`).numberFormat = formats[
      cols[i]
    ] as unknown as string[][];
    i = j + 1;
  }
}

/** Queues everything a sheet plan holds onto a new sheet (no sync). */
export function writeSheet(sheets: Excel.WorksheetCollection, plan: SheetPlan, withPrint: boolean): Excel.Worksheet {
  const ws = sheets.add(plan.name);
  if (withPrint) printSetup(ws, plan);
  // Whole columns first: the cells written below are then text where the plan says so.
  if (plan.columnFormats) setColumnFormats(ws, plan.columnFormats);
  for (const [col, width] of Object.entries(plan.columnWidths)) setColumnWidth(ws, Number(col), width);
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
      styleRange(ws.getRange(address(t.top + 1, t.left + j, Math.max(1, t.rows.length), 1)), col.style);
      if (col.width > 0) setColumnWidth(ws, t.left + j, col.width);
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
  writeValidations(ws, plan.validations);
  writeConditionalFormats(ws, plan.conditionalFormats);
  for (const r of plan.hiddenRows) ws.getRange(`${r}:${r}`).rowHidden = true;
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  // Very hidden (ExcelApi 1.1): only a program shows the sheet again, as the carried rules want; hidden: a person
  // can unhide it from the sheet tabs' menu (变更记录).
  if (plan.veryHidden) ws.visibility = Excel.SheetVisibility.veryHidden;
  else if (plan.hidden) ws.visibility = Excel.SheetVisibility.hidden;
  for (const chart of plan.charts ?? []) drawChart(ws, chart);
  if (plan.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  return ws;
}
