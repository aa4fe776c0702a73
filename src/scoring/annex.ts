/** 附件1 and 附件2 of a county: each score between 0 and its column's maximum, and their total. */
import { formatHundredths as fmt, toHundredths, type Hundredths, type Rubric } from "../rubric";
import { isEmptyCell, type CellValue, type CountyAnnexEntries } from "./entries";
import type { IssueList } from "./issues";
import { amountMessage, quoted } from "./messages";
import { parseAmount } from "./parse";
import type { AnnexResult } from "./results";

/** Scores 附件1 or 附件2 cells against their maxima. */
export function scoreAnnex(
  field: "annex1" | "annex2",
  cells: readonly CellValue[] | undefined,
  columns: readonly { name: string; max: Hundredths }[],
  issues: IssueList,
): (Hundredths | null)[] {
  const title = field === "annex1" ? "附件1" : "附件2";
  const values = cells ?? [];
  const scores = columns.map((column, index) => {
    const value = values[index];
    const what = `${title}${column.name}得分`;
    const range = `0 至 ${fmt(column.max)} 之间`;
    const parsed = parseAmount(value);
    if (!parsed.ok) {
      // A negative score is outside 0..max like one above max: both are annexN.outOfRange.
      const code =
        parsed.reason === "negative" ? (`${field}.outOfRange` as const) : (`${field}.${parsed.reason}` as const);
      const message =
        parsed.reason === "negative"
          ? `${what}${quoted(value)}超出范围，应在${range}`
          : amountMessage(what, value, parsed, range);
      issues.add(code, field, message, {
        index,
        ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
      });
      return null;
    }
    if (parsed.value !== null && parsed.value > column.max) {
      issues.add(`${field}.outOfRange`, field, `${what} ${fmt(parsed.value)} 超出范围，应在${range}`, { index });
      return null;
    }
    return parsed.value;
  });
  for (let index = columns.length; index < values.length; index++) {
    if (!isEmptyCell(values[index])) {
      issues.add(
        `${field}.extraValue`,
        field,
        `${title}只有 ${columns.length} 列，第 ${index + 1} 列的${quoted(values[index])}不计`,
        { index },
      );
    }
  }
  return scores;
}

/** Σ scores when every score is entered and valid, else null. */
export function annexTotal(scores: readonly (Hundredths | null)[]): Hundredths | null {
  let total = 0;
  for (const s of scores) {
    if (s === null) return null;
    total += s;
  }
  return total;
}

export function annexColumns(rubric: Rubric) {
  return {
    annex1: rubric.rules.annex1.items.map((item) => ({
      name: `第${item.no}项（${item.title}）`,
      max: toHundredths(item.points),
    })),
    annex2: rubric.rules.annex2.columns.map((column, i) => ({
      name: `第${i + 1}列（${column.department} ${column.title}）`,
      max: toHundredths(column.points),
    })),
  };
}

/** A county's 附件1 (scores and total) and 附件2 scores from its entries (none entered: every score missing). */
export function scoreCountyAnnex(
  rubric: Rubric,
  annex: CountyAnnexEntries | undefined,
  issues: IssueList,
): { annex1: AnnexResult; annex2: (Hundredths | null)[] } {
  const columns = annexColumns(rubric);
  const scores = scoreAnnex("annex1", annex?.annex1, columns.annex1, issues);
  return {
    annex1: { scores, total: annexTotal(scores) },
    annex2: scoreAnnex("annex2", annex?.annex2, columns.annex2, issues),
  };
}
