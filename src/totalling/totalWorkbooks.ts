/**
 * The one path from entries to results: the workbooks read (one open workbook in the add-in, every returned file
 * from the command line) → each unit scored by the core, structural problems and tamper checks added, every issue
 * located by file, sheet, cell and line. The add-in's 校验并汇总 and `scorecard total` both call this and only decide
 * how to show what it returns, so the two cannot disagree.
 */
import { entryCellKey, holdsUnitBack, issueLocation, tamperCheck } from "../layout";
import type { Rubric } from "../rubric";
import {
  isEmptyCell,
  scoreAll,
  scoreUnit,
  withOutsideErrors,
  type Issue,
  type ScoreAllResult,
  type UnitResult,
} from "../scoring";
import { fromProblem, lineOf, type LocatedIssue, type ReturnedWorkbook } from "./located";
import { carriedRulesIssues } from "./carriedRules";
import { progressOf, type UnitProgress } from "./progress";
import { annexKey, mergeAnnexes, mergeUnitSheets, type MergedUnit, type SheetSource } from "./merge";

export interface Totalling {
  /** Counties and member units ranked, and what belongs to neither (unknown names, 附件 rows without a sheet). */
  readonly result: ScoreAllResult;
  /** Every error and warning: structural problems first, then each result's own, each listed once. */
  readonly issues: readonly LocatedIssue[];
  /** Every unit of the rules with each party's part: in, missing or in conflict. */
  readonly progress: readonly UnitProgress[];
}

export function totalWorkbooks(rubric: Rubric, workbooks: readonly ReturnedWorkbook[]): Totalling {
  const structural: LocatedIssue[] = [];
  const sheets = new Map<string, SheetSource[]>();
  for (const { file, read } of workbooks) {
    structural.push(...carriedRulesIssues(rubric, file, read));
    structural.push(...read.problems.map((p) => fromProblem(p, file)));
    for (const sheet of read.units) {
      const unit = sheet.entries.unit;
      sheets.set(unit, [...(sheets.get(unit) ?? []), { file, read, sheet }]);
    }
  }
  const merged = new Map<string, MergedUnit>();
  for (const [unit, sources] of sheets) {
    for (const { file, read, sheet } of sources) {
      // A unit sheet's formulas see that sheet alone: compare them with its own entries, without its 附件 rows.
      structural.push(
        ...tamperCheck(sheet, scoreUnit(rubric, sheet.entries), read.problems).map((p) => fromProblem(p, file)),
      );
    }
    merged.set(unit, mergeUnitSheets(sources, structural));
  }

  const annexes = mergeAnnexes(workbooks, structural);
  // Empty 附件 rows of counties without a score sheet are not worth an issue; filled ones are.
  const annexEntries = annexes.entries.filter(
    (a) => merged.has(a.unit) || [...a.annex1, ...a.annex2].some((v) => !isEmptyCell(v)),
  );
  const scored = scoreAll(
    rubric,
    [...merged.values()].map((m) => m.entries),
    annexEntries,
  );
  const result = withOutsideErrors(
    rubric,
    scored,
    structural.filter((i) => holdsUnitBack(i) && i.unit !== ""),
  );

  const issues: LocatedIssue[] = [...structural];
  const listed = new Set<Issue>(structural);
  for (const r of [...result.counties, ...result.members, ...result.others]) {
    for (const issue of [...r.errors, ...r.warnings]) {
      if (listed.has(issue)) continue;
      issues.push(locate(issue, r, merged, annexes.source));
    }
  }
  return { result, issues, progress: progressOf(rubric, merged, annexes.source, annexes.entries, issues) };
}

/** Where a core issue points: a 附件 cell in the file its value came from, else the unit's own sheet. */
function locate(
  issue: Issue,
  result: UnitResult,
  merged: ReadonlyMap<string, MergedUnit>,
  annexSource: ReadonlyMap<string, ReturnedWorkbook>,
): LocatedIssue {
  const line = lineOf(issue.lineKey);
  if (issue.field === "annex1" || issue.field === "annex2") {
    const from =
      annexSource.get(annexKey(issue.unit, issue.field, issue.index ?? 0)) ??
      annexSource.get(annexKey(issue.unit, issue.field, -1));
    return { ...issue, file: from?.file, ...(from ? issueLocation(from.read, issue) : {}), line };
  }
  const unit = merged.get(result.unit) ?? merged.get(issue.unit);
  // The file the entry came from when the unit's sheet came back in several; else its only (or first) sheet.
  const from = unit?.from.get(entryCellKey(issue.lineKey, issue.field)) ?? unit?.sources[0];
  return { ...issue, file: from?.file, ...(from ? issueLocation(from.read, issue) : {}), line };
}
