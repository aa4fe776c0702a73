/** How scoring messages name things: a line, a typed value, an amount that could not be read, the veto conditions. */
import type { ScoringLine } from "../rubric";
import { cellText, type CellValue } from "./entries";
import type { ParsedAmount } from "./parse";

/** How a line is named in messages: "第13.3项" (counties), "共性第5项", "单独第69项" (member units). */
export function lineName(line: Pick<ScoringLine, "part" | "label">): string {
  const prefix = line.part === "common" ? "共性" : line.part === "individual" ? "单独" : "";
  return `${prefix}第${line.label}项`;
}

/** A value as typed, in corner brackets: 「０．５」. */
export const quoted = (value: CellValue | undefined) => `「${cellText(value)}」`;

/** Why an amount could not be read, in words. `what` names the cell ("第5项扣分", "加分"); `range` the allowed span. */
export function amountMessage(
  what: string,
  value: CellValue | undefined,
  parsed: Extract<ParsedAmount, { ok: false }>,
  range: string,
): string {
  switch (parsed.reason) {
    case "notNumber":
      return parsed.suggestion !== undefined
        ? `${what}${quoted(value)}不是数字，请改为半角数字 ${parsed.suggestion}`
        : `${what}${quoted(value)}不是数字，请填写${range}的数字`;
    case "negative":
      return `${what}${quoted(value)}是负数，请填写${range}的数字`;
    case "tooPrecise":
      return `${what}${quoted(value)}超过两位小数，最多填写两位小数`;
  }
}

/** The span of the rules' 一票否优 conditions as 附件 number them: "（一）至（五）" for five. */
export function vetoConditionRange(count: number): string {
  return `（一）至（${"一二三四五六七八九十"[count - 1] ?? count}）`;
}
