/**
 * What the reader gives for a unit sheet and what it finds wrong with a sheet, apart from the reader itself so that
 * the checks it calls (sheetChecks.ts, stale.ts) can name them without importing the reader back.
 */
import type { CellValue, UnitEntries } from "../scoring";
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
  /**
   * The sheet's sign-offs (readSignoffs.ts); their cells are in `cells` too (signoffCellKey), so that a sheet planned
   * afresh with its entries (fill.ts: 修复本表, 导出本单位工作簿, generate --force) keeps them.
   */
  readonly signoffs: readonly PartSignoff[];
}

/**
 * A party's sign-off on its part, typed or chosen in the sheet (no add-in needed): who scored it (考核人员) and
 * whether, and on which day, they say it is complete. A unit sheet holds one per party with lines in it; 附件1 and
 * 附件2 hold one per party column below the table, covering every county.
 */
export interface PartSignoff {
  readonly party: string;
  /** The unit the part is of; undefined for a 附件 sign-off, which covers every county's row. */
  readonly unit?: string;
  /** For a 附件 sign-off: the sheet's role and the 0-based columns of the party. */
  readonly annex?: { readonly which: "annex1" | "annex2"; readonly columns: readonly number[] };
  readonly sheet: string;
  /** 考核人员, as typed. */
  readonly assessor: CellValue;
  /** 已完成, 是 or 否 (or anything else typed, for the core to refuse). */
  readonly completed: CellValue;
  /** 完成日期, as found: a date serial number when Excel took it as a date, else the text typed. */
  readonly completedOn: CellValue;
  /** The cells of the three, for issues and for jumping there. */
  readonly cells: { readonly assessor?: string; readonly completed?: string; readonly completedOn?: string };
}
