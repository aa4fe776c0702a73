/**
 * The summary that 校验并汇总 writes holds values; a recipient without the add-in must not be shown stale figures
 * silently. Its 核对 column compares, with formulas, what each unit sheet shows now with what it showed at totalling.
 * Checked in a real spreadsheet engine: LibreOffice recomputes the workbook before and after an edit.
 */
import {
  buildWorkbookPlan,
  CHANGED,
  planToGrid,
  readWorkbook,
  summaryValuesSheet,
  type GridCell,
  type LiveTotals,
  type SheetPlan,
  type TotalKey,
} from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { scoreAll } from "../../src/scoring";
import { filledSheets, recalculated } from "../support/filledWorkbook";
import { libreOfficeAvailable } from "../support/libreoffice";

const rubric = luliang2022;
const built = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!, rubric.findUnit("市体育局")!]);
const unitSheets = built.plan.sheets.filter((s) => s.meta.role === "unit");
const line5 = (() => {
  const t = unitSheets[0].tables[0];
  return `E${t.top + 1 + t.rows.findIndex((r) => r[0] === "5")}`;
})();

const fill = (entries: Record<string, Record<string, GridCell>>) => filledSheets(rubric, unitSheets, entries);
const recalc = (sheets: SheetPlan[]) => recalculated(rubric, sheets);

test("核对 stays empty until a unit sheet is edited after totalling, then flags that unit and the banner says so", async () => {
  expect(libreOfficeAvailable()).toBe(true);
  const entries = { 石楼县: { [line5]: 0.5 }, 市体育局: {} };
  const sheets = fill(entries);
  // What the unit sheets show when totalled (as the add-in reads them from Excel).
  const shown = await recalc(sheets);
  const read = readWorkbook(rubric, sheets.map(planToGrid));
  const live = new Map<string, LiveTotals>();
  for (const u of read.units) {
    const totals: LiveTotals["shown"] = {};
    for (const [k, at] of Object.entries(u.shownTotals) as [TotalKey, { cell: string }][]) {
      const m = /^([A-Z]+)(\d+)$/.exec(at.cell)!;
      const text = shown[u.sheet][Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
      totals[k] = { cell: at.cell, value: /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text };
    }
    live.set(u.entries.unit, { sheet: u.sheet, shown: totals });
  }
  const result = scoreAll(
    rubric,
    read.units.map((u) => u.entries),
  );
  const summary = summaryValuesSheet(rubric, result, [], "2026/11/28 10:00:00", live);

  const check = (csv: Record<string, string[][]>, unit: string) => {
    const header = csv["汇总"].find((r) => r.includes("核对"))!;
    const col = header.indexOf("核对");
    return csv["汇总"].find((r) => r[1] === unit)![col];
  };
  const unchanged = await recalc([...sheets, summary]);
  expect([check(unchanged, "石楼县"), check(unchanged, "市体育局")]).toEqual(["", ""]);
  expect(unchanged["汇总"][4][0]).toBe("");

  const edited = await recalc([...fill({ ...entries, 石楼县: { [line5]: 1 } }), summary]);
  expect([check(edited, "石楼县"), check(edited, "市体育局")]).toEqual([CHANGED, ""]);
  expect(edited["汇总"][4][0]).toContain("汇总后有 1 个单位的打分表被修改");
}, 120000);
