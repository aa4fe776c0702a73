import "./withOfficeClient";
import { asTypedText, estimateRequestBytes, renderPlan } from "../../src/excel/render";
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { FakeExcel } from "./fakeExcel";

const rubric = luliang2022;

describe("generating the score sheets in Excel", () => {
  // Excel on the web refuses requests over 5 MB; in one request, as Office's own client serializes it, all units
  // came to 5.4 MB. Each request now stays under 2.5 MB (2,500,000 bytes, half the limit): two reads and five writes.
  test("all 57 units with 附件1, 附件2 and 汇总: seven round trips, each request under 2.5 MB as Office sends it", async () => {
    const excel = new FakeExcel();
    excel.install();
    const report = await renderPlan(buildWorkbookPlan(rubric, rubric.registry.all).plan);
    expect(report.created).toHaveLength(60);
    expect(excel.syncs).toBe(7);
    expect(report.syncs).toBe(7);
    // Every request measured (the marker rows of an empty workbook are nothing to ask: the client sends nothing).
    expect(excel.requests.map((r) => r.sync)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(Math.max(...excel.requests.map((r) => r.bytes))).toBeLessThanOrEqual(2_500_000);
    // Tables are written as whole arrays, not row by row: one formulas write per table block.
    const shilou = excel.writes.filter((w) => w.sheet === "石楼县" && w.path === "range.formulas");
    expect(shilou.filter((w) => (w.value as unknown[][]).length > 1)).toHaveLength(2); // lines + adjustments
    // Printed like 附件6: A4 landscape, the unit's name in the header.
    const print = excel.writes.filter((w) => w.sheet === "石楼县" && w.path.startsWith("worksheet.pageLayout"));
    expect(print).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "worksheet.pageLayout.orientation", value: "Landscape" }),
        expect.objectContaining({ path: "worksheet.pageLayout.paperSize", value: "A4" }),
        expect.objectContaining({
          path: "worksheet.pageLayout.headersFooters.defaultForAllPages.centerHeader",
          value: "石楼县",
        }),
      ]),
    );
    expect(report.notices).toEqual([]);
  });

  test("the request estimate is above what Office sends for every sheet, so no batch passes the budget", async () => {
    // Batches are packed by the estimate (requestBudget.ts); one sheet's estimate below its real request would let
    // a full batch pass the budget. Each sheet is rendered alone through Microsoft's client and measured.
    const plan = buildWorkbookPlan(rubric, rubric.registry.all).plan;
    const below: string[] = [];
    for (const sheet of plan.sheets.filter((s) => s.meta.role !== "rules")) {
      const excel = new FakeExcel();
      excel.install();
      await renderPlan({ ...plan, sheets: [sheet] });
      const sent = Math.max(...excel.requests.map((r) => r.bytes));
      if (estimateRequestBytes(sheet) < sent) below.push(`${sheet.name}: ${estimateRequestBytes(sheet)} < ${sent}`);
    }
    expect(below).toEqual([]);
  });

  test("generating again keeps a renamed sheet and what was typed in it, and writes nothing there", async () => {
    const excel = new FakeExcel();
    excel.install();
    const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
    await renderPlan(plan);
    const sheet = excel.sheets.find((s) => s.name === "石楼县")!;
    sheet.name = "石楼（复核）"; // renamed by a person
    const typed = `E${plan.sheets.find((s) => s.name === "石楼县")!.tables[0].top + 1}`;
    sheet.grid.set(typed, 0.5); // and a deduction typed
    const before = excel.writes.length;
    const again = await renderPlan(plan);
    expect(again.kept.map((k) => k.sheet)).toEqual(expect.arrayContaining(["石楼（复核）"]));
    expect(again.kept.find((k) => k.sheet === "石楼（复核）")!.reason).toContain("保留原有录入");
    expect(again.created).toEqual([]);
    expect(excel.writes.slice(before)).toEqual([]);
    expect(sheet.cell(typed)).toBe(0.5);
  });
});

test("an Excel without ExcelApi 1.9 still gets the sheets, and is told about the print setup", async () => {
  const excel = new FakeExcel();
  excel.apiVersion = "1.8";
  excel.install();
  const report = await renderPlan(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan);
  expect(report.created).toContain("石楼县");
  expect(report.notices[0]).toMatch(/ExcelApi 1\.9/);
  expect(excel.writes.some((w) => w.path.startsWith("worksheet.pageLayout"))).toBe(false);
});

test("literals that Excel would take for formulas are written as text", () => {
  expect(asTypedText("=企业培训资料不全")).toBe("'=企业培训资料不全");
  expect(asTypedText("+86")).toBe("'+86");
  expect(asTypedText("@all")).toBe("'@all");
  expect(asTypedText({ formula: "=SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
  expect(asTypedText(0.5)).toBe(0.5);
  expect(asTypedText("石楼县")).toBe("石楼县");
});
