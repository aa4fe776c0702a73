/**
 * A 附件1 or 附件2 sheet → each county's row of entries, found below the header row, with their cells; gives the
 * header row (undefined when it is not found), under which the sign-offs are looked for.
 */
import type { Rubric } from "../rubric";
import type { CountyAnnexEntries } from "../scoring";
import { cellRef } from "./a1";
import { ANNEX_KEY_COLUMNS, annex1Header, annex2Header } from "./annexSheets";
import type { GridSheet } from "./grid";
import { cellTextOf, entryValue } from "./readCells";
import type { SheetProblem } from "./readTypes";
import { findHeaderRows } from "./sheetChecks";

export function readAnnex(
  rubric: Rubric,
  sheet: GridSheet,
  which: "annex1" | "annex2",
  annex: Map<string, CountyAnnexEntries>,
  cells: Map<string, string>,
  problems: SheetProblem[],
): number | undefined {
  const titles = which === "annex1" ? annex1Header(rubric) : annex2Header(rubric);
  const header = findHeaderRows(sheet, [...ANNEX_KEY_COLUMNS, ...titles], 1)[0];
  if (header === undefined) {
    problems.push({
      sheet: sheet.name,
      code: "sheet.annexHeader",
      severity: "error",
      message: `工作表「${sheet.name}」的表头被改动，无法读取${which === "annex1" ? "附件1" : "附件2"}`,
    });
    return undefined;
  }
  for (let r = header + 1; r <= sheet.cells.length; r++) {
    const row = sheet.cells[r - 1] ?? [];
    const name = cellTextOf(row[1]);
    if (name === "") break;
    const unit = rubric.findUnit(name);
    if (!unit || unit.kind !== "county") {
      problems.push({
        sheet: sheet.name,
        code: "annex.unknownCounty",
        severity: "error",
        cell: cellRef(r, 2),
        message: `工作表「${sheet.name}」第 ${r} 行的「${name}」不是县（市、区）`,
      });
      continue;
    }
    const entry = annex.get(unit.name) ?? { unit: unit.name, annex1: [], annex2: [] };
    annex.set(unit.name, entry);
    entry[which] = titles.map((_, i) => entryValue(row[2 + i]));
    titles.forEach((_, i) => cells.set(`${unit.name}|${which}#${i}`, cellRef(r, 3 + i)));
  }
  return header;
}
