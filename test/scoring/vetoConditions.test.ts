/**
 * The 一票否优 conditions are counted from the rules, not fixed at the 2022 rules' five: a year with a sixth condition
 * accepts （六） everywhere (scoring, its messages, the unit sheet's drop-down hint), a year with three refuses （四）.
 */
import { loadRubric, type Rubric } from "../../src/rubric";
import { unitSheetPlan } from "../../src/layout";
import { scoreUnit } from "../../src/scoring";
import { luliang2022Copy } from "../support/rules";

function rulesWithConditions(count: number): Rubric {
  const json = luliang2022Copy();
  const five: string[] = json.vetoConditions;
  json.vetoConditions = Array.from({ length: count }, (_, i) => five[i] ?? `（${"一二三四五六七"[i]}）另一种情形`);
  return loadRubric(json);
}

const vetoHint = (rubric: Rubric) => {
  const unit = rubric.findUnit("市委组织部")!;
  const { sheet } = unitSheetPlan(rubric, unit, "市委组织部");
  return sheet.validations.find((v) => v.errorTitle === "一票否优")?.errorMessage;
};

describe("rules with six 一票否优 conditions", () => {
  const six = rulesWithConditions(6);

  test("（六） is a condition, and only （七） is out of range", () => {
    const r = scoreUnit(six, { unit: "市委组织部", lines: {}, veto: "是", vetoConditions: "（二）（六）" });
    expect(r.vetoConditions).toEqual([2, 6]);
    expect(r.warnings).toEqual([]);
    const seven = scoreUnit(six, { unit: "市委组织部", lines: {}, veto: "是", vetoConditions: "（七）" });
    expect(seven.warnings.map((w) => w.message)).toEqual([
      "一票否优情形「（七）」中的「七」不存在，情形只有（一）至（六）",
      "一票否优为「是」，但未注明属于（一）至（六）中的哪种情形",
    ]);
  });

  test("the unit sheet's 一票否优 hint names （一）至（六）", () => {
    expect(vetoHint(six)).toBe("请选择「是」或「否」；为「是」时在说明栏写明属于哪一种情形（一）至（六）。");
  });
});

describe("rules with three conditions", () => {
  const three = rulesWithConditions(3);

  test("（四） is out of range", () => {
    const r = scoreUnit(three, { unit: "市委组织部", lines: {}, veto: "是", vetoConditions: "（一）（四）" });
    expect(r.vetoConditions).toEqual([1]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      "一票否优情形「（一）（四）」中的「四」不存在，情形只有（一）至（三）",
    ]);
    expect(vetoHint(three)).toBe("请选择「是」或「否」；为「是」时在说明栏写明属于哪一种情形（一）至（三）。");
  });
});
