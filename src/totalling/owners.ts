/**
 * Who owns each input cell (rubric/parties.ts): a unit's lines belong to 考核组 or 市安委办, its 加分/减分/一票否优 to
 * 考核组, each 附件2 column to its department and 附件1 to the 专班. A workbook made for one party (ReadWorkbook.party)
 * that holds a value in another party's cell gets a warning (entry.unowned / annex.unowned) naming the file, the
 * cell, the value and the owner. The value still counts like any other: if the owner's own file says something else,
 * that is a conflict a person settles (docs/decisions/0017-owners-newer-files-signoffs-import.md).
 */
import { entryCellKey } from "../layout";
import { annex2Parties, ANNEX1_TASK_FORCE, lineParty, TEAM, type Rubric } from "../rubric";
import { cellText, type CellValue, type IssueField } from "../scoring";
import { annexKey, FIELD_NAMES, LINE_FIELDS, UNIT_FIELDS, untouched, type Field } from "./merge";
import { lineOf, type LocatedIssue, type ReturnedWorkbook } from "./located";

/** The party that owns a unit's line (undefined for a key the rules do not know: the core reports that). */
export function lineOwners(rubric: Rubric, unitName: string): ReadonlyMap<string, string> {
  const unit = rubric.findUnit(unitName);
  return new Map(unit ? rubric.linesFor(unit).map((l) => [l.key, lineParty(l)] as const) : []);
}

/** The party that owns a 附件 column. */
export function annexOwner(rubric: Rubric, which: "annex1" | "annex2", index: number): string | undefined {
  if (which === "annex1") return ANNEX1_TASK_FORCE;
  return annex2Parties(rubric).find((p) => p.columns.includes(index))?.party;
}

export function unownedEntries(rubric: Rubric, workbooks: readonly ReturnedWorkbook[]): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const { file, read } of workbooks) {
    const party = read.party;
    if (!party) continue;
    const name = file ?? "本工作簿";
    const warn = (
      code: string,
      unit: string,
      what: string,
      value: CellValue | undefined,
      owner: string,
      at: { sheet?: string; cell?: string },
      detail: { lineKey?: string; field: IssueField; index?: number },
    ) =>
      out.push({
        code,
        severity: "warning",
        unit,
        ...detail,
        message: `${name} 是为「${party}」制作的工作簿，其中${unit}${what}（${at.sheet ?? ""}${at.cell ? `!${at.cell}` : ""}）填了「${cellText(value)}」，这一项由「${owner}」负责打分；该值仍计入汇总，请与${owner}核对`,
        file,
        sheet: at.sheet,
        cell: at.cell,
      });
    for (const sheet of read.units) {
      const { unit } = sheet.entries;
      const owners = lineOwners(rubric, unit);
      const check = (lineKey: string | undefined, field: Field, value: CellValue | undefined, owner: string) => {
        if (owner === party || untouched(field, value)) return;
        const what = `${lineKey ? lineOf(lineKey) : ""}的${FIELD_NAMES[field]}`;
        const at = { sheet: sheet.sheet, cell: sheet.cells.get(entryCellKey(lineKey, field)) };
        warn("entry.unowned", unit, what, value, owner, at, { lineKey, field: field as IssueField });
      };
      for (const [lineKey, line] of Object.entries(sheet.entries.lines)) {
        const owner = owners.get(lineKey);
        if (owner) for (const field of LINE_FIELDS) check(lineKey, field, line[field], owner);
      }
      for (const field of UNIT_FIELDS) check(undefined, field, sheet.entries[field], TEAM);
    }
    for (const a of read.annexes) {
      for (const which of ["annex1", "annex2"] as const) {
        a[which].forEach((value, i) => {
          const owner = annexOwner(rubric, which, i);
          if (!owner || owner === party || untouched("deduction", value)) return;
          const at = { sheet: read.annexSheets[which], cell: read.annexCells.get(annexKey(a.unit, which, i)) };
          const what = `的${which === "annex1" ? "附件1" : "附件2"}第 ${i + 1} 项`;
          warn("annex.unowned", a.unit, what, value, owner, at, { field: which, index: i });
        });
      }
    }
  }
  return out;
}
