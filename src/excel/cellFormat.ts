/**
 * How a plan's cells look in Excel: styles, borders, column widths and row heights, queued onto a sheet (no sync).
 * Each is written per range or per run of rows, never per cell, to keep a request of many sheets small.
 */
import { columnLetter, type CellStyle, type Range, type SheetPlan } from "../layout";

/** "E12", or "E12:G40" for a block of `rows` × `cols` from (row, col). */
export const address = (row: number, col: number, rows = 1, cols = 1): string =>
  rows === 1 && cols === 1
    ? `${columnLetter(col)}${row}`
    : `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;

export const rangeOf = (ws: Excel.Worksheet, r: Range): Excel.Range =>
  ws.getRange(address(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1));

/** Points per character of column width (Calibri 11): Office.js widths are in points. */
const POINTS_PER_CHAR = 7;

/** A column's width in characters, as Office.js takes it (RangeFormat.columnWidth, points, ExcelApi 1.2). */
export function setColumnWidth(ws: Excel.Worksheet, col: number, width: number): void {
  ws.getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = width * POINTS_PER_CHAR;
}

export function styleRange(range: Excel.Range, style: CellStyle | undefined): void {
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
export function drawBorders(ws: Excel.Worksheet, rects: readonly Range[]): void {
  for (const r of rects) {
    const range = rangeOf(ws, r);
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
 * Row heights (RangeFormat.rowHeight, points, ExcelApi 1.2), one write per run of consecutive rows of the same
 * height, so a sheet of a hundred rows costs a few dozen operations in the same batch.
 */
export function setRowHeights(ws: Excel.Worksheet, heights: Readonly<Record<number, number>>): void {
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
