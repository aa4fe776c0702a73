/**
 * The workbook's own arithmetic, so that a workbook opened without the add-in still scores itself. Every formula
 * gives the scoring core's figures (src/scoring/unit.ts, line.ts) and stays within what Excel 2019, WPS and LibreOffice all
 * compute: nested IF, SUMPRODUCT, ROUND; no IFS, no dynamic arrays. An entry the core cannot score makes the formula
 * #N/A, which flows into the totals, and the grade then reads 待更正.
 */
import type { Grade } from "../rubric";
import { cellRef, stringLiteral, trimText } from "./a1";
import { NO, PENDING, UNSCORED, YES } from "./columns";

/** Empty after trimming, like the core's isEmptyCell. */
const blank = (ref: string) => `LEN(${trimText(ref)})=0`;

/** An amount the core accepts: a number, not negative, at most two decimals. */
const validAmount = (ref: string) => `AND(ISNUMBER(${ref}),${ref}>=0,ROUND(${ref},2)=${ref})`;

/**
 * A conditional-format test, true where an amount cell holds something the core refuses: text, a negative, more
 * than `max`, more than two decimals. IF keeps ROUND away from text: ROUND of text is #VALUE!, and AND passes an
 * error on instead of TRUE, so a format built on AND alone never flags text.
 */
export function invalidAmountTest(ref: string, max?: string | number): string {
  const limit = max === undefined ? "" : `,${ref}<=${max}`;
  return `AND(LEN(${trimText(ref)})>0,IF(ISNUMBER(${ref}),NOT(AND(${ref}>=0${limit},ROUND(${ref},2)=${ref})),TRUE))`;
}

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

/** Where a unit sheet's entries are, for the 未评分 test. */
export interface EntryCells {
  readonly spans: readonly ColumnSpan[];
  readonly cols: {
    readonly deduction: number;
    readonly findings: number;
    readonly participates: number;
    readonly reason: number;
  };
  readonly bonus: string;
  readonly penalty: string;
  readonly veto: string;
  readonly vetoConditions: string;
  readonly completed: string;
}

/**
 * TRUE while nothing at all is entered (inputs blank or at their defaults 是 / 否) and 已完成评分 is not 是: the
 * workbook's form of the core's isUnscored (src/scoring/unscored.ts).
 */
export function unscoredTest(e: EntryCells): string {
  const filled = (range: string) => `SUMPRODUCT(LEN(${trimText(range)}))`;
  const lines = e.spans.flatMap((s) => [
    `${filled(col(s, e.cols.deduction))}=0`,
    `${filled(col(s, e.cols.findings))}=0`,
    `${filled(col(s, e.cols.reason))}=0`,
    `SUMPRODUCT((${trimText(col(s, e.cols.participates))}<>"${YES}")*(LEN(${trimText(col(s, e.cols.participates))})>0))=0`,
  ]);
  const single = (ref: string) => `LEN(${trimText(ref)})=0`;
  const blankOr = (ref: string, word: string) => `OR(${single(ref)},${trimText(ref)}="${word}")`;
  return `AND(${[
    `${trimText(e.completed)}<>"${YES}"`,
    ...lines,
    single(e.bonus),
    single(e.penalty),
    single(e.vetoConditions),
    blankOr(e.veto, NO),
  ].join(",")})`;
}

/**
 * 等次 from the final score, with 一票否优 capping it at `vetoCap`; 待更正 when any figure is #N/A or the veto cell
 * holds something other than 是/否.
 */
export function gradeFormula(
  finalScore: string,
  vetoRef: string,
  grades: readonly Grade[],
  vetoCap: string,
  unscored?: string,
): string {
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
  const graded = `IF(AND(${veto}<>"${YES}",${veto}<>"${NO}",${veto}<>""),"${PENDING}",${nested})`;
  return `=IF(ISERROR(${finalScore}),"${PENDING}",${unscored ? `IF(${unscored},"${UNSCORED}",${graded})` : graded})`;
}
