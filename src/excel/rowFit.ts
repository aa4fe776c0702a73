/**
 * Rows refitted after entries are typed (layout/refit.ts), held by live checking until its flush: a write right
 * after an edit would take the person's Ctrl+Z (docs/decisions/0010-excel-as-it-is.md), and the flush writes anyway.
 *
 * Why heights from the layout and not Range.format.autofitRows() (ExcelApi 1.2, "changes the height of the rows of
 * the current range to achieve the best fit, based on the current data in the columns"): Excel's AutoFit ignores
 * merged cells (support.microsoft.com, "You cannot use the AutoFit feature for rows or columns that contain merged
 * cells"; learn.microsoft.com, "Wrap text not adjusting row height"), so the rows of 加分, 减分 and 一票否优, which
 * carry the merged note beside them, would shrink and cut it; it may also make a row lower than planned, which only
 * a read-back (a round trip) could catch; and its heights are Excel's own, not the ones the exported workbook and
 * print get. RangeFormat.rowHeight (ExcelApi 1.2) with the layout's height does none of that, and costs nothing but
 * a write in the flush's batch.
 */
import { carriedCells, entryRowFits, type EntryRowFit, type GridSheet, type ReadUnitSheet } from "../layout";
import type { Rubric } from "../rubric";
import { setRowHeights } from "./cellFormat";

/** What one sheet (by worksheet id, which survives a rename) waits for. */
interface Held {
  /** Entries changed since the last flush. */
  readonly keys: Set<string>;
  /** The latest reading of the sheet; rows inserted or deleted since an earlier edit are where they are now. */
  read?: { readonly source: ReadUnitSheet; readonly grid: GridSheet };
  /** The fits of `keys` in `read`, computed at the flush (planning a sheet takes tens of milliseconds). */
  fits?: Map<string, EntryRowFit>;
  /** Heights written by earlier flushes, by entry. */
  readonly written: Map<string, number>;
}

export interface RowFits {
  /** After a sheet was read and checked: the entries in the `changed` cells wait for the flush. */
  note(sheetId: string, source: ReadUnitSheet, grid: GridSheet, changed: readonly string[]): void;
  /** Worksheet ids with rows to write (fitting them now, once per flush). */
  sheetIds(): string[];
  /** Queues the rows of one sheet whose height must change (no sync). */
  queue(sheetId: string, ws: Excel.Worksheet): void;
  /** The batch with the queued rows went through: they are written. */
  done(): void;
  /** A sheet that cannot be refitted (deleted, or protected by a person): nothing is held for it any more. */
  forget(sheetId: string): void;
}

export function rowFits(rubric: Rubric): RowFits {
  const held = new Map<string, Held>();
  let queued: { sheet: Held; key: string; height: number }[] = [];
  const changedRows = (h: Held) => {
    h.fits ??= h.read ? entryRowFits(rubric, h.read.source, h.read.grid, h.keys) : new Map<string, EntryRowFit>();
    return [...h.fits].filter(([key, fit]) => fit.height !== (h.written.get(key) ?? fit.planned));
  };
  return {
    note(sheetId, source, grid, changed) {
      const atCell = new Map([...carriedCells(source)].map(([key, cell]) => [cell, key]));
      const keys = changed.map((cell) => atCell.get(cell)).filter((k): k is string => k !== undefined);
      const h = held.get(sheetId) ?? { keys: new Set<string>(), written: new Map<string, number>() };
      if (keys.length === 0 && h.keys.size === 0) return;
      for (const k of keys) h.keys.add(k);
      h.read = { source, grid };
      h.fits = undefined;
      held.set(sheetId, h);
    },
    sheetIds() {
      queued = []; // a flush starts here: what an earlier, failed one queued is queued again
      const due: string[] = [];
      for (const [id, h] of held) {
        if (h.keys.size === 0) continue;
        if (changedRows(h).length > 0) due.push(id);
        else {
          // Fitted as they are (a short finding): nothing to write until they change again.
          h.keys.clear();
          h.read = undefined;
          h.fits = undefined;
        }
      }
      return due;
    },
    queue(sheetId, ws) {
      const h = held.get(sheetId);
      if (!h) return;
      const heights: Record<number, number> = {};
      for (const [key, fit] of changedRows(h)) {
        heights[fit.row] = Math.max(heights[fit.row] ?? 0, fit.height);
        queued.push({ sheet: h, key, height: fit.height });
      }
      setRowHeights(ws, heights);
    },
    done() {
      for (const q of queued) q.sheet.written.set(q.key, q.height);
      // Every entry held was fitted: what needed no write needs none until it changes again.
      for (const h of new Set(queued.map((q) => q.sheet))) {
        h.keys.clear();
        h.fits = undefined;
        h.read = undefined;
      }
      queued = [];
    },
    forget: (sheetId) => void held.delete(sheetId),
  };
}
