/**
 * `scorecard generate --party` and `generate-units --party`: a party's workbook as a file, only that party's cells
 * unlocked in the file itself; a clear refusal for an unknown party or a unit outside its share; nothing overwritten.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { cellRef, partyWorkbookPlan, readWorkbook } from "../../src/layout";
import { annex2Parties, lineParty, SAFETY_OFFICE, TEAM } from "../../src/rubric/parties";
import { readXlsx } from "../../src/xlsx";
import { luliang2022 as rubric } from "../support/rules";
import { unlockedCells } from "../support/unlocked";

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}
const dir = () => mkdtempSync(join(tmpdir(), "scorecard-party-"));

test("generate --party 市应急局: 附件2 only, its two columns and its sign-off unlocked in the file", async () => {
  const out = join(dir(), "附件2-市应急局.xlsx");
  const r = await run(["generate", "--party", "应急局", "--out", out]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("「市应急局」的打分工作簿");
  const bytes = readFileSync(out);
  const grid = await readXlsx(bytes, "附件2-市应急局.xlsx");
  const read = readWorkbook(rubric, grid);
  expect(read.party).toBe("市应急局");
  expect(read.problems).toEqual([]);
  expect(grid.filter((s) => !s.hidden).map((s) => s.name)).toEqual(["附件2"]);
  const columns = annex2Parties(rubric)
    .find((p) => p.party === "市应急局")!
    .columns.map((c) => 3 + c);
  const plan = partyWorkbookPlan(rubric, { party: "市应急局" }).sheets[0];
  const table = plan.tables[0];
  const expected = new Set<string>();
  table.rows.forEach((_, i) => columns.forEach((c) => expected.add(cellRef(table.top + 1 + i, c))));
  const signoff = read.signoffs.find((s) => s.party === "市应急局")!;
  // The sign-off's cells are merged across both columns: each is unlocked.
  for (const cell of [signoff.cells.assessor, signoff.cells.completed, signoff.cells.completedOn]) {
    const row = Number(cell!.slice(1));
    columns.forEach((c) => expected.add(cellRef(row, c)));
  }
  expect(await unlockedCells(bytes, "附件2")).toEqual(expected);
});

test("generate --party 考核组 --units: the team's lines unlocked, 市安委办's locked, in the file", async () => {
  const out = join(dir(), "第一考核组.xlsx");
  const r = await run(["generate", "--party", "考核组", "--units", "交城,市交通运输局", "--out", out]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("2 个单位的打分表");
  const bytes = readFileSync(out);
  const read = readWorkbook(rubric, await readXlsx(bytes, "第一考核组.xlsx"));
  expect(read.party).toBe(TEAM);
  expect(read.units.map((u) => u.entries.unit)).toEqual(["交城县", rubric.findUnit("市交通运输局")!.name]);
  for (const unit of read.units) {
    const open = await unlockedCells(bytes, unit.sheet);
    const lines = rubric.linesFor(rubric.findUnit(unit.entries.unit)!);
    for (const line of lines) {
      const cell = unit.cells.get(`${line.key}|deduction`)!;
      expect([line.key, open.has(cell)]).toEqual([line.key, lineParty(line) === TEAM]);
    }
    expect(open.has(unit.cells.get("|bonus")!)).toBe(true);
    const office = read.signoffs.find((s) => s.party === SAFETY_OFFICE && s.unit === unit.entries.unit)!;
    expect(open.has(office.cells.assessor!)).toBe(false);
  }
});

test("an unknown party, a unit outside the party's share: refused with the closest names, nothing written", async () => {
  const d = dir();
  const out = join(d, "x.xlsx");
  const unknown = await run(["generate", "--party", "市住建", "--out", out]);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toContain("不认识的打分单位「市住建」（是不是 市住建局？）");
  const outside = await run(["generate", "--party", "市住建局", "--units", "交城,市交通运输局", "--out", out]);
  expect(outside.code).toBe(2);
  expect(outside.out).toContain("「市交通局」不在「市住建局」的打分范围内（市住建局为 13 个县（市、区）打分）");
  const typo = await run(["generate", "--party", "考核组", "--units", "交成", "--out", out]);
  expect(typo.code).toBe(2);
  expect(typo.out).toContain("交城");
  expect(existsSync(out)).toBe(false);
});

test("generate --party never replaces a file that exists", async () => {
  const out = join(dir(), "附件1.xlsx");
  writeFileSync(out, "已填写");
  const r = await run(["generate", "--party", "两个行动专班", "--out", out]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("已存在，未改动");
  expect(readFileSync(out, "utf8")).toBe("已填写");
});

test("generate-units --party 考核组: one team workbook per unit, in one run", async () => {
  const d = join(dir(), "第二考核组");
  const r = await run(["generate-units", "--party", "考核组", "--units", "交城,石楼", "--out-dir", d]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("生成 2 个「考核组」的工作簿");
  expect(readdirSync(d).sort()).toEqual(["交城县.xlsx", "石楼县.xlsx"].sort());
  for (const file of readdirSync(d)) {
    const read = readWorkbook(rubric, await readXlsx(readFileSync(join(d, file)), file));
    expect(read.party).toBe(TEAM);
    expect(read.units.map((u) => `${u.entries.unit}.xlsx`)).toEqual([file]);
    expect(read.annexSheets).toEqual({});
  }
  const department = await run(["generate-units", "--party", "市住建局", "--out-dir", join(d, "x")]);
  expect(department.code).toBe(2);
  expect(department.out).toContain("scorecard generate --party 市住建局");
  expect(existsSync(join(d, "x"))).toBe(false);
});
