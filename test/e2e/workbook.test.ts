/**
 * The workbook carries the rules: generate it with the command line, fill it as an assessor would (with exceljs,
 * outside the add-in), let LibreOffice recompute every formula, and compare each figure with the scoring core's.
 * Then `scorecard total` reads the same file back.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { dropCachedResults } from "../support/cachedResults";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan, readWorkbook, TOTAL_ORDER } from "../../src/layout";
import { formatHundredths } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { scoreAll, type UnitResult } from "../../src/scoring";
import { readXlsx } from "../../src/xlsx";
import { savedAt } from "../../src/xlsx/savedAt";
import { shownTime } from "../../src/totalling";
import { libreOfficeAvailable, recalculateToCsv } from "../support/libreoffice";
import { sheetXml } from "../support/sheetXml";

const rubric = luliang2022;
const tmp = mkdtempSync(join(tmpdir(), "scorecard-e2e-"));
const UNITS = ["交城县", "石楼县", "市交通局", "市体育局", "市委组织部"];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const built = buildWorkbookPlan(
  rubric,
  UNITS.map((n) => rubric.findUnit(n)!),
);
const sheetOf = (unit: string) => built.units.find((u) => u.unit.name === unit)!;
/** The cell of a line's field on a unit's sheet, from the plan. */
function at(unit: string, part: string, label: string, col: "E" | "G" | "H" | "I"): string {
  const { map } = sheetOf(unit);
  const table = map.tables.find((t) => t.part === part)!;
  const sheet = built.plan.sheets.find((s) => s.name === sheetOf(unit).sheetName)!;
  const rows = sheet.tables.find((t) => t.name === table.name)!.rows;
  const i = rows.findIndex((r) => String(r[0]) === label);
  if (i < 0) throw new Error(`${unit} has no line ${part}:${label}`);
  return `${col}${table.first + i}`;
}
const adjust = (unit: string, which: "bonus" | "penalty" | "veto", col: "H" | "I" = "H") =>
  `${col}${sheetOf(unit).map.adjustRows[which]}`;

/** What an assessor types, sheet by sheet. */
const ENTRIES: Record<string, Record<string, string | number>> = {
  石楼县: {
    [at("石楼县", "county", "5", "E")]: 0.5,
    [at("石楼县", "county", "5", "G")]: "=企业培训资料不全", // a finding that looks like a formula stays text
    [at("石楼县", "county", "13.3", "H")]: "否",
    [at("石楼县", "county", "13.3", "I")]: "本县无内设化工园区的开发区",
    [at("石楼县", "county", "8.1", "H")]: "否", // no reason: scores 0 and stays in the denominator
    [at("石楼县", "county", "37", "E")]: 3.25,
    [adjust("石楼县", "bonus")]: 6, // capped at 5
    [adjust("石楼县", "penalty")]: 1.5,
  },
  交城县: {
    [at("交城县", "county", "1", "E")]: 1,
    [at("交城县", "county", "13.3", "E")]: 0.7,
    [at("交城县", "county", "29.6", "E")]: 0.2,
    [adjust("交城县", "veto")]: "是",
    [adjust("交城县", "veto", "I")]: "（一）",
  },
  市交通局: {
    [at("市交通局", "individual", "13", "E")]: "０．５", // full-width: an error, the unit is 待更正
  },
  市体育局: {
    [at("市体育局", "individual", "69", "E")]: 0.3,
    [at("市体育局", "common", "11", "E")]: 12.5,
    [adjust("市体育局", "bonus")]: 2,
  },
  市委组织部: {
    [at("市委组织部", "common", "12", "E")]: 10,
    [at("市委组织部", "common", "3", "E")]: 0.55,
    [adjust("市委组织部", "penalty")]: 7,
  },
};

let filled = "";
let expected: UnitResult[] = [];

beforeAll(async () => {
  const generated = join(tmp, "generated.xlsx");
  const g = await run(["generate", "--out", generated, "--units", UNITS.join(",")]);
  expect(g.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(generated);
  for (const [sheet, cells] of Object.entries(ENTRIES)) {
    const ws = wb.getWorksheet(sheet)!;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
    dropCachedResults(ws);
  }
  filled = join(tmp, "filled.xlsx");
  await wb.xlsx.writeFile(filled);
  // The core's figures, from the same entries read back from the file.
  const read = readWorkbook(rubric, await readXlsx(await wb.xlsx.writeBuffer()));
  const r = scoreAll(
    rubric,
    read.units.map((u) => u.entries),
  );
  expected = [...r.counties, ...r.members];
});

test("the core's figures for the filled workbook are the ones worked out by hand", () => {
  const byName = (n: string) => expected.find((r) => r.unit === n)!;
  // 石楼县: 92.0 − 0.3 (13.3 exempted) = 91.7 applicable; score 91.7 − 0.5 − 0.5 (8.1 不参与, no reason) − 3.25 = 87.45;
  // 87.45 / 91.7 × 100 = 95.365… → 95.37; + 5 (6 capped) − 1.5 = 98.87 → 优秀
  expect(byName("石楼县")).toMatchObject({
    applicableTotal: 9170,
    itemsScore: 8745,
    normalized: 9537,
    bonus: 500,
    penalty: 150,
    finalScore: 9887,
    grade: "优秀",
  });
  // 交城县: 99.6 − 1.9 = 97.7 / 99.6 = 98.092… → 98.09, 优秀 capped at 良好 by the veto
  expect(byName("交城县")).toMatchObject({ itemsScore: 9770, normalized: 9809, veto: true, grade: "良好" });
  expect(byName("市交通局").grade).toBe("待更正");
  // 市体育局: 52.1 − 12.8 = 39.3 / 52.1 = 75.431… → 75.43 + 2 = 77.43 → 合格
  expect(byName("市体育局")).toMatchObject({ normalized: 7543, finalScore: 7743, grade: "合格" });
  // 市委组织部: 50 − 10.55 = 39.45 / 50 = 78.90 − 7 = 71.90 → 合格
  expect(byName("市委组织部")).toMatchObject({ normalized: 7890, finalScore: 7190, grade: "合格" });
});

describe("recomputed by LibreOffice (opened without the add-in)", () => {
  let csv: Record<string, string[][]>;
  beforeAll(async () => {
    // Installed by `npm run test:setup`; without it this fails rather than skips.
    expect(libreOfficeAvailable()).toBe(true);
    csv = await recalculateToCsv(filled);
  }, 120000);

  test("every unit's totals and grade equal the core's", () => {
    for (const r of expected) {
      const { sheetName, map } = sheetOf(r.unit);
      const grid = csv[sheetName];
      const shown = (k: (typeof TOTAL_ORDER)[number]) => grid[map.totals[k].row - 1][map.totals[k].col - 1];
      const two = (v: number | null) => (v === null ? "#N/A" : formatHundredths(v));
      const num = (s: string) => (/^-?[\d.]+$/.test(s) ? formatHundredths(Math.round(Number(s) * 100)) : s);
      expect({ unit: r.unit, grade: shown("grade") }).toEqual({ unit: r.unit, grade: r.grade });
      if (r.grade === "待更正") continue;
      expect({
        unit: r.unit,
        itemsScore: num(shown("itemsScore")),
        applicableTotal: num(shown("applicableTotal")),
        normalized: num(shown("normalized")),
        finalScore: num(shown("finalScore")),
      }).toEqual({
        unit: r.unit,
        itemsScore: two(r.itemsScore),
        applicableTotal: two(r.applicableTotal),
        normalized: two(r.normalized),
        finalScore: two(r.finalScore),
      });
    }
  });

  test("every line's 得分 equals the core's", () => {
    for (const r of expected.filter((x) => x.grade !== "待更正")) {
      const grid = csv[sheetOf(r.unit).sheetName];
      for (const line of r.lines) {
        const [part, label] = line.key.split(":");
        const address = at(r.unit, part, label, "E");
        const row = Number(address.slice(1));
        expect([line.key, Math.round(Number(grid[row - 1][5]) * 100)]).toEqual([line.key, line.score]);
      }
    }
  });

  test("the live 汇总 ranks the graded units and leaves 待更正 unranked", () => {
    const grid = csv["汇总"];
    const rowOf = (name: string) => grid.find((r) => r[1] === name)!;
    expect(rowOf("石楼县")[0]).toBe("1");
    expect(rowOf("交城县")[0]).toBe("2");
    expect(rowOf("市交通局")[0]).toBe("");
    expect(rowOf("市交通局")[9]).toBe("待更正");
    expect(rowOf("市体育局")[9]).toBe("合格");
  });

  test("a finding typed as =… stays text", () => {
    const grid = csv["石楼县"];
    const address = at("石楼县", "county", "5", "G");
    expect(grid[Number(address.slice(1)) - 1][6]).toBe("=企业培训资料不全");
  });
});

test("the sheet XML carries native validation, protection, unlocked input cells and the print setup", async () => {
  // The file as generated: exceljs itself reads decimal validation formulas back wrongly.
  const bytes = new Uint8Array(await (await import("node:fs")).promises.readFile(join(tmp, "generated.xlsx")));
  const xml = await sheetXml(bytes, "石楼县");
  const first = sheetOf("石楼县").map.tables[0].first;
  // One validation for the whole 扣分 column, bound by 分值 relative to its first cell (E10 by D10, E11 by D11 …, as
  // Excel reads a relative formula), and no two validations over the same cell (exceljs issue 2820).
  const last = sheetOf("石楼县").map.tables[0].last;
  expect(xml).toMatch(
    new RegExp(
      `<dataValidation type="decimal"(?![^>]*operator=)[^>]*sqref="E${first}:E${last}"><formula1>0</formula1><formula2>D${first}</formula2>`,
    ),
  );
  const covered = [...xml.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)(\d+)(?::[A-Z]+(\d+))?"/g)].flatMap((m) =>
    Array.from({ length: Number(m[3] ?? m[2]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`),
  );
  expect(new Set(covered).size).toBe(covered.length);
  // Input cells are unlocked in their style; the sheet is protected.
  const styles = await (await (await import("jszip")).default.loadAsync(bytes)).file("xl/styles.xml")!.async("string");
  expect(styles).toMatch(/<protection locked="0"\/>/);
  expect(xml).toMatch(/<dataValidation[^>]*type="list"[^>]*>\s*<formula1>(&quot;|")是,否(&quot;|")<\/formula1>/);
  expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
  expect(xml).not.toMatch(/<sheetProtection[^>]*password/);
  expect(xml).toContain("<oddHeader>&amp;C石楼县</oddHeader>"); // the unit's name on every printed page
  const workbookXml = await (
    await (await import("jszip")).default.loadAsync(bytes)
  )
    .file("xl/workbook.xml")!
    .async("string");
  const header = sheetOf("石楼县").map.tables[0].header;
  expect(workbookXml).toMatch(
    new RegExp(`<definedName name="_xlnm.Print_Titles"[^>]*>&apos;石楼县&apos;!\\$${header}:\\$${header}<`),
  );
  expect(xml).toMatch(
    /<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"|<pageSetup[^>]*orientation="landscape"[^>]*paperSize="9"/,
  );
});

describe("scorecard total", () => {
  test("gives the core's figures for the filled workbook, exit 1 because 市交通局 has an error", async () => {
    const { code, out } = await run(["total", filled, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    for (const r of expected) {
      const u = report.units.find((x: { unit: string }) => x.unit === r.unit);
      expect(u).toMatchObject({
        normalized: r.normalized === null ? null : r.normalized / 100,
        final: r.finalScore === null ? null : r.finalScore / 100,
        grade: r.grade,
        rank: r.rank,
      });
    }
    const fullWidth = report.issues.find((i: { code: string }) => i.code === "deduction.notNumber");
    expect(fullWidth).toMatchObject({
      file: "filled.xlsx",
      sheet: "市交通局",
      cell: at("市交通局", "individual", "13", "E"),
      unit: "市交通局",
      line: "单独第13项",
      severity: "error",
    });
    expect(fullWidth.message).toContain("0.5");
  });

  test("a file that is not a workbook and a workbook of other rules: exit 2, a message each, the good file still scored", async () => {
    const junk = join(tmp, "junk.xlsx");
    writeFileSync(junk, "这不是工作簿");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    wb.getWorksheet("石楼县")!.getCell("E1").value = "2021.1";
    const old = join(tmp, "old-rules.xlsx");
    await wb.xlsx.writeFile(old);
    const { code, out } = await run(["total", junk, old, "--json"]);
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.issues.find((i: { file: string }) => i.file === "junk.xlsx").message).toMatch(/不是有效的/);
    expect(report.issues.find((i: { code: string }) => i.code === "sheet.otherRules")).toMatchObject({
      file: "old-rules.xlsx",
      sheet: "石楼县",
    });
    expect(report.units.map((u: { unit: string }) => u.unit)).toContain("交城县");
    expect(report.units.map((u: { unit: string }) => u.unit)).not.toContain("石楼县");
  });

  test("the tamper check reports a formula overwritten by a number and a total whose shown result is wrong", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    const ws = wb.getWorksheet("石楼县")!;
    const { totals } = sheetOf("石楼县").map;
    const finalCell = `H${totals.finalScore.row}`;
    const normalizedCell = `H${totals.normalized.row}`;
    const scoreCell = at("石楼县", "county", "5", "E").replace("E", "F");
    ws.getCell(finalCell).value = 99; // someone typed the final score over the formula
    ws.getCell(scoreCell).value = 2; // and a line's 得分
    const formula = (ws.getCell(normalizedCell).value as ExcelJS.CellFormulaValue).formula;
    ws.getCell(normalizedCell).value = { formula, result: 50 } as ExcelJS.CellFormulaValue; // a stale or broken result
    const file = join(tmp, "tampered.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, out } = await run(["total", file, "--json"]);
    expect(code).toBe(1);
    const found = JSON.parse(out).issues.filter((i: { code: string }) => i.code.startsWith("sheet."));
    expect(found.map((i: { code: string; cell: string }) => `${i.code} ${i.cell}`).sort()).toEqual(
      [
        `sheet.formulaOverwritten ${finalCell}`,
        `sheet.formulaOverwritten ${scoreCell}`,
        `sheet.totalMismatch ${normalizedCell}`,
      ].sort(),
    );
    expect(found.find((i: { cell: string }) => i.cell === normalizedCell).message).toContain("95.37");
    // Ctrl+Z cannot undo what a returned file holds: no message suggests it.
    for (const i of found) expect(i.message).not.toContain("Ctrl+Z");
    // The core's figures do not move: they come from the entries.
    const shilou = JSON.parse(out).units.find((u: { unit: string }) => u.unit === "石楼县");
    expect(shilou.final).toBe(98.87);
    // …but the printed sheet shows other figures: the unit is not graded until the sheet is repaired.
    expect(shilou).toMatchObject({ grade: "待更正", rank: null });
  });

  test("a unit's sheet returned twice with the same entries: one unit, the same figures and issues", async () => {
    const again = join(tmp, "filled-resent.xlsx");
    copyFileSync(filled, again);
    const once = JSON.parse((await run(["total", filled, "--json"])).out);
    const { code, out } = await run(["total", filled, again, "--json"]);
    expect(code).toBe(1); // the entry errors of the filled workbook, nothing more
    const twice = JSON.parse(out);
    expect(twice.units).toEqual(once.units);
    const what = (i: { code: string; unit: string; cell: string; message: string }) =>
      `${i.code} ${i.unit} ${i.cell} ${i.message}`;
    expect(twice.issues.map(what).sort()).toEqual(once.issues.map(what).sort());
  });

  test("a unit's cell filled differently in two files: both files, the cell and both values named", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    const cell = at("交城县", "county", "1", "E");
    wb.getWorksheet("交城县")!.getCell(cell).value = 0.5;
    const changed = join(tmp, "filled-corrected.xlsx");
    await wb.xlsx.writeFile(changed);
    const { code, out } = await run(["total", filled, changed, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const conflict = report.issues.find((i: { code: string }) => i.code === "entry.conflict");
    expect(conflict).toMatchObject({ file: "filled-corrected.xlsx", sheet: "交城县", cell, unit: "交城县" });
    // Each file's own saved time is shown, so a person can tell the later copy.
    const when = async (f: string) => shownTime((await savedAt(readFileSync(f)))!);
    expect(conflict.message).toBe(
      `交城县第1项扣分在 filled.xlsx（${cell}，保存于 ${await when(filled)}）中为「1」，在 filled-corrected.xlsx（${cell}，保存于 ${await when(changed)}）中为「0.5」，请核对后只保留一个`,
    );
    expect(report.units.find((u: { unit: string }) => u.unit === "交城县")).toMatchObject({
      grade: "待更正",
      rank: null,
    });
  });

  test("--out writes a summary workbook whose texts stay text", async () => {
    const out = join(tmp, "汇总.xlsx");
    const { code } = await run(["total", filled, "--out", out]);
    expect(code).toBe(1);
    const sheets = await readXlsx(new Uint8Array(await (await import("node:fs")).promises.readFile(out)));
    const summary = sheets.find((s) => s.name === "汇总")!;
    const flat = summary.cells.flat();
    expect(flat).toContain("石楼县");
    expect(flat.some((c) => c !== null && typeof c === "object")).toBe(false);
  });
});
