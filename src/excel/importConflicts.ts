/**
 * The cells an import left alone because two values met (importMerge.ts) stay in view: the pane remembers them with
 * the value the open workbook kept, and 校验并汇总 shows each as a conflict — in the issue list and in 各方交回情况,
 * at the open workbook's cell — for as long as that cell still holds what it held at the import. Once a person has
 * changed it, it is taken as settled. A warning, not an error: the workbook holds one value and its figures stand.
 */
import { entryCellKey, type ReadWorkbook } from "../layout";
import { cellText, type CellValue } from "../scoring";
import { annexKey, type LocatedIssue } from "../totalling";
import type { Session } from "./session";

interface Pending {
  readonly issue: LocatedIssue;
  /** What the open workbook's cell held at the import. */
  readonly kept: string;
}

const pending = new WeakMap<Session, Pending[]>();

const isAnnex = (i: LocatedIssue): i is LocatedIssue & { field: "annex1" | "annex2" } =>
  i.field === "annex1" || i.field === "annex2";

/** The open workbook's value and cell for a conflict's entry. */
function inOpen(read: ReadWorkbook, i: LocatedIssue): { value: CellValue | undefined; sheet?: string; cell?: string } {
  if (isAnnex(i)) {
    const row = read.annexes.find((a) => a.unit === i.unit);
    const key = annexKey(i.unit, i.field, i.index ?? 0);
    return { value: row?.[i.field][i.index ?? 0], sheet: read.annexSheets[i.field], cell: read.annexCells.get(key) };
  }
  const sheet = read.units.find((u) => u.entries.unit === i.unit);
  if (!sheet) return { value: undefined };
  const field = i.field as keyof typeof sheet.entries;
  const value = i.lineKey
    ? (sheet.entries.lines[i.lineKey] as Record<string, CellValue> | undefined)?.[i.field]
    : (sheet.entries[field] as CellValue | undefined);
  return { value, sheet: sheet.sheet, cell: sheet.cells.get(entryCellKey(i.lineKey, i.field)) };
}

/**
 * After an import: its conflicts, placed at the open workbook's cells, with what those hold now — for a sheet that
 * came in with the import, what the file it came from holds (`sheetFrom`).
 */
export function rememberConflicts(
  session: Session,
  open: ReadWorkbook,
  conflicts: readonly LocatedIssue[],
  sheetFrom: (c: LocatedIssue) => ReadWorkbook | undefined,
) {
  pending.set(
    session,
    conflicts.map((c) => {
      const there = inOpen(open, c);
      const at = there.sheet ? there : inOpen(sheetFrom(c) ?? open, c);
      return {
        kept: cellText(at.value ?? null),
        issue: {
          ...c,
          severity: "warning",
          file: undefined,
          sheet: at.sheet ?? c.sheet,
          cell: at.cell ?? c.cell,
          message: `${c.message}（导入时未写入，本工作簿中仍为「${cellText(at.value ?? null)}」；核对后修改该单元格，此提示即消失）`,
        },
      };
    }),
  );
}

/** The remembered conflicts whose cell still holds what it held at the import. */
export function standingConflicts(session: Session, read: ReadWorkbook): LocatedIssue[] {
  const still = (pending.get(session) ?? []).filter((p) => cellText(inOpen(read, p.issue).value ?? null) === p.kept);
  pending.set(session, still);
  return still.map((p) => p.issue);
}
