import "./withOfficeClient";
import { renderPlan } from "../../src/excel/render";
import { newSession } from "../../src/excel/session";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan, type WorkbookPlan } from "../../src/layout";
import { type Unit } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { scoreAll, type UnitEntries } from "../../src/scoring";
import { FakeExcel, type FakeSheet } from "./fakeExcel";

let session = newSession();

const rubric = luliang2022;

const letter = (c: number): string =>
  (c >= 26 ? letter(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));

/**
 * Rows of the table whose header row starts with `first` in column `left` (0 = A), as header → value objects.
 * 汇总's tables start in column A; 扣分明细 and 问题清单 are on sheets of their own.
 */
function tableRows(sheet: FakeSheet, first: string, after = 0, left = 0): Record<string, unknown>[] {
  let header = 0;
  for (let r = after + 1; r < 2000 && header === 0; r++) if (sheet.cell(`${letter(left)}${r}`) === first) header = r;
  if (header === 0) throw new Error(`no table starting with ${first}`);
  const names: string[] = [];
  for (let c = left; sheet.cell(`${letter(c)}${header}`) !== ""; c++)
    names.push(String(sheet.cell(`${letter(c)}${header}`)));
  const rows: Record<string, unknown>[] = [];
  for (
    let r = header + 1;
    sheet.cell(`${letter(left + 1)}${r}`) !== "" || sheet.cell(`${letter(left)}${r}`) !== "";
    r++
  ) {
    rows.push(Object.fromEntries(names.map((n, j) => [n, sheet.cell(`${letter(left + j)}${r}`)])));
  }
  return rows;
}

/** Where a line's input cell is in a generated unit sheet. */
function inputCell(plan: WorkbookPlan, sheetName: string, label: string, column: "E" | "G" | "H" | "I", table = 0) {
  const t = plan.sheets.find((s) => s.name === sheetName)!.tables[table];
  return `${column}${t.top + 1 + t.rows.findIndex((r) => String(r[0]) === label)}`;
}

async function generated(units: readonly Unit[]) {
  const excel = new FakeExcel();
  excel.install();
  session = newSession(); // what the pane remembers of this workbook
  const plan = buildWorkbookPlan(rubric, units).plan;
  await renderPlan(plan, session);
  const type = (sheet: string, cells: Record<string, unknown>) => {
    const s = excel.sheets.find((x) => x.name === sheet)!;
    for (const [a, v] of Object.entries(cells)) s.grid.set(a, v);
  };
  return { excel, plan, type };
}

describe("校验并汇总 in Excel", () => {
  test("all 57 units: one read and one write; 汇总 holds the core's figures, ranked with ties", async () => {
    const { excel, plan, type } = await generated(rubric.registry.all);
    // Two counties with the same entries share a rank; a third scores lower.
    for (const county of ["交城县", "石楼县"])
      type(county, { [inputCell(plan, county, "5", "E")]: 0.5, [inputCell(plan, county, "5", "G")]: "台账不全" });
    type("文水县", { [inputCell(plan, "文水县", "5", "E")]: 1 });
    type("市交通局", { [inputCell(plan, "市交通局", "1", "E")]: "０．５" }); // an error: 待更正, unranked
    const before = excel.syncs;
    const report = await validateAndTotal(rubric, undefined, session);
    expect(excel.syncs - before).toBe(2);
    expect(report.syncs).toBe(2);
    expect(report.summarySheet).toBe("汇总");

    // The figures the core computes from the same entries.
    const entries: UnitEntries[] = rubric.registry.all.map((u) => ({ unit: u.name, lines: {} }));
    const lineKey = (unit: string, label: string) =>
      rubric.linesFor(rubric.findUnit(unit)!).find((l) => l.label === label)!.key;
    for (const county of ["交城县", "石楼县"])
      entries.find((e) => e.unit === county)!.lines[lineKey(county, "5")] = { deduction: 0.5, findings: "台账不全" };
    entries.find((e) => e.unit === "文水县")!.lines[lineKey("文水县", "5")] = { deduction: 1 };
    entries.find((e) => e.unit === "市交通局")!.lines[lineKey("市交通局", "1")] = { deduction: "０．５" };
    const expected = scoreAll(rubric, entries);

    const summary = excel.sheets.find((s) => s.name === "汇总")!;
    const counties = tableRows(summary, "排名");
    expect(counties).toHaveLength(13);
    for (const r of expected.counties) {
      const row = counties.find((x) => x["单位"] === r.unit)!;
      const scored = r.grade !== "未评分";
      expect(row["排名"]).toBe(r.rank ?? "");
      expect(row["折算得分"]).toBe(r.normalized! / 100);
      expect(row["最终成绩"]).toBe(scored ? r.finalScore! / 100 : "");
      expect(row["等次"]).toBe(r.grade);
    }
    // The ten counties nobody has typed into are 未评分, without a rank (issue 17: not scored yet is not 100); the
    // three with entries are ranked.
    const untouched = counties.filter((x) => !["交城县", "石楼县", "文水县"].includes(x["单位"] as string));
    expect(untouched.map((x) => [x["排名"], x["等次"]])).toEqual(Array(10).fill(["", "未评分"]));
    expect(counties.filter((x) => x["排名"] !== "").map((x) => x["排名"])).toEqual([1, 2, 3]);
    const members = tableRows(summary, "排名", 20);
    const transport = members.find((x) => x["单位"] === "市交通局")!;
    expect(transport["等次"]).toBe("待更正");
    expect(transport["排名"]).toBe("");
    expect(String(transport["错误"])).toContain("半角数字 0.5");
    // The issue list of the pane points at the cell.
    expect(report.issues.find((i) => i.unit === "市交通局" && i.severity === "error")).toMatchObject({
      sheet: "市交通局",
      cell: inputCell(plan, "市交通局", "1", "E"),
    });
    // The findings are published with the figures.
    const details = tableRows(
      excel.sheets.find((s) => s.name === "扣分明细")!,
      "单位",
    );
    expect(details.find((d) => d["单位"] === "交城县")).toMatchObject({
      项目: "第5项",
      扣分: 0.5,
      "存在的问题 / 不参与说明": "台账不全",
    });
  });

  test("a chart of the final scores, each bar coloured by its grade", async () => {
    const { excel, plan, type } = await generated([rubric.findUnit("交城县")!, rubric.findUnit("石楼县")!]);
    type("石楼县", { [inputCell(plan, "石楼县", "5", "E")]: "x" });
    await validateAndTotal(rubric, undefined, session);
    const chart = excel.writes.filter((w) => w.sheet === "汇总" && w.path.startsWith("worksheet.charts"));
    expect(chart.map((w) => w.path)).toEqual(expect.arrayContaining(["worksheet.charts.add().title.text"]));
    const colours = excel.writes.filter((w) => w.sheet === "汇总" && w.path.endsWith("format.fill.setSolidColor()"));
    expect(colours).toHaveLength(2);
  });

  test("the tamper check reports a total formula overwritten by a number, with its cell", async () => {
    const { excel } = await generated([rubric.findUnit("石楼县")!]);
    const sheet = excel.sheets.find((s) => s.name === "石楼县")!;
    const finalRow = [...sheet.grid.entries()].find(([a, v]) => a.startsWith("G") && v === "最终成绩")![0].slice(1);
    expect(String(sheet.cell(`H${finalRow}`))).toMatch(/^=/);
    sheet.grid.set(`H${finalRow}`, 100);
    const report = await validateAndTotal(rubric, undefined, session);
    expect(report.issues.find((i) => i.code === "sheet.formulaOverwritten")).toMatchObject({
      sheet: "石楼县",
      cell: `H${finalRow}`,
    });
  });

  test("an error in 附件1 makes the county 待更正, points at the 附件1 cell, and is not mistaken for tampering", async () => {
    const { excel } = await generated([rubric.findUnit("石楼县")!]);
    const annex1 = excel.sheets.find((s) => s.name === "附件1")!;
    const row = [...annex1.grid.entries()].find(([a, v]) => a.startsWith("B") && v === "石楼县")![0].slice(1);
    annex1.grid.set(`C${row}`, "良");
    // The county's sheet shows the grade its own formulas give (they do not see 附件1).
    const shilou = excel.sheets.find((s) => s.name === "石楼县")!;
    const gradeRow = [...shilou.grid.entries()].find(([a, v]) => a.startsWith("G") && v === "等次")![0].slice(1);
    shilou.computed.set(`H${gradeRow}`, "未评分");
    const report = await validateAndTotal(rubric, undefined, session);
    expect(report.counties[0].grade).toBe("待更正");
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ sheet: "附件1", cell: `C${row}` }),
    ]);
  });

  test("text typed as = + - @ stays text in 扣分明细", async () => {
    const { excel, plan, type } = await generated([rubric.findUnit("石楼县")!]);
    type("石楼县", {
      [inputCell(plan, "石楼县", "5", "E")]: 1,
      [inputCell(plan, "石楼县", "5", "G")]: '=HYPERLINK("http://evil","点我")',
    });
    await validateAndTotal(rubric, undefined, session);
    const details = excel.sheets.find((s) => s.name === "扣分明细")!;
    const cells = [...details.grid.values()].filter((v) => typeof v === "string" && v.includes("HYPERLINK"));
    expect(cells).toEqual(['\'=HYPERLINK("http://evil","点我")']);
  });

  test("totalling again replaces the add-in's 汇总 in place; a 汇总 the add-in did not make is left alone", async () => {
    const { excel } = await generated([rubric.findUnit("石楼县")!]);
    await validateAndTotal(rubric, undefined, session);
    await validateAndTotal(rubric, undefined, session);
    expect(excel.sheets.filter((s) => s.name === "汇总")).toHaveLength(1);

    const other = await generated([rubric.findUnit("石楼县")!]);
    const summary = other.excel.sheets.find((s) => s.name === "汇总")!;
    other.excel.sheets.splice(other.excel.sheets.indexOf(summary), 1);
    other.excel.addSheet("汇总").grid.set("A1", "我自己的表");
    const report = await validateAndTotal(rubric, undefined, session);
    expect(report.notices[0]).toContain("不是本加载项生成的");
    expect(report.summarySheet).toBeUndefined();
    expect(other.excel.sheets.find((s) => s.name === "汇总")!.cell("A1")).toBe("我自己的表");
  });

  test("totalling again remakes 各方交回情况 and 扣分明细 after 汇总; a 扣分明细 the add-in did not make is left alone", async () => {
    const { excel, plan, type } = await generated([rubric.findUnit("石楼县")!]);
    type("石楼县", { [inputCell(plan, "石楼县", "5", "E")]: 0.5, [inputCell(plan, "石楼县", "5", "G")]: "台账不全" });
    await validateAndTotal(rubric, undefined, session);
    type("石楼县", { [inputCell(plan, "石楼县", "5", "G")]: "台账不全，已整改" });
    await validateAndTotal(rubric, undefined, session);
    const names = excel.sheets.map((s) => s.name);
    expect(names.filter((n) => n === "扣分明细")).toHaveLength(1);
    const at = names.indexOf("汇总");
    expect(names.slice(at, at + 3)).toEqual(["汇总", "各方交回情况", "扣分明细"]);
    const details = tableRows(
      excel.sheets.find((s) => s.name === "扣分明细")!,
      "单位",
    );
    expect(details.map((d) => d["存在的问题 / 不参与说明"])).toEqual(["台账不全，已整改"]);

    const other = await generated([rubric.findUnit("石楼县")!]);
    other.type("石楼县", { [inputCell(other.plan, "石楼县", "5", "E")]: 0.5 });
    other.excel.addSheet("扣分明细").grid.set("A1", "我自己的表");
    const report = await validateAndTotal(rubric, undefined, session);
    expect(report.notices.join("")).toContain("已有同名工作表「扣分明细」");
    expect(other.excel.sheets.find((s) => s.name === "扣分明细")!.cell("A1")).toBe("我自己的表");
    expect(report.summarySheet).toBe("汇总");
  });

  test("sheets renamed or deleted since the add-in last looked are still read right (in more round trips)", async () => {
    const { excel, plan, type } = await generated([rubric.findUnit("石楼县")!, rubric.findUnit("交城县")!]);
    type("石楼县", { [inputCell(plan, "石楼县", "5", "E")]: 0.5 });
    excel.sheets.find((s) => s.name === "石楼县")!.name = "石楼（复核）";
    const before = excel.syncs;
    const report = await validateAndTotal(rubric, undefined, session);
    expect(excel.syncs - before).toBe(5); // a failed read, the list with marker rows, the cells, the write
    expect(report.counties.find((r) => r.unit === "石楼县")!.normalized).toBe(9946);
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("the summary tells a reader without the add-in when a unit sheet changed after totalling", async () => {
    const { excel } = await generated([rubric.findUnit("石楼县")!]);
    await validateAndTotal(rubric, undefined, session);
    const summary = excel.sheets.find((s) => s.name === "汇总")!;
    const check = [...summary.grid.entries()].filter(([, v]) => typeof v === "string" && v.startsWith("=IF(AND("));
    // one 核对 formula per unit, comparing the unit sheet's totals now with what they showed
    expect(check.map(([, v]) => v)).toEqual([
      expect.stringMatching(/^=IF\(AND\(IFERROR\('石楼县'!\$H\$\d+,"#"\)=.*,"","已变动"\)$/),
    ]);
    expect([...summary.grid.values()].some((v) => typeof v === "string" && v.startsWith("=IF(COUNTIF("))).toBe(true);
  });
});
