/**
 * A year's change, end to end, as the office would live it: the 2022 rules written as a workbook, edited for 2023
 * (new thresholds, an added item, changed points, a removed unit, two renamed units keeping their old names), then
 * score sheets generated from it, filled, and totalled by the command line (without the rules file: the workbook
 * carries its rules), by the add-in (through the Excel double, reopening the workbook) and by LibreOffice's own
 * recalculation — and all three give the same figures.
 */
import { dropCachedResults } from "../support/cachedResults";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { loadRulesFrom } from "../../src/cli/rulesSource";
import { readCarriedRules } from "../../src/excel/carriedRules";
import { newSession } from "../../src/excel/session";
import { renderPlan } from "../../src/excel/render";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan, readWorkbook, TOTAL_ORDER, type WorkbookPlan } from "../../src/layout";
import { formatHundredths, type Rubric } from "../../src/rubric";
import { scoreAll, type UnitResult } from "../../src/scoring";
import { readXlsx } from "../../src/xlsx";
import { FakeExcel } from "../excel/fakeExcel";
import { libreOfficeAvailable, recalculateToCsv } from "../support/libreoffice";
import { editForNextYear, NEXT_YEAR } from "../support/nextYear";

const tmp = mkdtempSync(join(tmpdir(), "scorecard-next-year-"));
const file = (name: string) => join(tmp, name);
const UNITS = ["交城县", "石楼县", "孝柳铁路有限责任公司", "吕梁金融监管分局"];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let rubric: Rubric;
let plan: WorkbookPlan;
/** A line's input cell on a unit's sheet of the plan. */
function at(unit: string, part: string, label: string, col: "E" | "H" = "E"): string {
  const built = buildWorkbookPlan(rubric, [rubric.findUnit(unit)!]);
  const { map } = built.units[0];
  const table = map.tables.find((t) => t.part === part)!;
  const rows = built.plan.sheets.find((s) => s.name === unit)!.tables.find((t) => t.name === table.name)!.rows;
  const i = rows.findIndex((r) => String(r[0]) === label); // 序号 are numbers on the sheet
  if (i < 0) throw new Error(`${unit} has no line ${part}:${label}`);
  return `${col}${table.first + i}`;
}
const adjust = (unit: string, which: "bonus" | "penalty" | "veto") => {
  const { map } = buildWorkbookPlan(rubric, [rubric.findUnit(unit)!]).units[0];
  return `H${map.adjustRows[which]}`;
};

let session = newSession();
let entries: Record<string, Record<string, string | number>>;
let expected: UnitResult[];

beforeAll(async () => {
  expect((await run(["rules", "--xlsx", file("规则2022.xlsx")])).code).toBe(0);
  writeFileSync(file("规则2023.xlsx"), await editForNextYear(readFileSync(file("规则2022.xlsx"))));
  rubric = await loadRulesFrom(file("规则2023.xlsx"));
  entries = {
    // 92 − 2 − 1.5 = 88.5 / 92 = 96.195… → 96.20, + 1 = 97.20: 优秀
    石楼县: { [at("石楼县", "county", "38")]: 2, [at("石楼县", "county", "37")]: 1.5, [adjust("石楼县", "bonus")]: 1 },
    // 99.6 − 9 = 90.6 / 99.6 = 90.963… → 90.96: 优秀 by the 2022 thresholds, 良好 by 2023's (92)
    交城县: { [at("交城县", "county", "37")]: 8.5, [at("交城县", "county", "38")]: 0.5 },
    // Concerned by individual item 2 under its old name 孝柳铁路
    孝柳铁路有限责任公司: { [at("孝柳铁路有限责任公司", "individual", "2")]: 0.2 },
    吕梁金融监管分局: { [at("吕梁金融监管分局", "common", "3")]: 0.5 },
  };
  const g = await run([
    "generate",
    "--rules",
    file("规则2023.xlsx"),
    "--out",
    file("2023.xlsx"),
    "--units",
    UNITS.join(","),
  ]);
  expect(g).toMatchObject({ code: 0 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file("2023.xlsx"));
  for (const [sheet, cells] of Object.entries(entries)) {
    const ws = wb.getWorksheet(sheet)!;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
    dropCachedResults(ws); // exceljs keeps the generated results, which no longer fit the entries
  }
  await wb.xlsx.writeFile(file("2023-filled.xlsx"));
  const read = readWorkbook(rubric, await readXlsx(readFileSync(file("2023-filled.xlsx"))));
  const r = scoreAll(
    rubric,
    read.units.map((u) => u.entries),
  );
  expected = [...r.counties, ...r.members];
  plan = buildWorkbookPlan(
    rubric,
    UNITS.map((u) => rubric.findUnit(u)!),
  ).plan;
}, 120000);

test("the edited rules workbook lints clean and holds the office's changes", async () => {
  const lint = await run(["rules", "--lint", "--rules", file("规则2023.xlsx")]);
  expect(lint.code).toBe(0);
  expect(lint.out).toContain("0 个错误");
  expect(rubric.rules).toMatchObject({ id: NEXT_YEAR.id, version: NEXT_YEAR.version, year: 2023 });
  expect(rubric.grades.map((g) => [g.grade, g.min])).toEqual([
    ["优秀", 9200],
    ["良好", 8500],
    ["合格", 6000],
    ["不合格", 0],
  ]);
  expect(rubric.lines.county.map((l) => l.label).slice(-2)).toEqual(["37", "38"]);
  expect(rubric.registry.all).toHaveLength(56);
  expect(rubric.findUnit(NEXT_YEAR.removed)).toBeUndefined();
  expect(rubric.findUnit("吕梁银保监分局")!.name).toBe("吕梁金融监管分局");
  expect(rubric.linesFor(rubric.findUnit("孝柳铁路")!).map((l) => l.key)).toContain("individual:2");
});

test("the command line totals the returned workbook by the rules it carries, as the core does", async () => {
  const t = await run(["total", file("2023-filled.xlsx"), "--json"]);
  expect(t.code).toBe(0);
  const json = JSON.parse(t.out);
  expect(json.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  const byUnit = (u: string) => json.units.find((x: { unit: string }) => x.unit === u);
  expect(byUnit("石楼县")).toMatchObject({
    applicableTotal: 92,
    itemsScore: 88.5,
    normalized: 96.2,
    final: 97.2,
    grade: "优秀",
  });
  expect(byUnit("交城县")).toMatchObject({ itemsScore: 90.6, normalized: 90.96, final: 90.96, grade: "良好" });
  for (const r of expected) {
    expect([r.unit, byUnit(r.unit).final, byUnit(r.unit).grade]).toEqual([r.unit, r.finalScore! / 100, r.grade]);
  }
});

test("totalled by last year's rules, the workbook is refused and what differs is said", async () => {
  writeFileSync(file("rules2022.json"), (await run(["rules", "--dump"])).out);
  const t = await run(["total", file("2023-filled.xlsx"), "--rules", file("rules2022.json")]);
  expect(t.code).toBe(2);
  const differ = t.out.split("\n").find((l) => l.includes("保存的考核规则（luliang-2023 2023.1）与当前使用的规则"))!;
  expect(differ).toBeDefined();
  for (const said of [
    "等次及最低分：优秀 90、良好 80、合格 60、不合格 0 → 优秀 92、良好 85、合格 60、不合格 0",
    "单位改名：吕梁银保监分局 → 吕梁金融监管分局",
    "单位改名：孝柳铁路 → 孝柳铁路有限责任公司",
    "删除单位：现代农业发展服务中心（其他单位）",
    "附件3 第37项 分值：25 → 20",
    "附件3 第38项：新增（5分，38.建立重大事故隐患动态清零工作机制，按月调度…）",
  ])
    expect(differ).toContain(said);
});

test("the add-in, reopening the workbook, uses the rules it carries and gives the same figures", async () => {
  const excel = new FakeExcel();
  excel.install();
  session = newSession();
  await renderPlan(plan, session);
  // Reopened: the pane reads the carried rules first (two round trips), not the embedded 2022 rules.
  session = newSession();
  const carried = await readCarriedRules();
  expect(carried.syncs).toBe(2);
  expect(carried.rubric!.rules).toEqual(rubric.rules);
  for (const [sheet, cells] of Object.entries(entries)) {
    const s = excel.sheets.find((x) => x.name === sheet)!;
    for (const [a, v] of Object.entries(cells)) s.grid.set(a, v);
  }
  const report = await validateAndTotal(carried.rubric!, undefined, session);
  expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  const got = [...report.counties, ...report.members].map((r) => [r.unit, r.finalScore, r.grade]);
  expect(got).toEqual(expected.map((r) => [r.unit, r.finalScore, r.grade]));
});

describe("recomputed by LibreOffice", () => {
  let csv: Record<string, string[][]>;
  beforeAll(async () => {
    expect(libreOfficeAvailable()).toBe(true);
    csv = await recalculateToCsv(file("2023-filled.xlsx"));
  }, 120000);

  test("every unit's totals and grade, by the 2023 thresholds, equal the core's", () => {
    for (const r of expected) {
      const { map } = buildWorkbookPlan(rubric, [rubric.findUnit(r.unit)!]).units[0];
      const shown = (k: (typeof TOTAL_ORDER)[number]) => csv[r.unit][map.totals[k].row - 1][map.totals[k].col - 1];
      const two = (s: string) => formatHundredths(Math.round(Number(s) * 100));
      expect([r.unit, two(shown("finalScore")), shown("grade")]).toEqual([
        r.unit,
        formatHundredths(r.finalScore!),
        r.grade,
      ]);
    }
    expect(csv["交城县"].flat()).toContain("良好");
  });
});
