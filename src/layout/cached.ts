/**
 * Cached values for a unit sheet's formulas: the results the scoring core computes from the sheet's own entries,
 * put on each formula cell of the plan, so that a file opened without calculating (Protected View, a mail preview)
 * shows the figures. The workbook still asks for a full recalculation on load (src/xlsx/write.ts). Where the core
 * finds an error the formulas show #N/A; those cells get no cached value rather than a wrong one.
 */
import type { Rubric } from "../rubric";
import { scoreUnit, type UnitResult } from "../scoring";
import { parseCellRef } from "./a1";
import type { TotalKey } from "./columns";
import { planToGrid } from "./grid";
import { isFormula, type CellContent, type Literal, type SheetPlan } from "./plan";
import { readWorkbook } from "./read";

const TOTAL_VALUE: Record<TotalKey, (r: UnitResult) => Literal> = {
  itemsScore: (r) => r.itemsScore / 100,
  applicableTotal: (r) => r.applicableTotal / 100,
  normalized: (r) => (r.normalized === null ? null : r.normalized / 100),
  bonus: (r) => r.bonus / 100,
  penalty: (r) => r.penalty / 100,
  finalScore: (r) => (r.finalScore === null ? null : r.finalScore / 100),
  grade: (r) => r.grade,
};

/** The unit sheet plan with each line's 得分 and each total carrying the core's result; other sheets unchanged. */
export function withCachedResults(rubric: Rubric, plan: SheetPlan): { sheet: SheetPlan; result?: UnitResult } {
  const read = readWorkbook(rubric, [planToGrid(plan)]).units[0];
  if (!read) return { sheet: plan };
  const result = scoreUnit(rubric, read.entries);
  const clean = result.errors.length === 0;
  // By "row:col" of the formula cell.
  const values = new Map<string, Literal>();
  const put = (address: string, value: Literal) => {
    const p = parseCellRef(address);
    if (p) values.set(`${p.row}:${p.col}`, value);
  };
  const lineScore = new Map(result.lines.map((l) => [l.key, l]));
  for (const [key, at] of read.shownScores) {
    const line = lineScore.get(key);
    if (line && !line.hasError) put(at.cell, line.score / 100);
  }
  for (const [key, at] of Object.entries(read.shownTotals) as [TotalKey, { cell: string }][]) {
    if (clean || key === "grade") put(at.cell, TOTAL_VALUE[key](result));
  }
  const withResult = (row: number, col: number, value: CellContent): CellContent => {
    if (!isFormula(value)) return value;
    const cached = values.get(`${row}:${col}`);
    return cached === undefined || cached === null
      ? { formula: value.formula }
      : { formula: value.formula, result: cached };
  };
  const sheet: SheetPlan = {
    ...plan,
    cells: plan.cells.map((c) => ({ ...c, value: withResult(c.row, c.col, c.value) })),
    tables: plan.tables.map((t) => ({
      ...t,
      rows: t.rows.map((r, i) => r.map((v, j) => withResult(t.top + 1 + i, t.left + j, v))),
    })),
  };
  return { sheet, result };
}
