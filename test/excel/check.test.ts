import "./withOfficeClient";
import { checkSheet, startLiveChecking, type SheetCheck } from "../../src/excel/check";
import { renderPlan } from "../../src/excel/render";
import { repairUnitSheet } from "../../src/excel/repair";
import { buildWorkbookPlan, CHANGE_LOG_HEADER_ROW, readMeta } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { FakeExcel } from "./fakeExcel";
import { boxOf } from "./fakeSheet";

const rubric = luliang2022;
const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
const lines = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
const rowOf = (label: string) => lines.top + 1 + lines.rows.findIndex((r) => String(r[0]) === label);

async function setUp(apiVersion = "1.14") {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.install();
  await renderPlan(plan);
  const checks: SheetCheck[] = [];
  const live = await startLiveChecking(
    rubric,
    (c) => checks.push(c),
    (e) => {
      throw e;
    },
  );
  return { excel, checks, live };
}

/** Writes the add-in made outside the hidden change log since `from`. */
const writesOutsideLog = (excel: FakeExcel, from: number) =>
  excel.writes.slice(from).filter((w) => w.sheet !== "变更记录");

// Checking reads one round trip and writes nothing: a write after the person's edit would take their Ctrl+Z. The
// change waits for 变更记录 until flush() (before the pane's next action), which reads and writes once.
test("an invalid edit is reported on its cell in one read, logged at the next flush, and goes away when fixed", async () => {
  const { excel, checks, live } = await setUp();
  const cell = `E${rowOf("5")}`;
  const writes = excel.writes.length;
  const syncs = excel.syncs;
  await excel.personTypes("石楼县", { [cell]: "０．５" });
  expect(excel.syncs - syncs).toBe(1); // read the sheet
  expect(live.pending()).toBe(1);
  await live.flush();
  expect(excel.syncs - syncs).toBe(3); // 变更记录 looked up; appended to (made, here)
  const issue = checks[0].issues.find((i) => i.cell === cell)!;
  expect(issue).toMatchObject({ code: "deduction.notNumber", severity: "error", sheet: "石楼县" });
  expect(issue.message).toContain("半角数字 0.5");
  expect(checks[0].result!.grade).toBe("待更正");
  await excel.personTypes("石楼县", { [cell]: 0.5 });
  expect(checks[1].issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(checks[1].result!.normalized).toBe(9946); // (92 − 0.5) / 92 = 99.456… → 99.46
  expect(writesOutsideLog(excel, writes)).toEqual([]); // the add-in never writes into a person's cells
  expect(excel.sheets.find((s) => s.name === "石楼县")!.cell(cell)).toBe(0.5);
});

test("a 1,000-cell paste is checked in one read and logged in one write", async () => {
  const { excel, checks, live } = await setUp();
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
  await live.flush();
  expect(excel.sheets.find((s) => s.name === "变更记录")!.tables[0].rows).toBe(1001); // header + one row per cell
  expect(checks).toHaveLength(1);
  expect(checks[0].issues.filter((i) => i.severity === "error")).toEqual([]);
});

test("the add-in's own writes are not checked: triggerSource where ExcelApi 1.14 exists", async () => {
  const { excel, checks } = await setUp("1.14");
  await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: "x" }, { triggerSource: "ThisLocalAddin" });
  expect(checks).toEqual([]);
});

test("… and, before 1.14, no change events at all for its writes (context.runtime.enableEvents), whenever Excel raises them", async () => {
  const { excel, checks, live } = await setUp("1.9");
  await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: 0.5 });
  await live.flush(); // the add-in writes 变更记录 and, on the first write, makes it
  await repairUnitSheet(rubric, "石楼县");
  await excel.settle(); // Excel raises change events after the batch, not inside it
  expect(checks.map((c) => c.sheet)).toEqual(["石楼县"]); // the person's edit only
  const log = excel.sheets.find((s) => s.name === "变更记录")!;
  expect(log.tables[0].rows).toBe(2); // header and that edit: the add-in's own writes are not logged
});

// Each co-author's own pane logs their edits (as 本机录入 there); logging them here too would log every edit twice.
test("a co-author's change is checked here but logged only by their own pane, and nothing is written over it", async () => {
  const { excel, checks, live } = await setUp();
  const writes = excel.writes.length;
  await excel.personTypes("石楼县", { [`E${rowOf("6")}`]: -1 }, { source: "Remote" });
  expect(checks[0].issues.map((i) => i.code)).toContain("deduction.negative");
  await live.flush();
  expect(excel.writes.slice(writes)).toEqual([]);
  expect(excel.sheets.find((s) => s.name === "变更记录")).toBeUndefined();
});

describe("变更记录, the change log", () => {
  test("each edit is appended with its sheet, cell, old and new value, in a hidden sheet", async () => {
    const { excel, live } = await setUp();
    const cell = `E${rowOf("5")}`;
    await excel.personTypes("石楼县", { [cell]: 0.5 });
    await excel.personTypes("石楼县", { [cell]: 0.3 });
    await live.flush();
    const log = excel.sheets.find((s) => s.name === "变更记录")!;
    expect(log.visibility).toBe("Hidden");
    // Row 1 is the hidden marker row every generated sheet has; the table's header is under it.
    expect(readMeta(log.block(boxOf("A1:F1")!)[0])).toMatchObject({ role: "changeLog" });
    const header = CHANGE_LOG_HEADER_ROW;
    expect([0, 1, 2].map((i) => ["B", "C", "D", "E", "F"].map((c) => log.cell(`${c}${header + i}`)))).toEqual([
      ["工作表", "单元格", "原值", "新值", "来源"],
      ["石楼县", cell, "", 0.5, "本机录入"],
      ["石楼县", cell, 0.5, 0.3, "本机录入"],
    ]);
    expect(String(log.cell(`A${header + 1}`))).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/);
  });

  test("a typed formula or a text starting with = + - @ is logged as text, never as a formula", async () => {
    const { excel, live } = await setUp();
    const findings = `G${rowOf("5")}`;
    await excel.personTypes("石楼县", { [findings]: '=HYPERLINK("http://x")' });
    await excel.personTypes("石楼县", { [findings]: "-检查发现" });
    await live.flush();
    const log = excel.sheets.find((s) => s.name === "变更记录")!;
    const [first, second] = [CHANGE_LOG_HEADER_ROW + 1, CHANGE_LOG_HEADER_ROW + 2];
    expect(log.cell(`E${first}`)).toBe('\'=HYPERLINK("http://x")');
    expect(log.cell(`D${second}`)).toBe('\'=HYPERLINK("http://x")');
    expect(log.cell(`E${second}`)).toBe("'-检查发现");
  });

  test("the add-in's own writes and edits outside score sheets are not logged", async () => {
    const { excel } = await setUp();
    excel.addSheet("草稿");
    await excel.personTypes("草稿", { A1: "备忘" });
    await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: 1 }, { triggerSource: "ThisLocalAddin" });
    expect(excel.sheets.find((s) => s.name === "变更记录")).toBeUndefined();
  });

  test("a 变更记录 made by an earlier version (header in row 1, no marker row) is appended to, not made again", async () => {
    const excel = new FakeExcel();
    excel.install();
    await renderPlan(plan);
    const old = excel.addSheet("变更记录");
    ["时间", "工作表", "单元格", "原值", "新值", "来源"].forEach((h, i) => old.set(`${"ABCDEF"[i]}1`, h));
    old.tables.push({ name: "ScorecardChangeLog", sheet: old, top: 1, left: 1, rows: 1 });
    const live = await startLiveChecking(
      rubric,
      () => undefined,
      (e) => {
        throw e;
      },
    );
    await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: 1 });
    await live.flush();
    expect(excel.sheets.filter((s) => s.name === "变更记录")).toEqual([old]);
    expect(["B2", "C2", "E2"].map((a) => old.cell(a))).toEqual(["石楼县", `E${rowOf("5")}`, 1]);
  });

  test("a 变更记录 whose table a person turned into a range keeps its rows: nothing is made over it", async () => {
    const { excel, live } = await setUp();
    await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: 0.5 });
    await live.flush();
    const log = excel.sheets.find((s) => s.name === "变更记录")!;
    log.tables.splice(0); // 表格工具 → 转换为区域
    await excel.personTypes("石楼县", { [`E${rowOf("6")}`]: 1 });
    await live.flush();
    expect(excel.sheets.find((s) => s.name === "变更记录")).toBe(log);
    expect(log.cell(`E${CHANGE_LOG_HEADER_ROW + 1}`)).toBe(0.5);
    expect(live.pending()).toBe(1); // waits, and the user is told
  });

  test("a sheet called 变更记录 that the add-in did not make is left alone, and the user is told", async () => {
    const excel = new FakeExcel();
    excel.install();
    await renderPlan(plan);
    excel.addSheet("变更记录").grid.set("A1", "我的笔记");
    const notices: string[] = [];
    const live = await startLiveChecking(
      rubric,
      () => undefined,
      (e) => {
        throw e;
      },
      { onNotice: (n) => notices.push(n) },
    );
    await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: 1 });
    await live.flush();
    expect(excel.sheets.find((s) => s.name === "变更记录")!.cell("A1")).toBe("我的笔记");
    expect(excel.writes.filter((w) => w.sheet === "变更记录")).toEqual([]);
    expect(notices[0]).toContain("修改未记入变更记录");
  });
});

test("Excel 2019 (ExcelApi 1.8): each sheet is watched on its own, and sheets generated later are watched too", async () => {
  const { excel, checks } = await setUp("1.8");
  await excel.personTypes("石楼县", { [`E${rowOf("5")}`]: "x" });
  expect(checks.map((c) => [c.sheet, c.issues.some((i) => i.code === "deduction.notNumber")])).toEqual([
    ["石楼县", true],
  ]);
  await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan);
  await excel.settle(); // Excel raises onAdded after the batch
  const jiaocheng = buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan.sheets.find(
    (s) => s.name === "交城县",
  )!.tables[0];
  await excel.personTypes("交城县", { [`E${jiaocheng.top + 1}`]: -1 });
  expect(checks.map((c) => c.sheet)).toEqual(["石楼县", "交城县"]);
  expect(checks[1].issues.map((i) => i.code)).toContain("deduction.negative");
});

test("an Excel older than ExcelApi 1.7 gets a clear message instead of live checking", async () => {
  const excel = new FakeExcel();
  excel.apiVersion = "1.6";
  excel.install();
  await expect(
    startLiveChecking(
      rubric,
      () => undefined,
      () => undefined,
    ),
  ).rejects.toThrow(/ExcelApi 1\.7/);
});

test("checking a sheet by hand reads it in one round trip", async () => {
  const { excel } = await setUp();
  const syncs = excel.syncs;
  const check = await checkSheet(rubric, "石楼县");
  expect(excel.syncs - syncs).toBe(1);
  expect(check.result!.applicableTotal).toBe(9200);
});
