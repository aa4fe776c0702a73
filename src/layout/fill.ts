/**
 * A freshly planned unit sheet with the entries of a sheet read from a workbook put in their cells: how a unit's
 * sheet travels on its own (导出本单位工作簿) with its validation, formulas and formatting intact, even when rows in the
 * original were moved. Entries are copied as typed (a formula typed into an input comes over as its text).
 */
import type { Rubric } from "../rubric";
import { columnLetter, parseCellRef } from "./a1";
import { planToGrid, type GridCell, type GridSheet } from "./grid";
import type { CellContent, Literal, SheetPlan, TablePlan } from "./plan";
import { readWorkbook, type ReadUnitSheet } from "./read";
import { finishUnitSheet } from "./unitSheet";

const literal = (cell: GridCell | undefined): Literal =>
  cell !== null && typeof cell === "object" ? cell.formula : (cell ?? null);

export function fillUnitSheet(
  rubric: Rubric,
  plan: SheetPlan,
  source: ReadUnitSheet,
  sourceGrid: GridSheet,
): SheetPlan {
  return fillAndMap(rubric, plan, source, sourceGrid).plan;
}

/** fillUnitSheet, with where each entry is in the plan (`target.cells`, by the same keys as `source.cells`). */
export function fillAndMap(
  rubric: Rubric,
  plan: SheetPlan,
  source: ReadUnitSheet,
  sourceGrid: GridSheet,
): { plan: SheetPlan; target: ReadUnitSheet } {
  const target = readWorkbook(rubric, [planToGrid(plan)]).units[0];
  if (!target) throw new Error(`${plan.name} is not a unit sheet plan`);
  const values = new Map<string, Literal>();
  for (const [key, from] of source.cells) {
    const to = target.cells.get(key);
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
