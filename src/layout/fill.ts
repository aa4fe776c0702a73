/**
 * A freshly planned unit sheet with the entries of a sheet read from a workbook put in their cells: how a unit's
 * sheet travels on its own (导出本单位工作簿) with its validation, formulas and formatting intact, even when rows in the
 * original were moved. Entries are copied as typed (a formula typed into an input comes over as its text), and so is
 * the 说明 of 加分 and 减分.
 */
import type { Rubric } from "../rubric";
import { cellRef, columnLetter, parseCellRef } from "./a1";
import { ADJUST_FIELDS } from "./columns";
import { planToGrid, type GridCell, type GridSheet } from "./grid";
import type { CellContent, Literal, SheetPlan, TablePlan } from "./plan";
import { entryCellKey, readWorkbook, type ReadUnitSheet } from "./read";
import { finishUnitSheet } from "./unitSheet";

const literal = (cell: GridCell | undefined): Literal =>
  cell !== null && typeof cell === "object" ? cell.formula : (cell ?? null);

/** How far right of 加分's and 减分's 分数 their 说明 is, in the adjustments table's columns. */
const NOTE_OFFSET =
  ADJUST_FIELDS.findIndex((f) => f.key === "note") - ADJUST_FIELDS.findIndex((f) => f.key === "amount");

/**
 * The cells a fresh sheet takes over, by key: every entry the reader found, and the 说明 typed beside 加分 and 减分,
 * which the core does not read but a person wrote (the reason for the points) and must not lose.
 */
export function carriedCells(sheet: ReadUnitSheet): Map<string, string> {
  const cells = new Map(sheet.cells);
  for (const field of ["bonus", "penalty"]) {
    const amount = sheet.cells.get(entryCellKey(undefined, field));
    const at = amount && parseCellRef(amount);
    if (at) cells.set(`${entryCellKey(undefined, field)}|note`, cellRef(at.row, at.col + NOTE_OFFSET));
  }
  return cells;
}

export function fillUnitSheet(
  rubric: Rubric,
  plan: SheetPlan,
  source: ReadUnitSheet,
  sourceGrid: GridSheet,
): SheetPlan {
  return fillAndMap(rubric, plan, source, sourceGrid).plan;
}

/** fillUnitSheet, with the plan read back (`carriedCells(target)`: where each carried cell is in the plan). */
export function fillAndMap(
  rubric: Rubric,
  plan: SheetPlan,
  source: ReadUnitSheet,
  sourceGrid: GridSheet,
): { plan: SheetPlan; target: ReadUnitSheet } {
  const target = readWorkbook(rubric, [planToGrid(plan)]).units[0];
  if (!target) throw new Error(`${plan.name} is not a unit sheet plan`);
  const values = new Map<string, Literal>();
  const into = carriedCells(target);
  for (const [key, from] of carriedCells(source)) {
    const to = into.get(key);
    if (!to) continue;
    const at = parseCellRef(from)!;
    const value = literal(sourceGrid.cells[at.row - 1]?.[at.col - 1]);
    if (value !== null && value !== "") values.set(to, value);
  }
  const put = (t: TablePlan): TablePlan => ({
    ...t,
    rows: t.rows.map((row, i) =>
      row.map((cell, j): CellContent => {
        const address = `${columnLetter(t.left + j)}${t.top + 1 + i}`;
        return values.has(address) ? values.get(address)! : cell;
      }),
    ),
  });
  const cells = plan.cells.map((c) => {
    const address = `${columnLetter(c.col)}${c.row}`;
    return values.has(address) ? { ...c, value: values.get(address)! } : c;
  });
  // Cached results and row heights follow the entries (a long finding makes its row taller).
  return { plan: finishUnitSheet(rubric, { ...plan, cells, tables: plan.tables.map(put) }), target };
}
