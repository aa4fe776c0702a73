import "./withOfficeClient";
/**
 * Issue 17: rows keep fitting after entries are typed. Generated rows have fixed heights (for LibreOffice, WPS and
 * print), so Excel no longer fits them itself: the live check's flush gives the rows of changed entries the height
 * the file path gives them (fill.ts), in the flush's own write — no round trip more, never lower than planned.
 */
import { startLiveChecking } from "../../src/excel/check";
import { renderPlan, REQUEST_BUDGET } from "../../src/excel/render";
import { buildWorkbookPlan, fillUnitSheet, LINE_FIELDS, readWorkbook } from "../../src/layout";
import { columnPoints, linesIn, rowPoints } from "../../src/layout/fit";
import { luliang2022 } from "../support/rules";
import { FakeExcel } from "./fakeExcel";
import { colLetters } from "./fakeSheet";

const rubric = luliang2022;
const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
const sheetPlan = plan.sheets.find((s) => s.name === "石楼县")!;
const lines = sheetPlan.tables[0];
const rowOf = (label: string) => lines.top + 1 + lines.rows.findIndex((r) => String(r[0]) === label);
const findingsWidth = LINE_FIELDS.find((f) => f.key === "findings")!.width;
/** A finding of about 15 lines in 存在的问题's width. */
const LONG = "检查发现该单位安全生产责任制落实不到位，隐患排查台账记录不全，整改闭环资料缺失。".repeat(8);

let stop: (() => Promise<void>) | undefined;
// Excel raises the events of the add-in's own writes after the batch: checking stops before the next test.
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function setUp() {
  const excel = new FakeExcel();
  excel.install();
  await renderPlan(plan);
  const live = await startLiveChecking(
    rubric,
    () => undefined,
    (e) => {
      throw e;
    },
  );
  stop = async () => {
    await live.stop();
    await excel.settle();
  };
  const sheet = excel.sheets.find((s) => s.name === "石楼县")!;
  const heightWrites = () => excel.writes.filter((w) => w.sheet === "石楼县" && w.path === "range.format.rowHeight");
  return { excel, live, sheet, heightWrites };
}

test("a long finding typed into a sheet: at the flush its row's height holds all its lines, as in the exported file", async () => {
  const { excel, live, sheet } = await setUp();
  const row = rowOf("5");
  const planned = sheetPlan.rowHeights[row];
  await excel.personTypes("石楼县", { [`G${row}`]: LONG });
  expect(sheet.rowHeights.get(row)).toBe(planned); // not before the flush: a write now would take Ctrl+Z
  const syncs = excel.syncs;
  await live.flush();
  expect(excel.syncs - syncs).toBe(2); // the flush's look-up and write, as without refitting
  const height = sheet.rowHeights.get(row)!;
  const needed = rowPoints(linesIn(LONG, columnPoints(findingsWidth), 11), 11);
  expect(needed).toBeGreaterThan(planned * 3);
  expect(height).toBeGreaterThanOrEqual(needed);
  // The same height the file path gives the row (导出本单位工作簿, scorecard's carry-over).
  const grid = { name: "石楼县", cells: sheet.used().values.map((r) => r.map((v) => (v === "" ? null : v))) } as never;
  const read = readWorkbook(rubric, [grid]).units[0];
  const filled = fillUnitSheet(rubric, sheetPlan, read, grid);
  expect(filled.rowHeights[row]).toBe(height);
});

test("a short finding leaves the row as it is: no height written", async () => {
  const { excel, live, sheet, heightWrites } = await setUp();
  const row = rowOf("5");
  const before = heightWrites().length;
  await excel.personTypes("石楼县", { [`G${row}`]: "台账不全" });
  await live.flush();
  expect(heightWrites().length).toBe(before);
  expect(sheet.rowHeights.get(row)).toBe(sheetPlan.rowHeights[row]);
});

test("a long finding shortened again: the row goes back to its planned height, never lower", async () => {
  const { excel, live, sheet } = await setUp();
  const row = rowOf("5");
  await excel.personTypes("石楼县", { [`G${row}`]: LONG });
  await live.flush();
  expect(sheet.rowHeights.get(row)).toBeGreaterThan(sheetPlan.rowHeights[row]);
  await excel.personTypes("石楼县", { [`G${row}`]: "" });
  await live.flush();
  expect(sheet.rowHeights.get(row)).toBe(sheetPlan.rowHeights[row]);
});

test("a text longer than Excel's tallest row gets 409 points, and the change is still logged", async () => {
  const { excel, live, sheet } = await setUp();
  const row = rowOf("5");
  await excel.personTypes("石楼县", { [`G${row}`]: LONG.repeat(10) });
  await live.flush();
  expect(sheet.rowHeights.get(row)).toBe(409);
  expect(excel.sheets.find((s) => s.name === "变更记录")!.tables[0].rows).toBe(2);
});

test("a 1,000-cell paste of long findings: still one read and a flush of two round trips, each request within budget", async () => {
  const { excel, live, sheet, heightWrites } = await setUp();
  const paste: Record<string, unknown> = {};
  for (let i = 0; i < lines.rows.length; i++) {
    paste[`E${lines.top + 1 + i}`] = 0;
    paste[`G${lines.top + 1 + i}`] = `${i}：${LONG}`;
  }
  for (let i = 0; Object.keys(paste).length < 1000; i++) paste[`K${lines.top + 1 + i}`] = i; // beside the table
  const before = heightWrites().length;
  const syncs = excel.syncs;
  await excel.personTypes("石楼县", paste);
  expect(excel.syncs - syncs).toBe(1);
  await live.flush();
  expect(excel.syncs - syncs).toBe(3);
  const flushRequests = excel.requests.filter((r) => r.sync >= syncs);
  expect(flushRequests.length).toBeGreaterThan(0);
  expect(Math.max(...flushRequests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
  for (let i = 0; i < lines.rows.length; i++) {
    const row = lines.top + 1 + i;
    expect([row, sheet.rowHeights.get(row)! >= rowPoints(linesIn(LONG, columnPoints(findingsWidth), 11), 11)]).toEqual([
      row,
      true,
    ]);
  }
  // Runs of rows of the same height share one write: fewer writes than rows.
  expect(heightWrites().length - before).toBeLessThan(lines.rows.length);
});

test("a sheet a person protected without row formatting allowed is not refitted, and the change is still logged", async () => {
  const { excel, live, sheet } = await setUp();
  sheet.protectionOptions = {}; // protected again by hand, "format rows" left off
  const row = rowOf("5");
  await excel.personTypes("石楼县", { [`G${row}`]: LONG });
  await live.flush();
  expect(sheet.rowHeights.get(row)).toBe(sheetPlan.rowHeights[row]);
  expect(excel.sheets.find((s) => s.name === "变更记录")!.tables[0].rows).toBe(2);
  expect(live.pending()).toBe(0);
});

test("a long 说明 typed beside 加分 grows its row too", async () => {
  const { excel, live, sheet } = await setUp();
  const adjust = sheetPlan.tables.find((t) => t.columns[0].name === "项目")!;
  const row = adjust.top + 1;
  await excel.personTypes("石楼县", { [`${colLetters(adjust.left + 2)}${row}`]: LONG });
  await live.flush();
  expect(sheet.rowHeights.get(row)).toBeGreaterThan(sheetPlan.rowHeights[row]);
});
