/**
 * Who scored a part and whether they say it is done: the sign-offs the reader finds (ReadWorkbook.signoffs, typed or
 * chosen in the sheet, no add-in needed), matched to each unit's parts. A unit sheet's sign-off is for that unit; a
 * 附件1/附件2 sign-off covers every county row of its workbook. Of several, the one in a file the part's values came
 * from is taken, a complete one before an incomplete one, the latest date first.
 */
import type { PartSignoff } from "../layout";
import type { PartyShare } from "../rubric";
import { cellText, isEmptyCell, parseYesNo, type CellValue } from "../scoring";
import type { ReturnedWorkbook } from "./located";

/** A part's sign-off as progress shows it. */
export interface PartSignedOff {
  /** 考核人员, as typed ("" when only the mark was filled in). */
  readonly assessor: string;
  /** 已完成 = 是. */
  readonly complete: boolean;
  /** 完成日期 as a person reads it: YYYY-MM-DD for a date Excel took as one, else the text typed. */
  readonly completedOn?: string;
  readonly file?: string;
  readonly sheet: string;
  /** The 已完成 cell (else the 考核人员 cell): where to look. */
  readonly cell?: string;
}

/** Excel's day 0 is 1899-12-30 (day 60 being the 1900-02-29 that never was: serials from 61 on are exact). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function shownDate(value: CellValue): string | undefined {
  if (isEmptyCell(value)) return undefined;
  if (typeof value === "number" && value > 60 && value < 2958466)
    return new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  return cellText(value);
}

/** Every workbook's sign-offs by the unit they may cover, in the order of the workbooks and of their sheets. */
export type SignoffIndex = ReadonlyMap<string, readonly { s: PartSignoff; wb: ReturnedWorkbook }[]>;

/**
 * A unit sheet's sign-off is listed under its unit, a 附件 sign-off under every county row of its workbook: progress
 * asks for every part of every unit, and going over every workbook's sign-offs for each one was most of its time.
 */
export function signoffIndex(workbooks: readonly ReturnedWorkbook[]): SignoffIndex {
  const index = new Map<string, { s: PartSignoff; wb: ReturnedWorkbook }[]>();
  const add = (unit: string, s: PartSignoff, wb: ReturnedWorkbook) => {
    const list = index.get(unit) ?? [];
    list.push({ s, wb });
    index.set(unit, list);
  };
  for (const wb of workbooks)
    for (const s of wb.read.signoffs ?? []) {
      if (isEmptyCell(s.assessor) && isEmptyCell(s.completed) && isEmptyCell(s.completedOn)) continue;
      if (!s.annex) {
        if (s.unit !== undefined) add(s.unit, s, wb);
        continue;
      }
      for (const unit of new Set(wb.read.annexes.map((a) => a.unit))) add(unit, s, wb);
    }
  return index;
}

const covers = (s: PartSignoff, part: PartyShare) =>
  s.party === part.party && (!s.annex || s.annex.columns.some((c) => part[s.annex!.which].includes(c)));

export function signoffOf(
  index: SignoffIndex,
  unit: string,
  part: PartyShare,
  files: ReadonlySet<string>,
): PartSignedOff | undefined {
  const found: PartSignedOff[] = [];
  for (const { s, wb } of index.get(unit) ?? []) {
    if (!covers(s, part)) continue;
    found.push({
      assessor: cellText(s.assessor),
      complete: parseYesNo(s.completed, false) === true,
      ...(isEmptyCell(s.completedOn) ? {} : { completedOn: shownDate(s.completedOn) }),
      file: wb.file,
      sheet: s.sheet,
      cell: s.cells.completed ?? s.cells.assessor,
    });
  }
  const rank = (s: PartSignedOff) => [s.file !== undefined && files.has(s.file) ? 1 : 0, s.complete ? 1 : 0];
  found.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return rb[0] - ra[0] || rb[1] - ra[1] || (b.completedOn ?? "").localeCompare(a.completedOn ?? "");
  });
  return found[0];
}
