import { defaultRulesJson, formatHundredths, type Rubric, type Unit } from "../../src/rubric";
import { luliang2022 } from "../support/rules";

const rubric: Rubric = luliang2022;
const unit = (name: string): Unit => {
  const u = rubric.findUnit(name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};
const total = (name: string) => formatHundredths(rubric.applicableTotal(unit(name)));
const labels = (name: string, part?: string) =>
  rubric
    .linesFor(unit(name))
    .filter((l) => !part || l.part === part)
    .map((l) => l.label);

describe("the 2022 rules as data", () => {
  test("have the counts of the source", () => {
    const items = (part: { sections: { items: unknown[] }[] }) => part.sections.flatMap((s) => s.items).length;
    expect(items(rubric.rules.county)).toBe(37);
    expect(items(rubric.rules.member.common)).toBe(12);
    expect(items(rubric.rules.member.individual)).toBe(74);
    expect(rubric.rules.county.sections).toHaveLength(7);
    expect(rubric.registry.counties).toHaveLength(13);
    // The source heads the other units "（20个）" but lists 21: 23 + 21 = 44 member units (see docs/architecture.md).
    expect(rubric.registry.members.filter((u) => u.category === "supervisory")).toHaveLength(23);
    expect(rubric.registry.members.filter((u) => u.category === "other")).toHaveLength(21);
    expect(rubric.registry.all).toHaveLength(57);
    expect(rubric.rules.annex1.items.map((i) => i.points)).toEqual([55, 25, 10, 10]);
    expect(rubric.rules.annex2.columns).toHaveLength(5);
    expect(rubric.rules.annex2.columns.every((c) => c.points === 100)).toBe(true);
  });

  test("sections add up: counties 100 in 9/4/27/10/10/10/30, member common 50, individual 50", () => {
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;
    expect(rubric.rules.county.sections.map((s) => s.points)).toEqual([9, 4, 27, 10, 10, 10, 30]);
    for (const part of [rubric.rules.county, rubric.rules.member.common, rubric.rules.member.individual]) {
      for (const s of part.sections) expect(sum(s.items.map((i) => i.points))).toBe(s.points);
      expect(sum(part.sections.map((s) => s.points))).toBe(part.points);
    }
    expect(rubric.rules.member.common.points).toBe(50);
    expect(rubric.rules.member.individual.points).toBe(50);
  });

  test("sub-items carry their own points and partition their item", () => {
    const item = (no: number) => rubric.rules.county.sections.flatMap((s) => s.items).find((i) => i.no === no)!;
    expect(item(8).subItems!.map((s) => s.points)).toEqual([0.5, 0.5]);
    expect(item(13).subItems!.map((s) => s.points)).toEqual([1, 1, 1, 0.5, 0.5]);
    expect(item(13).subItems![2].parts!.map((p) => p.points)).toEqual([0.7, 0.3]);
    expect(item(29).subItems!.map((s) => s.points)).toEqual([0.5, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(item(12).subItems).toHaveLength(7);
  });

  test("the member common items 11 and 12 and county item 37 are scored by 市安委办", () => {
    const bySafetyOffice = (name: string) =>
      rubric
        .linesFor(unit(name))
        .filter((l) => l.scoredBy === "safetyOffice")
        .map((l) => l.key);
    expect(bySafetyOffice("市体育局")).toEqual(["common:11", "common:12"]);
    expect(bySafetyOffice("石楼县")).toEqual(["county:37"]);
  });

  test("bonus is capped at 5 and the penalty is not", () => {
    expect(rubric.bonusCap("county")).toBe(500);
    expect(rubric.bonusCap("member")).toBe(500);
    expect(rubric.adjustments("county").penalty?.cap).toBeNull();
    expect(rubric.adjustments("member").penalty?.cap).toBeNull();
  });
});

describe("unit names", () => {
  test.each([
    ["交城", "交城县"],
    ["交城县", "交城县"],
    ["孝义", "孝义市"],
    ["岚县", "岚县"],
    ["市交通运输局", "市交通局"],
    ["市邮政管理局", "市邮管局"],
    ["市规划和自然资源局", "市自然资源局"],
    ["自然资源局", "市自然资源局"],
    ["市交警支队", "市公安局交警支队"],
    ["民政局", "市民政局"],
    ["气象局", "市气象局"],
    ["市应急局（防震减灾中心）", "市应急局"],
    [" 市 体育局 ", "市体育局"],
  ])("%s is %s", (alias, name) => {
    expect(rubric.findUnit(alias)?.name).toBe(name);
  });

  test("an unknown name is no unit", () => {
    expect(rubric.findUnit("市不存在局")).toBeUndefined();
  });
});

describe("which lines concern a unit", () => {
  test("石楼县: no coal item 12 (县级政府（除石楼县）), 92.0 in all", () => {
    expect(total("石楼县")).toBe("92.00");
    const shilou = labels("石楼县");
    expect(shilou.some((l) => l.startsWith("12."))).toBe(false);
    // 13(1) is for 交城县、孝义市 only; 13(2) for every county; 13(3) keeps only the conditional 0.3.
    expect(shilou).not.toContain("13.1");
    expect(shilou).toContain("13.2");
    const line133 = rubric.linesFor(unit("石楼县")).find((l) => l.label === "13.3")!;
    expect(line133.maxPoints).toBe(30);
    expect(line133.conditional).toBe(true);
    // 14.3 names 交城县、方山县、岚县; 29.4–29.7 name other counties.
    expect(shilou).not.toContain("14.3");
    for (const l of ["29.4", "29.5", "29.6", "29.7"]) expect(shilou).not.toContain(l);
  });

  test("交城县 and 孝义市 carry the whole of 13(3), 0.7 + 0.3", () => {
    for (const name of ["交城县", "孝义市"]) {
      const line = rubric.linesFor(unit(name)).find((l) => l.label === "13.3")!;
      expect(line.maxPoints).toBe(100);
    }
    expect(labels("交城县")).toEqual(expect.arrayContaining(["12.1", "13.1", "13.4", "13.5", "14.3", "29.4", "29.6"]));
  });

  test("county totals follow the lines that name them", () => {
    // 100 − items and sub-items that name other counties only; worked out by hand from 附件3.
    expect(total("交城县")).toBe("99.60"); // misses 29.5 (0.2) and 29.7 (0.2)
    expect(total("兴县")).toBe("96.00"); // misses 13.1, 13.3's 0.7, 13.4, 13.5, 14.3, 29.4–29.7
    expect(total("方山县")).toBe("96.50"); // like 兴县 but has 14.3 (0.5)
  });

  test("市体育局: 50 common + individual items 1, 2 and 69 = 52.1", () => {
    expect(total("市体育局")).toBe("52.10");
    expect(labels("市体育局", "individual")).toEqual(["1", "2", "69"]);
    expect(labels("市体育局", "common")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
  });

  test("an other member unit that no individual item names has the common part only", () => {
    expect(total("市委组织部")).toBe("50.00");
    expect(labels("市委组织部", "individual")).toEqual([]);
  });

  test("a unit named by an alias in a target cell gets the line (市交通运输局 in item 5, 民政局 in item 3)", () => {
    expect(labels("市交通局", "individual")).toEqual(expect.arrayContaining(["5", "6"]));
    expect(labels("市民政局", "individual")).toEqual(expect.arrayContaining(["1", "3"]));
    expect(labels("国网吕梁供电公司", "individual")).toContain("2");
  });

  test("every unit is concerned by at least the whole common part or a county's lines", () => {
    for (const u of rubric.registry.all) {
      expect(rubric.applicableTotal(u)).toBeGreaterThanOrEqual(u.kind === "county" ? 9000 : 5000);
    }
  });

  test("the embedded rules file round-trips as JSON", () => {
    expect(JSON.parse(JSON.stringify(defaultRulesJson))).toEqual(defaultRulesJson);
  });
});
