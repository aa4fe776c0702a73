/** A sheet that was not recalculated is told apart from one whose formulas were changed. */
import { buildWorkbookPlan, planToGrid, readWorkbook, tamperCheck, withEntries, type GridCell } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { scoreUnit } from "../../src/scoring";

const rubric = defaultRubric();
const built = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]);
const { map } = built.units[0];
const grid = planToGrid(built.plan.sheets.find((s) => s.name === "石楼县")!);
const finalCell = `H${map.totals.finalScore.row}`;
const bonusCell = `H${map.adjustRows.bonus}`;
const formulaAt = (address: string) => {
  const row = Number(address.slice(1));
  return (grid.cells[row - 1][7] as { formula: string }).formula;
};

function check(cells: Record<string, GridCell>) {
  const unit = readWorkbook(rubric, [withEntries(grid, cells)]).units[0];
  return tamperCheck(unit, scoreUnit(rubric, unit.entries)).map((p) => `${p.code} ${p.cell}`);
}

test("a bonus typed with calculation off: the final score's own formula shows the old figure → not recalculated", () => {
  const stale = { formula: formulaAt(finalCell), result: 100 };
  expect(check({ [bonusCell]: 2, [finalCell]: stale })).toEqual([`sheet.notRecalculated ${finalCell}`]);
});

test("the same figure behind a changed formula is a changed formula", () => {
  const changed = { formula: `${formulaAt(finalCell)}+1`, result: 100 };
  expect(check({ [bonusCell]: 2, [finalCell]: changed })).toEqual([`sheet.totalMismatch ${finalCell}`]);
});
