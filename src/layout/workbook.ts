/** The whole workbook: 附件1, 附件2, one sheet per chosen unit (in the rules' order), 汇总. */
import type { Rubric, Unit } from "../rubric";
import { embeddedRulesSheet } from "../rulesbook/embed";
import { ANNEX_HEADER_ROW, annexSheetPlan } from "./annexSheets";
import { safeSheetName } from "./names";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { summarySheetPlan, SUMMARY_SHEET_NAME, type SummaryUnit } from "./summarySheet";
import { unitSheetPlan } from "./unitSheet";

export interface BuiltWorkbook {
  readonly plan: WorkbookPlan;
  readonly units: readonly SummaryUnit[];
}

export function buildWorkbookPlan(rubric: Rubric, chosen: readonly Unit[]): BuiltWorkbook {
  const units = [...new Set(chosen)].sort((a, b) => a.order - b.order);
  const counties = units.filter((u) => u.kind === "county");
  const taken = new Set<string>(["附件1", "附件2", SUMMARY_SHEET_NAME, "变更记录"]);
  const sheets: SheetPlan[] = [];
  if (counties.length > 0) {
    sheets.push(annexSheetPlan(rubric, "annex1", counties), annexSheetPlan(rubric, "annex2", counties));
  }
  const built: SummaryUnit[] = [];
  for (const unit of units) {
    const name = safeSheetName(unit.name, taken);
    taken.add(name);
    const { sheet, map } = unitSheetPlan(rubric, unit, name);
    sheets.push(sheet);
    built.push({ unit, sheetName: name, map });
  }
  const annexRow = (u: Unit) => {
    const i = counties.indexOf(u);
    return i < 0 ? undefined : ANNEX_HEADER_ROW + 1 + i;
  };
  sheets.push(summarySheetPlan(rubric, built, { annex1Row: annexRow, annex2Row: annexRow }));
  // The rules the workbook is made from travel with it, for the pane reopening it and for `scorecard total`.
  sheets.push(embeddedRulesSheet(rubric.rules));
  return { plan: { rulesId: rubric.id, rulesVersion: rubric.version, sheets }, units: built };
}

/**
 * Units from a command-line or task-pane choice: "all", "counties", "members", or names and aliases separated by
 * commas (交城,市交通运输局). Unknown names are returned apart so the caller can say which.
 */
export function chooseUnits(rubric: Rubric, choice: string): { units: Unit[]; unknown: string[] } {
  const reg = rubric.registry;
  const words = choice.split(/[,，、;；\s]+/).filter(Boolean);
  const units: Unit[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    if (word === "all") units.push(...reg.all);
    else if (word === "counties") units.push(...reg.counties);
    else if (word === "members") units.push(...reg.members);
    else {
      const u = rubric.findUnit(word);
      if (u) units.push(u);
      else unknown.push(word);
    }
  }
  return { units: [...new Set(units)].sort((a, b) => a.order - b.order), unknown };
}
