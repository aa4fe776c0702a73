/**
 * The one path from entries to results: the workbooks read (one open workbook in the add-in, every returned file
 * from the command line) → each unit scored by the core, structural problems and tamper checks added, every issue
 * located by file, sheet, cell and line. The add-in's 校验并汇总 and `scorecard total` both call this and only decide
 * how to show what it returns, so the two cannot disagree.
 */
import {
  holdsUnitBack,
  issueLocation,
  tamperCheck,
  type ReadUnitSheet,
  type ReadWorkbook,
  type SheetProblem,
} from "../layout";
import type { PartKey, Rubric } from "../rubric";
import {
  isEmptyCell,
  lineName,
  scoreAll,
  scoreUnit,
  withOutsideErrors,
  type CellValue,
  type CountyAnnexEntries,
  type Issue,
  type ScoreAllResult,
  type UnitResult,
} from "../scoring";

/** One workbook as read; `file` names it where there are several (the command line), undefined in the add-in. */
export interface ReturnedWorkbook {
  readonly file?: string;
  readonly read: ReadWorkbook;
}

/** An issue with where it is: the file, sheet and cell when known, and the scoring line's name. */
export interface LocatedIssue extends Issue {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
  /** e.g. "第13项(2)"; set for issues about a scoring line. */
  readonly line?: string;
}

export interface Totalling {
  /** Counties and member units ranked, and what belongs to neither (unknown names, 附件 rows without a sheet). */
  readonly result: ScoreAllResult;
  /** Every error and warning: structural problems first, then each result's own, each listed once. */
  readonly issues: readonly LocatedIssue[];
}

const fromProblem = (p: SheetProblem, file: string | undefined): LocatedIssue => ({
  code: p.code,
  severity: p.severity,
  unit: p.unit ?? "",
  field: "unit",
  message: p.message,
  file,
  sheet: p.sheet,
  cell: p.cell,
});

function lineOf(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const [part, label] = key.split(":");
  return part && label ? lineName({ part: part as PartKey, label }) : key;
}

interface Origin {
  readonly file?: string;
  readonly read: ReadWorkbook;
  readonly sheet: ReadUnitSheet;
}

export function totalWorkbooks(rubric: Rubric, workbooks: readonly ReturnedWorkbook[]): Totalling {
  const structural: LocatedIssue[] = [];
  const origin = new Map<string, Origin>();
  for (const { file, read } of workbooks) {
    structural.push(...read.problems.map((p) => fromProblem(p, file)));
    for (const sheet of read.units) {
      const unit = sheet.entries.unit;
      const before = origin.get(unit);
      if (before) {
        structural.push({
          code: "unit.inTwoFiles",
          severity: "error",
          unit,
          field: "unit",
          message: `「${unit}」的打分表同时出现在 ${before.file} 和 ${file} 中，请只保留一份；在此之前该单位不评等次（分数按前者计算）`,
          file,
          sheet: sheet.sheet,
        });
        continue;
      }
      origin.set(unit, { file, read, sheet });
    }
  }
  for (const { file, sheet } of origin.values()) {
    // A unit sheet's formulas see that sheet alone: compare them with the unit scored without its 附件 rows.
    structural.push(...tamperCheck(sheet, scoreUnit(rubric, sheet.entries)).map((p) => fromProblem(p, file)));
  }

  const annexes = mergeAnnexes(workbooks, origin, structural);
  const entries = [...origin.values()].map((o) => o.sheet.entries);
  const scored = scoreAll(rubric, entries, annexes.entries);
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
      issues.push(locate(issue, r, origin, annexes.source));
    }
  }
  return { result, issues };
}

/** Where a core issue points: a 附件 cell in the file its value came from, else the unit's own sheet. */
function locate(
  issue: Issue,
  result: UnitResult,
  origin: ReadonlyMap<string, Origin>,
  annexSource: ReadonlyMap<string, ReturnedWorkbook>,
): LocatedIssue {
  const line = lineOf(issue.lineKey);
  if (issue.field === "annex1" || issue.field === "annex2") {
    const from =
      annexSource.get(annexKey(issue.unit, issue.field, issue.index ?? 0)) ??
      annexSource.get(annexKey(issue.unit, issue.field, -1));
    return { ...issue, file: from?.file, ...(from ? issueLocation(from.read, issue) : {}), line };
  }
  const from = origin.get(result.unit) ?? origin.get(issue.unit);
  return { ...issue, file: from?.file, ...(from ? issueLocation(from.read, issue) : {}), line };
}

const annexKey = (unit: string, which: "annex1" | "annex2", index: number) => `${unit}|${which}#${index}`;
const filled = (v: CellValue | undefined) => !isEmptyCell(v) && !(typeof v === "string" && v.trim() === "");

/**
 * 附件1/附件2 rows from every workbook, combined cell by cell: a blank cell takes nothing away, the same value twice
 * is one value, two different values for one cell are a conflict that holds the county back until a person settles
 * it. Empty rows of counties without a score sheet are not worth an issue; filled ones are.
 */
function mergeAnnexes(
  workbooks: readonly ReturnedWorkbook[],
  origin: ReadonlyMap<string, Origin>,
  structural: LocatedIssue[],
): { entries: CountyAnnexEntries[]; source: Map<string, ReturnedWorkbook> } {
  const merged = new Map<string, CountyAnnexEntries>();
  const source = new Map<string, ReturnedWorkbook>();
  for (const wb of workbooks) {
    for (const a of wb.read.annexes) {
      const into = merged.get(a.unit) ?? { unit: a.unit, annex1: [], annex2: [] };
      merged.set(a.unit, into);
      for (const which of ["annex1", "annex2"] as const) {
        if (!source.has(annexKey(a.unit, which, -1)) && a[which].length > 0)
          source.set(annexKey(a.unit, which, -1), wb);
        a[which].forEach((value, i) => {
          const key = annexKey(a.unit, which, i);
          const before = into[which][i];
          if (!filled(value)) {
            if (into[which][i] === undefined) into[which][i] = value;
            return;
          }
          if (!filled(before)) {
            into[which][i] = value;
            source.set(key, wb);
            return;
          }
          if (String(before).trim() === String(value).trim()) return;
          const first = source.get(key)!;
          const cell = wb.read.annexCells.get(key);
          structural.push({
            code: "annex.conflict",
            severity: "error",
            unit: a.unit,
            field: which,
            index: i,
            message: `${a.unit}的${which === "annex1" ? "附件1" : "附件2"}第 ${i + 1} 项在 ${first.file} 中为「${before}」，在 ${wb.file} 中为「${value}」，请核对后只保留一个`,
            file: wb.file,
            sheet: wb.read.annexSheets[which],
            cell,
          });
        });
      }
    }
  }
  const entries = [...merged.values()].filter(
    (a) => origin.has(a.unit) || [...a.annex1, ...a.annex2].some((v) => filled(v)),
  );
  return { entries, source };
}
