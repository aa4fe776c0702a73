/**
 * A party's workbook: the sheets one party scores, only its cells open for input, every sheet's marker naming it
 * (F1). Who owns what comes from the rules (rubric/parties.ts: a line's scoredBy, a 附件2 column's department), so
 * a rules file that moves a line to 市安委办 moves it here too:
 * - 考核组: the chosen units' sheets, its lines, 加分/减分/一票否优 and its sign-off open;
 * - 市安委办: every unit sheet with a line it scores, only those lines and its sign-off open, and its 附件2 column;
 * - a 附件2 department: 附件2, all counties, only its column(s) open;
 * - 两个行动专班: 附件1.
 * No 汇总: a part alone grades nothing; totalling the returned parts makes it (docs/decisions).
 */
import type { Rubric, Unit } from "../rubric";
import { allParties, partsOf, type PartyShare } from "../rubric/parties";
import { embeddedRulesSheet } from "../rulesbook/embed";
import { annexSheetPlan } from "./annexSheets";
import { safeSheetName } from "./names";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { SUMMARY_SHEET_NAME } from "./summarySheet";
import { unitSheetPlan } from "./unitSheet";

export interface PartyChoice {
  /** A party of the rules, as allParties names it: 考核组, 市安委办, 两个行动专班, 市住建局… */
  readonly party: string;
  /** The units to make sheets for; every unit the party has a share in when left out. */
  readonly units?: readonly Unit[];
}

/** The party's share of a unit, when it has one (a line, the adjustments, a 附件 column). */
export function shareOf(rubric: Rubric, unit: Unit, party: string): PartyShare | undefined {
  const share = partsOf(rubric, unit).find((p) => p.party === party);
  if (!share) return undefined;
  const some = share.lineKeys.size > 0 || share.adjustments || share.annex1.length > 0 || share.annex2.length > 0;
  return some ? share : undefined;
}

/** Every unit the party has a share in, in the rules' order. */
export const unitsOfParty = (rubric: Rubric, party: string): Unit[] =>
  rubric.registry.all.filter((u) => shareOf(rubric, u, party) !== undefined);

/** The party's name as the rules have it, for a name typed with or without the 市 (应急局 → 市应急局). */
export function findParty(rubric: Rubric, name: string): string | undefined {
  const word = name.trim();
  const parties = allParties(rubric);
  return parties.find((p) => p === word) ?? parties.find((p) => p === `市${word}`);
}

/** Why a choice cannot be made into a workbook (zh-CN), or undefined when it can. */
export function partyChoiceProblem(rubric: Rubric, choice: PartyChoice): string | undefined {
  if (!allParties(rubric).includes(choice.party)) return `考核规则中没有打分单位「${choice.party}」`;
  const outside = (choice.units ?? []).filter((u) => shareOf(rubric, u, choice.party) === undefined);
  if (outside.length > 0) return `${outside.map((u) => u.name).join("、")} 不在「${choice.party}」的打分范围内`;
  if (choice.units && choice.units.length === 0) return "没有选择任何单位";
  return undefined;
}

export function partyWorkbookPlan(rubric: Rubric, choice: PartyChoice): WorkbookPlan {
  const problem = partyChoiceProblem(rubric, choice);
  if (problem) throw new Error(problem);
  const { party } = choice;
  const units = [...new Set(choice.units ?? unitsOfParty(rubric, party))].sort((a, b) => a.order - b.order);
  const shares = units.map((unit) => ({ unit, share: shareOf(rubric, unit, party)! }));
  const annexCounties = (which: "annex1" | "annex2") =>
    shares.filter(({ share }) => share[which].length > 0).map(({ unit }) => unit);
  const sheets: SheetPlan[] = [];
  for (const which of ["annex1", "annex2"] as const) {
    const counties = annexCounties(which);
    if (counties.length > 0) sheets.push(annexSheetPlan(rubric, which, counties, party));
  }
  const taken = new Set<string>(["附件1", "附件2", SUMMARY_SHEET_NAME, "变更记录"]);
  for (const { unit, share } of shares) {
    if (share.lineKeys.size === 0 && !share.adjustments) continue;
    const name = safeSheetName(unit.name, taken);
    taken.add(name);
    sheets.push(unitSheetPlan(rubric, unit, name, party).sheet);
  }
  sheets.push(embeddedRulesSheet(rubric.rules));
  return { rulesId: rubric.id, rulesVersion: rubric.version, sheets };
}
