/**
 * Every unit at once: 附件 entries matched to counties by name, a unit entered twice made an error on each copy,
 * counties and member units ranked apart, and errors found outside the core (in a workbook's structure) applied.
 */
import type { Rubric } from "../rubric";
import { scoreCountyAnnex } from "./annex";
import type { CountyAnnexEntries, UnitEntries } from "./entries";
import { IssueList, makeIssue, type Issue } from "./issues";
import { rankResults } from "./ranking";
import type { UnitResult } from "./results";
import { emptyResult, scoreUnit, withErrors } from "./unit";

export interface ScoreAllResult {
  counties: UnitResult[];
  members: UnitResult[];
  /** Results that belong to neither list: unknown unit names, and 附件 entries of counties that have no score sheet. */
  others: UnitResult[];
}

/**
 * Scores and ranks every unit. Counties and member units are ranked separately. A unit entered twice gets the
 * error "unit.duplicate" on both results (neither is ranked); 附件 entries are matched to counties by name.
 */
export function scoreAll(
  rubric: Rubric,
  entries: readonly UnitEntries[],
  annexes: readonly CountyAnnexEntries[] = [],
  /**
   * scoreUnit, or a caller's copy that returns a result it already has for the same entries (results are never
   * changed).
   */
  score: typeof scoreUnit = scoreUnit,
): ScoreAllResult {
  // 附件 entries by county; a county whose 附件 is entered twice gets an error and neither copy is used.
  const annexGroups = new Map<string, CountyAnnexEntries[]>();
  const others: UnitResult[] = [];
  for (const annex of annexes) {
    const unit = rubric.findUnit(annex.unit);
    if (!unit) {
      const issues = new IssueList(annex.unit);
      issues.add("unit.unknown", "unit", `附件得分中的「${annex.unit}」不是本考核规则中的被考核单位`);
      others.push(emptyResult(annex.unit, "county", issues));
      continue;
    }
    annexGroups.set(unit.name, [...(annexGroups.get(unit.name) ?? []), annex]);
  }
  const annexByUnit = new Map<string, CountyAnnexEntries>();
  for (const [name, group] of annexGroups) if (group.length === 1) annexByUnit.set(name, group[0]);
  const annexDuplicate = (name: string): Issue[] => {
    const copies = annexGroups.get(name)?.length ?? 0;
    return copies > 1
      ? [makeIssue(name, "unit.duplicate", "annex1", `${name}的附件得分录入了 ${copies} 份，请只保留一份`)]
      : [];
  };

  const count = new Map<string, number>();
  for (const e of entries) {
    const name = rubric.findUnit(e.unit)?.name ?? e.unit;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  const counties: UnitResult[] = [];
  const members: UnitResult[] = [];
  const scored = new Set<string>();
  for (const e of entries) {
    const unit = rubric.findUnit(e.unit);
    const annex = unit ? annexByUnit.get(unit.name) : undefined;
    const result = score(rubric, e, annex);
    if (!unit) {
      others.push(result);
      continue;
    }
    scored.add(unit.name);
    const copies = count.get(unit.name) ?? 0;
    const duplicate =
      copies > 1
        ? [makeIssue(unit.name, "unit.duplicate", "unit", `${unit.name}的打分表录入了 ${copies} 份，请只保留一份`)]
        : [];
    (unit.kind === "county" ? counties : members).push(withErrors(result, duplicate, annexDuplicate(unit.name)));
  }
  for (const [name, group] of annexGroups) {
    if (scored.has(name)) continue;
    const unit = rubric.findUnit(name);
    const issues = new IssueList(name);
    issues.add("unit.noEntries", "unit", `有${name}的附件得分，但没有${name}的打分表`);
    // The 附件 is scored (its issues told) when there is one copy; the result still has no score sheet to grade.
    const scoredAnnex =
      group.length === 1 && unit?.kind === "county" ? scoreCountyAnnex(rubric, group[0], issues) : undefined;
    const result = withErrors(emptyResult(name, unit?.kind ?? "county", issues), [], annexDuplicate(name));
    others.push(scoredAnnex ? { ...result, ...scoredAnnex } : result);
  }
  return { counties: rankResults(rubric, counties), members: rankResults(rubric, members), others };
}

/**
 * Errors found outside the core — in a workbook's structure: a unit's sheet twice, lines deleted, a total formula
 * typed over — make their unit 待更正 and unranked, like any error: which figures are right is for a person to say.
 * Returns the results with those errors added (so each result explains its grade), ranked again.
 */
export function withOutsideErrors(rubric: Rubric, all: ScoreAllResult, outside: readonly Issue[]): ScoreAllResult {
  const byUnit = new Map<string, Issue[]>();
  for (const e of outside) if (e.severity === "error" && e.unit) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  const apply = (r: UnitResult): UnitResult => withErrors(r, [], byUnit.get(r.unit) ?? []);
  return {
    counties: rankResults(rubric, all.counties.map(apply)),
    members: rankResults(rubric, all.members.map(apply)),
    others: all.others.map(apply),
  };
}
