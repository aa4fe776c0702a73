/**
 * The tamper check: the figures a workbook shows are formulas; if one was overwritten with a number, or its cached
 * result differs from what the core computes from the entries, a reader of the sheet would be misled. Each case is
 * reported with its cell. (Files written by the command line carry no cached results; Excel-saved files do.)
 */
import { formatHundredths, type Hundredths } from "../rubric";
import type { UnitResult } from "../scoring";
import { TOTAL_LABELS, type TotalKey } from "./columns";
import type { GridCell } from "./grid";
import { REPAIR_HINT } from "./messages";
import type { ReadUnitSheet, SheetProblem } from "./read";

const CORE_FIELD: Record<Exclude<TotalKey, "grade">, (r: UnitResult) => Hundredths | null> = {
  itemsScore: (r) => r.itemsScore,
  applicableTotal: (r) => r.applicableTotal,
  normalized: (r) => r.normalized,
  bonus: (r) => r.bonus,
  penalty: (r) => r.penalty,
  finalScore: (r) => r.finalScore,
};

const isFormulaCell = (v: GridCell): v is { formula: string; result: string | number | boolean | null } =>
  v !== null && typeof v === "object";

function shown(v: GridCell): string {
  if (isFormulaCell(v)) return String(v.result ?? "");
  return v === null ? "（空）" : String(v);
}

export function tamperCheck(sheet: ReadUnitSheet, result: UnitResult): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const add = (code: string, cell: string, message: string) =>
    problems.push({ sheet: sheet.sheet, code, severity: "error", cell, unit: result.unit, message });
  for (const [key, at] of Object.entries(sheet.shownTotals) as [TotalKey, { cell: string; value: GridCell }][]) {
    const label = TOTAL_LABELS[key];
    if (!isFormulaCell(at.value)) {
      add(
        "sheet.formulaOverwritten",
        at.cell,
        `工作表「${sheet.sheet}」${at.cell}「${label}」的公式被改成了固定值「${shown(at.value)}」；按录入重新计算的结果见汇总；${REPAIR_HINT}`,
      );
      continue;
    }
    const cached = at.value.result;
    if (cached === null || cached === "") continue;
    if (key === "grade") {
      if (typeof cached === "string" && cached !== result.grade) {
        add(
          "sheet.totalMismatch",
          at.cell,
          `工作表「${sheet.sheet}」${at.cell}「${label}」显示「${cached}」，按录入计算应为「${result.grade}」（公式被改动或引用已损坏）；${REPAIR_HINT}`,
        );
      }
      continue;
    }
    const expected = CORE_FIELD[key](result);
    const differs =
      typeof cached === "number" ? expected === null || Math.abs(cached * 100 - expected) >= 0.5 : expected !== null;
    if (differs) {
      add(
        "sheet.totalMismatch",
        at.cell,
        `工作表「${sheet.sheet}」${at.cell}「${label}」显示「${shown(at.value)}」，按录入计算应为 ${expected === null ? "（无法计算）" : formatHundredths(expected)}（公式被改动或引用已损坏）；${REPAIR_HINT}`,
      );
    }
  }
  for (const [lineKey, at] of sheet.shownScores) {
    if (isFormulaCell(at.value)) continue;
    const line = result.lines.find((l) => l.key === lineKey);
    add(
      "sheet.formulaOverwritten",
      at.cell,
      `工作表「${sheet.sheet}」${at.cell}（第${line?.label ?? lineKey}项得分）的公式被改成了固定值「${shown(at.value)}」；得分以分值减扣分计算${line ? `，应为 ${formatHundredths(line.score)}` : ""}；${REPAIR_HINT}`,
    );
  }
  return problems;
}
