/**
 * One unit's result (the source's 成绩计算说明; where it is silent, docs/architecture.md and docs/decisions):
 *   score of a line      = points − deduction (a 不参与 line scores 0)
 *   itemsScore           = Σ line scores
 *   applicableTotal      = Σ points of the unit's lines, minus lines marked 不参与 with a written reason
 *   normalized           = itemsScore / applicableTotal × 100, rounded half-up to hundredths (integer arithmetic)
 *   finalScore           = normalized + min(bonus, cap) − penalty (the penalty has no cap)
 *   grade                = the rules' grade of finalScore, capped at rules.vetoCapGrade under 一票否优;
 *                          "待更正" while the unit has any error
 */
import type { Rubric, Unit } from "../rubric";
import { scoreAdjustments, scoreVeto } from "./adjustments";
import { scoreCountyAnnex } from "./annex";
import type { CountyAnnexEntries, UnitEntries } from "./entries";
import { IssueList, type Issue } from "./issues";
import { scoreLine } from "./line";
import type { UnitResult } from "./results";
import { normalize } from "./rounding";
import { isUnscored } from "./unscored";
import { PENDING_GRADE, UNSCORED_GRADE } from "./words";

/** The result of a unit that could not be scored at all: nothing counted, graded 待更正. */
export function emptyResult(unit: string, kind: "county" | "member", issues: IssueList): UnitResult {
  return {
    unit,
    kind,
    lines: [],
    itemsScore: 0,
    applicableTotal: 0,
    normalized: null,
    bonusEntered: 0,
    bonus: 0,
    penalty: 0,
    finalScore: null,
    veto: false,
    vetoConditions: [],
    gradeBeforeVeto: null,
    grade: PENDING_GRADE,
    errors: issues.errors,
    warnings: issues.warnings,
    rank: null,
  };
}

/**
 * A copy of a result with more errors (`first` before its own, `last` after them): graded 待更正 and unranked, as
 * any unit with an error is. The one way errors found after scoring reach a result.
 */
export function withErrors(result: UnitResult, first: readonly Issue[], last: readonly Issue[] = []): UnitResult {
  if (first.length === 0 && last.length === 0) return result;
  return { ...result, errors: [...first, ...result.errors, ...last], grade: PENDING_GRADE, rank: null };
}

/** The grade after 一票否优: no better than rules.vetoCapGrade (grades are listed best first). */
function capGrade(rubric: Rubric, grade: string): string {
  const order = rubric.grades.map((g) => g.grade);
  const cap = rubric.rules.vetoCapGrade;
  const capIndex = order.indexOf(cap);
  const index = order.indexOf(grade);
  return capIndex >= 0 && index >= 0 && index < capIndex ? cap : grade;
}

/**
 * Scores one unit. Never throws on entries: an unknown unit name gives a result with the error "unit.unknown".
 * `annex` is only read for counties (for a member unit it is ignored with a warning).
 */
export function scoreUnit(rubric: Rubric, entries: UnitEntries, annex?: CountyAnnexEntries): UnitResult {
  const unit: Unit | undefined = rubric.findUnit(entries.unit);
  if (!unit) {
    const issues = new IssueList(entries.unit);
    issues.add("unit.unknown", "unit", `「${entries.unit}」不是本考核规则中的被考核单位，无法打分`);
    return emptyResult(entries.unit, annex ? "county" : "member", issues);
  }
  const issues = new IssueList(unit.name);

  const entryLines = entries.lines ?? {};
  const lines = rubric
    .linesFor(unit)
    .map((line) =>
      scoreLine(
        line,
        Object.prototype.hasOwnProperty.call(entryLines, line.key) ? entryLines[line.key] : undefined,
        issues,
      ),
    );
  const itemsScore = lines.reduce((sum, l) => sum + l.score, 0);
  const applicableTotal = lines.reduce((sum, l) => sum + (l.exempted ? 0 : l.maxPoints), 0);
  const linesOk = lines.every((l) => !l.hasError);
  if (applicableTotal === 0) {
    issues.add(
      "unit.noApplicableLines",
      "unit",
      `${unit.name}没有实际涉及的考核项目（全部标为不参与并有说明），无法计算最终成绩`,
    );
  }
  const normalized = linesOk && applicableTotal > 0 ? normalize(itemsScore, applicableTotal) : null;

  const { bonusEntered, bonus, penalty, readable } = scoreAdjustments(rubric, unit, entries, issues);
  const finalScore = normalized !== null && readable ? normalized + bonus - penalty : null;
  const { veto, conditions } = scoreVeto(rubric, entries, issues);

  if (annex && unit.kind !== "county") {
    issues.add("annex1.notCounty", "annex1", `附件1、附件2只适用于县（市、区），${unit.name}的附件得分不计`);
  } else if (annex && rubric.findUnit(annex.unit) !== unit) {
    issues.add("annex1.unitMismatch", "annex1", `附件得分属于「${annex.unit}」，不是${unit.name}，不计`);
  }
  const annexes =
    unit.kind === "county"
      ? scoreCountyAnnex(rubric, annex && rubric.findUnit(annex.unit) === unit ? annex : undefined, issues)
      : undefined;

  const gradeBeforeVeto = finalScore === null ? null : rubric.gradeOf(finalScore);
  const hasErrors = issues.errors.length > 0;
  const grade =
    hasErrors || gradeBeforeVeto === null
      ? PENDING_GRADE
      : isUnscored(entries)
        ? UNSCORED_GRADE
        : veto
          ? capGrade(rubric, gradeBeforeVeto)
          : gradeBeforeVeto;

  const result: UnitResult = {
    unit: unit.name,
    kind: unit.kind,
    lines,
    itemsScore,
    applicableTotal,
    normalized,
    bonusEntered,
    bonus,
    penalty,
    finalScore,
    veto,
    vetoConditions: conditions,
    gradeBeforeVeto,
    grade,
    errors: issues.errors,
    warnings: issues.warnings,
    rank: null,
  };
  if (annexes) {
    result.annex1 = annexes.annex1;
    result.annex2 = annexes.annex2;
  }
  return result;
}
