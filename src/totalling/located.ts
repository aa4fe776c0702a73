/** What totalling takes and gives: workbooks as read, and issues with the file, sheet, cell and line they concern. */
import type { ReadWorkbook, SheetProblem } from "../layout";
import type { PartKey } from "../rubric";
import { lineName, type Issue } from "../scoring";

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

export const fromProblem = (p: SheetProblem, file: string | undefined): LocatedIssue => ({
  code: p.code,
  severity: p.severity,
  unit: p.unit ?? "",
  field: "unit",
  message: p.message,
  file,
  sheet: p.sheet,
  cell: p.cell,
});

export function lineOf(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const [part, label] = key.split(":");
  return part && label ? lineName({ part: part as PartKey, label }) : key;
}
