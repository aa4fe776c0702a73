/** Unit sheets filled in as an assessor would, written to .xlsx and recomputed by LibreOffice. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fillUnitSheet, planToGrid, readWorkbook, withEntries, type GridCell, type SheetPlan } from "../../src/layout";
import type { Rubric } from "../../src/rubric";
import { planToXlsx } from "../../src/xlsx";
import { recalculateToCsv } from "./libreoffice";

/** The unit sheets of a plan with entries typed in (sheet name → address → value). */
export function filledSheets(
  rubric: Rubric,
  unitSheets: readonly SheetPlan[],
  entries: Record<string, Record<string, GridCell>>,
): SheetPlan[] {
  return unitSheets.map((sheet) => {
    const grid = withEntries(planToGrid(sheet), entries[sheet.name] ?? {});
    return fillUnitSheet(rubric, sheet, readWorkbook(rubric, [grid]).units[0], grid);
  });
}

/** The sheets written as one workbook and recomputed by LibreOffice: every sheet as rows of cell texts. */
export async function recalculated(rubric: Rubric, sheets: SheetPlan[]): Promise<Record<string, string[][]>> {
  const path = join(mkdtempSync(join(tmpdir(), "scorecard-lo-")), "book.xlsx");
  writeFileSync(path, await planToXlsx({ rulesId: rubric.id, rulesVersion: rubric.version, sheets }));
  return recalculateToCsv(path);
}
