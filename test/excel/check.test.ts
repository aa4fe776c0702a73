import { checkSheet, startLiveChecking, whileWriting, type SheetCheck } from "../../src/excel/check";
import { renderPlan } from "../../src/excel/render";
import { buildWorkbookPlan } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { FakeExcel } from "./fakeExcel";

const rubric = defaultRubric();
const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
const lines = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
const rowOf = (label: string) => lines.top + 1 + lines.rows.findIndex((r) => r[0] === label);

async function setUp(apiVersion = "1.14") {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.install();
  await renderPlan(plan);
  const checks: SheetCheck[] = [];
  await startLiveChecking(rubric, (c) => checks.push(c), (e) => {
    throw e;
  });
  return { excel, checks };
}

test("an invalid edit is reported on its cell in one round trip, and goes away when fixed; nothing is written", async () => {
  const { excel, checks } = await setUp();
  const cell = `E${rowOf("5")}`;
  const writes = excel.writes.length;
  const syncs = excel.syncs;
  await excel.personTypes("石楼县", { [cell]: "０．５" });
  expect(excel.syncs - syncs).toBe(1);
  const issue = checks[0].issues.find((i) => i.cell === cell)!;
  expect(issue).toMatchObject({ code: "deduction.notNumber", severity: "error", sheet: "石楼县" });
  expect(issue.message).toContain("半角数字 0.5");
  expect(checks[0].result!.grade).toBe("待更正");
  await excel.personTypes("石楼县", { [cell]: 0.5 });
  expect(checks[1].issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(checks[1].result!.normalized).toBe(9946); // (92 − 0.5) / 92 = 99.456… → 99.46
  expect(excel.writes.length).toBe(writes); // the add-in never writes into a person's cells
  expect(excel.sheets.find((s) => s.name === "石楼县")!.cell(cell)).toBe(0.5);
});

test("a 1,000-cell paste is checked in one round trip", async () => {
  const { excel, checks } = await setUp();
  const paste: Record<string, unknown> = {};
  for (let i = 0; i < 70; i++) {
    const row = lines.top + 1 + i;
    paste[`E${row}`] = 0;
    paste[`G${row}`] = `发现问题 ${i}`;
  }
  for (let i = 0; Object.keys(paste).length < 1000; i++) paste[`K${lines.top + 1 + i}`] = i; // beside the table
  const syncs = excel.syncs;
  await excel.personTypes("石楼县", paste);
  expect(excel.syncs - syncs).toBe(1);
  expect(checks).toHaveLength(1);
  expect(checks[0].issues.filter((i) => i.severity === "error")).toEqual([]);
});

test("the add-in's own writes are not checked: triggerSource where ExcelApi 1.14 exists", async () => {
  const { excel, checks } = await setUp("1.14");
  await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: "x" }, { triggerSource: "ThisLocalAddin" });
  expect(checks).toEqual([]);
});

test("… and a guard where it does not", async () => {
  const { excel, checks } = await setUp("1.9");
  await whileWriting(() => excel.personTypes("石楼县", { [`E${rowOf("5")}`]: "x" }));
  expect(checks).toEqual([]);
  await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: "x" });
  expect(checks).toHaveLength(1);
});

test("a co-author's change is checked but nothing is written over it", async () => {
  const { excel, checks } = await setUp();
  const writes = excel.writes.length;
  await excel.personTypes("石楼县", { [`E${rowOf("6")}`]: -1 }, { source: "Remote" });
  expect(checks[0].issues.map((i) => i.code)).toContain("deduction.negative");
  expect(excel.writes.length).toBe(writes);
});

test("an Excel older than ExcelApi 1.9 gets a clear message instead of live checking", async () => {
  const excel = new FakeExcel();
  excel.apiVersion = "1.8";
  excel.install();
  await expect(startLiveChecking(rubric, () => undefined, () => undefined)).rejects.toThrow(/ExcelApi 1\.9/);
});

test("checking a sheet by hand reads it in one round trip", async () => {
  const { excel } = await setUp();
  const syncs = excel.syncs;
  const check = await checkSheet(rubric, "石楼县");
  expect(excel.syncs - syncs).toBe(1);
  expect(check.result!.applicableTotal).toBe(9200);
});
