/**
 * Many hands, one result: each party returns its part of the same units in its own file — two assessment teams,
 * 市安委办's own lines and its 附件2 column, two departments' 附件2 columns, the 专班's 附件1 — and totalling them in
 * one step gives exactly what one workbook holding all the same entries gives. Two files that disagree on a cell
 * are named with the cell and both values, and the unit waits for a person to settle it.
 */
import { buildWorkbookPlan, planToGrid, readWorkbook, withEntries, type BuiltWorkbook } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { totalWorkbooks, type ReturnedWorkbook } from "../../src/totalling";
import { planCells } from "../support/planCells";

const rules2022 = luliang2022;
const plan = (names: readonly string[]) =>
  buildWorkbookPlan(
    rules2022,
    names.map((n) => rules2022.findUnit(n)!),
  );
const TEAM_A = ["交城县", "石楼县"];
const TEAM_B = ["文水县", "市交通局"];
const ALL = [...TEAM_A, ...TEAM_B];
const COUNTIES = ["交城县", "石楼县", "文水县"];

type Entries = Record<string, Record<string, string | number>>;
/** A workbook made from `built` with the entries typed in, as totalling reads it. */
function returned(file: string, built: BuiltWorkbook, entries: Entries): ReturnedWorkbook {
  const grids = built.plan.sheets.map((s) => withEntries(planToGrid(s), entries[s.name] ?? {}));
  return { file, read: readWorkbook(rules2022, grids) };
}

/** Each party's entries, addressed in the workbook made for it. */
const parts: { file: string; built: BuiltWorkbook; entries: (at: ReturnType<typeof planCells>) => Entries }[] = [
  {
    file: "考核一组.xlsx",
    built: plan(TEAM_A),
    entries: (at) => ({
      交城县: { [at.line("交城县", "5", "E")]: 0.5, [at.line("交城县", "5", "G")]: "台账不全" },
      石楼县: { [at.line("石楼县", "13.3", "H")]: "否", [at.line("石楼县", "13.3", "I")]: "本县无化工园区" },
    }),
  },
  {
    file: "考核二组.xlsx",
    built: plan(TEAM_B),
    entries: (at) => ({
      文水县: { [at.line("文水县", "1", "E")]: 1 },
      市交通局: { [at.line("市交通局", "1", "E", "common")]: 0.5 },
    }),
  },
  {
    file: "市安委办.xlsx",
    built: plan(ALL),
    entries: (at) => ({
      交城县: { [at.line("交城县", "37", "E")]: 2 },
      文水县: { [at.line("文水县", "37", "E")]: 1.5 },
      市交通局: { [at.line("市交通局", "11", "E", "common")]: 3 },
      附件2: Object.fromEntries(COUNTIES.map((c, i) => [at.annex(c, 4), 90 + i])),
    }),
  },
  {
    file: "市住建局.xlsx",
    built: plan(COUNTIES),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c) => [at.annex(c, 0), 95])) }),
  },
  {
    file: "市城市管理局.xlsx",
    built: plan(COUNTIES),
    entries: (at) => ({ 附件2: Object.fromEntries(COUNTIES.map((c, i) => [at.annex(c, 1), 85 + i])) }),
  },
  {
    file: "市应急局.xlsx",
    built: plan(COUNTIES),
    entries: (at) => ({
      附件2: Object.fromEntries(
        COUNTIES.flatMap((c) => [[at.annex(c, 2), 88] as const, [at.annex(c, 3), 92] as const]),
      ),
    }),
  },
  {
    file: "两个行动专班.xlsx",
    built: plan(COUNTIES),
    entries: (at) => ({ 附件1: Object.fromEntries(COUNTIES.map((c) => [at.annex(c, 0), 50])) }),
  },
];

/** One workbook with every party's entries typed into it. */
function allInOne(): ReturnedWorkbook {
  const built = plan(ALL);
  const at = planCells(built);
  const merged: Entries = {};
  for (const part of parts) {
    // The same entry, found by what it is in the party's own workbook, typed at its place in the one workbook.
    const own = planCells(part.built);
    const translate = (sheet: string, address: string): string => {
      if (sheet === "附件1" || sheet === "附件2") {
        const col = address.charCodeAt(0) - 67;
        const county = COUNTIES.find((c) => own.annex(c, col) === address)!;
        return at.annex(county, col);
      }
      return address; // unit sheets are laid out the same in every workbook made from the same rules
    };
    for (const [sheet, cells] of Object.entries(part.entries(own))) {
      for (const [address, value] of Object.entries(cells)) (merged[sheet] ??= {})[translate(sheet, address)] = value;
    }
  }
  return returned("全部.xlsx", built, merged);
}

const figures = (r: { unit: string; finalScore: number | null; grade: string; rank: number | null }) =>
  `${r.unit} ${r.finalScore} ${r.grade} ${r.rank}`;

test("the parties' files totalled together give what one workbook with all their entries gives", () => {
  const together = totalWorkbooks(
    rules2022,
    parts.map((p) => returned(p.file, p.built, p.entries(planCells(p.built)))),
  );
  const one = totalWorkbooks(rules2022, [allInOne()]);
  expect(together.result.counties.map(figures)).toEqual(one.result.counties.map(figures));
  expect(together.result.members.map(figures)).toEqual(one.result.members.map(figures));
  expect(together.result.counties.every((r) => r.annex2?.every((v) => v !== null))).toBe(true);
  expect(together.result.counties.find((r) => r.unit === "交城县")!.annex1?.total).toBe(
    one.result.counties.find((r) => r.unit === "交城县")!.annex1?.total,
  );
  const what = (i: { code: string; unit: string; message: string }) => `${i.code} ${i.unit} ${i.message}`;
  expect(together.issues.map(what).sort()).toEqual(one.issues.map(what).sort());
  expect(together.issues.filter((i) => i.severity === "error")).toEqual([]);
});

test("two departments' files with different values for one 附件2 cell: a conflict naming both, the county held back", () => {
  const built = plan(COUNTIES);
  const at = planCells(built);
  const cell = at.annex("石楼县", 2);
  const workbooks = [
    returned("市应急局.xlsx", built, { 附件2: { [cell]: 88 } }),
    returned("市应急局（修改）.xlsx", built, { 附件2: { [cell]: 86 } }),
  ];
  const { result, issues } = totalWorkbooks(rules2022, workbooks);
  const conflict = issues.find((i) => i.code === "annex.conflict")!;
  expect(conflict).toMatchObject({
    file: "市应急局（修改）.xlsx",
    sheet: "附件2",
    cell,
    unit: "石楼县",
    severity: "error",
  });
  expect(conflict.message).toBe(
    `石楼县的附件2第 3 项在 市应急局.xlsx（${cell}）中为「88」，在 市应急局（修改）.xlsx（${cell}）中为「86」，请核对后只保留一个`,
  );
  expect(result.counties.find((r) => r.unit === "石楼县")).toMatchObject({ grade: "待更正", rank: null });
  expect(result.counties.find((r) => r.unit === "交城县")!.grade).not.toBe("待更正");
});

test("progress: each unit's parts, in or missing, with the files they came from; a conflict shown as such", () => {
  const files = parts.map((p) => returned(p.file, p.built, p.entries(planCells(p.built))));
  const built = plan(COUNTIES);
  const at = planCells(built);
  // 市应急局 sends a second file that disagrees on 石楼县's 尾矿库 score.
  files.push(returned("市应急局（又一份）.xlsx", built, { 附件2: { [at.annex("石楼县", 2)]: 70 } }));
  const { progress } = totalWorkbooks(rules2022, files);
  const of = (unit: string) =>
    Object.fromEntries(
      progress.find((u) => u.unit === unit)!.parts.map((p) => [p.party, `${p.status} ${p.files.join(",")}`.trim()]),
    );
  expect(of("交城县")).toEqual({
    考核组: "received 考核一组.xlsx",
    市安委办: "received 市安委办.xlsx",
    两个行动专班: "received 两个行动专班.xlsx",
    市住建局: "received 市住建局.xlsx",
    市城市管理局: "received 市城市管理局.xlsx",
    市应急局: "received 市应急局.xlsx",
  });
  expect(of("石楼县")).toMatchObject({
    考核组: "received 考核一组.xlsx",
    市应急局: "conflict 市应急局.xlsx",
    市安委办: "received 市安委办.xlsx",
  });
  expect(of("市交通局")).toEqual({ 考核组: "received 考核二组.xlsx", 市安委办: "received 市安委办.xlsx" });
  // A unit nobody has returned yet: every part missing; every unit of the rules is listed.
  expect(Object.values(of("孝义市")).every((s) => s === "missing")).toBe(true);
  expect(progress).toHaveLength(rules2022.registry.all.length);
});
