/**
 * 变更记录 on the Excel side: which cells an edit changed (from the add-in's last reading of the sheet; the first edit
 * of a sheet not read yet is logged with the old value unknown), and the log's rows queued into the caller's write
 * batch. The sheet itself — columns, text format, table — is the layout's (src/layout/changeLogSheet.ts), made by
 * the one render path of every sheet when the log does not exist yet.
 */
import {
  changeLogRow,
  changeLogSheetPlan,
  columnLetter,
  parseRangeRef,
  UNKNOWN_BEFORE,
  type ChangeLogEntry,
  type GridCell,
  type GridSheet,
  type Literal,
} from "../layout";
import { capabilities } from "./capabilities";
import { asTypedText } from "./typedText";
import { writeSheet } from "./writeSheet";

export { CHANGE_LOG_SHEET_NAME, CHANGE_LOG_TABLE, UNKNOWN_BEFORE } from "../layout";

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

/** What a cell held, as the log writes it: a formula by its text. */
const shown = (v: GridCell | typeof UNKNOWN_BEFORE): Literal => (v !== null && typeof v === "object" ? v.formula : v);

/** The log's entries for the changes of one sheet. */
export function changeLogEntries(
  sheet: string,
  changes: readonly CellChange[],
  time: string,
  source: string,
): ChangeLogEntry[] {
  return changes.map((c) => ({ time, sheet, cell: c.cell, before: shown(c.before), after: shown(c.after), source }));
}

/**
 * Queues `entries` onto 变更记录 — made from its plan, hidden, when `logTable` is a null object — as part of the
 * caller's write batch, so that logging costs no round trip of its own. Appended rows follow the plan's columns;
 * what would read as a formula gets Excel's text apostrophe.
 */
export function queueChangeLog(
  context: Excel.RequestContext,
  rules: { readonly id: string; readonly version: string },
  logTable: Excel.Table,
  entries: readonly ChangeLogEntry[],
): void {
  if (!logTable.isNullObject) {
    logTable.rows.add(
      undefined,
      entries.map((e) => changeLogRow(e).map(asTypedText)),
    );
    return;
  }
  writeSheet(context.workbook.worksheets, changeLogSheetPlan(rules, entries), capabilities.printSetup());
}
