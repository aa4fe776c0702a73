/**
 * Issue 19's "Done when": three teams' workbooks, five 附件2 parts (市住建局, 市城市管理局, two of 市应急局's staff each
 * with one of its columns, and 市安委办's), the 专班's 附件1 and 市安委办's own lines, each a party's workbook
 * (partyWorkbookPlan) filled in as a person would and saved, totalled in one step — by `scorecard total` and by the
 * add-in's 导入回收的工作簿 then 校验并汇总 — give exactly the 汇总 of one workbook holding all the same entries. Then a
 * conflict, a missing part and an unowned entry are each reported, and a signed-off part shows as complete.
 */
import "../excel/withOfficeClient";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { applyImport, previewImport } from "../../src/excel/importWorkbooks";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import { renderPlan } from "../../src/excel/render";
import { newSession } from "../../src/excel/session";
import { validateAndTotal } from "../../src/excel/total";
import { buildWorkbookPlan, partyWorkbookPlan, planToGrid, type WorkbookPlan } from "../../src/layout";
import { ANNEX_SIGNOFF_PARTY, signoffLabels } from "../../src/layout/signoff";
import { planToXlsx } from "../../src/xlsx";
import { dropCachedResults } from "../support/cachedResults";
import { luliang2022 as rubric } from "../support/rules";
import { FakeExcel } from "../excel/fakeExcel";

jest.setTimeout(120_000);
const tmp = mkdtempSync(join(tmpdir(), "scorecard-parties-"));
const COUNTIES = ["交城县", "石楼县", "文水县", "孝义市"];
const MEMBERS = ["市交通局", "市教育局"];
const UNITS = [...COUNTIES, ...MEMBERS];
const TEAMS = [
  ["考核一组", ["交城县", "石楼县"]],
  ["考核二组", ["文水县", "孝义市"]],
  ["考核三组", MEMBERS],
] as const;

/** Where a person types in a workbook plan: a line's input, a county's 附件 score, a sign-off. */
function cellsOf(plan: WorkbookPlan) {
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;
  return {
    line(unit: string, label: string, col: "E" | "G" | "H" | "I"): string {
      const t = sheet(unit).tables[0];
      const i = t.rows.findIndex((r) => String(r[0]) === label);
      if (i < 0) throw new Error(`${unit} has no line ${label}`);
      return `${col}${t.top + 1 + i}`;
    },
    annex(which: "附件1" | "附件2", county: string, index: number): string {
      const row = planToGrid(sheet(which)).cells.findIndex((r) => r.includes(county));
      return `${String.fromCharCode(67 + index)}${row + 1}`;
    },
    /** The team's (or 市安委办's) sign-off on a unit sheet: the value cell right of its label. */
    unitSignoff(unit: string, label: string): string {
      const grid = planToGrid(sheet(unit)).cells;
      const row = grid.findIndex((r) => r.includes(label));
      return `${String.fromCharCode(65 + grid[row].indexOf(label) + 1)}${row + 1}`;
    },
    annexSignoff(which: "附件1" | "附件2", label: string, index: number): string {
      const grid = planToGrid(sheet(which)).cells;
      const top = grid.findIndex((r) => r[1] === ANNEX_SIGNOFF_PARTY);
      const row = grid.findIndex((r, k) => k > top && r[1] === label);
      return `${String.fromCharCode(67 + index)}${row + 1}`;
    },
  };
}

type Typed = Record<string, Record<string, string | number>>;

/** The plan saved as .xlsx, the entries typed in (as Excel would keep them), saved at `when`. */
async function save(file: string, plan: WorkbookPlan, typed: Typed, when = "2026-11-30T08:00:00Z"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)) as never);
  for (const [sheet, cells] of Object.entries(typed)) {
    const ws = wb.getWorksheet(sheet)!;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  wb.eachSheet((ws) => dropCachedResults(ws)); // a program that calculates saves new results; this one none
  wb.modified = new Date(when);
  const path = join(tmp, file);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

/** Every party's entries, by party workbook; the same entries are typed into one workbook for everyone below. */
interface Part {
  file: string;
  plan: WorkbookPlan;
  entries: (at: ReturnType<typeof cellsOf>) => Typed;
}
const party = (name: string, units?: readonly string[]) =>
  partyWorkbookPlan(rubric, { party: name, units: units?.map((u) => rubric.findUnit(u)!) });

const teamEntries: Record<string, (at: ReturnType<typeof cellsOf>) => Typed> = {
  考核一组: (at) => ({
    交城县: {
      [at.line("交城县", "5", "E")]: 0.5,
      [at.line("交城县", "5", "G")]: "台账不全",
      [at.unitSignoff("交城县", signoffLabels("考核组").assessor)]: "王敏、李强",
      [at.unitSignoff("交城县", signoffLabels("考核组").completed)]: "是",
      [at.unitSignoff("交城县", signoffLabels("考核组").completedOn)]: 46356,
    },
    石楼县: { [at.line("石楼县", "13.3", "H")]: "否", [at.line("石楼县", "13.3", "I")]: "本县无化工园区" },
  }),
  考核二组: (at) => ({ 文水县: { [at.line("文水县", "1", "E")]: 1 }, 孝义市: { [at.line("孝义市", "2", "E")]: 0.3 } }),
  考核三组: (at) => ({
    市交通局: { [at.line("市交通局", "1", "E")]: 0.5 },
    市教育局: { [at.line("市教育局", "3", "E")]: 1 },
  }),
};

const parts: Part[] = [
  ...TEAMS.map(([team, units]) => ({ file: `${team}.xlsx`, plan: party("考核组", units), entries: teamEntries[team] })),
  {
    file: "市安委办.xlsx",
    plan: party("市安委办", UNITS),
    entries: (at) => ({
      交城县: { [at.line("交城县", "37", "E")]: 2 },
      文水县: { [at.line("文水县", "37", "E")]: 1.5 },
      市交通局: { [at.line("市交通局", "11", "E")]: 3 },
      附件2: Object.fromEntries(COUNTIES.map((c, i) => [at.annex("附件2", c, 4), 90 + i])),
    }),
  },
  {
    file: "市住建局.xlsx",
    plan: party("市住建局"),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c) => [at.annex("附件2", c, 0), 95])) }),
  },
  {
    file: "市城市管理局.xlsx",
    plan: party("市城市管理局"),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c, i) => [at.annex("附件2", c, 1), 85 + i])) }),
  },
  {
    file: "市应急局-尾矿库.xlsx",
    plan: party("市应急局"),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c) => [at.annex("附件2", c, 2), 88])) }),
  },
  {
    file: "市应急局-危化品.xlsx",
    plan: party("市应急局"),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c) => [at.annex("附件2", c, 3), 92])) }),
  },
  {
    file: "两个行动专班.xlsx",
    plan: party("两个行动专班"),
    entries: (at) => ({
      附件1: Object.fromEntries(
        COUNTIES.flatMap((c) => [0, 1, 2, 3].map((i) => [at.annex("附件1", c, i), [50, 20, 8, 9][i]])),
      ),
    }),
  },
];

/** One workbook for everyone with every part's entries typed at their places in it. */
function allInOne(): { plan: WorkbookPlan; typed: Typed } {
  const { plan } = buildWorkbookPlan(
    rubric,
    UNITS.map((u) => rubric.findUnit(u)!),
  );
  const at = cellsOf(plan);
  const typed: Typed = {};
  for (const part of parts) {
    const own = cellsOf(part.plan);
    for (const [sheet, cells] of Object.entries(part.entries(own))) {
      for (const [address, value] of Object.entries(cells)) {
        let there = address;
        if (sheet === "附件1" || sheet === "附件2") {
          const index = address.charCodeAt(0) - 67;
          const county = COUNTIES.find((c) => own.annex(sheet, c, index) === address);
          if (!county) throw new Error(`${sheet}!${address} is no county score`);
          there = at.annex(sheet, county, index);
        }
        // Unit sheets keep the layout for everyone in a party's workbook (docs/decisions/0015): same address.
        (typed[sheet] ??= {})[there] = value;
      }
    }
  }
  return { plan, typed };
}

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}

const figures = (u: { unit: string; final: number | null; grade: string; rank: number | null }) =>
  `${u.unit} ${u.final} ${u.grade} ${u.rank}`;

let files: string[] = [];
let one: string;
beforeAll(async () => {
  files = await Promise.all(parts.map((p) => save(p.file, p.plan, p.entries(cellsOf(p.plan)))));
  const everyone = allInOne();
  one = await save("全部.xlsx", everyone.plan, everyone.typed);
});

test("scorecard total on the parties' nine files gives exactly what one workbook with every entry gives", async () => {
  const together = await run(["total", ...files, "--json"]);
  const alone = await run(["total", one, "--json"]);
  const t = JSON.parse(together.out);
  const a = JSON.parse(alone.out);
  expect(t.units).toEqual(a.units);
  expect(t.units.map(figures)).toHaveLength(UNITS.length);
  expect(t.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  expect(t.issues.map((i: { code: string }) => i.code)).toEqual(a.issues.map((i: { code: string }) => i.code));
  expect(together.code).toBe(alone.code);
  // And the 汇总 each writes: the same result tables, cell for cell.
  const sumA = join(tmp, "汇总-各方.xlsx");
  const sumB = join(tmp, "汇总-一份.xlsx");
  await run(["total", ...files, "--out", sumA]);
  await run(["total", one, "--out", sumB]);
  const tables = await resultTables(sumA);
  expect(tables).toHaveLength(UNITS.length + 2); // two headers, a row per unit
  expect(tables).toEqual(await resultTables(sumB));
  // Progress: 交城县's team part signed off, every other part in, 市应急局's from its two files; 汾阳市 not at all.
  const jiaocheng = t.progress.find((u: { unit: string }) => u.unit === "交城县");
  expect(jiaocheng.parts.map((p: { party: string; status: string }) => `${p.party} ${p.status}`)).toEqual([
    "考核组 complete",
    "市安委办 received",
    "两个行动专班 received",
    "市住建局 received",
    "市城市管理局 received",
    "市应急局 received",
  ]);
  expect(jiaocheng.parts[0].signoff).toMatchObject({ assessor: "王敏、李强", completedOn: "2026-11-30" });
  expect(jiaocheng.parts[5].files).toEqual(["市应急局-危化品.xlsx", "市应急局-尾矿库.xlsx"]);
  const table = await run(["total", ...files, "--progress"]);
  expect(table.out).toContain(
    "交城县\t已完成（王敏、李强 2026-11-30；考核一组.xlsx）\t已交（市安委办.xlsx）\t已交（两个行动专班.xlsx）\t已交（市住建局.xlsx）",
  );
  const summary = await run(["total", ...files]);
  expect(summary.out).toContain("  考核组：57 个单位中已交 6 个（其中已完成 1 个），未交 51 个");
  const fenyang = t.progress.find((u: { unit: string }) => u.unit === "汾阳市");
  expect(fenyang.parts.every((p: { status: string }) => p.status === "missing")).toBe(true);
});

/** The counties' and member units' result rows of a 汇总 file, as values. */
async function resultTables(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("汇总")!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n < 6) return; // the time it was computed
    const values = (row.values as unknown[]).slice(1, 19);
    if (UNITS.includes(String(values[1])) || values[1] === "单位") rows.push(values.map((v) => v ?? null));
  });
  return rows;
}

test("the add-in: the same files imported into a workbook of these units, then 校验并汇总, give the same results", async () => {
  const excel = new FakeExcel();
  excel.install();
  const session = newSession();
  await renderPlan(
    buildWorkbookPlan(
      rubric,
      UNITS.map((u) => rubric.findUnit(u)!),
    ).plan,
    session,
  );
  const incoming = files.map((f) => ({ name: f.split("/").pop()!, bytes: new Uint8Array(readFileSync(f)) }));
  const preview = await previewImport(rubric, incoming, session);
  expect(preview.problems).toEqual([]);
  expect(preview.merge.conflicts).toEqual([]);
  expect(preview.merge.inserts).toEqual([]); // every sheet is there: only cells are filled in
  const report = await applyImport(preview);
  expect(report.syncs).toBeLessThanOrEqual(2);
  expect(Math.max(...excel.requests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
  const totals = await validateAndTotal(rubric, undefined, session);
  const alone = JSON.parse((await run(["total", one, "--json"])).out);
  const fromPane = [...totals.counties, ...totals.members].map((r) => ({
    unit: r.unit,
    final: r.grade === "未评分" ? null : r.finalScore === null ? null : r.finalScore / 100,
    grade: r.grade,
    rank: r.rank,
  }));
  expect(fromPane.map(figures)).toEqual(alone.units.map(figures));
  expect(totals.issues.filter((i) => i.severity === "error")).toEqual([]);
});

test("a conflict, a missing part and an unowned entry are each reported as such", async () => {
  const zj = party("市住建局");
  const at = cellsOf(zj);
  // 市住建局 sends a second file that disagrees on 石楼县, and fills in a 市城市管理局 cell of 孝义市 (unlocked by hand).
  const second = await save(
    "市住建局（又一份）.xlsx",
    zj,
    { 附件2: { [at.annex("附件2", "石楼县", 0)]: 70, [at.annex("附件2", "孝义市", 1)]: 60 } },
    "2026-12-01T08:00:00Z",
  );
  // 市城市管理局's file is not in: its part is missing wherever 市住建局 did not type for it.
  const without = files.filter((f) => !f.endsWith("市城市管理局.xlsx"));
  const { code, out } = await run(["total", ...without, second, "--json"]);
  expect(code).toBe(1);
  const json = JSON.parse(out);
  const conflict = json.issues.find((i: { code: string }) => i.code === "annex.conflict");
  expect(conflict).toMatchObject({
    file: "市住建局（又一份）.xlsx",
    sheet: "附件2",
    unit: "石楼县",
    severity: "error",
  });
  expect(conflict.message).toContain("市住建局.xlsx");
  expect(conflict.message).toContain("「95」");
  expect(conflict.message).toContain("「70」");
  const unowned = json.issues.find((i: { code: string }) => i.code === "annex.unowned");
  expect(unowned).toMatchObject({ file: "市住建局（又一份）.xlsx", unit: "孝义市", severity: "warning" });
  expect(unowned.message).toContain("这一项由「市城市管理局」负责打分");
  const status = (unit: string, p: string) =>
    json.progress.find((u: { unit: string }) => u.unit === unit).parts.find((x: { party: string }) => x.party === p)
      .status;
  expect(status("石楼县", "市住建局")).toBe("conflict");
  expect(status("交城县", "市城市管理局")).toBe("missing");
  expect(status("孝义市", "市城市管理局")).toBe("received"); // the unowned value counts
  expect(json.units.find((u: { unit: string }) => u.unit === "石楼县").grade).toBe("待更正");
  // With --newer-replaces the second file of 市住建局 wins for 石楼县, said as a notice.
  const replaced = JSON.parse((await run(["total", ...without, second, "--json", "--newer-replaces"])).out);
  expect(replaced.issues.some((i: { code: string }) => i.code === "annex.conflict")).toBe(false);
  expect(replaced.issues.find((i: { code: string }) => i.code === "annex.replaced").unit).toBe("石楼县");
});
