/**
 * A party's workbook opens exactly the cells the rules give that party, closes the rest (locked, grey) and names the
 * party in every sheet's marker. Expected cells are computed from the rules (scoredBy, 附件2 department), never
 * counted by hand.
 */
import { buildWorkbookPlan, cellRef, partyWorkbookPlan, planToGrid, readMeta, type SheetPlan } from "../../src/layout";
import { annex2Parties, ANNEX1_TASK_FORCE, lineParty, SAFETY_OFFICE, TEAM } from "../../src/rubric/parties";
import { signoffLabels } from "../../src/layout/signoff";
import { loadRubric } from "../../src/rubric";
import { luliang2022 as rubric, luliang2022Copy } from "../support/rules";

const unit = (name: string) => rubric.findUnit(name)!;

/** Every cell a person can type into in the sheet as written: input-styled, not closed. */
function openCells(sheet: SheetPlan): Set<string> {
  const open = new Set<string>();
  for (const c of sheet.cells) if (c.style?.input) open.add(cellRef(c.row, c.col));
  for (const t of sheet.tables)
    t.columns.forEach((col, j) => {
      if (col.style?.input) t.rows.forEach((_, i) => open.add(cellRef(t.top + 1 + i, t.left + j)));
    });
  for (const r of sheet.closed ?? [])
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) open.delete(cellRef(row, col));
  return open;
}

/** The rows of a unit sheet's lines, by line, from its scoring tables. */
function lineRows(sheet: SheetPlan, unitName: string) {
  const u = unit(unitName);
  const lines = rubric.linesFor(u);
  const tables = sheet.tables.filter((t) => t.left === 1);
  const parts =
    u.kind === "county" ? ["county"] : ["common", "individual"].filter((p) => lines.some((l) => l.part === p));
  return tables.flatMap((t, k) =>
    lines.filter((l) => l.part === parts[k]).map((line, i) => ({ line, row: t.top + 1 + i })),
  );
}

/** The label → value cell of the adjustments and the rows under them (label in G, value in H). */
function labelled(sheet: SheetPlan): Map<string, string> {
  const out = new Map<string, string>();
  planToGrid(sheet).cells.forEach((row, i) => {
    if (typeof row[6] === "string") out.set(row[6], cellRef(i + 1, 8));
  });
  return out;
}

const unitSheets = (sheets: readonly SheetPlan[]) => sheets.filter((s) => s.meta.role === "unit");

describe("a party's workbook", () => {
  it("a team's workbook opens the team's lines, adjustments and sign-off of its units only", () => {
    const plan = partyWorkbookPlan(rubric, { party: TEAM, units: [unit("交城"), unit("市交通运输局")] });
    expect(plan.sheets.map((s) => s.meta.role)).toEqual(["unit", "unit", "rules"]);
    for (const sheet of unitSheets(plan.sheets)) {
      const open = openCells(sheet);
      const rows = lineRows(sheet, sheet.meta.unit!);
      expect(rows.some((r) => lineParty(r.line) === SAFETY_OFFICE)).toBe(true);
      for (const { line, row } of rows) {
        const want = lineParty(line) === TEAM;
        for (const col of ["E", "G", "H", "I"])
          expect([line.key, col, open.has(`${col}${row}`)]).toEqual([line.key, col, want]);
      }
      const at = labelled(sheet);
      for (const label of ["加分", "减分", "一票否优", ...Object.values(signoffLabels(TEAM))])
        expect([label, open.has(at.get(label)!)]).toEqual([label, true]);
      for (const label of Object.values(signoffLabels(SAFETY_OFFICE)))
        expect([label, open.has(at.get(label)!)]).toEqual([label, false]);
      // Only line cells and the labelled rows are open: nothing else in the sheet.
      const expected = rows.filter((r) => lineParty(r.line) === TEAM).length * 4 + 3 * 2 + 1 + 2 * 2;
      expect(open.size).toBe(expected);
    }
  });

  it("市安委办's workbook opens its lines in every unit that has them, and its 附件2 column", () => {
    const plan = partyWorkbookPlan(rubric, { party: SAFETY_OFFICE });
    const withLines = rubric.registry.all.filter((u) => rubric.linesFor(u).some((l) => lineParty(l) === SAFETY_OFFICE));
    expect(unitSheets(plan.sheets).map((s) => s.meta.unit)).toEqual(withLines.map((u) => u.name));
    expect(plan.sheets.map((s) => s.meta.role).filter((r) => r.startsWith("annex"))).toEqual(["annex2"]);
    for (const sheet of unitSheets(plan.sheets)) {
      const open = openCells(sheet);
      const rows = lineRows(sheet, sheet.meta.unit!);
      for (const { line, row } of rows) expect(open.has(`E${row}`)).toBe(lineParty(line) === SAFETY_OFFICE);
      const at = labelled(sheet);
      expect(open.has(at.get("加分")!)).toBe(false);
      expect(open.has(at.get(signoffLabels(TEAM).completed)!)).toBe(false);
      for (const label of Object.values(signoffLabels(SAFETY_OFFICE))) expect(open.has(at.get(label)!)).toBe(true);
    }
    const annex2 = plan.sheets.find((s) => s.meta.role === "annex2")!;
    const own = annex2Parties(rubric)
      .find((p) => p.party === SAFETY_OFFICE)!
      .columns.map((c) => 3 + c);
    expect(columnsOpen(annex2)).toEqual(own);
  });

  it.each(annex2Parties(rubric).map((p) => [p.party, p.columns] as const))(
    "%s gets 附件2 for every county with only its column(s) open",
    (party, columns) => {
      const plan = partyWorkbookPlan(rubric, { party });
      expect(plan.sheets.map((s) => s.meta.role)).toEqual(
        party === SAFETY_OFFICE ? expect.arrayContaining(["annex2", "unit"]) : ["annex2", "rules"],
      );
      const annex2 = plan.sheets.find((s) => s.meta.role === "annex2")!;
      const grid = planToGrid(annex2);
      const counties = rubric.registry.counties.map((c) => c.name);
      expect(counties.every((name) => grid.cells.some((r) => r[1] === name))).toBe(true);
      expect(columnsOpen(annex2)).toEqual(columns.map((c) => 3 + c));
      // Each open column: one cell per county and the party's sign-off under it.
      const open = openCells(annex2);
      expect(open.size).toBe(columns.length * (counties.length + 3));
    },
  );

  it("两个行动专班 gets 附件1 with every item open", () => {
    const plan = partyWorkbookPlan(rubric, { party: ANNEX1_TASK_FORCE });
    expect(plan.sheets.map((s) => s.meta.role)).toEqual(["annex1", "rules"]);
    expect(columnsOpen(plan.sheets[0])).toEqual(rubric.rules.annex1.items.map((_, i) => 3 + i));
    expect(plan.sheets[0].closed).toBeUndefined();
  });

  it("names the party in F1 of every score sheet; a workbook for everyone has no F1 and nothing closed", () => {
    const plan = partyWorkbookPlan(rubric, { party: "市住建局" });
    for (const sheet of plan.sheets.filter((s) => s.meta.role !== "rules")) {
      expect(readMeta(planToGrid(sheet).cells[0])?.party).toBe("市住建局");
      expect(sheet.cells.some((c) => c.row === 3 && String(c.value).includes("灰色格"))).toBe(true);
    }
    for (const sheet of buildWorkbookPlan(rubric, rubric.registry.all).plan.sheets) {
      expect(readMeta(planToGrid(sheet).cells[0])?.party).toBeUndefined();
      expect(sheet.closed).toBeUndefined();
    }
  });

  it("follows the rules file: a line without scoredBy is the team's, a 附件2 column is its department's", () => {
    const json = luliang2022Copy();
    for (const section of json.county.sections) for (const item of section.items) delete item.scoredBy;
    json.annex2.columns[1].department = "市水利局";
    const changed = loadRubric(json);
    const office = partyWorkbookPlan(changed, { party: SAFETY_OFFICE });
    expect(unitSheets(office.sheets).map((s) => s.meta.unit)).toEqual(changed.registry.members.map((u) => u.name));
    const team = partyWorkbookPlan(changed, { party: TEAM, units: [changed.findUnit("交城")!] });
    const sheet = unitSheets(team.sheets)[0];
    const open = openCells(sheet);
    expect(lineRows(sheet, "交城").every(({ row }) => open.has(`E${row}`))).toBe(true);
    const water = partyWorkbookPlan(changed, { party: "市水利局" });
    expect(columnsOpen(water.sheets[0])).toEqual([4]);
    expect(() => partyWorkbookPlan(changed, { party: "市城市管理局" })).toThrow("没有打分单位「市城市管理局」");
  });

  it("refuses an unknown party and a unit outside the party's share", () => {
    expect(() => partyWorkbookPlan(rubric, { party: "市教育局考核组" })).toThrow("没有打分单位「市教育局考核组」");
    expect(() => partyWorkbookPlan(rubric, { party: "市住建局", units: [unit("市交通运输局")] })).toThrow(
      "市交通局 不在「市住建局」的打分范围内",
    );
  });
});

/** The 1-based columns with an open cell in the 附件 table's rows. */
function columnsOpen(sheet: SheetPlan): number[] {
  const table = sheet.tables[0];
  const open = openCells(sheet);
  const cols = new Set<number>();
  for (let i = 0; i < table.rows.length; i++)
    for (let j = 0; j < table.columns.length; j++) if (open.has(cellRef(table.top + 1 + i, 1 + j))) cols.add(1 + j);
  return [...cols].sort((a, b) => a - b);
}
