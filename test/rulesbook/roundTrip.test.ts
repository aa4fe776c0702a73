/**
 * The rules workbook holds the rules whole: the 2022 rules written as a workbook and read back are the same rules,
 * through the file (exceljs writes, the lean reader reads) and through the plan's grid (what Excel would hold).
 */
import { planToGrid } from "../../src/layout";
import { parseRules } from "../../src/rubric";
import { luliang2022Json } from "../support/rules";
import { lintRulesBook, rulesFromBook, rulesWorkbookPlan } from "../../src/rulesbook";
import { planToXlsx, readXlsx } from "../../src/xlsx";

const rules = parseRules(luliang2022Json);

test("rules → workbook file → rules is the same rules (2022)", async () => {
  const bytes = await planToXlsx(rulesWorkbookPlan(rules));
  const sheets = await readXlsx(bytes, "规则.xlsx");
  expect(sheets.map((s) => s.name)).toEqual(["基本信息", "被考核单位", "考核细则", "考核对象", "附件1附件2", "说明"]);
  expect(rulesFromBook(sheets)).toEqual(rules);
});

test("rules → plan grid → rules is the same rules", () => {
  const sheets = rulesWorkbookPlan(rules).sheets.map(planToGrid);
  expect(rulesFromBook(sheets)).toEqual(rules);
});

test("the 2022 rules workbook lints as the JSON does: the source's warnings, each with its cell, no error", () => {
  const findings = lintRulesBook(rulesWorkbookPlan(rules).sheets.map(planToGrid));
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const texts = findings.map((f) => f.text);
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(/^(基本信息|考核细则) 第 \d+ 行 (内容|考核细则|评分标准|考核对象)：/);
  // County item 21 targets 具级政府: the warning names that item's row and its 考核对象 column.
  const grid = rulesWorkbookPlan(rules)
    .sheets.map(planToGrid)
    .find((s) => s.name === "考核细则")!;
  const row = grid.cells.findIndex((r) => r[0] === "附件3" && r[3] === 21 && r[4] === null) + 1;
  expect(texts).toContain(
    `考核细则 第 ${row} 行 考核对象：「具级政府」疑为「县级政府」的笔误，按「县级政府」理解（原文照录）`,
  );
  expect(texts.filter((t) => t.includes("其他单位（20个）"))).toHaveLength(1);
});
