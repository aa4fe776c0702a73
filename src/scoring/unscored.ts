/**
 * Not scored yet is not 100: a unit whose sheet holds no entry at all (every input blank or at its default, 是 for
 * 是否参与打分 and 否 for 一票否优) has not been assessed, unless the assessor says it was, without any deduction, in
 * the sheet's 已完成评分 cell. Such a unit is graded 未评分 and not ranked. The workbook's grade formula
 * (src/layout/formulas.ts, unscoredTest) asks the same question of the same cells.
 */
import { isEmptyCell, type CellValue, type UnitEntries } from "./entries";
import { parseYesNo } from "./parse";

const blankOr = (value: CellValue | undefined, fallback: "是" | "否") =>
  isEmptyCell(value) || (typeof value === "string" && value.trim() === fallback);

export function isUnscored(entries: UnitEntries): boolean {
  if (parseYesNo(entries.completed, false) === true) return false;
  const lines = Object.values(entries.lines ?? {});
  return (
    lines.every(
      (l) =>
        isEmptyCell(l.deduction) &&
        isEmptyCell(l.findings) &&
        isEmptyCell(l.exemptionReason) &&
        blankOr(l.participates, "是"),
    ) &&
    isEmptyCell(entries.bonus) &&
    isEmptyCell(entries.penalty) &&
    isEmptyCell(entries.vetoConditions) &&
    blankOr(entries.veto, "否")
  );
}
