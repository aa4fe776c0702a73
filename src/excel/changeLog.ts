/**
 * 变更记录: every checked edit of a score sheet is appended to a hidden sheet (time, sheet, cell, old → new value,
 * who), so what was typed can always be traced and typed back. Old values come from the add-in's last reading of
 * the sheet; the first edit of a sheet the add-in has not read yet is logged with the old value unknown.
 * Everything is written as text or a number, never as a formula, into text-formatted columns.
 */
import { columnLetter, parseRangeRef, type GridCell, type GridSheet } from "../layout";
import { asTypedText } from "./typedText";

export const CHANGE_LOG_SHEET_NAME = "变更记录";
export const CHANGE_LOG_TABLE = "ScorecardChangeLog";
export const CHANGE_LOG_COLUMNS = ["时间", "工作表", "单元格", "原值", "新值", "来源"] as const;
export const UNKNOWN_BEFORE = "（未记录）";

export interface CellChange {
  readonly cell: string;
  readonly before: GridCell | typeof UNKNOWN_BEFORE;
  readonly after: GridCell;
}

/** The rectangle of an event's address ("E12", "E12:G40", "Sheet!E12"); undefined for whole rows or columns. */
export function addressBounds(
  address: string | undefined,
): { top: number; left: number; bottom: number; right: number } | undefined {
  return address === undefined ? undefined : parseRangeRef(address);
}

const same = (a: GridCell, b: GridCell) => {
  const fa = a !== null && typeof a === "object";
  const fb = b !== null && typeof b === "object";
  // A formula's result changes when its inputs do; only a different formula is an edit.
  if (fa || fb) return fa && fb && a.formula === b.formula;
  return (a ?? "") === (b ?? "");
};

/**
 * The cells that differ between two readings of a sheet, inside the changed address when known. Without an earlier
 * reading, every non-empty cell of the address is reported with its old value unknown.
 */
export function diffSheets(before: GridSheet | undefined, after: GridSheet, address?: string): CellChange[] {
  const bounds = addressBounds(address);
  const at = (s: GridSheet, r: number, c: number): GridCell => s.cells[r - 1]?.[c - 1] ?? null;
  if (!before && !bounds) return [];
  const rows = Math.max(after.cells.length, before?.cells.length ?? 0);
  const top = Math.max(bounds?.top ?? 1, 2); // row 1 is the add-in's marker row
  const bottom = Math.min(bounds?.bottom ?? rows, rows);
  const changes: CellChange[] = [];
  for (let r = top; r <= bottom; r++) {
    const width = Math.max(after.cells[r - 1]?.length ?? 0, before?.cells[r - 1]?.length ?? 0);
    const left = bounds?.left ?? 1;
    const right = Math.min(bounds?.right ?? width, width);
    for (let c = left; c <= right; c++) {
      const now = at(after, r, c);
      if (before) {
        const then = at(before, r, c);
        if (!same(then, now)) changes.push({ cell: `${columnLetter(c)}${r}`, before: then, after: now });
      } else if (now !== null && now !== "") {
        changes.push({ cell: `${columnLetter(c)}${r}`, before: UNKNOWN_BEFORE, after: now });
      }
    }
  }
  return changes;
}

/**
 * The reading to diff the next edit against: `before` with the cells of `address` taken from `after`. Cells outside
 * the address may have changed in an edit whose event is still to come: they stay as they were, for that event to
 * find them changed.
 */
export function advanceSnapshot(before: GridSheet | undefined, after: GridSheet, address?: string): GridSheet {
  const bounds = addressBounds(address);
  if (!before || !bounds) return after;
  const rows = Math.max(before.cells.length, after.cells.length);
  const cells = Array.from({ length: rows }, (_, r) => [...(before.cells[r] ?? [])]);
  for (let r = bounds.top; r <= Math.min(bounds.bottom, rows); r++)
    for (let c = bounds.left; c <= bounds.right; c++) {
      while (cells[r - 1].length < c) cells[r - 1].push(null);
      cells[r - 1][c - 1] = after.cells[r - 1]?.[c - 1] ?? null;
    }
  return { name: after.name, cells };
}

function shown(v: GridCell | typeof UNKNOWN_BEFORE): string | number | boolean {
  if (v !== null && typeof v === "object") return asTypedText(v.formula);
  return asTypedText(v);
}

/** The rows to append: values that would read as formulas get Excel's text apostrophe. */
export function changeLogRows(
  sheet: string,
  changes: readonly CellChange[],
  time: string,
  source: string,
): (string | number | boolean)[][] {
  return changes.map((c) => [time, asTypedText(sheet), c.cell, shown(c.before), shown(c.after), source]);
}

/**
 * Queues `rows` onto 变更记录 (made, hidden, when `logTable` is a null object): part of the caller's write batch, so
 * logging costs no round trip of its own.
 */
export function queueChangeLogRows(
  context: Excel.RequestContext,
  logTable: Excel.Table,
  rows: (string | number | boolean)[][],
): void {
  if (!logTable.isNullObject) {
    logTable.rows.add(undefined, rows);
    return;
  }
  const sheet = context.workbook.worksheets.add(CHANGE_LOG_SHEET_NAME);
  // Text format first, for every row to come: a time, a sheet named "2023.10" or a value like "3.10" stay as typed.
  sheet.getRange("A:F").numberFormat = "@" as unknown as string[][];
  const range = sheet.getRange(`A1:F${rows.length + 1}`);
  range.values = [[...CHANGE_LOG_COLUMNS], ...rows];
  const table = sheet.tables.add(range, true);
  table.name = CHANGE_LOG_TABLE;
  sheet.getRange("A:A").format.columnWidth = 120;
  sheet.getRange("D:E").format.columnWidth = 160;
  sheet.visibility = Excel.SheetVisibility.hidden;
}
