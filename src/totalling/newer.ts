/**
 * "A later file from the same party replaces its earlier one", only when the user says so (`scorecard total
 * --newer-replaces`, the pane's checkbox on import). For each unit and each party's part of it (rubric/parties.ts),
 * the files that could be that party's — made for it, or made for everyone — and that hold something of the part
 * are compared; when they differ, the one saved last (its own dcterms:modified, xlsx/savedAt.ts) is the part: the
 * others' values for it are set aside, each one named in a notice with both files, both times and both values, so
 * nothing is dropped silently. A cell the newer file left blank is set aside too: a corrected copy is the party's
 * whole answer for that unit. A unit the newer file holds nothing of keeps the older file's part: a file sent again
 * for one county does not withdraw the others. Files without a time, or saved at the same second, decide nothing: they
 * stay in conflict.
 * (docs/decisions/0017-owners-newer-files-signoffs-import.md)
 */
import { entryCellKey, type ReadUnitSheet, type ReadWorkbook } from "../layout";
import { partsOf, type PartyShare, type Rubric } from "../rubric";
import {
  cellText,
  isEmptyCell,
  type CellValue,
  type CountyAnnexEntries,
  type IssueField,
  type UnitEntries,
} from "../scoring";
import { lineOf, shownTime, type LocatedIssue, type ReturnedWorkbook } from "./located";
import { annexKey, FIELD_NAMES, LINE_FIELDS, UNIT_FIELDS, untouched, type Field } from "./merge";

export interface Supersession {
  /** The workbooks with what was set aside taken out (the same objects where nothing was). */
  readonly workbooks: ReturnedWorkbook[];
  /** One warning per value set aside (entry.replaced / annex.replaced). */
  readonly notices: LocatedIssue[];
  /** Files whose time would decide a part but is not known (no savedAt given). */
  readonly undated: string[];
}

/** One candidate for a part: which workbook, and the part's values in it by cell key. */
interface Candidate {
  readonly index: number;
  readonly values: Map<string, CellValue | undefined>;
}

type Cell = { key: string; field: Field | "annex1" | "annex2"; lineKey?: string; index?: number };

export function supersede(rubric: Rubric, workbooks: readonly ReturnedWorkbook[]): Supersession {
  const notices: LocatedIssue[] = [];
  const undated = new Set<string>();
  /** Per workbook: the unit sheet entries and 附件 cells set aside. */
  const aside = workbooks.map(() => ({ units: new Map<string, Set<string>>(), annex: new Set<string>() }));
  const mayBe = (read: ReadWorkbook, party: string) => read.party === undefined || read.party === party;

  const decide = (unit: string, part: PartyShare, cells: Cell[], candidates: Candidate[], annex: boolean) => {
    if (candidates.length < 2) return;
    const text = (c: Candidate, key: string) => cellText(c.values.get(key) ?? null);
    if (candidates.every((c) => cells.every(({ key }) => text(c, key) === text(candidates[0], key)))) return;
    const timed = candidates.map((c) => ({ c, at: workbooks[c.index].savedAt }));
    const missing = timed.filter((t) => t.at === undefined);
    if (missing.length > 0) {
      for (const t of timed) if (workbooks[t.c.index].file) undated.add(workbooks[t.c.index].file!);
      return;
    }
    timed.sort((a, b) => Date.parse(b.at!) - Date.parse(a.at!));
    if (Date.parse(timed[0].at!) === Date.parse(timed[1].at!)) return; // a tie decides nothing
    const newest = timed[0];
    const newer = workbooks[newest.c.index];
    for (const older of timed.slice(1)) {
      const old = workbooks[older.c.index];
      for (const cell of cells) {
        const before = older.c.values.get(cell.key);
        if (untouched(fieldOf(cell), before)) continue;
        const mark = annex ? aside[older.c.index].annex : setFor(aside[older.c.index].units, unit);
        mark.add(cell.key);
        const now = newest.c.values.get(cell.key);
        if (text(older.c, cell.key) === text(newest.c, cell.key)) continue;
        const what = annex
          ? `的${cell.field === "annex1" ? "附件1" : "附件2"}第 ${(cell.index ?? 0) + 1} 项`
          : `${cell.lineKey ? lineOf(cell.lineKey) : ""}${FIELD_NAMES[cell.field as Field]}`;
        const shown = untouched(fieldOf(cell), now) ? "空白" : `「${cellText(now ?? null)}」`;
        notices.push({
          code: annex ? "annex.replaced" : "entry.replaced",
          severity: "warning",
          unit,
          lineKey: cell.lineKey,
          field: cell.field as IssueField,
          ...(cell.index !== undefined ? { index: cell.index } : {}),
          message: `${unit}${what}：按“同一方较新的文件替换较早的”，采用 ${newer.file ?? "本工作簿"}（保存于 ${shownTime(newest.at!)}）中的${shown}，不再采用 ${old.file ?? "本工作簿"}（保存于 ${shownTime(older.at!)}）中的「${cellText(before ?? null)}」（${part.party}的部分）`,
          file: old.file,
          ...placeOf(old.read, unit, cell, annex),
        });
      }
    }
  };

  for (const unit of rubric.registry.all) {
    for (const part of partsOf(rubric, unit)) {
      const cells: Cell[] = [];
      for (const lineKey of part.lineKeys)
        for (const field of LINE_FIELDS) cells.push({ key: entryCellKey(lineKey, field), field, lineKey });
      if (part.adjustments) for (const field of UNIT_FIELDS) cells.push({ key: entryCellKey(undefined, field), field });
      if (cells.length > 0) {
        const candidates: Candidate[] = [];
        workbooks.forEach(({ read }, index) => {
          const sheet = read.units.find((u) => u.entries.unit === unit.name);
          if (!sheet || !mayBe(read, part.party)) return;
          const values = new Map(cells.map((c) => [c.key, valueIn(sheet.entries, c)] as const));
          if (cells.some((c) => !untouched(fieldOf(c), values.get(c.key)))) candidates.push({ index, values });
        });
        decide(unit.name, part, cells, candidates, false);
      }
      const annexCells: Cell[] = (["annex1", "annex2"] as const).flatMap((which) =>
        part[which].map((index) => ({ key: annexKey(unit.name, which, index), field: which, index })),
      );
      if (annexCells.length > 0) {
        const candidates: Candidate[] = [];
        workbooks.forEach(({ read }, index) => {
          const row = read.annexes.find((a) => a.unit === unit.name);
          if (!row || !mayBe(read, part.party)) return;
          const values = new Map(annexCells.map((c) => [c.key, row[c.field as "annex1"][c.index!]] as const));
          if ([...values.values()].some((v) => !isEmptyCell(v))) candidates.push({ index, values });
        });
        decide(unit.name, part, annexCells, candidates, true);
      }
    }
  }
  return { workbooks: workbooks.map((wb, i) => setAside(wb, aside[i])), notices, undated: [...undated].sort() };
}

const fieldOf = (cell: Cell): Field => (cell.field === "annex1" || cell.field === "annex2" ? "deduction" : cell.field);

function setFor(map: Map<string, Set<string>>, unit: string): Set<string> {
  let set = map.get(unit);
  if (!set) map.set(unit, (set = new Set()));
  return set;
}

function valueIn(entries: UnitEntries, cell: Cell): CellValue | undefined {
  const field = cell.field as Field;
  if (cell.lineKey) return entries.lines[cell.lineKey]?.[field as (typeof LINE_FIELDS)[number]];
  return entries[field as (typeof UNIT_FIELDS)[number]];
}

function placeOf(read: ReadWorkbook, unit: string, cell: Cell, annex: boolean): { sheet?: string; cell?: string } {
  if (annex) return { sheet: read.annexSheets[cell.field as "annex1"], cell: read.annexCells.get(cell.key) };
  const sheet = read.units.find((u) => u.entries.unit === unit);
  return { sheet: sheet?.sheet, cell: sheet?.cells.get(cell.key) };
}

/** A workbook without what was set aside: those entries blank, as if never typed. */
function setAside(
  wb: ReturnedWorkbook,
  aside: { units: Map<string, Set<string>>; annex: Set<string> },
): ReturnedWorkbook {
  if (aside.units.size === 0 && aside.annex.size === 0) return wb;
  const units = wb.read.units.map((sheet): ReadUnitSheet => {
    const keys = aside.units.get(sheet.entries.unit);
    if (!keys) return sheet;
    const entries: UnitEntries = { ...sheet.entries, lines: {} };
    for (const [lineKey, line] of Object.entries(sheet.entries.lines)) {
      const copy = { ...line };
      for (const field of LINE_FIELDS) if (keys.has(entryCellKey(lineKey, field))) delete copy[field];
      entries.lines[lineKey] = copy;
    }
    for (const field of UNIT_FIELDS) if (keys.has(entryCellKey(undefined, field))) delete entries[field];
    return { ...sheet, entries };
  });
  const annexes = wb.read.annexes.map((a): CountyAnnexEntries => ({
    unit: a.unit,
    annex1: a.annex1.map((v, i) => (aside.annex.has(annexKey(a.unit, "annex1", i)) ? null : v)),
    annex2: a.annex2.map((v, i) => (aside.annex.has(annexKey(a.unit, "annex2", i)) ? null : v)),
  }));
  return { ...wb, read: { ...wb.read, units, annexes } };
}
