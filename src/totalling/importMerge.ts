/**
 * 导入回收的工作簿 through the same merge as totalling: the returned files are combined cell by cell with what the
 * open workbook holds. What this decides, the add-in then does (src/excel/importWorkbooks.ts):
 * - a unit sheet or 附件 sheet the open workbook lacks comes in whole from the first file that has it;
 * - every other file's entries are written into the open workbook's cells (or the sheet just brought in) where
 *   those are blank or as generated;
 * - a cell the open workbook already holds with a different value is a conflict shown to the user and never
 *   written: nothing a person typed is overwritten. Two files that disagree on a cell write neither value.
 * With the user's say-so a party's newer file wins over its older one (newer.ts); the open workbook has no saved
 * time of its own, so it is never replaced.
 */
import { entryCellKey, type ReadWorkbook } from "../layout";
import type { Rubric } from "../rubric";
import { cellText, type CellValue } from "../scoring";
import type { LocatedIssue, ReturnedWorkbook } from "./located";
import {
  annexKey,
  LINE_FIELDS,
  mergeAnnexes,
  mergeUnitSheets,
  UNIT_FIELDS,
  untouched,
  type Field,
  type SheetSource,
} from "./merge";
import { supersede } from "./newer";
import { unownedEntries } from "./owners";

/** Where a write goes: a sheet of the open workbook, or a sheet brought in from a file (named as in that file). */
export type WriteTarget = { readonly sheet: string } | { readonly inserted: { file: string; sheet: string } };

export interface CellWrite {
  readonly target: WriteTarget;
  readonly address: string;
  readonly value: CellValue;
  readonly unit: string;
  /** The file the value comes from. */
  readonly from?: string;
}

export interface ImportMerge {
  /** Sheets to bring in whole, by file: the unit sheets and 附件 sheets the open workbook lacks. */
  readonly inserts: readonly { file: string; sheet: string; unit?: string }[];
  /** Units whose entries go into a sheet the open workbook already has. */
  readonly merged: readonly { unit: string; sheet: string; files: string[] }[];
  readonly writes: readonly CellWrite[];
  /** Cells not written: the open workbook holds another value, or two files disagree. */
  readonly conflicts: readonly LocatedIssue[];
  /** Warnings: unowned entries, values a newer file set aside, 附件 rows the open workbook has no place for. */
  readonly notices: readonly LocatedIssue[];
}

const same = (a: CellValue | undefined, b: CellValue | undefined) => cellText(a) === cellText(b);
const conflictKey = (i: LocatedIssue) =>
  i.field === "annex1" || i.field === "annex2"
    ? annexKey(i.unit, i.field, i.index ?? 0)
    : `${i.unit}/${entryCellKey(i.lineKey, i.field)}`;

export function planImport(
  rubric: Rubric,
  open: ReadWorkbook,
  incoming: readonly (ReturnedWorkbook & { file: string })[],
  options: { newerReplaces?: boolean } = {},
): ImportMerge {
  const original: ReturnedWorkbook[] = [{ read: open }, ...incoming];
  const notices: LocatedIssue[] = [...unownedEntries(rubric, incoming)];
  const newer = options.newerReplaces ? supersede(rubric, original) : undefined;
  const all = newer?.workbooks ?? original;
  notices.push(...(newer?.notices ?? []));
  const conflicts: LocatedIssue[] = [];
  const inserts: { file: string; sheet: string; unit?: string }[] = [];
  const merged: { unit: string; sheet: string; files: string[] }[] = [];
  const writes: CellWrite[] = [];

  // Unit sheets, in the order the files bring them.
  const units = [...new Set(incoming.flatMap((wb) => wb.read.units.map((u) => u.entries.unit)))];
  const unitWrites: (CellWrite & { key: string })[] = [];
  for (const unit of units) {
    const sources: SheetSource[] = [];
    const before = new Map<SheetSource, ReturnedWorkbook>();
    all.forEach((wb, i) => {
      const sheet = wb.read.units.find((u) => u.entries.unit === unit);
      if (!sheet) return;
      const source = { file: wb.file, savedAt: wb.savedAt, read: wb.read, sheet };
      sources.push(source);
      before.set(source, original[i]);
    });
    const into = sources[0];
    // What the target sheet holds now: the open workbook's, or the file's copy as it comes in (before any set-aside).
    const now = before.get(into)!.read.units.find((u) => u.entries.unit === unit)!;
    const target: WriteTarget = into.file
      ? { inserted: { file: into.file, sheet: into.sheet.sheet } }
      : { sheet: into.sheet.sheet };
    if (into.file) inserts.push({ file: into.file, sheet: into.sheet.sheet, unit });
    else merged.push({ unit, sheet: into.sheet.sheet, files: sources.slice(1).map((s) => s.file!) });
    if (sources.length === 1) continue;
    const m = mergeUnitSheets(sources, conflicts);
    const consider = (
      lineKey: string | undefined,
      field: Field,
      want: CellValue | undefined,
      have: CellValue | undefined,
    ) => {
      if (same(want, have) || (untouched(field, want) && untouched(field, have))) return;
      // Never over what a person typed in the open workbook (the merge has named it a conflict, if it is one).
      if (!into.file && !untouched(field, have)) return;
      const key = entryCellKey(lineKey, field);
      const address = into.sheet.cells.get(key);
      if (!address) return;
      unitWrites.push({
        target,
        address,
        value: want ?? null,
        unit,
        from: m.from.get(key)?.file,
        key: `${unit}/${key}`,
      });
    };
    for (const [lineKey, line] of Object.entries(m.entries.lines))
      for (const field of LINE_FIELDS) consider(lineKey, field, line[field], now.entries.lines[lineKey]?.[field]);
    for (const field of UNIT_FIELDS) consider(undefined, field, m.entries[field], now.entries[field]);
  }

  // 附件1 and 附件2: every county row of every file, into the open workbook's 附件 sheet or the first file's.
  const annexes = mergeAnnexes(all, conflicts);
  const annexWrites: (CellWrite & { key: string })[] = [];
  for (const which of ["annex1", "annex2"] as const) {
    const holder = all.findIndex((wb) => wb.read.annexSheets[which] !== undefined);
    if (holder < 0 || !incoming.some((wb) => wb.read.annexSheets[which])) continue;
    const into = original[holder];
    const sheet = into.read.annexSheets[which]!;
    const target: WriteTarget = into.file ? { inserted: { file: into.file, sheet } } : { sheet };
    if (into.file) inserts.push({ file: into.file, sheet });
    for (const row of annexes.entries) {
      const have = into.read.annexes.find((a) => a.unit === row.unit);
      row[which].forEach((want, i) => {
        const key = annexKey(row.unit, which, i);
        const current = have?.[which][i];
        if (same(want, current) || (untouched("deduction", want) && untouched("deduction", current))) return;
        if (!into.file && !untouched("deduction", current)) return;
        const address = into.read.annexCells.get(key);
        const from = annexes.source.get(key)?.file;
        if (!address) {
          notices.push(noPlace(row.unit, which, i, want, from, sheet));
          return;
        }
        annexWrites.push({ target, address, value: want ?? null, unit: row.unit, from, key });
      });
    }
  }

  const disputed = new Set(conflicts.map(conflictKey));
  for (const w of [...unitWrites, ...annexWrites]) {
    if (disputed.has(w.key)) continue;
    const { key: _key, ...write } = w;
    writes.push(write);
  }
  return { inserts, merged, writes, conflicts, notices };
}

function noPlace(
  unit: string,
  which: "annex1" | "annex2",
  i: number,
  value: CellValue,
  from: string | undefined,
  sheet: string,
): LocatedIssue {
  return {
    code: "annex.noRow",
    severity: "warning",
    unit,
    field: which,
    index: i,
    message: `本工作簿的「${sheet}」中没有「${unit}」这一行，${from ?? ""}中${unit}的${which === "annex1" ? "附件1" : "附件2"}第 ${i + 1} 项「${cellText(value)}」未导入；请先为${unit}生成打分表，再导入一次`,
    file: from,
  };
}
