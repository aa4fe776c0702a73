/**
 * Row heights and page breaks, computed from a sheet's texts and column widths, so that every wrapped cell shows its
 * whole text on screen and on paper in every program: Excel fits rows without a fixed height itself, but LibreOffice
 * and WPS keep rows one line high unless the file gives a height, and print the text cut.
 *
 * The model is deliberately simple and errs on the tall side: a CJK or full-width character is about one point
 * wide per point of font size (an em), other characters about half; a line is 1.45 em high (Noto Sans CJK, which
 * LibreOffice uses for Chinese here, has ascent + descent = 1.448 em; SimSun and DengXian in Excel need less).
 */
import {
  isFormula,
  TABLE_HEADER_STYLE,
  type CellContent,
  type CellStyle,
  type PageMargins,
  type PrintPlan,
  type Range,
  type SheetPlan,
} from "./plan";

export const DEFAULT_FONT_SIZE = 11;
/** Excel's default column width in characters (64 px). */
const DEFAULT_COLUMN_WIDTH = 8.43;
const LINE_EM = 1.45;
/** Cell padding: about 2 pt on each side, and 3 pt of air per row. */
const PADDING_POINTS = 4;
const ROW_AIR = 3;

/** A4 landscape in points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
export const PAGE_MARGINS: PageMargins = { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 };
export const PAGE_FOOTER = "第 &P 页 共 &N 页";

/**
 * A column width in characters as points: Excel draws (7 w + 5) px for a width of w characters of the default
 * 11-point font (learn.microsoft.com, ColumnInfo.Width: "Truncate([{Number of Characters} * {Maximum Digit Width} +
 * {5 pixel padding}]/{Maximum Digit Width}*256)/256"), and a pixel is 0.75 pt at 96 dpi.
 */
export const columnPoints = (width: number): number => (Math.trunc(width * 7) + 5) * 0.75;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The width of a text in points at a font size. */
export function textPoints(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += WIDE.test(ch) ? 1 : ch.codePointAt(0)! > 0x2000 ? 1 : 0.55;
  return ems * size;
}

/** How many lines a text takes when wrapped in a width (points). Each line break starts a line. */
export function linesIn(text: string, widthPoints: number, size: number): number {
  const usable = Math.max(widthPoints - PADDING_POINTS, size);
  return text.split("\n").reduce((n, paragraph) => n + Math.max(1, Math.ceil(textPoints(paragraph, size) / usable)), 0);
}

export const lineHeight = (size: number): number => size * LINE_EM;

/**
 * The tallest row Excel has: 409 points ("Excel specifications and limits"). A text that needs more shows its first
 * lines; Excel refuses a taller RangeFormat.rowHeight.
 */
export const MAX_ROW_POINTS = 409;

/** A row height (points, to the quarter point Excel stores) for a number of lines. */
export const rowPoints = (lines: number, size: number): number =>
  Math.min(MAX_ROW_POINTS, Math.ceil((lines * lineHeight(size) + ROW_AIR) * 4) / 4);

/** What a cell shows, as far as its height goes: a formula by its result. */
function shownText(value: CellContent): string {
  const v = isFormula(value) ? value.result : value;
  return v === null || v === undefined ? "" : String(v);
}

/** The sheet's column widths (characters): the plan's own, else its tables', else Excel's default. */
export function columnWidthsOf(plan: Pick<SheetPlan, "columnWidths" | "tables">): (col: number) => number {
  const widths = new Map<number, number>();
  for (const t of plan.tables) t.columns.forEach((c, j) => c.width > 0 && widths.set(t.left + j, c.width));
  for (const [col, width] of Object.entries(plan.columnWidths)) widths.set(Number(col), width);
  return (col) => widths.get(col) ?? DEFAULT_COLUMN_WIDTH;
}

interface Placed {
  readonly row: number;
  readonly col: number;
  readonly value: CellContent;
  readonly style?: CellStyle;
}

/** Every cell of a plan with its style, table cells included. */
export function placedCells(plan: Pick<SheetPlan, "cells" | "tables">): Placed[] {
  const out: Placed[] = [...plan.cells];
  for (const t of plan.tables) {
    t.columns.forEach((c, j) => out.push({ row: t.top, col: t.left + j, value: c.name, style: TABLE_HEADER_STYLE }));
    t.rows.forEach((r, i) =>
      r.forEach((value, j) => out.push({ row: t.top + 1 + i, col: t.left + j, value, style: t.columns[j].style })),
    );
  }
  return out;
}

/** The width in points of the columns left to right. */
function spanPoints(width: (col: number) => number, left: number, right: number): number {
  let w = 0;
  for (let c = left; c <= right; c++) w += columnPoints(width(c));
  return w;
}

/** The height (points) a cell's text needs in a width (points): its lines if it wraps, else one. */
function neededPoints(cell: Placed, widthPoints: number): number {
  const size = cell.style?.size ?? DEFAULT_FONT_SIZE;
  return rowPoints(cell.style?.wrap ? linesIn(shownText(cell.value), widthPoints, size) : 1, size);
}

/**
 * The height of every row that holds something: enough lines for its tallest cell at its column's width (merged
 * cells over their merged width; a merge over several rows grows its last row when the rows together are short).
 */
export function fitRowHeights(
  plan: Pick<SheetPlan, "cells" | "tables" | "merges" | "columnWidths">,
): Record<number, number> {
  const width = columnWidthsOf(plan);
  const mergeAt = new Map<string, Range>(plan.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const heights: Record<number, number> = {};
  const tall: { merge: Range; needed: number }[] = [];
  for (const cell of placedCells(plan)) {
    const merge = mergeAt.get(`${cell.row}:${cell.col}`);
    const needed = neededPoints(cell, spanPoints(width, cell.col, merge?.right ?? cell.col));
    if (merge && merge.bottom > merge.top) {
      tall.push({ merge, needed });
      continue;
    }
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, needed);
  }
  for (const { merge, needed } of tall) {
    let have = 0;
    for (let r = merge.top; r <= merge.bottom; r++) have += heights[r] ?? rowPoints(1, DEFAULT_FONT_SIZE);
    if (have < needed)
      heights[merge.bottom] = (heights[merge.bottom] ?? rowPoints(1, DEFAULT_FONT_SIZE)) + needed - have;
    for (let r = merge.top; r <= merge.bottom; r++) heights[r] ??= rowPoints(1, DEFAULT_FONT_SIZE);
    heights[merge.bottom] = Math.min(MAX_ROW_POINTS, heights[merge.bottom]);
  }
  return heights;
}

/**
 * The rows a program's own fit would not keep at their planned height, which the file therefore fixes: a hidden row,
 * a row taller than its unmerged cells need (its tallest text is in a merged cell, which Excel's AutoFit ignores, or
 * the plan made it taller on purpose), and a row that only merged cells fill. Every other row is left to the
 * program, which fits it to what is typed: Excel on opening and on every edit, LibreOffice and WPS on every edit.
 */
export function heldRows(
  plan: Pick<SheetPlan, "cells" | "tables" | "merges" | "columnWidths" | "rowHeights" | "hiddenRows">,
): Set<number> {
  const width = columnWidthsOf(plan);
  const cells = placedCells(plan);
  const merged = new Set<string>();
  for (const m of plan.merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) merged.add(`${r}:${c}`);
  const own: Record<number, number> = {};
  for (const cell of cells) {
    if (merged.has(`${cell.row}:${cell.col}`)) continue;
    own[cell.row] = Math.max(own[cell.row] ?? 0, neededPoints(cell, columnPoints(width(cell.col))));
  }
  const held = new Set<number>(plan.hiddenRows);
  // A merge down several rows (考核项目 beside its lines, the note beside 加分 and 减分) keeps its rows unless their
  // own texts leave it ample room: Excel's fit of a line of SimSun is about 3/4 of the model's (14.25 pt to 19).
  const texts = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
  for (const m of plan.merges) {
    const cell = texts.get(`${m.top}:${m.left}`);
    if (m.bottom === m.top || !cell) continue;
    let room = 0;
    for (let r = m.top; r <= m.bottom; r++) room += own[r] ?? rowPoints(1, DEFAULT_FONT_SIZE);
    if (neededPoints(cell, spanPoints(width, m.left, m.right)) > room * 0.75)
      for (let r = m.top; r <= m.bottom; r++) held.add(r);
  }
  for (const [key, height] of Object.entries(plan.rowHeights)) {
    const r = Number(key);
    // A row only a merge fills (the signature lines) would shrink to the font's one line.
    const onlyMerged = own[r] === undefined && plan.merges.some((m) => m.top <= r && r <= m.bottom);
    if (onlyMerged || height > (own[r] ?? rowPoints(1, DEFAULT_FONT_SIZE))) held.add(r);
  }
  return held;
}

/**
 * How a generated sheet prints: A4 landscape at the plan's margins, its page number under each page, `header` (the
 * sheet's name) over it, `titleRow` repeated; fitSheet sets the scale and the breaks.
 */
export function landscapePrint(header: string | undefined, titleRow?: number): PrintPlan {
  return {
    orientation: "landscape",
    paper: "A4",
    titleRows: titleRow === undefined ? undefined : { from: titleRow, to: titleRow },
    header,
    footer: PAGE_FOOTER,
    scale: 100,
    breaksAfter: [],
    margins: PAGE_MARGINS,
  };
}

/** The print scale (percent, 10–100) at which the sheet's columns fit the page width. */
export function fitScale(plan: Pick<SheetPlan, "columnWidths" | "tables">, lastCol: number): number {
  const width = columnWidthsOf(plan);
  let total = 0;
  for (let c = 1; c <= lastCol; c++) total += columnPoints(width(c));
  const usable = (A4_LANDSCAPE.width - PAGE_MARGINS.left - PAGE_MARGINS.right) * 0.98;
  return Math.max(10, Math.min(100, Math.floor((usable / total) * 100)));
}

/** The printable height of a page in sheet points at a scale. */
export const pagePoints = (scale: number): number =>
  ((A4_LANDSCAPE.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 100) / scale;

/**
 * Page breaks that never split a block: blocks (inclusive row ranges, in order, covering what is printed) are laid
 * onto pages of `pageHeight`; every page after the first starts with the title rows. A block taller than a page
 * starts a page of its own and runs on (the program then breaks inside it, between rows). Returns the rows after
 * which a new page starts.
 */
export function pageBreaks(
  heights: Readonly<Record<number, number>>,
  blocks: readonly { readonly from: number; readonly to: number }[],
  pageHeight: number,
  titleHeight: number,
  firstTop: number,
): number[] {
  const height = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heights[r] ?? rowPoints(1, DEFAULT_FONT_SIZE);
    return h;
  };
  const breaks: number[] = [];
  let used = 0;
  let previous = firstTop - 1;
  let startOfPage = true;
  for (const block of blocks) {
    used += height(previous + 1, block.from - 1); // rows between blocks (blank rows) go where they fall
    previous = block.to;
    const h = height(block.from, block.to);
    if (!startOfPage && used + h > pageHeight) {
      breaks.push(block.from - 1);
      used = titleHeight;
    }
    used += h;
    startOfPage = false;
    while (used > pageHeight) used -= pageHeight - titleHeight; // a block longer than a page runs on
  }
  return breaks;
}

/**
 * A sheet fitted for print: row heights, the scale that fits its columns to the page width, and breaks that keep
 * each table's caption and header with its first row (or the given blocks whole).
 */
export function fitSheet(
  plan: SheetPlan,
  blocks?: readonly { from: number; to: number }[],
  /** The columns the page width is fitted to (all by default; tables further right print on pages of their own). */
  printedCols?: number,
): SheetPlan {
  const rowHeights = fitRowHeights(plan);
  const cells = placedCells(plan);
  const lastCol = printedCols ?? Math.max(1, ...cells.map((c) => c.col), ...plan.merges.map((m) => m.right));
  const lastRow = Math.max(2, ...cells.map((c) => c.row));
  const scale = fitScale(plan, lastCol);
  let kept = blocks;
  if (!kept) {
    const starts = new Map<number, number>();
    for (const t of plan.tables) {
      const caption = plan.cells.some((c) => c.row === t.top - 1) ? t.top - 1 : t.top;
      starts.set(caption, Math.min(t.top + 1, t.top + t.rows.length));
    }
    const out: { from: number; to: number }[] = [];
    for (let r = 2; r <= lastRow; r++) {
      const to = starts.get(r) ?? r;
      out.push({ from: r, to });
      r = to;
    }
    kept = out;
  }
  const title = plan.print.titleRows;
  const titleHeight = title ? (rowHeights[title.from] ?? 0) : 0;
  const breaksAfter = pageBreaks(rowHeights, kept, pagePoints(scale), titleHeight, 2);
  return { ...plan, rowHeights, print: { ...plan.print, scale, breaksAfter } };
}
