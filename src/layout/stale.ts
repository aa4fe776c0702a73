/**
 * Telling a sheet that was not recalculated from one whose formulas were changed. A cached result is only a hint:
 * when it disagrees with the core but the formula behind it is the form's own, the formulas are fine and the sheet
 * was saved without calculating (calculation set to manual, or a program that computes nothing, such as SheetJS).
 */
import { formatHundredths, type Hundredths } from "../rubric";
import { parseAmount, type CellValue, type UnitResult } from "../scoring";
import { COL, type TotalKey } from "./columns";
import {
  applicableTotalFormula,
  bonusFormula,
  finalScoreFormula,
  itemsScoreFormula,
  lineScoreFormula,
  normalizedFormula,
  penaltyFormula,
} from "./formulas";
import type { GridCell } from "./grid";
import type { ReadUnitSheet } from "./readTypes";

export type FormulaCell = { formula: string; result: string | number | boolean | null };
export const isFormulaCell = (v: GridCell): v is FormulaCell => v !== null && typeof v === "object";

/** An amount typed as text ("0.5" in a text cell): the core reads it, the sheet's formulas (ISNUMBER) do not. */
export const isTextAmount = (v: CellValue | GridCell | undefined): v is string =>
  typeof v === "string" && v.trim() !== "" && parseAmount(v).ok;

/** Whether any amount of the sheet is stored as text. */
export const hasTextAmount = (sheet: ReadUnitSheet): boolean =>
  isTextAmount(sheet.entries.bonus) ||
  isTextAmount(sheet.entries.penalty) ||
  Object.values(sheet.entries.lines).some((l) => isTextAmount(l.deduction));

const CORE_FIELD: Record<Exclude<TotalKey, "grade">, (r: UnitResult) => Hundredths | null> = {
  itemsScore: (r) => r.itemsScore,
  applicableTotal: (r) => r.applicableTotal,
  normalized: (r) => r.normalized,
  bonus: (r) => r.bonus,
  penalty: (r) => r.penalty,
  finalScore: (r) => r.finalScore,
};

/** What the core computes for a numeric total, if a cached result differs from it; undefined when they agree. */
export function totalDiffers(
  key: Exclude<TotalKey, "grade">,
  cached: FormulaCell["result"],
  result: UnitResult,
): { expected: Hundredths | null } | undefined {
  const expected = CORE_FIELD[key](result);
  const differs =
    typeof cached === "number" ? expected === null || Math.abs(cached * 100 - expected) >= 0.5 : expected !== null;
  return differs ? { expected } : undefined;
}

const normalized = (formula: string) => formula.replace(/[\s$]/g, "").toUpperCase();

/** A formula with its texts, cell references and numbers blanked: what stays when rows move or a cap differs. */
const shape = (formula: string) =>
  normalized(formula)
    .replace(/"[^"]*"/g, '"S"')
    .replace(/\b[A-Z]{1,3}\d+\b/g, "R")
    .replace(/\b\d+(\.\d+)?\b/g, "N");

const SPAN = { first: 8, last: 9 };
const SHAPES: Record<Exclude<TotalKey, "grade">, readonly string[]> = {
  itemsScore: [[SPAN], [SPAN, SPAN]].map((s) => shape(itemsScoreFormula(s, COL.score))),
  applicableTotal: [[SPAN], [SPAN, SPAN]].map((s) => shape(applicableTotalFormula(s, COL))),
  normalized: [shape(normalizedFormula("H1", "H2"))],
  bonus: [shape(bonusFormula("H1", 5)), shape(bonusFormula("H1", null))],
  penalty: [shape(penaltyFormula("H1"))],
  finalScore: [shape(finalScoreFormula("H1", "H2", "H3"))],
};

export interface Stale {
  readonly cell: string;
  readonly shown: string;
  readonly expected: string;
  /** "本行录入" for a 得分, the total's label otherwise. */
  readonly of: "line" | "total";
}

/** The form's own 得分 formula of each row, made once per process: every returned workbook asks for the same rows. */
const OWN_SCORE_FORMULAS = new Map<number, string>();
function ownScoreFormula(row: number): string {
  let own = OWN_SCORE_FORMULAS.get(row);
  if (own === undefined) {
    own = lineScoreFormula(row, { points: COL.points, deduction: COL.deduction, participates: COL.participates });
    OWN_SCORE_FORMULAS.set(row, own);
  }
  return own;
}

/** The first 得分 whose formula is the form's own for its row (or a shared formula's unwritten rest) but is stale. */
function staleScore(sheet: ReadUnitSheet, result: UnitResult): Stale | undefined {
  // Each line by its key (the first of a key, as find gives it): one look-up per 得分, not a search.
  const lines = new Map<string, UnitResult["lines"][number]>();
  for (const l of result.lines) if (!lines.has(l.key)) lines.set(l.key, l);
  // forEach, not for…of with [key, value]: no iterator and no destructuring per line (these run cold, once per sheet).
  let found: Stale | undefined;
  sheet.shownScores.forEach((at, lineKey) => {
    if (found || !isFormulaCell(at.value)) return;
    const cached = at.value.result;
    const line = lines.get(lineKey);
    // A text amount makes the formula #N/A while the core reads the amount: its own message says so.
    if (!line || cached === null || cached === "" || isTextAmount(sheet.entries.lines[lineKey]?.deduction)) return;
    const row = Number(/\d+$/.exec(at.cell)?.[0]);
    const own = ownScoreFormula(row);
    // The same text needs no normalizing: the form's own formula as written, in nearly every workbook.
    const formula = at.value.formula;
    if (formula !== "=" && formula !== own && normalized(formula) !== normalized(own)) return;
    const stale =
      typeof cached === "number" ? line.hasError || Math.abs(cached * 100 - line.score) >= 0.5 : !line.hasError;
    if (stale)
      found = {
        cell: at.cell,
        shown: String(cached),
        expected: line.hasError ? "#N/A" : formatHundredths(line.score),
        of: "line",
      };
  });
  return found;
}

/**
 * Whether the sheet shows figures from before its last entries: a 得分 out of date with its own row, or (when no
 * figure was typed over, which would upset the totals as well) a total of the form's own shape out of date.
 */
export function staleFigure(sheet: ReadUnitSheet, result: UnitResult): Stale | undefined {
  const line = staleScore(sheet, result);
  if (line) return line;
  // A figure typed over, or a text amount (#N/A in the sheet, a number to the core), upsets the totals as well.
  const figures = [...Object.values(sheet.shownTotals), ...sheet.shownScores.values()];
  if (figures.some((at) => at && !isFormulaCell(at.value)) || hasTextAmount(sheet)) return undefined;
  for (const [key, at] of Object.entries(sheet.shownTotals) as [TotalKey, { cell: string; value: GridCell }][]) {
    if (key === "grade" || !isFormulaCell(at.value)) continue;
    const cached = at.value.result;
    if (cached === null || cached === "" || !SHAPES[key].includes(shape(at.value.formula))) continue;
    const differs = totalDiffers(key, cached, result);
    if (differs)
      return {
        cell: at.cell,
        shown: String(cached),
        expected: differs.expected === null ? "#N/A" : formatHundredths(differs.expected),
        of: "total",
      };
  }
  return undefined;
}
