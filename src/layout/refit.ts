/**
 * Rows that keep fitting after entries are typed. A generated row has the height its texts need (fit.ts), set as a
 * fixed height so that LibreOffice, WPS and print show every line; Excel then no longer fits that row itself, so a
 * long 存在的问题 or 不参与说明 typed later would be cut. The height an entry's row needs now is the one the file path
 * gives it (fill.ts: the unit's sheet planned afresh with the sheet's entries put in), so that Excel, an exported
 * workbook and print agree; never below the row's planned height.
 */
import type { Rubric } from "../rubric";
import { parseCellRef } from "./a1";
import { carriedCells, fillAndMap } from "./fill";
import type { GridSheet } from "./grid";
import type { ReadUnitSheet } from "./readTypes";
import { unitSheetPlan } from "./unitSheet";

export interface EntryRowFit {
  /** The row of the entry in the sheet as it is (rows may have moved since it was generated). */
  readonly row: number;
  /** The height (points) the row needs with the sheet's entries in it. */
  readonly height: number;
  /** The row's height as generated: what it has when nothing was refitted. */
  readonly planned: number;
}

/**
 * The rows of the entries `keys` (keys of `carriedCells(source)`: the entries and the 说明 of 加分 and 减分) of a unit sheet read from `grid`, with the heights they
 * need now. Entries the plan has no cell for (a line of other rules) are left out.
 */
export function entryRowFits(
  rubric: Rubric,
  source: ReadUnitSheet,
  grid: GridSheet,
  keys: Iterable<string>,
): Map<string, EntryRowFit> {
  const fits = new Map<string, EntryRowFit>();
  const unit = rubric.findUnit(source.entries.unit);
  if (!unit) return fits;
  const fresh = unitSheetPlan(rubric, unit, grid.name).sheet;
  const { plan: filled, target } = fillAndMap(rubric, fresh, source, grid);
  const from = carriedCells(source);
  const into = carriedCells(target);
  for (const key of keys) {
    const at = from.get(key);
    const to = into.get(key);
    if (!at || !to) continue;
    const planned = parseCellRef(to)!.row;
    const before = fresh.rowHeights[planned];
    if (before === undefined) continue;
    const height = Math.max(before, filled.rowHeights[planned] ?? before);
    fits.set(key, { row: parseCellRef(at)!.row, height, planned: before });
  }
  return fits;
}
