/**
 * A returned workbook that carries other rules than the ones in use is said so, with what differs ("附件3 第13.3项
 * 分值：1 → 1.5"): by the add-in's 校验并汇总 and by `scorecard total` alike, since both total through here.
 */
import type { ReadWorkbook } from "../layout";
import type { Rubric } from "../rubric";
import { compareCarriedRules, type RulesMismatch } from "../rulesbook/source";
import type { LocatedIssue } from "./located";

/** Each distinct copy of rules is checked once per rubric: 57 returned workbooks usually carry one and the same. */
const checked = new WeakMap<Rubric, Map<string, RulesMismatch | undefined>>();

export function carriedRulesIssues(rubric: Rubric, file: string | undefined, read: ReadWorkbook): LocatedIssue[] {
  const carried = read.carriedRules;
  const name = file ?? "本工作簿";
  const cache = checked.get(rubric) ?? new Map<string, RulesMismatch | undefined>();
  checked.set(rubric, cache);
  let mismatch: RulesMismatch | undefined;
  if (carried?.text !== undefined && cache.has(carried.text)) {
    // Same copy as an earlier workbook: the same finding, in this file's name.
    const earlier = cache.get(carried.text);
    mismatch = earlier && { ...earlier, message: earlier.message.replace(/^「[^」]*」/, `「${name}」`) };
  } else {
    mismatch = compareCarriedRules(rubric.rules, carried, name);
    if (carried?.text !== undefined) cache.set(carried.text, mismatch);
  }
  if (!mismatch) return [];
  // unit "": the whole workbook is concerned, no unit is held back for it (its sheets say so themselves).
  return [
    {
      code: mismatch.code,
      severity: mismatch.severity,
      unit: "",
      field: "unit",
      message: mismatch.message,
      // No sheet: the copy of the rules is very hidden, there is nothing to select.
      file,
    },
  ];
}
