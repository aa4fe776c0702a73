/**
 * The workbook carries its rules, in Excel: generating writes them once, very hidden and protected, in pieces Excel
 * accepts; the pane reopening the workbook reads them back in two round trips; 校验并汇总 with other rules says
 * what differs.
 */
import { readCarriedRules } from "../../src/excel/carriedRules";
import { previewImport } from "../../src/excel/importWorkbooks";
import { newSession } from "../../src/excel/session";
import { renderPlan } from "../../src/excel/render";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan } from "../../src/layout";
import { loadRubric, type Rubric } from "../../src/rubric";
import { EMBED_PREFIX, embeddedSheetName } from "../../src/rulesbook";
import { planToXlsx } from "../../src/xlsx";
import { luliang2022, luliang2022Json } from "../support/rules";
import { FakeExcel } from "./fakeExcel";

const rubric = luliang2022;
/** The 2022 rules as a second version: 优秀 from 92. */
const other: Rubric = loadRubric({
  ...(luliang2022Json as object),
  version: "2022.2",
  grades: [
    { grade: "优秀", min: 92 },
    { grade: "良好", min: 80 },
    { grade: "合格", min: 60 },
    { grade: "不合格", min: 0 },
  ],
});

let session = newSession();

function fresh() {
  const excel = new FakeExcel();
  excel.install();
  session = newSession();
  return excel;
}

test("generating writes the rules once, very hidden and protected, in pieces under 32,767 characters", async () => {
  const excel = fresh();
  const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
  const report = await renderPlan(plan, session);
  const name = embeddedSheetName(rubric.id, rubric.version);
  expect(report.created).not.toContain(name);
  expect(report.kept).toEqual([]);
  expect(report.syncs).toBe(3);
  const sheet = excel.sheets.find((s) => s.name === name)!;
  expect(sheet.visibility).toBe("VeryHidden");
  expect(excel.writes.some((w) => w.sheet === name && w.path === "worksheet.protection.protect()")).toBe(true);
  const pieces = [...sheet.grid.entries()].filter(([a]) => /^A\d+$/.test(a) && Number(a.slice(1)) >= 3);
  expect(pieces.length).toBeGreaterThan(1);
  for (const [, v] of pieces) {
    expect(String(v).startsWith(EMBED_PREFIX)).toBe(true);
    expect(String(v).length).toBeLessThanOrEqual(32767);
  }
  // Generating more units from the same rules does not write them again, nor say a word about them.
  const before = excel.writes.length;
  const again = await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan, session);
  expect(excel.writes.slice(before).some((w) => w.sheet === name)).toBe(false);
  expect(again.kept.map((k) => k.sheet)).not.toContain(name);
});

test("reopened, the pane reads the rules the workbook carries; with two copies, those most sheets were made from", async () => {
  const excel = fresh();
  await renderPlan(buildWorkbookPlan(other, [other.findUnit("石楼县")!, other.findUnit("交城县")!]).plan, session);
  session = newSession();
  const first = await readCarriedRules();
  expect(first.syncs).toBe(2);
  expect(first.rubric!.rules).toEqual(other.rules);
  // One unit generated later from the 2022 rules: the workbook now carries both; most of its sheets are 2022.2's.
  await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("市体育局")!]).plan, session);
  expect(excel.sheets.filter((s) => s.visibility === "VeryHidden")).toHaveLength(2);
  expect((await readCarriedRules()).rubric!.version).toBe("2022.2");
});

test("a workbook carrying no rules starts the pane on the embedded rules; a damaged copy is said", async () => {
  const excel = fresh();
  expect((await readCarriedRules()).rubric).toBeUndefined();
  await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan, session);
  const copy = excel.sheets.find((s) => s.visibility === "VeryHidden")!;
  copy.grid.set("A3", `${EMBED_PREFIX}{"format":`);
  session = newSession();
  const read = await readCarriedRules();
  expect(read.rubric).toBeUndefined();
  expect(read.problem).toMatch(/保存的考核规则（luliang-2022 2022\.1，工作表「规则数据_[0-9a-f]{8}」）已损坏/);
});

test("校验并汇总 with other rules than the workbook carries says what differs", async () => {
  fresh();
  await renderPlan(buildWorkbookPlan(other, [other.findUnit("石楼县")!]).plan, session);
  const report = await validateAndTotal(rubric, undefined, session);
  const differ = report.issues.find((i) => i.code === "rules.differ")!;
  expect(differ.severity).toBe("error");
  expect(differ.message).toContain(
    "等次及最低分：优秀 90、良好 80、合格 60、不合格 0 → 优秀 92、良好 80、合格 60、不合格 0",
  );
  expect(differ.message).toContain("版本：2022.1 → 2022.2");
  expect(differ.sheet).toBeUndefined();
});

test("导入回收的工作簿: a returned workbook of other rules is said with what differs", async () => {
  fresh();
  const bytes = await planToXlsx(buildWorkbookPlan(other, [other.findUnit("石楼县")!]).plan);
  const preview = await previewImport(rubric, [{ name: "石楼县.xlsx", bytes }]);
  expect(preview.merge.inserts).toEqual([]);
  expect(preview.merge.writes).toEqual([]);
  expect(preview.problems[0]).toEqual({
    file: "石楼县.xlsx",
    message: expect.stringMatching(
      /^「石楼县\.xlsx」保存的考核规则（luliang-2022 2022\.2）与当前使用的规则（luliang-2022 2022\.1）不同.*等次及最低分/,
    ),
  });
});
