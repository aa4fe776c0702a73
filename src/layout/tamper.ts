/**
 * The tamper check: the figures a workbook shows are formulas; if one was overwritten with a number, or its cached
 * result differs from what the core computes from the entries, a reader of the sheet would be misled. Each case is
 * reported with its cell. (Files written by the command line carry no cached results; Excel-saved files do.)
 */
import { formatHundredths, type Hundredths } from "../rubric";
import { parseAmount, type CellValue, type UnitResult } from "../scoring";
import { COL, TOTAL_LABELS, type TotalKey } from "./columns";
import { lineScoreFormula } from "./formulas";
import { REPAIR_HINT } from "./repair";
import type { GridCell, ReadUnitSheet, SheetProblem } from "./read";

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

/** An amount typed as text ("0.5" in a text cell): the core reads it, the sheet's formulas (ISNUMBER) do not. */
export const isTextAmount = (v: CellValue | GridCell | undefined): v is string =>
  typeof v === "string" && v.trim() !== "" && parseAmount(v).ok;

const normalized = (formula: string) => formula.replace(/[\s$]/g, "").toUpperCase();

/**
 * The first 得分 cell whose formula is the one the form puts there (or the unwritten rest of a shared formula, as some
 * programs save) but whose cached result is not what that formula gives for its row's entries: the sheet was not
 * recalculated (calculation set to manual, or saved by a program that does not calculate), its formulas are fine.
 */
function staleScore(
  sheet: ReadUnitSheet,
  result: UnitResult,
): { cell: string; shown: string; expected: string } | undefined {
  for (const [lineKey, at] of sheet.shownScores) {
    if (!isFormulaCell(at.value)) continue;
    const cached = at.value.result;
    const line = result.lines.find((l) => l.key === lineKey);
    // A text amount makes the formula #N/A while the core reads the amount: its own message says so.
    if (!line || cached === null || cached === "" || isTextAmount(sheet.entries.lines[lineKey]?.deduction)) continue;
    const row = Number(/\d+$/.exec(at.cell)?.[0]);
    const intact =
      at.value.formula === "=" ||
      normalized(at.value.formula) ===
        normalized(
          lineScoreFormula(row, { points: COL.points, deduction: COL.deduction, participates: COL.participates }),
        );
    if (!intact) continue;
    const stale =
      typeof cached === "number" ? line.hasError || Math.abs(cached * 100 - line.score) >= 0.5 : !line.hasError;
    if (stale)
      return { cell: at.cell, shown: shown(at.value), expected: line.hasError ? "#N/A" : formatHundredths(line.score) };
  }
  return undefined;
}

export function tamperCheck(sheet: ReadUnitSheet, result: UnitResult): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const add = (code: string, cell: string, message: string) =>
    problems.push({ sheet: sheet.sheet, code, severity: "error", cell, unit: result.unit, message });
  const stale = staleScore(sheet, result);
  if (stale) {
    add(
      "sheet.notRecalculated",
      stale.cell,
      `工作表「${sheet.sheet}」的表格未重新计算（${stale.cell} 显示「${stale.shown}」，按本行录入应为 ${stale.expected}；计算可能被设为手动，或文件由不会计算的程序保存）：请在 Excel 或 WPS 中按 F9 重新计算后保存，再发送（签字盖章的表须与汇总一致）`,
    );
  }
  // A text amount already has its own message (sheet.textAmount): the totals it upsets are no damaged formula.
  const textAmounts =
    isTextAmount(sheet.entries.bonus) ||
    isTextAmount(sheet.entries.penalty) ||
    Object.values(sheet.entries.lines).some((l) => isTextAmount(l.deduction));
  const explained = stale !== undefined || textAmounts;
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
    if (cached === null || cached === "" || explained) continue;
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
