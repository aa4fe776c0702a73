/**
 * A unit sheet damaged in its structure (a formula typed over, rows deleted or inserted) is mended by 修复本表: the
 * sheet is planned afresh and its entries put back (fill.ts); what the rebuild replaces goes into 变更记录. These are
 * the problems it mends (the words that point people to it are in messages.ts).
 */
import { cellRef } from "./a1";
import { planToGrid, type GridSheet } from "./grid";
import type { Literal, SheetPlan } from "./plan";
import type { ReadUnitSheet } from "./read";

/** Problems that rebuilding a unit sheet with its entries put back (修复本表) mends. */
export const REPAIRABLE_PROBLEMS: ReadonlySet<string> = new Set([
  "sheet.formulaOverwritten",
  "sheet.totalMismatch",
  "sheet.linesMissing",
  "sheet.rowWithoutLine",
]);

/**
 * The values of a damaged sheet that its rebuild does not carry over: everything typed that is neither an entry (put
 * back in its line's cell) nor the generated sheet's own text in that column (a label or heading moved by a deleted
 * row). A number typed over a formula, entries on an inserted row and notes beside the tables are what stays.
 */
export function valuesNotCarried(
  before: GridSheet,
  source: ReadUnitSheet,
  rebuilt: SheetPlan,
): { cell: string; value: Literal }[] {
  const entries = new Set(source.cells.values());
  const generated = new Map<number, Set<Literal>>();
  planToGrid(rebuilt).cells.forEach((row) =>
    row.forEach((v, c) => {
      if (v === null || typeof v === "object") return;
      const set = generated.get(c) ?? new Set<Literal>();
      set.add(v);
      generated.set(c, set);
    }),
  );
  const out: { cell: string; value: Literal }[] = [];
  before.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      // Row 1 is the add-in's marker row; formulas are the sheet's own and are made anew.
      if (r === 0 || v === null || v === "" || typeof v === "object") return;
      const cell = cellRef(r + 1, c + 1);
      if (entries.has(cell) || generated.get(c)?.has(v)) return;
      out.push({ cell, value: v });
    }),
  );
  return out;
}
