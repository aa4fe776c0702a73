/**
 * Each part's sign-off (考核人员, 已完成评分, 完成日期) is read back from the sheet with its cells: a unit sheet's
 * team and 市安委办 sign-offs, a 附件 sheet's one per party column. Sheets made before sign-offs (no sign-off rows,
 * no F1) read as they did, with none.
 */
import {
  buildWorkbookPlan,
  fillUnitSheet,
  partyWorkbookPlan,
  planToGrid,
  readWorkbook,
  withEntries,
  type GridCell,
  type GridSheet,
  type SheetPlan,
} from "../../src/layout";
import { ANNEX_SIGNOFF_PARTY, signoffLabels } from "../../src/layout/signoff";
import { annex2Parties, ANNEX1_TASK_FORCE, SAFETY_OFFICE, TEAM } from "../../src/rubric/parties";
import { luliang2022 as rubric } from "../support/rules";

const units = ["交城", "市交通运输局"].map((n) => rubric.findUnit(n)!);
const { plan } = buildWorkbookPlan(rubric, units);
const sheetOf = (role: string, unit?: string) => plan.sheets.find((s) => s.meta.role === role && s.meta.unit === unit)!;

/** The value cell (H) of the row labelled `label` in G, as the sheet shows it. */
function cellOf(sheet: SheetPlan, label: string, col = "H"): string {
  const i = planToGrid(sheet).cells.findIndex((r) => r[6] === label);
  if (i < 0) throw new Error(`${sheet.name} has no ${label}`);
  return `${col}${i + 1}`;
}

/** The 附件 sign-off cell of a label (column B) in the score column `col`. */
function annexCell(sheet: SheetPlan, label: string, col: string): string {
  const grid = planToGrid(sheet).cells;
  const top = grid.findIndex((r) => r[1] === ANNEX_SIGNOFF_PARTY);
  const i = grid.findIndex((r, k) => k > top && r[1] === label);
  return `${col}${i + 1}`;
}

const DATE = 44915; // 2022-12-20 as Excel stores it

describe("sign-offs in the sheets", () => {
  it("a unit sheet has the team's sign-off and 市安委办's, read back with their cells", () => {
    const sheet = sheetOf("unit", "交城县");
    const team = signoffLabels(TEAM);
    const office = signoffLabels(SAFETY_OFFICE);
    const typed = {
      [cellOf(sheet, team.assessor)]: "张三、李四",
      [cellOf(sheet, team.completed)]: "是",
      [cellOf(sheet, team.completedOn)]: DATE,
      [cellOf(sheet, office.assessor)]: "王五",
      [cellOf(sheet, office.completed)]: "否",
    };
    const read = readWorkbook(rubric, [withEntries(planToGrid(sheet), typed)]);
    expect(read.signoffs).toEqual([
      {
        party: TEAM,
        unit: "交城县",
        sheet: sheet.name,
        assessor: "张三、李四",
        completed: "是",
        completedOn: DATE,
        cells: {
          assessor: cellOf(sheet, team.assessor),
          completed: cellOf(sheet, team.completed),
          completedOn: cellOf(sheet, team.completedOn),
        },
      },
      {
        party: SAFETY_OFFICE,
        unit: "交城县",
        sheet: sheet.name,
        assessor: "王五",
        completed: "否",
        completedOn: null,
        cells: {
          assessor: cellOf(sheet, office.assessor),
          completed: cellOf(sheet, office.completed),
          completedOn: cellOf(sheet, office.completedOn),
        },
      },
    ]);
    // The team's completion mark is still the sheet's 已完成评分: a sheet with nothing else entered is scored.
    expect(read.units[0].entries.completed).toBe("是");
  });

  it("附件1 has the 专班's sign-off and 附件2 one per department, under the party's first column", () => {
    const annex2 = sheetOf("annex2");
    const parties = annex2Parties(rubric);
    const col = (c: number) => String.fromCharCode(67 + c);
    const typed: Record<string, GridCell> = Object.fromEntries(
      parties.map((p, i) => [annexCell(annex2, "考核人员", col(p.columns[0])), `人员${i}`]),
    );
    typed[annexCell(annex2, "完成日期", col(parties[2].columns[0]))] = DATE;
    const read = readWorkbook(rubric, [withEntries(planToGrid(annex2), typed), planToGrid(sheetOf("annex1"))]);
    const two = read.signoffs.filter((s) => s.annex?.which === "annex2");
    expect(two.map((s) => [s.party, s.annex!.columns, s.assessor])).toEqual(
      parties.map((p, i) => [p.party, p.columns, `人员${i}`]),
    );
    expect(two[2].completedOn).toBe(DATE);
    expect(two[2].cells.completedOn).toBe(annexCell(annex2, "完成日期", col(parties[2].columns[0])));
    const one = read.signoffs.filter((s) => s.annex?.which === "annex1");
    expect(one.map((s) => [s.party, s.annex!.columns, s.assessor])).toEqual([
      [ANNEX1_TASK_FORCE, rubric.rules.annex1.items.map((_, i) => i), null],
    ]);
    // The sign-off rows are no counties: nothing read from them as entries, nothing reported.
    expect(read.problems).toEqual([]);
    expect(read.annexes.map((a) => a.unit)).toEqual(["交城县"]);
  });

  it("a party's workbook is read as that party's, with its sign-offs", () => {
    const office = partyWorkbookPlan(rubric, { party: SAFETY_OFFICE, units });
    const read = readWorkbook(rubric, office.sheets.map(planToGrid));
    expect(read.party).toBe(SAFETY_OFFICE);
    expect(read.problems).toEqual([]);
    expect(new Set(read.signoffs.map((s) => s.party))).toEqual(
      new Set([TEAM, SAFETY_OFFICE, ...annex2Parties(rubric).map((p) => p.party)]),
    );
  });

  it("a workbook of the format before sign-offs (no sign-off rows, no F1) reads the same, with none", () => {
    const typedBefore = { [cellOf(sheetOf("unit", "交城县"), signoffLabels(TEAM).completed)]: "是" };
    const current = [
      withEntries(planToGrid(sheetOf("unit", "交城县")), typedBefore),
      planToGrid(sheetOf("unit", units[1].name)),
      planToGrid(sheetOf("annex2")),
    ];
    const old = current.map(withoutSignoffs);
    // What made it old: no sign-off label left, and the marker row ends at E1.
    expect(old.every((s) => s.cells[0].length === 5)).toBe(true);
    const before = readWorkbook(rubric, old);
    const now = readWorkbook(rubric, current);
    expect(before.signoffs).toEqual([]);
    expect(before.party).toBeUndefined();
    expect(before.problems).toEqual([]);
    expect(before.units.map((u) => u.entries)).toEqual(now.units.map((u) => u.entries));
    expect(before.annexes).toEqual(now.annexes);
  });
});

/**
 * A sheet as format 1 laid it out before sign-offs: the rows under 已完成评分 and under the 附件 table were not there
 * (they were added below everything the reader relied on).
 */
function withoutSignoffs(sheet: GridSheet): GridSheet {
  const labels = new Set(
    [TEAM, SAFETY_OFFICE]
      .flatMap((p) => Object.values(signoffLabels(p)))
      .filter((l) => l !== signoffLabels(TEAM).completed),
  );
  const top = sheet.cells.findIndex((r) => r[1] === ANNEX_SIGNOFF_PARTY);
  const cells = sheet.cells
    .map((r, i) => (labels.has(String(r[6])) || (top >= 0 && i >= top) ? [] : r))
    .map((r, i) => (i === 0 ? r.slice(0, 5) : r));
  return { ...sheet, cells };
}

test("a sheet planned afresh with its entries (修复本表, 导出本单位工作簿, generate --force) keeps its sign-offs", () => {
  const sheet = sheetOf("unit", "交城县");
  const office = signoffLabels(SAFETY_OFFICE);
  const typed = {
    [cellOf(sheet, signoffLabels(TEAM).assessor)]: "张三",
    [cellOf(sheet, office.assessor)]: "王五",
    [cellOf(sheet, office.completedOn)]: DATE,
  };
  const grid = withEntries(planToGrid(sheet), typed);
  const source = readWorkbook(rubric, [grid]).units[0];
  const again = readWorkbook(rubric, [planToGrid(fillUnitSheet(rubric, sheet, source, grid))]);
  expect(again.signoffs.map((s) => [s.party, s.assessor, s.completedOn])).toEqual([
    [TEAM, "张三", null],
    [SAFETY_OFFICE, "王五", DATE],
  ]);
});
