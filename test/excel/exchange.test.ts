import "./withOfficeClient";
/** Sending each unit its own workbook, and bringing the returned ones back in. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportUnit } from "../../src/excel/exportUnit";
import { applyImport, previewImport } from "../../src/excel/importWorkbooks";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import { renderPlan } from "../../src/excel/render";
import { newSession } from "../../src/excel/session";
import { validateAndTotal } from "../../src/excel/total";
import {
  buildWorkbookPlan,
  fillUnitSheet,
  planToGrid,
  readWorkbook,
  withEntries,
  type GridCell,
  type WorkbookPlan,
} from "../../src/layout";
import { loadRubric, type Rubric } from "../../src/rubric";
import { luliang2022, luliang2022Json } from "../support/rules";
import { scoreUnit } from "../../src/scoring";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { libreOfficeAvailable, recalculateToCsv } from "../support/libreoffice";
import { embeddedSheetName } from "../../src/rulesbook";
import { FakeExcel } from "./fakeExcel";
import { shownTime } from "../../src/totalling";
import { savedAt } from "../../src/xlsx/savedAt";

let session = newSession();

const rubric = luliang2022;

function inputCell(plan: WorkbookPlan, sheetName: string, label: string, column: "E" | "G" | "H" | "I") {
  const t = plan.sheets.find((s) => s.name === sheetName)!.tables[0];
  return `${column}${t.top + 1 + t.rows.findIndex((r) => String(r[0]) === label)}`;
}

async function officeWorkbook(units: string[]) {
  const excel = new FakeExcel();
  excel.install();
  session = newSession(); // what the pane remembers of this workbook
  const plan = buildWorkbookPlan(
    rubric,
    units.map((u) => rubric.findUnit(u)!),
  ).plan;
  await renderPlan(plan, session);
  const type = (sheet: string, cells: Record<string, unknown>) => {
    const s = excel.sheets.find((x) => x.name === sheet)!;
    for (const [a, v] of Object.entries(cells)) s.grid.set(a, v);
  };
  return { excel, plan, type };
}

/** A unit's workbook as it comes back by email: its sheet, filled in. */
async function returnedFile(r: Rubric, unit: string, cells: Record<string, GridCell>): Promise<Uint8Array> {
  const plan = buildWorkbookPlan(r, [r.findUnit(unit)!]).plan;
  const sheet = plan.sheets.find((s) => s.meta.role === "unit")!;
  const typed = withEntries(planToGrid(sheet), cells);
  const read = readWorkbook(r, [typed]).units[0];
  return planToXlsx({ rulesId: r.id, rulesVersion: r.version, sheets: [fillUnitSheet(r, sheet, read, typed)] });
}

describe("导出本单位工作簿", () => {
  test("the active unit's sheet with its entries and, after totalling, its result; one read; Excel opens it", async () => {
    const { excel, plan, type } = await officeWorkbook(["石楼县", "交城县"]);
    type("石楼县", {
      [inputCell(plan, "石楼县", "5", "E")]: 0.5,
      [inputCell(plan, "石楼县", "5", "G")]: "=企业培训资料不全",
      [inputCell(plan, "石楼县", "6", "H")]: "否",
      [inputCell(plan, "石楼县", "6", "I")]: "本年度无此项工作",
    });
    const totals = await validateAndTotal(rubric, undefined, session);
    excel.active = "石楼县";
    const before = excel.syncs;
    const report = await exportUnit(rubric, {
      totalled: { results: [...totals.counties, ...totals.members], at: totals.computedAt },
    });
    expect(excel.syncs - before).toBe(1);
    expect(report).toMatchObject({
      unit: "石楼县",
      fileName: "石楼县-考核打分表.xlsx",
      opened: true,
      withResult: true,
    });
    expect(excel.openedWorkbooks).toEqual([Buffer.from(report.bytes).toString("base64")]);

    const sheets = await readXlsx(report.bytes);
    // The unit's workbook carries the rules it was made from, very hidden (decision 0013).
    // With its result: 汇总 and the unit's 扣分明细.
    expect(sheets.map((s) => s.name)).toEqual([
      "石楼县",
      "汇总",
      "扣分明细",
      embeddedSheetName(rubric.id, rubric.version),
    ]);
    expect(sheets[3].hidden).toBe(true);
    const read = readWorkbook(rubric, sheets);
    const shilou = read.units[0].entries;
    const key = (label: string) => rubric.linesFor(rubric.findUnit("石楼县")!).find((l) => l.label === label)!.key;
    expect(shilou.lines[key("5")]).toMatchObject({ deduction: 0.5, findings: "=企业培训资料不全" });
    expect(shilou.lines[key("6")]).toMatchObject({ participates: "否", exemptionReason: "本年度无此项工作" });
    const expected = scoreUnit(rubric, shilou);
    expect(expected.normalized).toBe(totals.counties.find((r) => r.unit === "石楼县")!.normalized);
    // The result row carries the rank among all counties from the totalling.
    const summary = sheets[1].cells.find((r) => r[1] === "石楼县")!;
    expect(summary[0]).toBe(totals.counties.find((r) => r.unit === "石楼县")!.rank);

    // Opened without the add-in, the exported file computes the same figures.
    expect(libreOfficeAvailable()).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    writeFileSync(join(dir, "shilou.xlsx"), report.bytes);
    const csv = await recalculateToCsv(join(dir, "shilou.xlsx"));
    const rowOf = (label: string) => csv["石楼县"].find((r) => r[6] === label)!;
    expect(Number(rowOf("折算得分")[7]).toFixed(2)).toBe((expected.normalized! / 100).toFixed(2));
    expect(Number(rowOf("最终成绩")[7]).toFixed(2)).toBe((expected.finalScore! / 100).toFixed(2));
    expect(rowOf("等次")[7]).toBe(expected.grade);
    // the finding typed as =… is still text
    expect(csv["石楼县"].some((r) => r[6] === "=企业培训资料不全")).toBe(true);
  }, 120000);

  test("without totalling (or after later edits) the file carries the sheet only, and says why", async () => {
    const { excel, plan, type } = await officeWorkbook(["石楼县"]);
    excel.active = "石楼县";
    const first = await exportUnit(rubric);
    expect(first.withResult).toBe(false);
    expect(first.notices[0]).toContain("尚未校验并汇总");
    const totals = await validateAndTotal(rubric, undefined, session);
    type("石楼县", { [inputCell(plan, "石楼县", "5", "E")]: 1 });
    const later = await exportUnit(rubric, {
      sheetName: "石楼县",
      totalled: { results: totals.counties, at: totals.computedAt },
    });
    expect(later.withResult).toBe(false);
    expect(later.notices[0]).toContain("重新校验并汇总");
    expect((await readXlsx(later.bytes)).map((s) => s.name)).toEqual([
      "石楼县",
      embeddedSheetName(rubric.id, rubric.version),
    ]);
  });

  test("a sheet that is not a score sheet is refused with a message", async () => {
    const { excel } = await officeWorkbook(["石楼县"]);
    excel.addSheet("草稿").grid.set("A1", "x");
    excel.active = "草稿";
    await expect(exportUnit(rubric)).rejects.toThrow("「草稿」不是考核打分表");
  });
});

describe("导入回收的工作簿", () => {
  const otherRules = loadRubric({ ...(luliang2022Json as object), version: "2099-试行" });

  async function files() {
    const shilouLine5 = inputCell(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan, "石楼县", "5", "E");
    const transportLine1 = inputCell(
      buildWorkbookPlan(rubric, [rubric.findUnit("市交通局")!]).plan,
      "市交通局",
      "1",
      "E",
    );
    return [
      { name: "石楼县.xlsx", bytes: await returnedFile(rubric, "石楼县", { [shilouLine5]: 2 }) },
      { name: "市交通局.xlsx", bytes: await returnedFile(rubric, "市交通局", { [transportLine1]: 0.5 }) },
      { name: "旧版.xlsx", bytes: await returnedFile(otherRules, "文水县", {}) },
      { name: "照片.xlsx", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
    ];
  }

  test("the preview: present units merge, new ones come in whole; other rules and unreadable files are said", async () => {
    const { excel } = await officeWorkbook(["石楼县", "交城县"]);
    const before = excel.syncs;
    const preview = await previewImport(rubric, await files(), session);
    expect(excel.syncs - before).toBe(1);
    expect(preview.merge.merged.map((m) => [m.unit, m.files])).toEqual([["石楼县", ["石楼县.xlsx"]]]);
    expect(preview.merge.inserts).toEqual([{ file: "市交通局.xlsx", sheet: "市交通局", unit: "市交通局" }]);
    expect(preview.problems.map((p) => p.file)).toEqual(["旧版.xlsx", "照片.xlsx"]);
    expect(preview.problems[0].message).toContain("另一版考核规则");
    expect(preview.problems[1].message).toMatch(/「照片\.xlsx」不是有效的 Excel 工作簿/);
  });

  test("a present unit gets the file's entries in its blank cells; a cell typed differently is a conflict, kept as typed", async () => {
    const { excel, plan, type } = await officeWorkbook(["石楼县", "交城县"]);
    const mine = inputCell(plan, "石楼县", "5", "E");
    const blank = inputCell(plan, "石楼县", "6", "E");
    const findings = inputCell(plan, "石楼县", "6", "G");
    type("石楼县", { [mine]: 0.5 });
    const returned = await returnedFile(rubric, "石楼县", { [mine]: 2, [blank]: 1, [findings]: "未建立台账" });
    const preview = await previewImport(rubric, [{ name: "石楼县.xlsx", bytes: returned }], session);
    expect(preview.merge.conflicts.map((c) => [c.code, c.cell, c.message])).toEqual([
      [
        "entry.conflict",
        mine,
        `石楼县第5项扣分在 本工作簿（${mine}）中为「0.5」，在 石楼县.xlsx（${mine}，保存于 ${shownTime((await savedAt(returned))!)}）中为「2」，请核对后只保留一个`,
      ],
    ]);
    const before = excel.syncs;
    const report = await applyImport(preview);
    expect(excel.syncs - before).toBe(1); // every cell in one request; no sheet inserted, none deleted
    expect(report).toMatchObject({ inserted: [], filled: 2 });
    const sheet = excel.sheets.find((s) => s.name === "石楼县")!;
    expect([sheet.cell(mine), sheet.cell(blank), sheet.cell(findings)]).toEqual([0.5, 1, "未建立台账"]);
    expect(excel.sheets.filter((s) => s.name.startsWith("石楼县"))).toHaveLength(1);
    const totals = await validateAndTotal(rubric, undefined, session);
    const lines = totals.counties.find((r) => r.unit === "石楼县")!.lines;
    expect([lines.find((l) => l.label === "5")!.deduction, lines.find((l) => l.label === "6")!.deduction]).toEqual([
      50, 100,
    ]);
    // The conflict stays in view, at this workbook's cell, until a person changes that cell.
    const team = (t: typeof totals) => t.progress!.find((u) => u.unit === "石楼县")!.parts[0];
    expect(team(totals)).toMatchObject({ party: "考核组", status: "conflict", sheet: "石楼县", cell: mine });
    const shown = totals.issues.find((i) => i.code === "entry.conflict")!;
    expect(shown).toMatchObject({ severity: "warning", sheet: "石楼县", cell: mine });
    expect(shown.message).toContain("导入时未写入，本工作簿中仍为「0.5」");
    type("石楼县", { [mine]: 2 });
    const settled = await validateAndTotal(rubric, undefined, session);
    expect(team(settled).status).toBe("received");
    expect(settled.issues.some((i) => i.code === "entry.conflict")).toBe(false);
  });

  test("a unit in two files and not in the workbook: the first file's sheet comes in, the second's cells fill it", async () => {
    const { excel } = await officeWorkbook(["石楼县"]);
    const at = (label: string) =>
      inputCell(buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan, "交城县", label, "E");
    const team = await returnedFile(rubric, "交城县", { [at("5")]: 0.5 });
    const office = await returnedFile(rubric, "交城县", { [at("37")]: 2 });
    const preview = await previewImport(
      rubric,
      [
        { name: "考核一组.xlsx", bytes: team },
        { name: "市安委办.xlsx", bytes: office },
      ],
      session,
    );
    expect(preview.merge.inserts).toEqual([{ file: "考核一组.xlsx", sheet: "交城县", unit: "交城县" }]);
    expect(preview.merge.writes.map((w) => [w.address, w.value, w.from])).toEqual([[at("37"), 2, "市安委办.xlsx"]]);
    const report = await applyImport(preview);
    expect(report).toMatchObject({ inserted: ["交城县"], filled: 1, conflicts: [] });
    const sheet = excel.sheets.find((s) => s.name === "交城县")!;
    expect([sheet.cell(at("5")), sheet.cell(at("37"))]).toEqual([0.5, 2]);
  });

  test("two files disagreeing on a unit that comes in: the sheet holds the first's value, shown as a conflict until changed", async () => {
    const { type } = await officeWorkbook(["石楼县"]);
    const at = inputCell(buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan, "交城县", "5", "E");
    const files = [
      { name: "一组.xlsx", bytes: await returnedFile(rubric, "交城县", { [at]: 0.5 }) },
      { name: "二组.xlsx", bytes: await returnedFile(rubric, "交城县", { [at]: 1 }) },
    ];
    await applyImport(await previewImport(rubric, files, session));
    const totals = await validateAndTotal(rubric, undefined, session);
    const team = (t: typeof totals) => t.progress!.find((u) => u.unit === "交城县")!.parts[0];
    expect(team(totals)).toMatchObject({ status: "conflict", sheet: "交城县", cell: at });
    expect(totals.issues.find((i) => i.code === "entry.conflict")!.message).toContain("本工作簿中仍为「0.5」");
    type("交城县", { [at]: 1 });
    expect(team(await validateAndTotal(rubric, undefined, session)).status).toBe("received");
  });

  test("the pane's 'newer wins' option: of a team's two files for a unit not in the workbook, the later one's value goes in", async () => {
    await officeWorkbook(["石楼县"]);
    const at = inputCell(buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan, "交城县", "5", "E");
    const saved = async (value: number, when: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await returnedFile(rubric, "交城县", { [at]: value })) as never);
      wb.modified = new Date(when);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const files = [
      { name: "一组.xlsx", bytes: await saved(0.5, "2026-11-30T02:00:00Z") },
      { name: "一组（改）.xlsx", bytes: await saved(1, "2026-12-01T02:00:00Z") },
    ];
    const plain = await previewImport(rubric, files, session);
    expect(plain.merge.conflicts.map((c) => c.code)).toEqual(["entry.conflict"]);
    const newer = await previewImport(rubric, files, session, { newerReplaces: true });
    expect(newer.merge.conflicts).toEqual([]);
    expect(newer.merge.notices.map((n) => [n.code, n.file])).toEqual([["entry.replaced", "一组.xlsx"]]);
    await applyImport(newer);
    const totals = await validateAndTotal(rubric, undefined, session);
    expect(totals.counties.find((r) => r.unit === "交城县")!.lines.find((l) => l.label === "5")!.deduction).toBe(100);
  });

  test("text Excel would turn into a date is not written but named, for a person to type", async () => {
    const { excel, plan } = await officeWorkbook(["石楼县"]);
    const findings = inputCell(plan, "石楼县", "6", "G");
    const returned = await returnedFile(rubric, "石楼县", { [findings]: "2023-10" });
    const preview = await previewImport(rubric, [{ name: "石楼县.xlsx", bytes: returned }], session);
    expect(preview.merge.writes).toEqual([]);
    expect(preview.merge.notices.map((n) => [n.code, n.cell])).toEqual([["import.notWritten", findings]]);
    expect(preview.merge.notices[0].message).toContain("「2023-10」");
    await applyImport(preview);
    expect(excel.sheets.find((s) => s.name === "石楼县")!.cell(findings)).toBe("");
  });

  test("thousands of cells go in requests under the budget, as Office serializes them", async () => {
    const { excel, plan } = await officeWorkbook(["石楼县"]);
    const t = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
    // Every findings cell of the sheet, written again and again: 6,000 writes of 40 characters each.
    const cells = t.rows.map((_, i) => `G${t.top + 1 + i}`);
    const writes = Array.from({ length: 6000 }, (_, i) => ({
      target: { sheet: "石楼县" },
      address: cells[i % cells.length],
      value: `第${i}条：台账不全，隐患排查记录缺少整改复查签字`,
      unit: "石楼县",
      from: "石楼县.xlsx",
    }));
    const preview = {
      merge: { inserts: [], merged: [], writes, conflicts: [], notices: [] },
      problems: [],
      supported: true,
      contents: new Map(),
      syncs: 0,
    };
    const before = excel.requests.length;
    const report = await applyImport(preview);
    const sizes = excel.requests.slice(before).map((r) => r.bytes);
    expect(report.syncs).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(REQUEST_BUDGET);
    // The estimate is on the high side, but not by so much that the batches are needlessly small.
    expect(Math.max(...sizes)).toBeGreaterThan(1_000_000);
  });

  test("an Excel without ExcelApi 1.13 is told to use the command line, and nothing is inserted", async () => {
    const { excel } = await officeWorkbook(["石楼县"]);
    excel.apiVersion = "1.12";
    excel.install();
    const preview = await previewImport(rubric, await files(), session);
    expect(preview.supported).toBe(false);
    expect(preview.message).toContain("scorecard total");
    await expect(applyImport(preview)).rejects.toThrow("ExcelApi 1.13");
    expect(excel.writes.some((w) => w.path.includes("insertWorksheetsFromBase64"))).toBe(false);
  });
});
