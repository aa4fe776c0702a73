import { type Unit } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import {
  buildWorkbookPlan,
  chooseUnits,
  COL,
  holdsUnitBack,
  entryCellKey,
  isValidSheetName,
  isValidTableName,
  LINE_COLUMNS,
  planToGrid,
  readWorkbook,
  withEntries,
  type GridSheet,
  type SheetPlan,
} from "../../src/layout";
import { embeddedSheetName } from "../../src/rulesbook";
import { scoreAll } from "../../src/scoring";

const rubric = luliang2022;
const pick = (...names: string[]): Unit[] => names.map((n) => rubric.findUnit(n)!);

describe("the workbook plan", () => {
  const { plan, units } = buildWorkbookPlan(rubric, pick("石楼县", "市体育局", "交城县"));
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;

  test("has 附件1, 附件2, the units' sheets in the rules' order, and 汇总", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "附件1",
      "附件2",
      "交城县",
      "石楼县",
      "市体育局",
      "汇总",
      embeddedSheetName(rubric.id, rubric.version),
    ]);
    expect(plan.sheets.at(-1)).toMatchObject({ veryHidden: true, protect: true, meta: { role: "rules" } });
    expect(units.map((u) => u.sheetName)).toEqual(["交城县", "石楼县", "市体育局"]);
  });

  test("a county sheet holds only its lines, with its points, in the columns of 附件6", () => {
    const shilou = sheet("石楼县");
    expect(shilou.tables.map((t) => t.name)).toEqual(["U06_Lines", "U06_Adjust"]);
    const lines = shilou.tables[0];
    expect(lines.columns.map((c) => c.name)).toEqual([...LINE_COLUMNS]);
    expect(lines.rows).toHaveLength(73);
    // 序号 that read as numbers are numbers: no "number stored as text" triangles in Excel.
    const labels = lines.rows.map((r) => r[0]);
    expect(labels).not.toContain(12.1);
    expect(labels.slice(0, 3)).toEqual([1, 2, 3]);
    const row133 = lines.rows.find((r) => r[0] === 13.3)!;
    expect(row133[3]).toBe(0.3);
    expect(lines.rows.reduce((s, r) => s + Math.round((r[3] as number) * 100), 0)).toBe(9200);
    // The header of 附件6 and the unit's name in the page header.
    const texts = shilou.cells.map((c) => c.value);
    expect(texts).toContain("被考核单位(盖章）: 石楼县");
    expect(texts).toContain("考核组长签字：");
    expect(shilou.print).toMatchObject({ orientation: "landscape", paper: "A4", header: "石楼县" });
    expect(shilou.print.titleRows).toEqual({ from: lines.top, to: lines.top });
  });

  test("a member sheet has the common table (二), items 11 and 12 marked as scored by 市安委办, and the individual table (三)", () => {
    const sport = sheet("市体育局");
    const [common, individual] = sport.tables;
    expect(common.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(String(common.rows[10][1])).toContain("市安委办负责打分");
    expect(String(common.rows[0][1])).not.toContain("市安委办负责打分");
    expect(individual.rows.map((r) => r[0])).toEqual([1, 2, 69]);
    expect(sport.cells.map((c) => c.value)).toContain("（成员单位单独考核内容）");
  });

  test("input cells are marked for unlocking; everything else stays protected", () => {
    const shilou = sheet("石楼县");
    expect(shilou.protect).toBe(true);
    const cols = shilou.tables[0].columns;
    const inputs = cols.filter((c) => c.style?.input).map((c) => c.name);
    expect(inputs).toEqual(["扣分", "存在的问题", "是否参与打分", "不参与说明"]);
  });

  test("native validation: deduction 0..分值 with a zh-CN stop message, 是/否 lists, bonus 0..5", () => {
    const v = sheet("石楼县").validations;
    const deduction = v.find((x) => x.range.left === COL.deduction)!;
    expect(deduction.rule).toEqual({ kind: "decimal", min: 0, max: { formula: `=D${deduction.range.top}` } });
    expect(deduction.errorMessage).toMatch(/不超过本项分值/);
    expect(v.filter((x) => x.rule.kind === "list").map((x) => x.errorTitle)).toEqual([
      "是否参与打分",
      "一票否优",
      "已完成评分",
      "市安委办已完成评分",
    ]);
    expect(v.find((x) => x.errorTitle === "加分超出范围")!.rule).toEqual({ kind: "decimal", min: 0, max: 5 });
    // 完成日期 takes a date: a decimal rule between two dates, as every program stores a typed date as a number.
    expect(v.filter((x) => x.errorTitle.endsWith("完成日期")).map((x) => [x.errorTitle, x.rule])).toEqual(
      ["完成日期", "市安委办完成日期"].map((t) => [
        t,
        { kind: "decimal", min: { formula: "=DATE(2000,1,1)" }, max: { formula: "=DATE(2099,12,31)" } },
      ]),
    );
  });

  test("sheet and table names are valid and unique", () => {
    const all = buildWorkbookPlan(rubric, rubric.registry.all).plan;
    expect(all.sheets).toHaveLength(57 + 4);
    const names = all.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every(isValidSheetName)).toBe(true);
    const tables = all.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(tables.map((t) => t.toLowerCase())).size).toBe(tables.length);
    expect(tables.every(isValidTableName)).toBe(true);
  });
});

describe("choosing units", () => {
  test("aliases, groups and unknown names", () => {
    expect(chooseUnits(rubric, "交城,市交通运输局").units.map((u) => u.name)).toEqual(["交城县", "市交通局"]);
    expect(chooseUnits(rubric, "counties").units).toHaveLength(13);
    expect(chooseUnits(rubric, "members").units).toHaveLength(44);
    expect(chooseUnits(rubric, "all").units).toHaveLength(57);
    expect(chooseUnits(rubric, "交城，火星县").unknown).toEqual(["火星县"]);
  });
});

describe("reading entries back from the cells", () => {
  const { plan } = buildWorkbookPlan(rubric, pick("石楼县", "市体育局"));
  const grids = (edits: Record<string, Record<string, unknown>>): GridSheet[] =>
    plan.sheets.map((s: SheetPlan) => withEntries(planToGrid(s), (edits[s.name] ?? {}) as never));
  const rowOf = (sheetName: string, label: string, table = 0) => {
    const t = plan.sheets.find((s) => s.name === sheetName)!.tables[table];
    return t.top + 1 + t.rows.findIndex((r) => String(r[0]) === label);
  };

  test("deductions, 不参与 with a reason, bonus and veto reach the scoring core by line key", () => {
    const r5 = rowOf("石楼县", "5");
    const r133 = rowOf("石楼县", "13.3");
    const read = readWorkbook(
      rubric,
      grids({
        石楼县: { [`E${r5}`]: 0.5, [`H${r133}`]: "否", [`I${r133}`]: "本县无化工园区", [`G${r5}`]: "=企业培训缺资料" },
      }),
    );
    expect(read.problems).toEqual([]);
    const shilou = read.units.find((u) => u.entries.unit === "石楼县")!;
    expect(shilou.entries.lines["county:5"]).toMatchObject({ deduction: 0.5, findings: "=企业培训缺资料" });
    expect(shilou.entries.lines["county:13.3"]).toMatchObject({
      participates: "否",
      exemptionReason: "本县无化工园区",
    });
    expect(shilou.cells.get(entryCellKey("county:5", "deduction"))).toBe(`E${r5}`);
    const result = scoreAll(
      rubric,
      read.units.map((u) => u.entries),
    );
    const s = result.counties[0];
    // 92.0 − 0.3 (13.3 exempted with a reason) = 91.7; score 91.7 − 0.5 = 91.2; 91.2 / 91.7 × 100 = 99.4547… → 99.45
    expect(s.applicableTotal).toBe(9170);
    expect(s.itemsScore).toBe(9120);
    expect(s.normalized).toBe(9945);
  });

  test("a sheet made from other rules is reported and not read", () => {
    const g = grids({});
    const other = g.map((s) => (s.name === "石楼县" ? withEntries(s, { E1: "2021.1" }) : s));
    const read = readWorkbook(rubric, other);
    expect(read.units.map((u) => u.entries.unit)).toEqual(["市体育局"]);
    expect(read.problems).toEqual([expect.objectContaining({ code: "sheet.otherRules", sheet: "石楼县" })]);
    expect(read.problems[0].message).toContain("另一版考核规则");
  });

  test("a renamed sheet is still its unit's; a unit present twice is reported", () => {
    const g = grids({});
    const renamed = g.map((s) => (s.name === "石楼县" ? { ...s, name: "石楼（第二组）" } : s));
    expect(readWorkbook(rubric, renamed).units.map((u) => u.sheet)).toContain("石楼（第二组）");
    const twice = [...renamed, g.find((s) => s.name === "石楼县")!];
    const read = readWorkbook(rubric, twice);
    expect(read.problems.map((p) => p.code)).toEqual(["sheet.duplicateUnit"]);
  });

  test("a deleted row is reported with the lines it held", () => {
    const g = grids({});
    const shilou = g.find((s) => s.name === "石楼县")!;
    const r = rowOf("石楼县", "7");
    const cells = shilou.cells.filter((_, i) => i !== r - 1);
    const read = readWorkbook(
      rubric,
      g.map((s) => (s === shilou ? { ...s, cells } : s)),
    );
    expect(read.problems).toEqual([expect.objectContaining({ code: "sheet.linesMissing" })]);
    expect(read.problems[0].message).toContain("7");
  });
});

describe("rows a person inserted inside a scoring table", () => {
  const { plan } = buildWorkbookPlan(rubric, pick("市体育局"));
  const sheet = plan.sheets.find((s) => s.name === "市体育局")!;
  const grid = planToGrid(sheet);
  const common = sheet.tables[0];
  const at = common.top + 3; // after line 2

  test("a blank inserted row does not cut the table short", () => {
    const cells = [...grid.cells.slice(0, at), [], ...grid.cells.slice(at)];
    const read = readWorkbook(rubric, [{ ...grid, cells }]);
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.units[0].entries.lines)).toHaveLength(15);
  });

  test("a deduction typed on an inserted row without 序号 holds the unit back: it is not silently dropped", () => {
    const row: (string | number | null)[] = [null, null, null, null, 0.5];
    const cells = [...grid.cells.slice(0, at), row, ...grid.cells.slice(at)];
    const read = readWorkbook(rubric, [{ ...grid, cells }]);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: "sheet.rowWithoutLine", cell: `E${at + 1}`, severity: "error" }),
    ]);
    expect(holdsUnitBack(read.problems[0])).toBe(true);
  });

  test("a note alone on an inserted row is a warning: it changes no figure", () => {
    const row: (string | number | null)[] = [null, null, null, null, null, null, "补充说明"];
    const cells = [...grid.cells.slice(0, at), row, ...grid.cells.slice(at)];
    const read = readWorkbook(rubric, [{ ...grid, cells }]);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: "sheet.rowWithoutLine", cell: `G${at + 1}`, severity: "warning" }),
    ]);
  });
});
