/** What totalling takes and gives: workbooks as read, and issues with the file, sheet, cell and line they concern. */
import type { ReadWorkbook, SheetProblem } from "../layout";
import type { PartKey } from "../rubric";
import { lineName, type Issue } from "../scoring";

/** One workbook as read; `file` names it where there are several (the command line), undefined in the add-in. */
export interface ReturnedWorkbook {
  readonly file?: string;
  readonly read: ReadWorkbook;
  /** When the file was last saved, by its own word (xlsx/savedAt.ts), ISO 8601; undefined when not known or asked. */
  readonly savedAt?: string;
}

/** An issue with where it is: the file, sheet and cell when known, and the scoring line's name. */
export interface LocatedIssue extends Issue {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
  /** e.g. "第13项(2)"; set for issues about a scoring line. */
  readonly line?: string;
  /** For a conflict: the other file and cell that hold the cell's first value. */
  readonly alsoIn?: { readonly file?: string; readonly sheet?: string; readonly cell?: string };
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
  const parts = key.split(":");
  const part = parts[0];
  const label = parts[1];
  return part && label ? lineName({ part: part as PartKey, label }) : key;
}

/** How a time is shown to a person: local time, as 汇总 shows when it was computed. */
export const shownTime = (iso: string) => new Date(iso).toLocaleString("zh-CN", { hour12: false });
