/**
 * `scorecard total` on a workbook made by a newer program (its sheets marked scorecard/2): the file is the
 * program's, so the person is told to update, not that the file has no score sheets, and the unit is not graded.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan, type SheetPlan } from "../../src/layout";
import { planToXlsx } from "../../src/xlsx";
import { luliang2022 as rubric } from "../support/rules";

const marked = (sheet: SheetPlan, marker: string): SheetPlan => ({
  ...sheet,
  cells: sheet.cells.map((c) => (c.row === 1 && c.col === 1 ? { ...c, value: marker } : c)),
});

test("a workbook of a newer format is refused in words, file and sheet named", async () => {
  const plan = buildWorkbookPlan(rubric, [rubric.findUnit("交城县")!]).plan;
  const path = join(mkdtempSync(join(tmpdir(), "scorecard-format-")), "交城.xlsx");
  const unitSheets = plan.sheets.filter((s) => s.meta.role === "unit").map((s) => marked(s, "scorecard/2"));
  writeFileSync(path, await planToXlsx({ ...plan, sheets: unitSheets }));
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  await main(["total", path, "--json"], io);
  const { units, issues } = JSON.parse(out.join("\n"));
  expect(units).toEqual([]);
  expect(issues.map((i: any) => [i.file, i.sheet, i.code, i.message])).toEqual([
    [
      "交城.xlsx",
      "交城县",
      "sheet.newerFormat",
      "工作表「交城县」由更新版本的考核打分助手生成（格式 scorecard/2），本版本只能读取格式 1 至 1，未读取；请更新加载项或命令行后再校验",
    ],
  ]);
});
