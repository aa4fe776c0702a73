import "./withOfficeClient";
/**
 * Issue 15: what real Excel does and the double now models (excelRules.ts) — undo, cell-edit mode, batches that are
 * no transactions, text read as typing, events raised late and overlapping, handlers per context, response limits.
 * Each test failed on the adapter as it was.
 */
import { startLiveChecking, type SheetCheck } from "../../src/excel/check";
import { exportUnit } from "../../src/excel/exportUnit";
import { applyImport, previewImport } from "../../src/excel/importWorkbooks";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import { renderPlan } from "../../src/excel/render";
import { repairUnitSheet } from "../../src/excel/repair";
import { newSession } from "../../src/excel/session";
import { validateAndTotal } from "../../src/excel/total";
import {
  buildWorkbookPlan,
  CHANGE_LOG_HEADER_ROW,
  fillUnitSheet,
  planToGrid,
  readWorkbook,
  withEntries,
} from "../../src/layout";
import { loadRubric, type Rubric } from "../../src/rubric";
import { planToXlsx } from "../../src/xlsx";
import { luliang2022, luliang2022Json } from "../support/rules";
import { FakeExcel } from "./fakeExcel";

const rubric = luliang2022;
/** 变更记录's first data row, under its header (row 1 is the hidden marker row). */
const FIRST_LOG_ROW = CHANGE_LOG_HEADER_ROW + 1;
const UNITS = [rubric.findUnit("石楼县")!, rubric.findUnit("交城县")!];

async function workbook(apiVersion = "1.14", rules: Rubric = rubric) {
  const excel = new FakeExcel();
  excel.apiVersion = apiVersion;
  excel.install();
  const session = newSession();
  const plan = buildWorkbookPlan(rules, UNITS).plan;
  await renderPlan(plan, session);
  const lines = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
  const row = (label: string) => lines.top + 1 + lines.rows.findIndex((r) => String(r[0]) === label);
  return { excel, session, plan, row, sheet: (name: string) => excel.sheets.find((s) => s.name === name)! };
}

async function watching() {
  const checks: SheetCheck[] = [];
  const errors: Error[] = [];
  const live = await startLiveChecking(
    rubric,
    (c) => checks.push(c),
    (e) => errors.push(e),
  );
  return { checks, errors, live };
}

describe("Undo", () => {
  // Before ExcelApi 1.20 any add-in write clears Excel's undo stack; from 1.20 it is an undo step on top.
  test.each(["1.8", "1.14", "1.20"])(
    "on ExcelApi %s, Ctrl+Z after live checking undoes the person's own edit",
    async (v) => {
      const { excel, row, sheet } = await workbook(v);
      const { checks } = await watching();
      const cell = `E${row("5")}`;
      await excel.personTypes("石楼县", { [cell]: 0.5 });
      expect(checks).toHaveLength(1); // checked
      expect(excel.pressUndo()).toBe("person");
      expect(sheet("石楼县").cell(cell)).toBe("");
    },
  );

  test("the changes reach 变更记录 at the flush the pane makes before its next action", async () => {
    const { excel, row, sheet } = await workbook();
    const { live } = await watching();
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    expect(excel.sheets.some((s) => s.name === "变更记录")).toBe(false);
    await live.flush();
    expect(sheet("变更记录").cell(`E${FIRST_LOG_ROW}`)).toBe(0.5);
  });
});

test("a failed write of 变更记录 keeps its rows for the next flush, and checking goes on", async () => {
  const { excel, row, sheet } = await workbook();
  const { live, checks } = await watching();
  await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
  excel.breakSync(2); // the write after the look-up fails midway
  await expect(live.flush()).rejects.toThrow();
  expect(live.pending()).toBe(1);
  await excel.personTypes("石楼县", { [`E${row("6")}`]: 1 });
  expect(checks).toHaveLength(2);
  await live.flush();
  const log = sheet("变更记录");
  expect([0, 1].map((i) => log.cell(`C${FIRST_LOG_ROW + i}`))).toEqual([`E${row("5")}`, `E${row("6")}`]);
});

describe("cell-edit mode", () => {
  test("ExcelApi 1.11: a batch waits until the person leaves the cell (delayForCellEdit), then runs", async () => {
    const { excel, session } = await workbook("1.11");
    excel.startEditing();
    const totalled = validateAndTotal(rubric, undefined, session);
    setTimeout(() => excel.stopEditing(), 50);
    await expect(totalled).resolves.toMatchObject({ summarySheet: "汇总" });
  });

  test("before 1.11: the batch fails in cell-edit mode and is tried again until it runs", async () => {
    const { excel, session } = await workbook("1.9");
    excel.startEditing();
    const totalled = validateAndTotal(rubric, undefined, session);
    setTimeout(() => excel.stopEditing(), 700);
    await expect(totalled).resolves.toMatchObject({ summarySheet: "汇总" });
  });

  test("an edit checked while the person is typing elsewhere is still logged", async () => {
    const { excel, row, sheet } = await workbook("1.9");
    const { live, errors } = await watching();
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    excel.startEditing();
    const flushed = live.flush();
    setTimeout(() => excel.stopEditing(), 700);
    await flushed;
    expect(errors).toEqual([]);
    expect(sheet("变更记录").cell(`E${FIRST_LOG_ROW}`)).toBe(0.5);
  });
});

describe("no step loses an entry (a batch is not a transaction)", () => {
  /** Every entry of 石楼县 as the reader finds it in the workbook, whatever the sheet is called now. */
  const entriesNow = (excel: FakeExcel) => {
    const grids = excel.sheets.map((s) => ({ name: s.name, cells: gridOf(s) }));
    return readWorkbook(rubric, grids).units.find((u) => u.entries.unit === "石楼县")?.entries;
  };
  const gridOf = (s: { used(): { values: unknown[][] } }) =>
    s.used().values.map((r) => r.map((v) => (v === "" ? null : v))) as never;

  test.each([1, 2, 3])("修复本表 failing at its step %i leaves every entry in the workbook", async (step) => {
    const { excel, row, sheet } = await workbook();
    const s = sheet("石楼县");
    s.set(`E${row("5")}`, 0.5);
    s.set(`G${row("5")}`, "台账不全");
    s.set(`F${row("6")}`, 2); // a number typed over a 得分 formula: what 修复本表 mends
    const before = entriesNow(excel);
    excel.breakSync(step);
    await expect(repairUnitSheet(rubric, "石楼县")).rejects.toThrow();
    expect(entriesNow(excel)).toEqual(before);
  });

  // Import no longer replaces a sheet: it fills in the blank cells of the sheet there. Failing at its write leaves
  // the person's entries as they were; succeeding adds the file's without touching them.
  test("import merging a returned sheet into the unit's, failing at its write, leaves every entry there", async () => {
    const { excel, row, sheet, session } = await workbook();
    sheet("石楼县").set(`E${row("5")}`, 0.5);
    const returned = buildWorkbookPlan(rubric, [UNITS[0]]).plan;
    const unitPlan = returned.sheets.find((s) => s.name === "石楼县")!;
    const filled = fillUnitSheet(
      rubric,
      unitPlan,
      readWorkbook(rubric, [withEntries(planToGrid(unitPlan), { [`E${row("6")}`]: 1 })]).units[0],
      withEntries(planToGrid(unitPlan), { [`E${row("6")}`]: 1 }),
    );
    const bytes = await planToXlsx({ ...returned, sheets: [filled] });
    const preview = await previewImport(rubric, [{ name: "石楼县.xlsx", bytes }], session);
    const before = entriesNow(excel);
    excel.breakSync(1);
    await expect(applyImport(preview)).rejects.toThrow();
    expect(entriesNow(excel)).toEqual(before);
    await applyImport(preview);
    expect(entriesNow(excel)!.lines).toMatchObject({ "county:5": { deduction: 0.5 }, "county:6": { deduction: 1 } });
  });
});

test("text stays text: a rules version like 2023.10 is read back as written, so its sheets are recognised", async () => {
  const rules = loadRubric({ ...(luliang2022Json as object), version: "2023.10" });
  const { excel, session } = await workbook("1.14", rules);
  const report = await validateAndTotal(rules, undefined, session);
  expect(report.issues.filter((i) => i.code === "sheet.otherRules")).toEqual([]);
  expect(report.counties.map((r) => r.unit)).toEqual(expect.arrayContaining(["石楼县", "交城县"]));
  expect(excel.sheets.find((s) => s.name === "石楼县")!.cell("E1")).toBe("2023.10");
});

describe("events", () => {
  test("two edits inside one round trip: one handler after the other, both in 变更记录", async () => {
    const { excel, row, sheet } = await workbook();
    const { live, errors } = await watching();
    await Promise.all([
      excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 }),
      excel.personTypes("石楼县", { [`E${row("6")}`]: 1 }),
      excel.personTypes("交城县", { [`E${row("5")}`]: 1 }),
    ]);
    await live.flush();
    expect(errors).toEqual([]);
    const log = sheet("变更记录");
    const r = [0, 1, 2].map((i) => FIRST_LOG_ROW + i);
    expect(r.map((r) => `${log.cell(`B${r}`)}!${log.cell(`C${r}`)}=${log.cell(`E${r}`)}`)).toEqual([
      `石楼县!E${row("5")}=0.5`,
      `石楼县!E${row("6")}=1`,
      `交城县!E${row("5")}=1`,
    ]);
  });

  test("ExcelApi 1.8: after stop(), no handler is left, not even on sheets generated later", async () => {
    const { excel, session } = await workbook("1.8");
    const { checks, live } = await watching();
    await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("文水县")!]).plan, session);
    await excel.settle();
    await live.stop();
    await excel.personTypes("文水县", { E10: 1 });
    await excel.personTypes("石楼县", { E10: 1 });
    expect(checks).toEqual([]);
    expect(excel.changeHandlers.length + excel.sheets.reduce((n, s) => n + s.changeHandlers.length, 0)).toBe(0);
  });
});

test("a large sheet of the person's own is never read whole (Excel on the web answers at most 5 MB)", async () => {
  const { excel, session } = await workbook();
  const mine = excel.addSheet("台账");
  for (let r = 1; r <= 60000; r++) mine.set(`A${r}`, `第${r}条检查记录：消防通道、应急照明、台账均已核查`);
  const report = await validateAndTotal(rubric, undefined, session);
  expect(report.summarySheet).toBe("汇总");
  expect(Math.max(...excel.responses.map((r) => r.bytes))).toBeLessThan(1024 * 1024);
});

test("a failed Excel.createWorkbook says why", async () => {
  const { excel } = await workbook();
  excel.createWorkbookError = Object.assign(new Error("The pop-up was blocked."), { code: "PopupBlocked" });
  const report = await exportUnit(rubric, { sheetName: "石楼县" });
  expect(report.opened).toBe(false);
  expect(report.notices.join("\n")).toContain("The pop-up was blocked.");
});

test("校验并汇总 and 修复本表 of all 57 units keep every request within the budget (2.5 MB) as Office sends it", async () => {
  const excel = new FakeExcel();
  excel.install();
  const session = newSession();
  await renderPlan(buildWorkbookPlan(rubric, rubric.registry.all).plan, session);
  const from = excel.syncs;
  await validateAndTotal(rubric, undefined, session);
  await repairUnitSheet(rubric, "石楼县");
  const sent = excel.requests.filter((r) => r.sync >= from);
  expect(sent.length).toBeGreaterThanOrEqual(4);
  expect(Math.max(...sent.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
});
