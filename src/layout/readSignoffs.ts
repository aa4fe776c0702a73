/**
 * The sign-offs of a sheet (signoff.ts), found by their labels: a unit sheet's under its totals (label in G, value
 * in H), a 附件 sheet's under its table (打分单位 and the three labels in column B, each party's cells under its
 * first column as the rules place it). A sheet made before sign-offs existed has none of these labels and gives
 * none (its 已完成评分 alone is no sign-off: nobody is named).
 */
import type { Rubric } from "../rubric";
import { lineParty, TEAM } from "../rubric/parties";
import { cellRef } from "./a1";
import { ANNEX_LABEL_COL, annexParties } from "./annexSignoff";
import { ADJUST_COLUMNS, ADJUST_LEFT, COL } from "./columns";
import type { GridSheet } from "./grid";
import { cellTextOf, entryCellKey, entryValue } from "./readCells";
import type { PartSignoff } from "./readTypes";
import { findHeaderRows } from "./sheetChecks";
import { ANNEX_SIGNOFF_LABELS, ANNEX_SIGNOFF_PARTY, signoffLabels } from "./signoff";

/** Where a sign-off's cell is filed among a unit sheet's entry cells (ReadUnitSheet.cells). */
export const signoffCellKey = (party: string, field: "assessor" | "completed" | "completedOn") =>
  entryCellKey(undefined, `signoff:${party}:${field}`);

/** The first row at or after `from` whose cell in `col` reads `label` (1-based), if any. */
function rowOf(sheet: GridSheet, col: number, label: string, from: number): number | undefined {
  for (let r = from; r <= sheet.cells.length; r++) if (cellTextOf(sheet.cells[r - 1]?.[col - 1]) === label) return r;
  return undefined;
}

const valueAt = (sheet: GridSheet, row: number | undefined, col: number) =>
  row === undefined ? null : entryValue(sheet.cells[row - 1]?.[col - 1]);
const at = (row: number | undefined, col: number) => (row === undefined ? undefined : cellRef(row, col));

/** The labels sit under the totals, below the adjustments' header (a sheet without one gives none). */
export function readUnitSignoffs(rubric: Rubric, sheet: GridSheet, unitName: string): PartSignoff[] {
  const unit = rubric.findUnit(unitName);
  const from = findHeaderRows(sheet, ADJUST_COLUMNS, COL.findings)[0];
  if (!unit || from === undefined) return [];
  const parties = [...new Set([TEAM, ...rubric.linesFor(unit).map(lineParty)])];
  const labelCol = ADJUST_LEFT;
  const valueCol = ADJUST_LEFT + 1;
  // Each label's first row at or after `from`, in one pass (rowOf's answer for every label at once).
  const firstRow = new Map<string, number>();
  for (let r = from; r <= sheet.cells.length; r++) {
    const label = cellTextOf(sheet.cells[r - 1]?.[labelCol - 1]);
    if (label !== "" && !firstRow.has(label)) firstRow.set(label, r);
  }
  const out: PartSignoff[] = [];
  for (const party of parties) {
    const labels = signoffLabels(party);
    const rows = {
      assessor: firstRow.get(labels.assessor),
      completed: firstRow.get(labels.completed),
      completedOn: firstRow.get(labels.completedOn),
    };
    if (rows.assessor === undefined && rows.completedOn === undefined) continue;
    out.push({
      party,
      unit: unit.name,
      sheet: sheet.name,
      assessor: valueAt(sheet, rows.assessor, valueCol),
      completed: valueAt(sheet, rows.completed, valueCol),
      completedOn: valueAt(sheet, rows.completedOn, valueCol),
      cells: {
        assessor: at(rows.assessor, valueCol),
        completed: at(rows.completed, valueCol),
        completedOn: at(rows.completedOn, valueCol),
      },
    });
  }
  return out;
}

/** `from`: the row under the 附件 table's header; the block begins with the 打分单位 row below the table. */
export function readAnnexSignoffs(
  rubric: Rubric,
  sheet: GridSheet,
  which: "annex1" | "annex2",
  from: number,
): PartSignoff[] {
  const partyRow = rowOf(sheet, ANNEX_LABEL_COL, ANNEX_SIGNOFF_PARTY, from);
  if (partyRow === undefined) return [];
  // The three rows follow the 打分单位 row, as long as column B has labels.
  const rows: Partial<Record<keyof typeof ANNEX_SIGNOFF_LABELS, number>> = {};
  for (let r = partyRow + 1; r <= sheet.cells.length; r++) {
    const label = cellTextOf(sheet.cells[r - 1]?.[ANNEX_LABEL_COL - 1]);
    if (label === "") break;
    for (const key of Object.keys(ANNEX_SIGNOFF_LABELS) as (keyof typeof ANNEX_SIGNOFF_LABELS)[])
      if (ANNEX_SIGNOFF_LABELS[key] === label && rows[key] === undefined) rows[key] = r;
  }
  const scoreLeft = ANNEX_LABEL_COL + 1;
  return annexParties(rubric, which).map(({ party, columns }) => {
    const col = scoreLeft + columns[0];
    return {
      party,
      annex: { which, columns },
      sheet: sheet.name,
      assessor: valueAt(sheet, rows.assessor, col),
      completed: valueAt(sheet, rows.completed, col),
      completedOn: valueAt(sheet, rows.completedOn, col),
      cells: {
        assessor: at(rows.assessor, col),
        completed: at(rows.completed, col),
        completedOn: at(rows.completedOn, col),
      },
    };
  });
}
