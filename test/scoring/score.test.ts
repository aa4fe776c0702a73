/**
 * Worked examples from the real 2022 rules. Every expected figure is computed by hand from the rules (the line
 * points are those of src/rubric/data/luliang-2022), never by calling the code under test.
 */
import { formatHundredths, type Rubric } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { scoreAll, scoreUnit, type LineEntry, type UnitEntries, type UnitResult } from "../../src/scoring";

const rubric: Rubric = luliang2022;
const unitEntries = (
  unit: string,
  lines: Record<string, LineEntry> = {},
  rest: Partial<UnitEntries> = {},
): UnitEntries => ({
  unit,
  lines,
  ...rest,
});
const score = (unit: string, lines: Record<string, LineEntry> = {}, rest: Partial<UnitEntries> = {}) =>
  scoreUnit(rubric, unitEntries(unit, lines, rest));
const line = (r: UnitResult, key: string) => {
  const found = r.lines.find((l) => l.key === key);
  if (!found) throw new Error(`${r.unit} has no line ${key}`);
  return found;
};
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const fmt = (v: number | null) => (v === null ? null : formatHundredths(v));

describe("a county: 石楼县 (73 lines, 92.00: no item 12, 13.1, 13.4, 13.5, 14.3, 29.4, 29.6; 13.3 only its 0.3 part)", () => {
  test("nothing entered: full marks", () => {
    const r = score("石楼县");
    expect(r.kind).toBe("county");
    expect(r.lines).toHaveLength(73);
    expect(fmt(r.applicableTotal)).toBe("92.00");
    expect(fmt(r.itemsScore)).toBe("92.00");
    expect(fmt(r.normalized)).toBe("100.00");
    expect(fmt(r.finalScore)).toBe("100.00");
    expect(r.grade).toBe("优秀");
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rank).toBeNull(); // ranks come from scoreAll
  });

  test("不参与 with a reason: the line leaves the denominator", () => {
    const r = score("石楼县", {
      "county:1": { deduction: 0.5, findings: "学习记录不全" },
      "county:13.3": { participates: "否", exemptionReason: "本县无内设化工园区的开发区" },
    });
    // applicableTotal = 92.00 − 0.30 (13.3) = 91.70; itemsScore = 91.70 − 0.50 = 91.20
    // normalized = 91.20 / 91.70 × 100 = 99.4547… → 99.45
    expect(fmt(r.applicableTotal)).toBe("91.70");
    expect(fmt(r.itemsScore)).toBe("91.20");
    expect(fmt(r.normalized)).toBe("99.45");
    expect(r.grade).toBe("优秀");
    expect(line(r, "county:13.3")).toMatchObject({ participates: false, exempted: true, score: 0, deduction: 0 });
    expect(line(r, "county:13.3").exemptionReason).toBe("本县无内设化工园区的开发区");
    expect(line(r, "county:1")).toMatchObject({ score: 150, deduction: 50, findings: "学习记录不全" });
    expect(r.warnings).toEqual([]);
  });

  test("不参与 without a reason: scores 0 and stays in the denominator, with a warning", () => {
    const r = score("石楼县", {
      "county:1": { deduction: 0.5 },
      "county:13.3": { participates: "否" },
    });
    // applicableTotal = 92.00; itemsScore = 92.00 − 0.30 − 0.50 = 91.20
    // normalized = 91.20 / 92.00 × 100 = 99.1304… → 99.13
    expect(fmt(r.applicableTotal)).toBe("92.00");
    expect(fmt(r.itemsScore)).toBe("91.20");
    expect(fmt(r.normalized)).toBe("99.13");
    expect(r.grade).toBe("优秀");
    expect(line(r, "county:13.3")).toMatchObject({ participates: false, exempted: false, score: 0 });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: "exemptionReason.missing",
        severity: "warning",
        lineKey: "county:13.3",
        field: "exemptionReason",
      }),
    ]);
    expect(r.warnings[0].message).toContain("第13.3项");
    expect(r.warnings[0].message).toContain("0.30");
  });

  test("a deduction on a 不参与 line is ignored with a warning, even if it is not a number", () => {
    const r = score("石楼县", {
      "county:13.3": { participates: "否", exemptionReason: "无化工园区", deduction: 0.3 },
      "county:2": { participates: "否", exemptionReason: "不涉及", deduction: "abc" },
      "county:3": { participates: "否", exemptionReason: "不涉及", deduction: 0 },
    });
    // applicableTotal = 92.00 − 0.30 − 1.00 (item 2) − 2.00 (item 3) = 88.70, nothing deducted → 100.00
    expect(fmt(r.applicableTotal)).toBe("88.70");
    expect(fmt(r.normalized)).toBe("100.00");
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(["deduction.ignored", "deduction.ignored"]); // a 0 is no deduction
    expect(r.warnings.map((w) => w.lineKey)).toEqual(["county:2", "county:13.3"]);
  });

  test("a reason on a line that participates: scored, with a warning", () => {
    const r = score("石楼县", { "county:5": { exemptionReason: "不涉及", deduction: 1 } });
    // 92.00 − 1.00 = 91.00 over 92.00 → 98.9130… → 98.91
    expect(fmt(r.normalized)).toBe("98.91");
    expect(codes(r.warnings)).toEqual(["exemptionReason.unused"]);
  });

  test("89.99 vs 90.00 at the grade boundary", () => {
    // Item 37 is worth 25.00. Deducting 9.20: itemsScore 82.80, 82.80 / 92.00 × 100 = 90.00 exactly → 优秀.
    const at = score("石楼县", { "county:37": { deduction: 9.2 } });
    expect(fmt(at.normalized)).toBe("90.00");
    expect(fmt(at.finalScore)).toBe("90.00");
    expect(at.grade).toBe("优秀");
    // Deducting 9.21: itemsScore 82.79, 82.79 / 92.00 × 100 = 89.98913… → 89.99 → 良好.
    const below = score("石楼县", { "county:37": { deduction: 9.21 } });
    expect(fmt(below.normalized)).toBe("89.99");
    expect(below.grade).toBe("良好");
    // Typed as text, and with Excel's float noise (25 − 15.79 = 9.210000000000001): the same figures.
    expect(fmt(score("石楼县", { "county:37": { deduction: "9.20" } }).normalized)).toBe("90.00");
    expect(fmt(score("石楼县", { "county:37": { deduction: 25 - 15.79 } }).normalized)).toBe("89.99");
  });

  test("full-width digits: an error with the half-width number as suggestion", () => {
    const r = score("石楼县", { "county:5": { deduction: "０．５" } });
    expect(r.grade).toBe("待更正");
    expect(r.normalized).toBeNull();
    expect(r.finalScore).toBeNull();
    expect(r.errors).toEqual([
      {
        code: "deduction.notNumber",
        severity: "error",
        unit: "石楼县",
        lineKey: "county:5",
        field: "deduction",
        message: "第5项扣分「０．５」不是数字，请改为半角数字 0.5",
        suggestion: "0.5",
      },
    ]);
    const stop = score("石楼县", { "county:5": { deduction: "0。5" } });
    expect(stop.errors[0]).toMatchObject({ code: "deduction.notNumber", suggestion: "0.5" });
    const na = score("石楼县", { "county:5": { deduction: "#N/A" } });
    expect(na.errors[0].code).toBe("deduction.notNumber");
    expect(na.errors[0].suggestion).toBeUndefined();
    expect(na.errors[0].message).toBe("第5项扣分「#N/A」不是数字，请填写0 至 2.00 之间的数字");
  });

  test("negative and over-precise deductions are errors naming the line and the limit", () => {
    const r = score("石楼县", { "county:5": { deduction: -0.5 }, "county:6": { deduction: "0.125" } });
    expect(codes(r.errors)).toEqual(["deduction.negative", "deduction.tooPrecise"]);
    expect(r.errors[0].message).toBe("第5项扣分「-0.5」是负数，请填写0 至 2.00 之间的数字");
    expect(r.errors[1].message).toBe("第6项扣分「0.125」超过两位小数，最多填写两位小数");
    expect(r.grade).toBe("待更正");
  });

  test("是否参与打分 other than 是/否 is an error", () => {
    const r = score("石楼县", { "county:5": { participates: "Y" } });
    expect(r.errors).toEqual([
      expect.objectContaining({ code: "participates.invalid", lineKey: "county:5", field: "participates" }),
    ]);
    expect(r.grade).toBe("待更正");
    expect(r.normalized).toBeNull();
  });

  test("entries for lines that are not the unit's are ignored", () => {
    // 石楼县 has no item 12 (县级政府（除石楼县）).
    const r = score("石楼县", {
      "county:12.1": { deduction: "garbage", participates: "?" },
      "common:1": { deduction: 9 },
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(fmt(r.normalized)).toBe("100.00");
  });
});

describe("a county with a split line: 交城县 (86 lines, 99.60; 13.3 is 0.7 + 0.3 = 1.00)", () => {
  test("an over-limit deduction is an error: 待更正", () => {
    const r = score("交城", { "county:13.3": { deduction: 1.5 } }); // an alias is accepted
    expect(r.unit).toBe("交城县");
    expect(fmt(r.applicableTotal)).toBe("99.60");
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: "deduction.exceedsPoints",
        lineKey: "county:13.3",
        message: "第13.3项扣分 1.50 超过该项分值 1.00",
      }),
    ]);
    expect(r.grade).toBe("待更正");
    expect(r.normalized).toBeNull();
    expect(line(r, "county:13.3")).toMatchObject({ hasError: true, score: 0 });
  });

  test("a deduction of exactly the line's points is fine", () => {
    const r = score("交城县", { "county:13.3": { deduction: 1 } });
    // 99.60 − 1.00 = 98.60 over 99.60 → 98.99598… → 99.00
    expect(fmt(r.normalized)).toBe("99.00");
    expect(r.errors).toEqual([]);
  });
});

describe("a member unit: 市交通局 (28 lines, 60.80: common 50.00 + individual 1, 2, 4–17)", () => {
  test("0.7 − 0.3 is 0.40 exactly, and half-up rounding in integers", () => {
    const r = score("市交通运输局", { "individual:1": { deduction: 0.3 }, "individual:2": { deduction: "0.08" } });
    expect(r.unit).toBe("市交通局");
    expect(r.kind).toBe("member");
    expect(r.lines).toHaveLength(28);
    expect(fmt(r.applicableTotal)).toBe("60.80");
    expect(line(r, "individual:1").score).toBe(40);
    expect(formatHundredths(line(r, "individual:1").score)).toBe("0.40");
    expect(line(r, "individual:2").score).toBe(62); // 0.70 − 0.08
    // itemsScore = 60.80 − 0.38 = 60.42; 60.42 / 60.80 × 100 = 99.375 exactly → half-up → 99.38
    expect(fmt(r.itemsScore)).toBe("60.42");
    expect(fmt(r.normalized)).toBe("99.38");
  });

  test("member lines are named by part in messages", () => {
    const r = score("市交通局", { "individual:13": { deduction: 0.6 }, "common:1": { deduction: "２" } });
    expect(r.errors.map((e) => e.message)).toEqual([
      "共性第1项扣分「２」不是数字，请改为半角数字 2",
      "单独第13项扣分 0.60 超过该项分值 0.50",
    ]);
  });
});

describe("a member unit of the other group: 市委组织部 (12 common lines, 50.00)", () => {
  test("nothing entered: 100.00", () => {
    const r = score("市委组织部");
    expect(r.lines).toHaveLength(12);
    expect(fmt(r.applicableTotal)).toBe("50.00");
    expect(fmt(r.finalScore)).toBe("100.00");
    expect(r.grade).toBe("优秀");
  });

  test("the grade boundary through deductions and a penalty", () => {
    // common:11 (20.00, scored by 市安委办) − 5.00: 45.00 / 50.00 × 100 = 90.00 → 优秀
    const at = score("市委组织部", { "common:11": { deduction: 5 } });
    expect(fmt(at.finalScore)).toBe("90.00");
    expect(at.grade).toBe("优秀");
    // the same with a penalty of 0.01: 90.00 − 0.01 = 89.99 → 良好
    const below = score("市委组织部", { "common:11": { deduction: 5 } }, { penalty: 0.01 });
    expect(fmt(below.normalized)).toBe("90.00");
    expect(fmt(below.finalScore)).toBe("89.99");
    expect(below.grade).toBe("良好");
    // 5.01: 44.99 / 50.00 × 100 = 89.98 → 良好
    expect(fmt(score("市委组织部", { "common:11": { deduction: 5.01 } }).normalized)).toBe("89.98");
  });

  test("the bonus is capped at 5 with a warning", () => {
    const r = score("市委组织部", { "common:1": { deduction: 2 } }, { bonus: 6 });
    // 48.00 / 50.00 × 100 = 96.00; + min(6, 5) = 101.00
    expect(fmt(r.normalized)).toBe("96.00");
    expect(fmt(r.bonusEntered)).toBe("6.00");
    expect(fmt(r.bonus)).toBe("5.00");
    expect(fmt(r.finalScore)).toBe("101.00");
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: "bonus.capped", field: "bonus", message: "加分 6.00 超过上限 5.00，按 5.00 计" }),
    ]);
  });

  test("the penalty has no cap", () => {
    const r = score("市委组织部", { "common:1": { deduction: 2 } }, { bonus: 6, penalty: 7 });
    // 96.00 + 5.00 − 7.00 = 94.00
    expect(fmt(r.penalty)).toBe("7.00");
    expect(fmt(r.finalScore)).toBe("94.00");
    const heavy = score("市委组织部", {}, { penalty: "12.5" });
    // 100.00 − 12.50 = 87.50 → 良好
    expect(fmt(heavy.finalScore)).toBe("87.50");
    expect(heavy.grade).toBe("良好");
    expect(heavy.warnings).toEqual([]);
  });

  test("bonus and penalty that are not numbers or negative are errors", () => {
    const r = score("市委组织部", {}, { bonus: "五", penalty: -1 });
    expect(codes(r.errors)).toEqual(["bonus.notNumber", "penalty.negative"]);
    expect(fmt(r.normalized)).toBe("100.00");
    expect(r.finalScore).toBeNull();
    expect(r.grade).toBe("待更正");
    const fw = score("市委组织部", {}, { bonus: "１" });
    expect(fw.errors[0]).toMatchObject({ code: "bonus.notNumber", suggestion: "1" });
  });

  test("一票否优 turns 优秀 into 良好 and keeps lower grades", () => {
    const r = score("市委组织部", {}, { veto: "是", vetoConditions: "（一）（三）" });
    expect(fmt(r.finalScore)).toBe("100.00");
    expect(r.veto).toBe(true);
    expect(r.vetoConditions).toEqual([1, 3]);
    expect(r.gradeBeforeVeto).toBe("优秀");
    expect(r.grade).toBe("良好");
    expect(r.warnings).toEqual([]);
    // common:11 − 15.00: 35.00 / 50.00 × 100 = 70.00 → 合格, the veto changes nothing
    const low = score("市委组织部", { "common:11": { deduction: 15 } }, { veto: "是", vetoConditions: "1,3" });
    expect(fmt(low.finalScore)).toBe("70.00");
    expect(low.grade).toBe("合格");
  });

  test("一票否优 entries that need a look", () => {
    expect(codes(score("市委组织部", {}, { veto: "是" }).warnings)).toEqual(["veto.noConditions"]);
    const six = score("市委组织部", {}, { veto: "是", vetoConditions: "（二）（六）" });
    expect(six.vetoConditions).toEqual([2]);
    expect(codes(six.warnings)).toEqual(["vetoConditions.outOfRange"]);
    expect(six.warnings[0].message).toContain("（一）至（五）");
    const without = score("市委组织部", {}, { vetoConditions: "（一）" });
    expect(without.veto).toBe(false);
    expect(without.grade).toBe("优秀");
    expect(codes(without.warnings)).toEqual(["vetoConditions.withoutVeto"]);
    const invalid = score("市委组织部", {}, { veto: "Y" });
    expect(codes(invalid.errors)).toEqual(["veto.invalid"]);
    expect(fmt(invalid.finalScore)).toBe("100.00"); // computable, but no grade until fixed
    expect(invalid.grade).toBe("待更正");
  });

  test("everything exempted: no applicable lines, an error", () => {
    const lines = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`common:${i + 1}`, { participates: "否", exemptionReason: "不涉及" }]),
    );
    const r = score("市委组织部", lines);
    expect(r.applicableTotal).toBe(0);
    expect(r.normalized).toBeNull();
    expect(codes(r.errors)).toEqual(["unit.noApplicableLines"]);
    expect(r.grade).toBe("待更正");
  });
});

describe("市体育局 (15 lines: common 50.00 + individual 1, 2, 69 at 0.70 each = 52.10)", () => {
  test("applicableTotal 52.10", () => {
    const r = score("市体育局", { "individual:69": { deduction: 0.7 } });
    expect(r.lines.map((l) => l.key).filter((k) => k.startsWith("individual:"))).toEqual([
      "individual:1",
      "individual:2",
      "individual:69",
    ]);
    expect(fmt(r.applicableTotal)).toBe("52.10");
    // 52.10 − 0.70 = 51.40; 51.40 / 52.10 × 100 = 98.6564… → 98.66
    expect(fmt(r.normalized)).toBe("98.66");
  });
});

describe("unknown units", () => {
  test("a result with an error, no throw", () => {
    const r = score("市不存在局", { "common:1": { deduction: 1 } });
    expect(r.unit).toBe("市不存在局");
    expect(codes(r.errors)).toEqual(["unit.unknown"]);
    expect(r.errors[0].message).toContain("市不存在局");
    expect(r.grade).toBe("待更正");
    expect(r.finalScore).toBeNull();
  });
});

describe("附件1 and 附件2 beside a county's result", () => {
  test("scores, total, and not mixed into the final score", () => {
    const r = scoreUnit(rubric, unitEntries("交城县"), {
      unit: "交城县",
      annex1: [50, 20, "8.5", 10],
      annex2: [90, 100, null, 85.5, "100"],
    });
    // 50 + 20 + 8.5 + 10 = 88.50
    expect(r.annex1).toEqual({ scores: [5000, 2000, 850, 1000], total: 8850 });
    expect(r.annex2).toEqual([9000, 10000, null, 8550, 10000]);
    expect(fmt(r.finalScore)).toBe("100.00");
    expect(r.errors).toEqual([]);
  });

  test("empty cells are not entered yet; a county always carries both tables", () => {
    const r = score("交城县");
    expect(r.annex1).toEqual({ scores: [null, null, null, null], total: null });
    expect(r.annex2).toEqual([null, null, null, null, null]);
    expect(score("市委组织部").annex1).toBeUndefined();
  });

  test("out of range, not a number", () => {
    const r = scoreUnit(rubric, unitEntries("交城县"), {
      unit: "交城县",
      annex1: [56, -1, "１０", 10.005],
      annex2: [101, 100, 100, 100, 100],
    });
    expect(r.errors.map((e) => [e.code, e.field, e.index])).toEqual([
      ["annex1.outOfRange", "annex1", 0],
      ["annex1.outOfRange", "annex1", 1],
      ["annex1.notNumber", "annex1", 2],
      ["annex1.tooPrecise", "annex1", 3],
      ["annex2.outOfRange", "annex2", 0],
    ]);
    expect(r.errors[0].message).toBe(
      "附件1第1项（安全生产专项整治三年行动（55分））得分 56.00 超出范围，应在0 至 55.00 之间",
    );
    expect(r.errors[2].suggestion).toBe("10");
    expect(r.annex1).toEqual({ scores: [null, null, null, null], total: null });
    expect(r.grade).toBe("待更正");
  });
});

describe("scoreAll: ranking", () => {
  test("counties and members ranked separately, ties share a rank, errors last", () => {
    const { counties, members, others } = scoreAll(
      rubric,
      [
        unitEntries("石楼县", { "county:1": { deduction: 0.5 } }), // 91.50 / 92.00 → 99.46
        unitEntries("汾阳市", { "county:5": { deduction: "０．５" } }), // error
        unitEntries("文水县"), // 100.00
        unitEntries("交城县"), // 100.00
        unitEntries("市委组织部", { "common:11": { deduction: 5 } }), // 90.00
        unitEntries("市交通局", { "individual:1": { deduction: 0.3 }, "individual:2": { deduction: 0.08 } }), // 99.38
        unitEntries("市体育局", { "common:1": { deduction: 3 } }), // error: 3.00 > 2.00
        unitEntries("团市委", {}, { penalty: 10 }), // 100.00 − 10.00 = 90.00: ties with 市委组织部
        unitEntries("某某局"),
      ],
      [{ unit: "交城", annex1: [50, 20, 10, 10], annex2: [] }],
    );
    // 交城县 comes before 文水县 in the rules' order, so it is listed first among the tie.
    expect(counties.map((r) => [r.unit, r.rank, fmt(r.finalScore)])).toEqual([
      ["交城县", 1, "100.00"],
      ["文水县", 1, "100.00"],
      ["石楼县", 3, "99.46"],
      ["汾阳市", null, null],
    ]);
    expect(counties[0].annex1?.total).toBe(9000);
    expect(members.map((r) => [r.unit, r.rank, r.grade])).toEqual([
      ["市交通局", 1, "优秀"],
      ["市委组织部", 2, "优秀"],
      ["团市委", 2, "优秀"],
      ["市体育局", null, "待更正"],
    ]);
    expect(others.map((r) => [r.unit, codes(r.errors)])).toEqual([["某某局", ["unit.unknown"]]]);
  });

  test("a unit entered twice: both are errors", () => {
    const { counties } = scoreAll(rubric, [unitEntries("交城县"), unitEntries("交城"), unitEntries("文水县")]);
    expect(counties.map((r) => [r.unit, r.rank])).toEqual([
      ["文水县", 1],
      ["交城县", null],
      ["交城县", null],
    ]);
    expect(counties[1].errors[0].code).toBe("unit.duplicate");
  });

  test("附件 without a score sheet, and for unknown units, are reported apart", () => {
    const { counties, others } = scoreAll(
      rubric,
      [unitEntries("文水县")],
      [
        { unit: "交城县", annex1: [50, 20, 10, 10], annex2: [] },
        { unit: "某县", annex1: [], annex2: [] },
      ],
    );
    expect(counties.map((r) => r.unit)).toEqual(["文水县"]);
    expect(others.map((r) => [r.unit, codes(r.errors), r.annex1?.total ?? null])).toEqual([
      ["某县", ["unit.unknown"], null],
      ["交城县", ["unit.noEntries"], 9000],
    ]);
  });
});
