/**
 * The tamper check: the figures a workbook shows are formulas; if one was overwritten with a number, or its cached
 * result differs from what the core computes from the entries, a reader of the sheet would be misled. Each case is
 * reported with its cell. (Files written by the command line carry no cached results; Excel-saved files do.)
 */
import { formatHundredths } from "../rubric";
import type { UnitResult } from "../scoring";
import { TOTAL_LABELS, type TotalKey } from "./columns";
import type { GridCell } from "./grid";
import { REPAIR_HINT } from "./messages";
import type { ReadUnitSheet, SheetProblem } from "./read";
import { hasTextAmount, isFormulaCell, staleFigure, totalDiffers } from "./stale";

function shown(v: GridCell): string {
  if (isFormulaCell(v)) return String(v.result ?? "");
  return v === null ? "（空）" : String(v);
}

/**
 * `found`: the problems the reader found in the workbook. A deduction on a row that is no line (sheet.rowWithoutLine)
 * is in the sheet's own sums but not in the core's; its own message says so, and the totals it upsets are no damaged
 * formula.
 */
export function tamperCheck(
  sheet: ReadUnitSheet,
  result: UnitResult,
  found: readonly SheetProblem[] = [],
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const add = (code: string, cell: string, message: string) =>
    problems.push({ sheet: sheet.sheet, code, severity: "error", cell, unit: result.unit, message });
  const stale = staleFigure(sheet, result);
  if (stale) {
    add(
      "sheet.notRecalculated",
      stale.cell,
      `工作表「${sheet.sheet}」的表格未重新计算（${stale.cell} 显示「${stale.shown}」，按${stale.of === "line" ? "本行" : ""}录入应为 ${stale.expected}；计算可能被设为手动，或文件由不会计算的程序保存）：请在 Excel 或 WPS 中按 F9 重新计算后保存，再发送（签字盖章的表须与汇总一致）`,
    );
  }
  // A text amount already has its own message (sheet.textAmount): the totals it upsets are no damaged formula.
  const explained =
    stale !== undefined ||
    hasTextAmount(sheet) ||
    found.some((p) => p.sheet === sheet.sheet && p.code === "sheet.rowWithoutLine");
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
    const differs = totalDiffers(key, cached, result);
    if (differs) {
      const { expected } = differs;
      add(
        "sheet.totalMismatch",
        at.cell,
        `工作表「${sheet.sheet}」${at.cell}「${label}」显示「${shown(at.value)}」，按录入计算应为 ${expected === null ? "（无法计算）" : formatHundredths(expected)}（公式被改动或引用已损坏）；${REPAIR_HINT}`,
      );
    }
  }
  sheet.shownScores.forEach((at, lineKey) => {
    if (isFormulaCell(at.value)) return;
    const line = result.lines.find((l) => l.key === lineKey);
    add(
      "sheet.formulaOverwritten",
      at.cell,
      `工作表「${sheet.sheet}」${at.cell}（第${line?.label ?? lineKey}项得分）的公式被改成了固定值「${shown(at.value)}」；得分以分值减扣分计算${line ? `，应为 ${formatHundredths(line.score)}` : ""}；${REPAIR_HINT}`,
    );
  });
  return problems;
}
