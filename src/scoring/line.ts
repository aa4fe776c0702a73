/**
 * One scoring line: score = points − deduction; a 不参与 line scores 0 and, with a written reason, leaves the
 * denominator (the source's 成绩计算说明).
 */
import { formatHundredths as fmt, type Hundredths, type ScoringLine } from "../rubric";
import { cellText, isEmptyCell, type LineEntry } from "./entries";
import type { IssueList } from "./issues";
import { amountMessage, lineName, quoted } from "./messages";
import { parseAmount, parseYesNo } from "./parse";
import type { LineResult } from "./results";

export function scoreLine(line: ScoringLine, entry: LineEntry | undefined, issues: IssueList): LineResult {
  const name = lineName(line);
  const key = line.key;
  const reasonText = isEmptyCell(entry?.exemptionReason) ? "" : cellText(entry?.exemptionReason);
  const findings = isEmptyCell(entry?.findings) ? "" : cellText(entry?.findings);
  // Results are built as whole literals (no spread of a shared base): this runs for every line of every unit, and
  // V8's object spread was most of the scoring time.
  const result = (
    deduction: Hundredths,
    score: Hundredths,
    participates: boolean,
    exempted: boolean,
    hasError: boolean,
  ): LineResult => ({
    key,
    label: line.label,
    maxPoints: line.maxPoints,
    deduction,
    score,
    participates,
    exempted,
    exemptionReason: reasonText,
    findings,
    hasError,
  });

  const participatesCell = entry?.participates;
  let participates = parseYesNo(participatesCell, true);
  let hasError = false;
  if (participates === undefined) {
    hasError = true;
    issues.add(
      "participates.invalid",
      "participates",
      `${name}「是否参与打分」填写为${quoted(participatesCell)}，只能填「是」或「否」（空白按「是」）`,
      { lineKey: key },
    );
    participates = true; // scored as participating, but the unit is 待更正 until this is fixed
  }

  const deductionCell = entry?.deduction;
  const range = `0 至 ${fmt(line.maxPoints)} 之间`;
  if (!participates) {
    const parsed = parseAmount(deductionCell);
    if (!isEmptyCell(deductionCell) && !(parsed.ok && parsed.value === 0)) {
      issues.add("deduction.ignored", "deduction", `${name}不参与打分，填写的扣分${quoted(deductionCell)}不计`, {
        lineKey: key,
      });
    }
    const exempted = reasonText !== "";
    if (!exempted) {
      issues.add(
        "exemptionReason.missing",
        "exemptionReason",
        `${name}标为不参与打分但没有不参与说明：未提供书面说明的不得分，该项得 0 分，分值 ${fmt(line.maxPoints)} 仍计入实际涉及项目总分`,
        { lineKey: key },
      );
    }
    return result(0, 0, false, exempted, hasError);
  }

  if (reasonText !== "") {
    issues.add(
      "exemptionReason.unused",
      "exemptionReason",
      `${name}填写了不参与说明，但「是否参与打分」不是「否」，该项仍参与打分`,
      { lineKey: key },
    );
  }
  const parsed = parseAmount(deductionCell);
  let deduction = 0;
  if (!parsed.ok) {
    hasError = true;
    const code = `deduction.${parsed.reason}` as const;
    issues.add(code, "deduction", amountMessage(`${name}扣分`, deductionCell, parsed, range), {
      lineKey: key,
      ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
    });
  } else if (parsed.value !== null) {
    deduction = parsed.value;
    if (deduction > line.maxPoints) {
      hasError = true;
      issues.add(
        "deduction.exceedsPoints",
        "deduction",
        `${name}扣分 ${fmt(deduction)} 超过该项分值 ${fmt(line.maxPoints)}`,
        {
          lineKey: key,
        },
      );
    }
  }
  const score = Math.max(0, line.maxPoints - deduction);
  return result(deduction, score, true, false, hasError);
}
