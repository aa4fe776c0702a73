/**
 * What changes a unit's score after its lines: 加分 (capped by the rules), 减分 (no cap), and 一票否优 with the
 * conditions it names, counted from the rules.
 */
import { formatHundredths as fmt, type Hundredths, type Rubric, type Unit } from "../rubric";
import { isEmptyCell, type CellValue, type UnitEntries } from "./entries";
import type { IssueList } from "./issues";
import { amountMessage, quoted, vetoConditionRange } from "./messages";
import { parseAmount, parseVetoConditions, parseYesNo } from "./parse";

export interface Adjustments {
  /** The bonus as entered (0 if empty or not a number). */
  bonusEntered: Hundredths;
  /** The bonus counted: min(bonusEntered, cap). */
  bonus: Hundredths;
  penalty: Hundredths;
  /** Both the bonus and the penalty could be read (else the unit has no final score). */
  readable: boolean;
}

/** Reads the bonus or the penalty; null when it cannot be read (an error is reported). */
function readAdjustment(
  field: "bonus" | "penalty",
  value: CellValue | undefined,
  issues: IssueList,
): Hundredths | null {
  const parsed = parseAmount(value);
  if (parsed.ok) return parsed.value ?? 0;
  const what = field === "bonus" ? "加分" : "减分";
  issues.add(`${field}.${parsed.reason}`, field, amountMessage(what, value, parsed, "不小于 0 "), {
    ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
  });
  return null;
}

export function scoreAdjustments(rubric: Rubric, unit: Unit, entries: UnitEntries, issues: IssueList): Adjustments {
  const bonusRead = readAdjustment("bonus", entries.bonus, issues);
  const penaltyRead = readAdjustment("penalty", entries.penalty, issues);
  const bonusEntered = bonusRead ?? 0;
  const cap = rubric.bonusCap(unit.kind);
  const bonus = cap === null ? bonusEntered : Math.min(bonusEntered, cap);
  if (bonus < bonusEntered) {
    issues.add("bonus.capped", "bonus", `加分 ${fmt(bonusEntered)} 超过上限 ${fmt(cap ?? 0)}，按 ${fmt(bonus)} 计`);
  }
  return { bonusEntered, bonus, penalty: penaltyRead ?? 0, readable: bonusRead !== null && penaltyRead !== null };
}

/** 一票否优 and the conditions named (only those the rules have), with what is wrong about them. */
export function scoreVeto(
  rubric: Rubric,
  entries: UnitEntries,
  issues: IssueList,
): { veto: boolean; conditions: number[] } {
  const vetoRead = parseYesNo(entries.veto, false);
  if (vetoRead === undefined) {
    issues.add("veto.invalid", "veto", `一票否优填写为${quoted(entries.veto)}，只能填「是」或「否」（空白按「否」）`);
  }
  const veto = vetoRead === true;
  const count = rubric.rules.vetoConditions.length;
  const parsed = parseVetoConditions(entries.vetoConditions, count);
  const range = vetoConditionRange(count);
  if (parsed.outOfRange.length > 0) {
    issues.add(
      "vetoConditions.outOfRange",
      "vetoConditions",
      `一票否优情形${quoted(entries.vetoConditions)}中的「${parsed.outOfRange.join("、")}」不存在，情形只有${range}`,
    );
  }
  if (parsed.unrecognized !== "") {
    issues.add(
      "vetoConditions.unrecognized",
      "vetoConditions",
      `一票否优情形${quoted(entries.vetoConditions)}中的「${parsed.unrecognized}」无法识别，请填写情形序号，如「（一）（三）」`,
    );
  }
  if (veto && parsed.conditions.length === 0) {
    issues.add("veto.noConditions", "veto", `一票否优为「是」，但未注明属于${range}中的哪种情形`);
  }
  if (!veto && vetoRead !== undefined && !isEmptyCell(entries.vetoConditions)) {
    issues.add(
      "vetoConditions.withoutVeto",
      "vetoConditions",
      `填写了一票否优情形${quoted(entries.vetoConditions)}，但一票否优不是「是」，未按一票否优处理`,
    );
  }
  return { veto, conditions: parsed.conditions };
}
