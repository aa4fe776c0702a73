import "../excel/withOfficeClient";
/**
 * One path from entries to results: the same workbook totalled in the add-in (校验并汇总 on the Excel double) and by
 * `scorecard total` (the file read back) gives the same figures and the same issues at the same cells. The case that
 * used to split them: 石楼县's 附件1 row filled while its sheet was deleted.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { renderPlan } from "../../src/excel/render";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { planToXlsx } from "../../src/xlsx";
import { FakeExcel } from "../excel/fakeExcel";
import { dropCachedResults } from "../support/cachedResults";
import { planCells } from "../support/planCells";

const rules2022 = luliang2022;
const UNITS = ["交城县", "石楼县", "文水县", "市交通局", "市体育局"];
const built = buildWorkbookPlan(
  rules2022,
  UNITS.map((n) => rules2022.findUnit(n)!),
);
const at = planCells(built);

const ENTRIES: Record<string, Record<string, string | number>> = {
  交城县: { [at.line("交城县", "5", "E")]: 0.5, [at.line("交城县", "5", "G")]: "台账不全" },
  文水县: { [at.line("文水县", "1", "E")]: "半分" }, // not a number: 待更正
  市交通局: { [at.line("市交通局", "1", "E", "common")]: 1 },
  附件1: { [at.annex("交城县", 0)]: 50, [at.annex("石楼县", 0)]: 40 },
};
const DELETED = "石楼县";

async function viaCommandLine() {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await planToXlsx(built.plan)) as never);
  for (const [sheet, cells] of Object.entries(ENTRIES)) {
    const ws = book.getWorksheet(sheet)!;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
    dropCachedResults(ws); // as a program that calculates would replace them; exceljs keeps the generated ones
  }
  book.removeWorksheet(book.getWorksheet(DELETED)!.id);
  const file = join(mkdtempSync(join(tmpdir(), "scorecard-both-")), "returned.xlsx");
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  const out: string[] = [];
  const code = await main(["total", file, "--json"], { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, json: JSON.parse(out.join("\n")) };
}

async function viaAddIn() {
  const excel = new FakeExcel();
  excel.install();
  await renderPlan(built.plan);
  for (const [sheet, cells] of Object.entries(ENTRIES)) {
    const s = excel.sheets.find((x) => x.name === sheet)!;
    for (const [address, value] of Object.entries(cells)) s.grid.set(address, value);
  }
  excel.sheets.splice(
    excel.sheets.findIndex((s) => s.name === DELETED),
    1,
  );
  return validateAndTotal(rules2022);
}

test("the add-in and the command line give the same results and issues for the same workbook", async () => {
  const [cli, addIn] = await Promise.all([viaCommandLine(), viaAddIn()]);
  const figures = (r: { unit: string; finalScore?: number | null; final?: number | null; grade: string }) => ({
    unit: r.unit,
    grade: r.grade,
  });
  expect(cli.json.units.map(figures)).toEqual([...addIn.counties, ...addIn.members].map(figures));
  expect(cli.json.units.map((u: { final: number | null }) => u.final)).toEqual(
    // A unit not scored yet shows no final score (未评分), in the pane as from the command line.
    [...addIn.counties, ...addIn.members].map((r) =>
      r.finalScore === null || r.grade === "未评分" ? null : r.finalScore / 100,
    ),
  );
  const key = (i: {
    code: string;
    unit: string | null;
    sheet?: string | null;
    cell?: string | null;
    message: string;
  }) => [i.code, i.unit || "", i.sheet ?? "", i.cell ?? "", i.message].join(" | ");
  expect(cli.json.issues.map(key).sort()).toEqual(addIn.issues.map(key).sort());

  // The disagreement that used to be: both now say that 石楼县 has 附件 scores but no sheet, and the command line
  // counts it as an error.
  const orphan = "有石楼县的附件得分，但没有石楼县的打分表";
  expect(addIn.issues.map((i) => i.message)).toContain(orphan);
  expect(cli.json.issues.map((i: { message: string }) => i.message)).toContain(orphan);
  expect(cli.code).toBe(1);
  expect(addIn.counties.find((r) => r.unit === "交城县")!.grade).not.toBe("待更正");
  expect(addIn.counties.find((r) => r.unit === "文水县")!.grade).toBe("待更正");
});
