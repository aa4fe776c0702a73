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
  type UnitEntries,
  type UnitResult,
} from "../scoring";
import { fromProblem, lineOf, type LocatedIssue, type ReturnedWorkbook } from "./located";
import { carriedRulesIssues } from "./carriedRules";
import { progressOf, type UnitProgress } from "./progress";
import { annexKey, mergeAnnexes, mergeUnitSheets, type MergedUnit, type SheetSource } from "./merge";
import { supersede } from "./newer";
import { unownedEntries } from "./owners";

export interface Totalling {
  /** Counties and member units ranked, and what belongs to neither (unknown names, 附件 rows without a sheet). */
  readonly result: ScoreAllResult;
  /** Every error and warning: structural problems first, then each result's own, each listed once. */
  readonly issues: readonly LocatedIssue[];
  /** Every unit of the rules with each party's part: in, complete, missing or in conflict. */
  readonly progress: readonly UnitProgress[];
  /**
   * Files whose saved time (ReturnedWorkbook.savedAt) was not given but would show in a conflict's message or decide
   * which of a party's files is newer: the caller may read them (xlsx/savedAt.ts) and total again.
   */
  readonly datesWanted: readonly string[];
  /** With newerReplaces: files whose part could not be decided for want of a saved time (they stay in conflict). */
  readonly undated: readonly string[];
}

export interface TotallingOptions {
  /** The user said so: of a party's files that differ on its part, the one saved last is the part (newer.ts). */
  readonly newerReplaces?: boolean;
  /** Issues found before totalling that count like the rest (the add-in: an import's conflicts still standing). */
  readonly alsoReported?: readonly LocatedIssue[];
}

export function totalWorkbooks(
  rubric: Rubric,
  returned: readonly ReturnedWorkbook[],
  options: TotallingOptions = {},
): Totalling {
  const structural: LocatedIssue[] = [];
  // Each sheet's result for the tamper check, kept for scoreAll: a unit whose sheet came back once, without 附件
  // entries, is scored from the same entries again there.
  const sheetResults = new Map<UnitEntries, UnitResult>();
  const scoreSheet = (entries: UnitEntries) => {
    const result = scoreUnit(rubric, entries);
    sheetResults.set(entries, result);
    return result;
  };
  for (const { file, read } of returned) {
    structural.push(...carriedRulesIssues(rubric, file, read));
    structural.push(...read.problems.map((p) => fromProblem(p, file)));
    // A unit sheet's formulas see that sheet alone: compare them with its own entries, as typed in that file.
    for (const sheet of read.units)
      structural.push(...tamperCheck(sheet, scoreSheet(sheet.entries), read.problems).map((p) => fromProblem(p, file)));
  }
  structural.push(...unownedEntries(rubric, returned), ...(options.alsoReported ?? []));
  const newer = options.newerReplaces ? supersede(rubric, returned) : undefined;
  const workbooks = newer?.workbooks ?? returned;
  structural.push(...(newer?.notices ?? []));

  const sheets = new Map<string, SheetSource[]>();
  for (const { file, savedAt, read } of workbooks)
    for (const sheet of read.units) {
      const unit = sheet.entries.unit;
      sheets.set(unit, [...(sheets.get(unit) ?? []), { file, savedAt, read, sheet }]);
    }
  const merged = new Map<string, MergedUnit>();
  for (const [unit, sources] of sheets) merged.set(unit, mergeUnitSheets(sources, structural));

  const annexes = mergeAnnexes(workbooks, structural);
  // Empty 附件 rows of counties without a score sheet are not worth an issue; filled ones are.
  const annexEntries = annexes.entries.filter(
    (a) => merged.has(a.unit) || [...a.annex1, ...a.annex2].some((v) => !isEmptyCell(v)),
  );
  const scored = scoreAll(
    rubric,
    [...merged.values()].map((m) => m.entries),
    annexEntries,
    (r, entries, annex) =>
      (annex === undefined ? sheetResults.get(entries) : undefined) ?? scoreUnit(r, entries, annex),
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
  const progress = progressOf(
    rubric,
    { merged, annexSource: annexes.source, annexes: annexes.entries, workbooks },
    issues,
  );
  const undated = newer?.undated ?? [];
  return { result, issues, progress, datesWanted: datesWanted(workbooks, issues, undated), undated };
}

/** The files a conflict names, or whose time would decide a part, that came without a saved time. */
function datesWanted(workbooks: readonly ReturnedWorkbook[], issues: readonly LocatedIssue[], undated: string[]) {
  const dated = new Set(workbooks.filter((w) => w.savedAt !== undefined).map((w) => w.file));
  const files = new Set(undated);
  for (const i of issues)
    if (i.code === "entry.conflict" || i.code === "annex.conflict")
      for (const f of [i.file, i.alsoIn?.file]) if (f) files.add(f);
  return [...files].filter((f) => !dated.has(f)).sort();
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
