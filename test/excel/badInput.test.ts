import "./withOfficeClient";
/**
 * The bad-input matrix in Excel, as a person meets it: each wrong entry, paste, deleted or inserted row, renamed or
 * deleted sheet and broken 汇总 gives a message in Chinese on its cell, and nothing anyone typed is lost — the cell
 * keeps what was typed, the add-in writes nothing into it, and 变更记录 holds it. 修复本表 mends a damaged sheet
 * with its entries put back, logging every value the rebuild replaces.
 */
import { CHANGE_LOG_SHEET_NAME } from "../../src/excel/changeLog";
import { CHANGE_LOG_HEADER_ROW } from "../../src/layout";
import { checkSheet, startLiveChecking, type SheetCheck } from "../../src/excel/check";
import { renderPlan } from "../../src/excel/render";
import { REPAIR_SOURCE, repairUnitSheet } from "../../src/excel/repair";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan, REPAIR_HINT, type WorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { BAD_ENTRIES } from "../support/badEntries";
import { FakeExcel, type FakeSheet } from "./fakeExcel";

const rubric = luliang2022;
const UNITS = ["石楼县", "交城县"].map((n) => rubric.findUnit(n)!);

function lineRow(plan: WorkbookPlan, sheet: string, label: string): number {
  const t = plan.sheets.find((s) => s.name === sheet)!.tables[0];
  return t.top + 1 + t.rows.findIndex((r) => String(r[0]) === label);
}

async function setUp() {
  const excel = new FakeExcel();
  excel.install();
  const plan = buildWorkbookPlan(rubric, UNITS).plan;
  await renderPlan(plan);
  const checks: SheetCheck[] = [];
  const live = await startLiveChecking(
    rubric,
    (c) => checks.push(c),
    (e) => {
      throw e;
    },
  );
  // Changes reach 变更记录 when the pane flushes them (before its next action): here after each edit.
  const typed = excel.personTypes.bind(excel);
  excel.personTypes = async (...args) => {
    await typed(...args);
    await live.flush();
  };
  const sheet = (name: string) => excel.sheets.find((s) => s.name === name)!;
  const log = () => {
    const s = excel.sheets.find((x) => x.name === CHANGE_LOG_SHEET_NAME);
    const rows: unknown[][] = [];
    // Data rows under the log's header (row 1 is the hidden marker row).
    for (let r = CHANGE_LOG_HEADER_ROW + 1; s && s.cell(`A${r}`) !== ""; r++)
      rows.push(["B", "C", "D", "E", "F"].map((c) => s.cell(`${c}${r}`)));
    return rows;
  };
  const writesSince = (n: number) => excel.writes.slice(n).filter((w) => w.sheet !== CHANGE_LOG_SHEET_NAME);
  return {
    excel,
    plan,
    checks,
    sheet,
    log,
    writesSince,
    row: (label: string, name = "石楼县") => lineRow(plan, name, label),
  };
}

/** Moves every cell at or below `from` by `delta` rows, as deleting (−1) or inserting (+1) a row does. */
function shiftRows(sheet: FakeSheet, from: number, delta: number) {
  const moved = [...sheet.grid].map(([address, value]) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const r = Number(m[2]);
    return [r >= from ? `${m[1]}${r + delta}` : address, value] as const;
  });
  sheet.grid.clear();
  for (const [address, value] of moved) sheet.grid.set(address, value);
}

function deleteRow(sheet: FakeSheet, row: number) {
  for (const key of [...sheet.grid.keys()]) if (Number(/\d+$/.exec(key)![0]) === row) sheet.grid.delete(key);
  shiftRows(sheet, row + 1, -1);
}

const ENTRIES = BAD_ENTRIES.map((e) => [e.what, e.inExcel, e.line, e.column, e.code, e.message] as const);

describe("a wrong entry is said on its cell at once, and kept as typed", () => {
  test.each(ENTRIES)("%s", async (_what, value, label, col, code, message) => {
    const { excel, checks, sheet, log, writesSince, row } = await setUp();
    const cell = `${col}${row(label)}`;
    const was = sheet("石楼县").cell(cell); // 是否参与打分 starts as 是
    const writes = excel.writes.length;
    await excel.personTypes("石楼县", { [cell]: value });
    const issue = checks.at(-1)!.issues.find((i) => i.cell === cell);
    expect(issue).toMatchObject({ code, severity: "error", sheet: "石楼县" });
    expect(issue!.message).toMatch(message);
    expect(checks.at(-1)!.result!.grade).toBe("待更正");
    expect(sheet("石楼县").cell(cell)).toBe(value);
    expect(writesSince(writes)).toEqual([]);
    const typed = typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
    expect(log()).toEqual([["石楼县", cell, was, typed, "本机录入"]]);
  });
});

describe("a pasted block over the formula columns (protection removed)", () => {
  test("is reported on every formula cell it covered; 修复本表 puts the formulas back, keeps the entries and logs what it replaced", async () => {
    const { excel, checks, sheet, log, row } = await setUp();
    const rows = ["1", "2", "3"].map((l) => row(l));
    const block: Record<string, unknown> = {};
    for (const r of rows) Object.assign(block, { [`E${r}`]: 0.5, [`F${r}`]: 1.5, [`G${r}`]: `台账缺失 ${r}` });
    const formulas = rows.map((r) => sheet("石楼县").cell(`F${r}`));
    expect(formulas.every((f) => typeof f === "string" && f.startsWith("="))).toBe(true);
    await excel.personTypes("石楼县", block);
    const overwritten = checks.at(-1)!.issues.filter((i) => i.code === "sheet.formulaOverwritten");
    expect(overwritten.map((i) => i.cell)).toEqual(rows.map((r) => `F${r}`));
    expect(overwritten[0].message).toContain("公式被改成了固定值「1.5」");
    expect(overwritten[0].message).toContain(REPAIR_HINT);
    expect(rows.map((r) => sheet("石楼县").cell(`F${r}`))).toEqual([1.5, 1.5, 1.5]);

    const position = excel.sheets.indexOf(sheet("石楼县"));
    const syncs = excel.syncs;
    const report = await repairUnitSheet(rubric, "石楼县", () => new Date(Date.UTC(2026, 10, 29, 2)));
    // One read; the rebuilt sheet built under a temporary name (with the log); then swapped in: no step can lose an entry.
    expect(excel.syncs - syncs).toBe(3);
    expect(report).toMatchObject({ sheet: "石楼县", unit: "石楼县", logged: 3 });
    const mended = sheet("石楼县");
    expect(excel.sheets.indexOf(mended)).toBe(position);
    expect(rows.map((r) => mended.cell(`F${r}`))).toEqual(formulas);
    expect(rows.map((r) => [mended.cell(`E${r}`), mended.cell(`G${r}`)])).toEqual(
      rows.map((r) => [0.5, `台账缺失 ${r}`]),
    );
    expect(log().filter((l) => l[4] === REPAIR_SOURCE)).toEqual(
      rows.map((r, i) => ["石楼县", `F${r}`, 1.5, `'${formulas[i]}`, REPAIR_SOURCE]),
    );
    const after = await checkSheet(rubric, "石楼县");
    expect(after.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(after.result!.itemsScore).toBe(after.result!.lines.reduce((n, l) => n + (l.score ?? 0), 0));
  });

  test("a workbook holding only the unit's sheet and its hidden 变更记录 (a unit's own workbook) is repaired too", async () => {
    const { excel, sheet, row } = await setUp();
    excel.sheets.splice(0, excel.sheets.length, sheet("石楼县"));
    await excel.personTypes("石楼县", { [`F${row("5")}`]: 2 });
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["石楼县", "Visible"],
      ["变更记录", "Hidden"],
    ]);
    await repairUnitSheet(rubric, "石楼县");
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["石楼县", "Visible"],
      ["变更记录", "Hidden"],
    ]);
    expect(String(sheet("石楼县").cell(`F${row("5")}`))).toMatch(/^=IF\(/);
  });
});

describe("rows deleted or inserted inside a scoring table", () => {
  test("a deleted line is named with a way back; 变更记录 still holds what was typed on it; 修复本表 brings the line back and moves nothing else", async () => {
    const { excel, sheet, log, row } = await setUp();
    await excel.personTypes("石楼县", { [`E${row("3")}`]: 0.3 });
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    deleteRow(sheet("石楼县"), row("3"));
    const check = await checkSheet(rubric, "石楼县");
    const missing = check.issues.find((i) => i.code === "sheet.linesMissing")!;
    expect(missing.message).toMatch(/缺少考核项目 3（行被删除？）/);
    expect(missing.message).toContain("修复本表");
    expect(check.result!.lines.find((l) => l.label === "5")!.deduction).toBe(50); // the line below is still read right
    expect(log()[0]).toEqual(["石楼县", `E${row("3")}`, "", 0.3, "本机录入"]);
    // A line gone would count as full points: the unit is not graded until the sheet is whole again.
    const totalled = await validateAndTotal(rubric);
    expect(totalled.counties.find((r) => r.unit === "石楼县")).toMatchObject({ grade: "待更正", rank: null });

    const report = await repairUnitSheet(rubric, "石楼县");
    expect(report.logged).toBe(0); // labels and entries that moved up are not "lost"
    const mended = sheet("石楼县");
    expect(mended.cell(`A${row("3")}`)).toBe(3); // 序号 are numbers: no "number stored as text" triangles
    expect(mended.cell(`E${row("3")}`)).toBe("");
    expect(mended.cell(`E${row("5")}`)).toBe(0.5);
    expect((await checkSheet(rubric, "石楼县")).issues.filter((i) => i.code.startsWith("sheet."))).toEqual([]);
    // graded and ranked again: first, as 交城县, with nothing typed, is 未评分 and unranked
    expect((await validateAndTotal(rubric)).counties.find((r) => r.unit === "石楼县")).toMatchObject({
      grade: "优秀",
      rank: 1,
    });
  });

  test("entries typed on an inserted row are reported, and 修复本表 logs them before it removes the row", async () => {
    const { excel, sheet, log, row } = await setUp();
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    shiftRows(sheet("石楼县"), row("3"), 1); // a row inserted above line 3
    await excel.personTypes("石楼县", { [`E${row("3")}`]: 1, [`G${row("3")}`]: "补充：消防通道堵塞" });
    const check = await checkSheet(rubric, "石楼县");
    expect(check.issues.find((i) => i.code === "sheet.rowWithoutLine")).toMatchObject({
      severity: "error",
      cell: `E${row("3")}`,
    });
    expect(check.result!.lines.find((l) => l.label === "5")!.deduction).toBe(50);

    const report = await repairUnitSheet(rubric, "石楼县");
    expect(report.logged).toBe(2);
    expect(
      log()
        .filter((l) => l[4] === REPAIR_SOURCE)
        .map((l) => [l[1], l[2]]),
    ).toEqual([
      [`E${row("3")}`, 1],
      [`G${row("3")}`, "补充：消防通道堵塞"],
    ]);
    expect(sheet("石楼县").cell(`E${row("5")}`)).toBe(0.5);
    expect(sheet("石楼县").cell(`A${row("3")}`)).toBe(3);
  });
});

describe("sheets renamed, deleted or broken", () => {
  test("a renamed unit sheet is still its unit's: checked live and totalled under its new name", async () => {
    const { excel, checks, sheet, row } = await setUp();
    sheet("石楼县").name = "石楼县（复核）";
    await excel.personTypes("石楼县（复核）", { [`E${row("5")}`]: -2 });
    expect(checks.at(-1)).toMatchObject({
      sheet: "石楼县（复核）",
      result: expect.objectContaining({ unit: "石楼县" }),
    });
    expect(checks.at(-1)!.issues.find((i) => i.cell === `E${row("5")}`)!.code).toBe("deduction.negative");
    const report = await validateAndTotal(rubric);
    expect(report.issues.find((i) => i.code === "deduction.negative")).toMatchObject({
      sheet: "石楼县（复核）",
      cell: `E${row("5")}`,
    });
  });

  test("a deleted unit sheet: the others are still totalled, and 变更记录 keeps what was typed on it", async () => {
    const { excel, log, row } = await setUp();
    await excel.personTypes("交城县", { [`E${row("5", "交城县")}`]: 1 });
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    excel.sheets.splice(
      excel.sheets.findIndex((s) => s.name === "交城县"),
      1,
    );
    const report = await validateAndTotal(rubric);
    expect(report.counties.map((r) => [r.unit, r.normalized])).toEqual([["石楼县", 9946]]);
    expect(log()).toContainEqual(["交城县", `E${row("5", "交城县")}`, "", 1, "本机录入"]);
  });

  test("a sheet made from other rules is reported and left out of the totals, untouched", async () => {
    const { excel, sheet, row } = await setUp();
    await excel.personTypes("交城县", { [`E${row("5", "交城县")}`]: 1 });
    sheet("交城县").grid.set("E1", "2021.1"); // the marker row of a sheet from last year's rules
    const writes = excel.writes.length;
    const report = await validateAndTotal(rubric);
    expect(report.issues.find((i) => i.code === "sheet.otherRules")).toMatchObject({
      sheet: "交城县",
      severity: "error",
    });
    expect(report.issues.find((i) => i.code === "sheet.otherRules")!.message).toMatch(
      /按另一版考核规则生成（luliang-2022 2021\.1）/,
    );
    expect(report.counties.map((r) => r.unit)).toEqual(["石楼县"]);
    expect(excel.writes.slice(writes).filter((w) => w.sheet === "交城县")).toEqual([]);
    expect(sheet("交城县").cell(`E${row("5", "交城县")}`)).toBe(1);
    // Last year's copy of a unit beside its current sheet is only left out: the unit is still graded.
    await excel.personTypes("石楼县", { [`G${row("5")}`]: "资料齐全" }); // assessed (else 未评分)
    const old = excel.addSheet("石楼县（2021）");
    for (const [a, v] of sheet("石楼县").grid) old.grid.set(a, v);
    old.grid.set("E1", "2021.1");
    const again = await validateAndTotal(rubric);
    expect(again.issues.filter((i) => i.code === "sheet.otherRules").map((i) => i.sheet)).toEqual([
      "交城县",
      "石楼县（2021）",
    ]);
    expect(again.counties.find((r) => r.unit === "石楼县")).toMatchObject({ grade: "优秀", rank: 1 });
  });

  test("a unit present twice waits for corrections, and neither sheet is touched", async () => {
    const { excel, sheet, row } = await setUp();
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    const copy = excel.addSheet("石楼县 (2)"); // Excel's 移动或复制 → 建立副本
    for (const [a, v] of sheet("石楼县").grid) copy.grid.set(a, v);
    copy.grid.set(`E${row("5")}`, 1);
    const writes = excel.writes.length;
    const report = await validateAndTotal(rubric);
    const twice = report.issues.find((i) => i.code === "sheet.duplicateUnit")!;
    expect(twice).toMatchObject({ severity: "error", sheet: "石楼县 (2)" });
    expect(twice.message).toContain("「石楼县」的打分表出现了两次（工作表「石楼县」和「石楼县 (2)」），请只保留一张");
    expect(report.counties.find((r) => r.unit === "石楼县")!.grade).toBe("待更正");
    expect(excel.writes.slice(writes).filter((w) => w.sheet.startsWith("石楼县"))).toEqual([]);
    expect([sheet("石楼县").cell(`E${row("5")}`), copy.cell(`E${row("5")}`)]).toEqual([0.5, 1]);
  });

  test("a broken 汇总 (figures typed over, rows deleted) is made anew by 校验并汇总 with the right figures", async () => {
    const { excel, sheet, row } = await setUp();
    await excel.personTypes("石楼县", { [`E${row("5")}`]: 0.5 });
    await validateAndTotal(rubric);
    const summary = sheet("汇总");
    const figure = [...summary.grid].find(([, v]) => v === 99.46)!;
    summary.grid.set(figure[0], 100);
    deleteRow(summary, Number(/\d+$/.exec(figure[0])![0]) + 1);
    const report = await validateAndTotal(rubric);
    expect(report.counties.find((r) => r.unit === "石楼县")!.normalized).toBe(9946);
    expect(excel.sheets.filter((s) => s.name === "汇总")).toHaveLength(1);
    expect(sheet("汇总").cell(figure[0])).toBe(99.46);
  });
});
