/**
 * Progress at a glance: for every assessed unit, each party's part (rubric/parties.ts) and whether it is in — some
 * cell of it filled, with the files it came from — complete (in, and signed off 已完成 = 是 by its 考核人员), missing,
 * or in conflict (two files disagree on one of its cells).
 */
import { entryCellKey } from "../layout";
import { partsOf, type PartyShare, type Rubric, type UnitKind } from "../rubric";
import { isEmptyCell, type CountyAnnexEntries, type LineEntry } from "../scoring";
import type { LocatedIssue, ReturnedWorkbook } from "./located";
import { annexKey, LINE_FIELDS, UNIT_FIELDS, untouched, type MergedUnit, type SheetSource } from "./merge";
import { signoffIndex, signoffOf, type PartSignedOff } from "./signoffs";

export type PartStatus = "received" | "complete" | "missing" | "conflict";

export const PART_STATUS_TEXT: Record<PartStatus, string> = {
  received: "已交",
  complete: "已完成",
  missing: "未交",
  conflict: "有冲突",
};

/** What totalling merged, as progress reads it. */
export interface MergedParts {
  readonly merged: ReadonlyMap<string, MergedUnit>;
  readonly annexSource: ReadonlyMap<string, ReturnedWorkbook>;
  readonly annexes: readonly CountyAnnexEntries[];
  readonly workbooks: readonly ReturnedWorkbook[];
}

export interface PartProgress {
  readonly party: string;
  readonly status: PartStatus;
  /** The files its entries came from (none in the add-in, where everything is one workbook). */
  readonly files: readonly string[];
  /** Where to look: the conflicting cell, else the part's first input cell (in its first file). */
  readonly sheet?: string;
  readonly cell?: string;
  /** The part's sign-off, where one was filled in: 考核人员, 已完成 and its date, and where it is. */
  readonly signoff?: PartSignedOff;
}

export interface UnitProgress {
  readonly unit: string;
  readonly kind: UnitKind;
  readonly parts: readonly PartProgress[];
}

export function progressOf(rubric: Rubric, parts: MergedParts, issues: readonly LocatedIssue[]): UnitProgress[] {
  const { merged, annexSource, annexes, workbooks } = parts;
  const conflicts = issues.filter((i) => i.code === "entry.conflict" || i.code === "annex.conflict");
  const signoffs = signoffIndex(workbooks);
  return rubric.registry.all.map((unit) => {
    const m = merged.get(unit.name);
    const parts = partsOf(rubric, unit).map((part): PartProgress => {
      const files = new Set<string>();
      let filled = false;
      const found = (source: { file?: string } | undefined) => {
        filled = true;
        if (source?.file) files.add(source.file);
      };
      if (m) {
        const sourceOf = (key: string): SheetSource | undefined => m.from.get(key) ?? m.sources[0];
        for (const key of part.lineKeys) {
          const line: LineEntry | undefined = m.entries.lines[key];
          for (const field of LINE_FIELDS)
            if (line && !untouched(field, line[field])) found(sourceOf(entryCellKey(key, field)));
        }
        if (part.adjustments)
          for (const field of UNIT_FIELDS)
            if (!untouched(field, m.entries[field])) found(sourceOf(entryCellKey(undefined, field)));
      }
      const annex = annexes.find((a) => a.unit === unit.name);
      for (const which of ["annex1", "annex2"] as const)
        for (const i of part[which])
          if (annex && !isEmptyCell(annex[which][i])) {
            found(annexSource.get(annexKey(unit.name, which, i)) ?? annexSource.get(annexKey(unit.name, which, -1)));
          }
      const conflict = conflicts.find((c) => c.unit === unit.name && concerns(part, c));
      const signoff = signoffOf(signoffs, unit.name, part, files);
      const status: PartStatus = conflict
        ? "conflict"
        : filled && signoff?.complete
          ? "complete"
          : filled
            ? "received"
            : "missing";
      return {
        party: part.party,
        status,
        files: [...files].sort(),
        ...(conflict ? { sheet: conflict.sheet, cell: conflict.cell } : firstCell(part, unit.name, m, annexSource)),
        ...(signoff ? { signoff } : {}),
      };
    });
    return { unit: unit.name, kind: unit.kind, parts };
  });
}

/** The part's first input cell: its first line's 扣分, or its first 附件 column. */
function firstCell(
  part: PartyShare,
  unit: string,
  m: MergedUnit | undefined,
  annexSource: ReadonlyMap<string, ReturnedWorkbook>,
): { sheet?: string; cell?: string } {
  const [firstLine] = part.lineKeys;
  if (m && firstLine) {
    const sheet = m.sources[0].sheet;
    return { sheet: sheet.sheet, cell: sheet.cells.get(entryCellKey(firstLine, "deduction")) };
  }
  for (const which of ["annex1", "annex2"] as const) {
    if (part[which].length === 0) continue;
    const key = annexKey(unit, which, part[which][0]);
    const wb = annexSource.get(key) ?? annexSource.get(annexKey(unit, which, -1));
    if (wb) return { sheet: wb.read.annexSheets[which], cell: wb.read.annexCells.get(key) };
  }
  return {};
}

function concerns(part: PartyShare, issue: LocatedIssue): boolean {
  if (issue.field === "annex1" || issue.field === "annex2") return part[issue.field].includes(issue.index ?? -1);
  if (issue.lineKey) return part.lineKeys.has(issue.lineKey);
  return part.adjustments;
}
