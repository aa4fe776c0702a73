/**
 * What the reader gives for a unit sheet and what it finds wrong with a sheet, apart from the reader itself so that
 * the checks it calls (sheetChecks.ts, stale.ts) can name them without importing the reader back.
 */
import type { UnitEntries } from "../scoring";
import type { TotalKey } from "./columns";
import type { GridCell } from "./grid";
import type { SheetMeta } from "./plan";

/** A problem with the workbook itself (not with an entry): other rules, a unit twice, rows missing. */
export interface SheetProblem {
  readonly sheet: string;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly cell?: string;
  readonly unit?: string;
}

export interface ReadUnitSheet {
  readonly sheet: string;
  readonly meta: SheetMeta;
  readonly entries: UnitEntries;
  /** Where each entry is: `${lineKey}|${field}` or `|bonus` … → "E12". */
  readonly cells: ReadonlyMap<string, string>;
  /** The totals the workbook's formulas show, with their cells, for the tamper check. */
  readonly shownTotals: Partial<Record<TotalKey, { cell: string; value: GridCell }>>;
  /** Each line's 得分 cell as found (a formula, or a number someone typed over it). */
  readonly shownScores: ReadonlyMap<string, { cell: string; value: GridCell }>;
}
