import { lintRules, loadRubric, RulesError } from "../../src/rubric";
import { luliang2022Json } from "../support/rules";

/** A deep copy of the embedded rules to break on purpose. */
const rulesCopy = (): any => JSON.parse(JSON.stringify(luliang2022Json));

describe("the linter on the real 2022 rules", () => {
  const findings = lintRules(luliang2022Json);

  test("finds no error", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("reports the source's own inconsistencies as warnings, each once", () => {
    const seen = findings.map((f) => `${f.code} ${f.where}`).sort();
    expect(seen).toEqual(
      [
        "source.deductionAbovePoints 附件4 单独 第62项", // deducts 0.7 on a 0.5 line
        "source.strayFigure 附件4 单独 第26项", // 自然0.70.7灾害
        "source.strayFigure 附件4 单独 第32项", // 0.文博单位
        "source.wordResidue 附件4 单独 第54项", // [bookmark: _GoBack]
        "source.misprint 附件3 第21项", // 具级政府
        "source.unitCount 其他单位", // "（20个）" heading over 21 names
      ].sort(),
    );
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings.find((f) => f.code === "source.unitCount")!.message).toContain("21");
  });
});

describe("the linter on broken rules", () => {
  test("a section that does not add up is an error naming the section and both totals", () => {
    const rules = rulesCopy();
    rules.county.sections[0].items[0].points = 3; // 一、 now totals 10 instead of 9
    const errors = lintRules(rules).filter((f) => f.severity === "error");
    expect(errors.map((e) => e.code)).toEqual(["section.total"]);
    const section = errors.find((e) => e.code === "section.total")!;
    expect(section.where).toContain("一、学习贯彻");
    expect(section.message).toContain("10分");
    expect(section.message).toContain("9分");
  });

  test("sub-items that do not partition their item are an error", () => {
    const rules = rulesCopy();
    const item8 = rules.county.sections[1].items.find((i: { no: number }) => i.no === 8);
    item8.subItems[0].points = 0.4;
    const errors = lintRules(rules).filter((f) => f.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ code: "subItems.partition", where: "附件3 第8项" })]);
  });

  test("a target that names no known unit is an error", () => {
    const rules = rulesCopy();
    rules.member.individual.sections[0].items[0].targets = "市教育局、市火星局";
    const errors = lintRules(rules).filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe("target.unknown");
    expect(errors[0].message).toContain("市火星局");
  });
});

describe("loading a rules file", () => {
  test("a file with a wrong field is rejected with a zh-CN message and the path to the field", () => {
    const rules = rulesCopy();
    rules.county.sections[2].items[1].points = "两分";
    rules.units.counties[0].name = "";
    expect(() => loadRubric(rules)).toThrow(RulesError);
    try {
      loadRubric(rules);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain("规则文件有误（2 处）");
      expect(message).toContain("county.sections[2].items[1].points");
      expect(message).toContain("units.counties[0].name");
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test.each(['=HYPERLINK("http://x")', "+1", "-县", "@县", "\t=1+1"])(
    "a unit named %j (a formula to Excel) is refused by loading and by the linter",
    (name) => {
      const rules = rulesCopy();
      rules.units.counties[12].name = name;
      expect(() => loadRubric(rules)).toThrow(/units\.counties\[12\]\.name：单位名称不能以 = \+ - @ 或空白开头/);
      expect(
        lintRules(rules)
          .filter((f) => f.severity === "error")
          .map((f) => f.code),
      ).toEqual(["schema"]);
      rules.units.counties[12].name = "兴县";
      rules.units.counties[12].aliases = [name];
      expect(() => loadRubric(rules)).toThrow(/aliases\[0\]/);
    },
  );

  test("points with more than one decimal are rejected", () => {
    const rules = rulesCopy();
    rules.member.common.sections[0].items[0].points = 1.25;
    expect(() => loadRubric(rules)).toThrow(/分值最多一位小数/);
  });

  test("an unknown target name is rejected when loading, not only when linting", () => {
    const rules = rulesCopy();
    rules.county.sections[0].items[0].targets = "县级政府、市火星局";
    expect(() => loadRubric(rules)).toThrow(/市火星局/);
  });

  test("another year's rules load from data alone: a unit added to the list and named by an item", () => {
    const rules = rulesCopy();
    rules.id = "luliang-2023";
    rules.units.other.push({ name: "市数据局", aliases: ["数据局"] });
    rules.member.individual.sections[0].items[0].targets += "、数据局";
    const rubric = loadRubric(rules);
    const unit = rubric.findUnit("市数据局")!;
    expect(
      rubric
        .linesFor(unit)
        .filter((l) => l.part === "individual")
        .map((l) => l.label),
    ).toEqual(["1"]);
    expect(rubric.applicableTotal(unit)).toBe(5070);
  });
});
