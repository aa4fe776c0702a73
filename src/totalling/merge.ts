/**
 * Many hands, one result: the parts of a unit's sheet and of 附件1/附件2 that come back in several files combine cell
 * by cell. A blank cell takes nothing away; the same value twice is one value; two different values for one cell are
 * a conflict that names both files, the cell and both values, and holds the unit back until a person settles it.
 * (docs/decisions/0006-parts-merge-cell-by-cell.md)
 */
import { entryCellKey, NO, YES, type ReadUnitSheet, type ReadWorkbook } from "../layout";
import {
  cellText,
  isEmptyCell,
  type CellValue,
  type CountyAnnexEntries,
  type IssueField,
  type LineEntry,
  type UnitEntries,
} from "../scoring";
import { lineOf, shownTime, type LocatedIssue, type ReturnedWorkbook } from "./located";

/** One unit's sheet as found in one file. */
export interface SheetSource {
  readonly file?: string;
  /** When the file was saved (ISO 8601), where known: shown in a conflict's message. */
  readonly savedAt?: string;
  readonly read: ReadWorkbook;
  readonly sheet: ReadUnitSheet;
}

/** A unit's entries from every file that holds its sheet, and which file each entry came from. */
export interface MergedUnit {
  readonly entries: UnitEntries;
  readonly sources: readonly SheetSource[];
  /** entryCellKey(lineKey, field) → the source its value was taken from. */
  readonly from: ReadonlyMap<string, SheetSource>;
}

export const LINE_FIELDS = ["deduction", "participates", "exemptionReason", "findings"] as const;
/** The unit's own inputs: the team's 加分, 减分, 一票否优 and its 已完成评分 mark (a sheet assessed without deduction). */
export const UNIT_FIELDS = ["bonus", "penalty", "veto", "vetoConditions", "completed"] as const;

export const FIELD_NAMES: Record<Field, string> = {
  deduction: "扣分",
  participates: "是否参与打分",
  exemptionReason: "不参与说明",
  findings: "存在的问题",
  bonus: "加分",
  penalty: "减分",
  veto: "一票否优",
  vetoConditions: "一票否优说明",
  completed: "已完成评分",
};

export type Field = (typeof LINE_FIELDS)[number] | (typeof UNIT_FIELDS)[number];

/**
 * What a generated sheet holds before anyone types: 是否参与打分 says 是 and 一票否优 says 否. A party that leaves
 * them so has said nothing about them, so another party's 否 (or 是) is not a conflict.
 */
const AS_GENERATED: Partial<Record<Field, string>> = { participates: YES, veto: NO };
export const untouched = (field: Field, v: CellValue | undefined) =>
  isEmptyCell(v) || (AS_GENERATED[field] !== undefined && cellText(v) === AS_GENERATED[field]);

const same = (a: CellValue | undefined, b: CellValue | undefined) => cellText(a) === cellText(b);
/** A file and cell as a message names them, with the time the file was saved when known. */
const where = (s: { file?: string; savedAt?: string }, cell: string | undefined) => {
  const said = [cell, s.savedAt ? `保存于 ${shownTime(s.savedAt)}` : undefined].filter(Boolean).join("，");
  return `${s.file ?? "本工作簿"}${said ? `（${said}）` : ""}`;
};

/**
 * Combines one unit's sheets. `conflicts` receives an error for each cell filled differently in two files. With one
 * source the entries are that sheet's own, untouched.
 */
export function mergeUnitSheets(sources: readonly SheetSource[], conflicts: LocatedIssue[]): MergedUnit {
  const first = sources[0];
  const from = new Map<string, SheetSource>();
  if (sources.length === 1) return { entries: first.sheet.entries, sources, from };
  const unit = first.sheet.entries.unit;
  const entries: UnitEntries = { unit, lines: {} };

  const take = (
    key: string,
    value: CellValue | undefined,
    source: SheetSource,
    current: CellValue | undefined,
    set: (v: CellValue | undefined) => void,
    conflict: { lineKey?: string; field: Field },
  ) => {
    if (untouched(conflict.field, value)) {
      if (current === undefined) set(value);
      return;
    }
    const before = from.get(key);
    if (!before) {
      set(value);
      from.set(key, source);
      return;
    }
    if (same(current, value)) return;
    const cellBefore = before.sheet.cells.get(key);
    const cell = source.sheet.cells.get(key);
    const what = `${conflict.lineKey ? lineOf(conflict.lineKey) : ""}${FIELD_NAMES[conflict.field]}`;
    conflicts.push({
      code: "entry.conflict",
      severity: "error",
      unit,
      lineKey: conflict.lineKey,
      field: conflict.field as IssueField,
      message: `${unit}${what}在 ${where(before, cellBefore)}中为「${cellText(current)}」，在 ${where(source, cell)}中为「${cellText(value)}」，请核对后只保留一个`,
      file: source.file,
      sheet: source.sheet.sheet,
      cell,
      alsoIn: { file: before.file, sheet: before.sheet.sheet, cell: cellBefore },
    });
  };

  for (const source of sources) {
    const e = source.sheet.entries;
    for (const [lineKey, line] of Object.entries(e.lines)) {
      const into: LineEntry = (entries.lines[lineKey] ??= {});
      for (const field of LINE_FIELDS) {
        take(entryCellKey(lineKey, field), line[field], source, into[field], (v) => (into[field] = v), {
          lineKey,
          field,
        });
      }
    }
    for (const field of UNIT_FIELDS) {
      take(entryCellKey(undefined, field), e[field], source, entries[field], (v) => (entries[field] = v), { field });
    }
  }
  return { entries, sources, from };
}

const annexKey = (unit: string, which: "annex1" | "annex2", index: number) => `${unit}|${which}#${index}`;

/**
 * 附件1/附件2 rows from every workbook, combined cell by cell as above. `source` tells, per cell, the workbook its
 * value came from (index -1: the first workbook that holds the county's row at all).
 */
export function mergeAnnexes(
  workbooks: readonly ReturnedWorkbook[],
  conflicts: LocatedIssue[],
): { entries: CountyAnnexEntries[]; source: ReadonlyMap<string, ReturnedWorkbook> } {
  const merged = new Map<string, CountyAnnexEntries>();
  const source = new Map<string, ReturnedWorkbook>();
  for (const wb of workbooks) {
    for (const a of wb.read.annexes) {
      const into = merged.get(a.unit) ?? { unit: a.unit, annex1: [], annex2: [] };
      merged.set(a.unit, into);
      for (const which of ["annex1", "annex2"] as const) {
        if (a[which].length > 0 && !source.has(annexKey(a.unit, which, -1)))
          source.set(annexKey(a.unit, which, -1), wb);
        a[which].forEach((value, i) => {
          const key = annexKey(a.unit, which, i);
          const before = into[which][i];
          if (isEmptyCell(value)) {
            if (before === undefined) into[which][i] = value;
            return;
          }
          if (isEmptyCell(before)) {
            into[which][i] = value;
            source.set(key, wb);
            return;
          }
          if (same(before, value)) return;
          const first = source.get(key)!;
          const cell = wb.read.annexCells.get(key);
          conflicts.push({
            code: "annex.conflict",
            severity: "error",
            unit: a.unit,
            field: which,
            index: i,
            message: `${a.unit}的${which === "annex1" ? "附件1" : "附件2"}第 ${i + 1} 项在 ${where(first, first.read.annexCells.get(key))}中为「${cellText(before)}」，在 ${where(wb, cell)}中为「${cellText(value)}」，请核对后只保留一个`,
            file: wb.file,
            sheet: wb.read.annexSheets[which],
            cell,
            alsoIn: { file: first.file, sheet: first.read.annexSheets[which], cell: first.read.annexCells.get(key) },
          });
        });
      }
    }
  }
  return { entries: [...merged.values()], source };
}

export { annexKey };
