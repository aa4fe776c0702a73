/**
 * The workbook's own arithmetic, so that a workbook opened without the add-in still scores itself. Every formula
 * gives the scoring core's figures (src/scoring/unit.ts, line.ts) and stays within what Excel 2019, WPS and LibreOffice all
 * compute: nested IF, SUMPRODUCT, ROUND; no IFS, no dynamic arrays. An entry the core cannot score makes the formula
 * #N/A, which flows into the totals, and the grade then reads 待更正.
 */
import type { Grade } from "../rubric";
import { cellRef, stringLiteral, trimText } from "./a1";
import { NO, PENDING, YES } from "./columns";

/** Empty after trimming, like the core's isEmptyCell. */
const blank = (ref: string) => `LEN(${trimText(ref)})=0`;

/** An amount the core accepts: a number, not negative, at most two decimals. */
const validAmount = (ref: string) => `AND(ISNUMBER(${ref}),${ref}>=0,ROUND(${ref},2)=${ref})`;

/** 得分 of a scoring line. */
export function lineScoreFormula(row: number, c: { points: number; deduction: number; participates: number }): string {
  const p = cellRef(row, c.points);
  const d = cellRef(row, c.deduction);
  const h = `${trimText(cellRef(row, c.participates))}`;
  return (
    `=IF(${h}="${NO}",0,IF(AND(${h}<>"${YES}",${h}<>""),NA(),` +
    `IF(${blank(d)},${p},IF(AND(${validAmount(d)},${d}<=${p}),${p}-${d},NA()))))`
  );
}

export interface ColumnSpan {
  readonly first: number;
  readonly last: number;
}

const col = (span: ColumnSpan, c: number) => `${cellRef(span.first, c)}:${cellRef(span.last, c)}`;

/** Σ 得分 over one or more scoring tables. */
export function itemsScoreFormula(spans: readonly ColumnSpan[], scoreCol: number): string {
  return `=${spans.map((s) => `SUM(${col(s, scoreCol)})`).join("+")}`;
}

/** Σ 分值 minus the lines marked 不参与 with a written reason. */
export function applicableTotalFormula(
  spans: readonly ColumnSpan[],
  c: { points: number; participates: number; reason: number },
): string {
  return `=${spans
    .map(
      (s) =>
        `SUM(${col(s, c.points)})-SUMPRODUCT((${trimText(col(s, c.participates))}="${NO}")*(LEN(${trimText(col(s, c.reason))})>0),${col(s, c.points)})`,
    )
    .join("+")}`;
}

/** itemsScore / applicableTotal × 100, half-up to two decimals (the inner ROUND removes binary noise first). */
export function normalizedFormula(itemsScore: string, applicableTotal: string): string {
  return `=IF(${applicableTotal}<=0,NA(),ROUND(ROUND(${itemsScore}/${applicableTotal}*100,9),2))`;
}

/** The bonus counted: empty 0, capped; #N/A when it is not a valid amount. */
export function bonusFormula(ref: string, cap: number | null): string {
  const value = cap === null ? ref : `MIN(${ref},${cap})`;
  return `=IF(${blank(ref)},0,IF(${validAmount(ref)},${value},NA()))`;
}

export function penaltyFormula(ref: string): string {
  return bonusFormula(ref, null);
}

export function finalScoreFormula(normalized: string, bonus: string, penalty: string): string {
  return `=ROUND(${normalized}+${bonus}-${penalty},2)`;
}

/**
 * 等次 from the final score, with 一票否优 capping it at `vetoCap`; 待更正 when any figure is #N/A or the veto cell
 * holds something other than 是/否.
 */
export function gradeFormula(finalScore: string, vetoRef: string, grades: readonly Grade[], vetoCap: string): string {
  const veto = `${trimText(vetoRef)}`;
  const capIndex = grades.findIndex((g) => g.grade === vetoCap);
  const gradeAt = (i: number) =>
    i < capIndex
      ? `IF(${veto}="${YES}",${stringLiteral(vetoCap)},${stringLiteral(grades[i].grade)})`
      : stringLiteral(grades[i].grade);
  let nested = gradeAt(grades.length - 1);
  for (let i = grades.length - 2; i >= 0; i--) {
    nested = `IF(${finalScore}>=${grades[i].min / 100},${gradeAt(i)},${nested})`;
  }
  return `=IF(ISERROR(${finalScore}),"${PENDING}",IF(AND(${veto}<>"${YES}",${veto}<>"${NO}",${veto}<>""),"${PENDING}",${nested}))`;
}
