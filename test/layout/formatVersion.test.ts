/**
 * The workbook format's versions: a sheet made by a newer program is refused in words, and a sheet of a previous
 * format still reads after the layout gained a column. The story tried here: the current layout (9 columns, A–I) is
 * "format 2", and "format 1" lacked column I (不参与说明, and with it the adjustments' 说明). The upgrade inserts
 * the column in memory; the entries and the cells they are reported at come out as from a sheet of today.
 */
import {
  columnInserted,
  COL,
  formatVersion,
  issueLocation,
  markerOf,
  META_MARKER,
  planToGrid,
  readWorkbook,
  unitSheetPlan,
  upgradeSheet,
  withEntries,
  WORKBOOK_FORMATS,
  type GridCell,
  type GridSheet,
  type WorkbookFormats,
} from "../../src/layout";
import { scoreAll } from "../../src/scoring";
import { luliang2022 as rubric } from "../support/rules";

const unit = rubric.findUnit("交城县")!;
const fresh = () => planToGrid(unitSheetPlan(rubric, unit, "交城县").sheet);
const withMarker = (sheet: GridSheet, marker: string): GridSheet => ({
  ...sheet,
  cells: sheet.cells.map((row, i) => (i === 0 ? [marker, ...row.slice(1)] : row)),
});
/** Row of a line's 序号 on the sheet. */
const rowOf = (sheet: GridSheet, label: string) => sheet.cells.findIndex((r) => r[0] === label) + 1;

/** "Format 1": the sheet without column I, as a program of that format would have made it. */
const withoutColumnI = (sheet: GridSheet): GridSheet => ({
  ...sheet,
  cells: sheet.cells.map((row) => row.filter((_, c) => c !== COL.reason - 1)),
});

/** The reader of "format 2", which knows how to upgrade a sheet of format 1. */
const formats: WorkbookFormats = {
  current: 2,
  oldest: 1,
  steps: [
    columnInserted(2, "不参与说明 (I) added, with the adjustments' 说明", COL.reason, (_row, cells) =>
      cells[0] === "序号" ? "不参与说明" : cells[COL.findings - 1] === "项目" ? "说明" : null,
    ),
  ],
};

describe("workbook format versions", () => {
  test("new sheets carry the current format's marker, and markers name their version", () => {
    expect(META_MARKER).toBe(markerOf(WORKBOOK_FORMATS));
    expect(fresh().cells[0][0]).toBe("scorecard/1");
    expect(formatVersion("scorecard/1")).toBe(1);
    expect(formatVersion("scorecard/12")).toBe(12);
    for (const other of ["scorecard/", "scorecard/0", "scorecard/1.5", "Scorecard/1", "考核", 1, null]) {
      expect(formatVersion(other)).toBeUndefined();
    }
  });

  test("a sheet of a newer format is refused in words and nothing of it is read", () => {
    const sheet = withMarker(withEntries(fresh(), { E8: 1 }), "scorecard/2");
    const read = readWorkbook(rubric, [sheet]);
    expect(read.units).toEqual([]);
    expect(read.problems).toEqual([
      {
        sheet: "交城县",
        code: "sheet.newerFormat",
        severity: "error",
        unit: "交城县",
        message:
          "工作表「交城县」由更新版本的考核打分助手生成（格式 scorecard/2），本版本只能读取格式 1 至 1，未读取；请更新加载项或命令行后再校验",
      },
    ]);
  });

  test("a sheet of a format no longer read is refused in words", () => {
    const read = readWorkbook(rubric, [fresh()], { current: 3, oldest: 2, steps: [] });
    expect(read.units).toEqual([]);
    expect(read.problems.map((p) => [p.code, p.message])).toEqual([
      [
        "sheet.oldFormat",
        "工作表「交城县」是旧版考核打分助手的格式（scorecard/1），本版本只能读取格式 2 至 3，未读取；请用当前规则重新生成该表并录入",
      ],
    ]);
  });

  test("a sheet of the previous format reads after a column was added, with the same entries and cells", () => {
    const today = fresh();
    const line5 = rowOf(today, "5");
    const line7 = rowOf(today, "7");
    const bonusRow = today.cells.findIndex((r) => r[COL.findings - 1] === "加分") + 1;
    const vetoRow = today.cells.findIndex((r) => r[COL.findings - 1] === "一票否优") + 1;
    const typed: Record<string, GridCell> = {
      [`E${line5}`]: 1.5,
      [`G${line5}`]: "隐患台账不全",
      [`E${line7}`]: "abc",
      [`H${vetoRow}`]: "否",
      [`H${bonusRow}`]: 2,
    };
    const todaySheet = withEntries(today, typed);
    const old = withoutColumnI(todaySheet);
    expect(old.cells[line5 - 1]).toHaveLength(8);

    // Read as it is, the old sheet misses its column; the reader of "format 2" upgrades it in memory first.
    expect(readWorkbook(rubric, [old]).problems.map((p) => p.code)).toContain("sheet.tablesMissing");
    const asToday = readWorkbook(rubric, [todaySheet]);
    const upgraded = readWorkbook(rubric, [old], formats);
    expect(upgraded.problems).toEqual([]);
    expect(upgraded.units[0].entries).toEqual(asToday.units[0].entries);
    expect(upgraded.units[0].cells).toEqual(asToday.units[0].cells);
    expect(old.cells[0][0]).toBe("scorecard/1"); // the sheet itself is left as it was

    // And it scores as today's sheet does, the bad entry pointed at where it is typed.
    const results = scoreAll(rubric, [upgraded.units[0].entries]);
    const [result] = results.counties;
    expect(result.grade).toBe("待更正");
    const issue = result.errors.find((e) => e.code === "deduction.notNumber")!;
    expect(issueLocation(upgraded, issue)).toEqual({ sheet: "交城县", cell: `E${line7}` });
  });

  test("a sheet of a previous format with a column since dropped reads, issues at the file's cells", () => {
    // The story: format 1 had a 备注 column F between 扣分 and 得分, dropped in format 2; every later column moved left.
    const dropped: WorkbookFormats = {
      current: 2,
      oldest: 1,
      steps: [
        {
          to: 2,
          change: "备注 (F) dropped",
          upgrade: (sheet) => ({
            ...sheet,
            cells: sheet.cells.map((row, i) => (i === 0 ? row : row.filter((_, c) => c !== 5))),
          }),
          cellBefore: (at) => (at.col >= 6 ? { row: at.row, col: at.col + 1 } : at),
        },
      ],
    };
    const today = fresh();
    const line5 = rowOf(today, "5");
    const vetoRow = today.cells.findIndex((r) => r[COL.findings - 1] === "一票否优") + 1;
    const todaySheet = withEntries(today, { [`E${line5}`]: 1, [`H${line5}`]: "也许", [`H${vetoRow}`]: "是" });
    const old: GridSheet = {
      ...todaySheet,
      cells: todaySheet.cells.map((row, i) =>
        i === 0 ? row : [...row.slice(0, 5), row[0] === "序号" ? "备注" : null, ...row.slice(5)],
      ),
    };
    const asToday = readWorkbook(rubric, [todaySheet]).units[0];
    const read = readWorkbook(rubric, [old], dropped);
    expect(read.problems).toEqual([]);
    expect(read.units[0].entries).toEqual(asToday.entries);
    const oneRight = (cell: string) => cell.replace(/^[F-Z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
    expect(read.units[0].cells).toEqual(new Map([...asToday.cells].map(([k, cell]) => [k, oneRight(cell)])));
    const [result] = scoreAll(rubric, [read.units[0].entries]).counties;
    const bad = result.errors.find((e) => e.code === "participates.invalid")!;
    expect(issueLocation(read, bad)).toEqual({ sheet: "交城县", cell: `I${line5}` });
    expect(old.cells[line5 - 1][8]).toBe("也许"); // where a person sees it in the file
  });

  test("cells right of an inserted column are reported where they are in the file", () => {
    const story: WorkbookFormats = { current: 2, oldest: 1, steps: [columnInserted(2, "a column before C", 3)] };
    const sheet: GridSheet = {
      name: "S",
      cells: [
        ["scorecard/1", "unit"],
        ["a", "b", "c", "d"],
      ],
    };
    const up = upgradeSheet(sheet, { role: "unit", rulesId: "x", rulesVersion: "y" }, story);
    if (!up.ok) throw new Error(up.message);
    expect(up.sheet.cells[1]).toEqual(["a", "b", null, "c", "d"]);
    expect(up.sheet.cells[0]).toEqual(["scorecard/1", "unit"]);
    expect(["B2", "C2", "D2", "E2"].map(up.cellInFile)).toEqual(["B2", "C2", "C2", "D2"]);
  });
});
