/**
 * 汇总: the result table the office publishes, counties and member units apart. Its figures are formulas over the
 * unit sheets, so a recipient without the add-in never sees stale figures; 排名 ties share a rank (1, 1, 3). The
 * 错误 and 警告 columns are written by 校验并汇总 (the add-in or `scorecard total`), with the time it ran.
 */
import type { Rubric, Unit } from "../rubric";
import { scoreUnit } from "../scoring";
import { cellRef, sheetRef, stringLiteral, trimText } from "./a1";
import { NO, PENDING, UNSCORED, YES, type TotalKey } from "./columns";
import { ANNEX_SHEET_NAMES } from "./annexSheets";
import { fitSheet, landscapePrint } from "./fit";
import { metaCells } from "./meta";
import type { CellContent, Formula, Literal, PlacedCell, SheetPlan, TablePlan } from "./plan";
import { STYLE } from "./styles";
import { columnOf, rowOf, summaryFields, tableColumns, type SummaryKey } from "./summaryColumns";
import type { UnitSheetMap } from "./unitSheet";

export const SUMMARY_SHEET_NAME = "汇总";

export interface SummaryUnit {
  readonly unit: Unit;
  readonly sheetName: string;
  readonly map: UnitSheetMap;
}

const formula = (text: string, result: Literal): Formula =>
  result === null ? { formula: text } : { formula: text, result };

export function summarySheetPlan(
  rubric: Rubric,
  units: readonly SummaryUnit[],
  annex: { annex1Row: (u: Unit) => number | undefined; annex2Row: (u: Unit) => number | undefined },
): SheetPlan {
  const counties = units.filter((u) => u.unit.kind === "county");
  const members = units.filter((u) => u.unit.kind === "member");
  const cells: PlacedCell[] = [
    ...metaCells({ role: "summary", rulesId: rubric.id, rulesVersion: rubric.version }),
    { row: 2, col: 1, value: `${rubric.rules.name}汇总表`, style: STYLE.title },
    {
      row: 3,
      col: 1,
      value:
        "本表成绩为公式，随各单位打分表实时更新；未录入任何内容的单位显示“未评分”；错误、警告两列由“校验并汇总”写入。",
      style: STYLE.note,
    },
  ];
  const tables: TablePlan[] = [];
  let row = 5;
  const annex1Cols = rubric.rules.annex1.items.length;
  for (const [title, group, name] of [
    ["县（市、区）", counties, "SummaryCounties"],
    ["市安委会成员单位", members, "SummaryMembers"],
  ] as const) {
    if (group.length === 0) continue;
    cells.push({ row, col: 1, value: title, style: STYLE.caption });
    const header = row + 1;
    const first = header + 1;
    const last = header + group.length;
    const fields = summaryFields(rubric, group === counties, 24);
    const finalCol = columnOf(fields, "finalScore");
    const rows = group.map((u, i): CellContent[] => {
      const r = first + i;
      // What the core computes for a sheet nobody has typed into yet: the cached values of a new workbook.
      const now = scoreUnit(rubric, { unit: u.unit.name, lines: {} });
      const at = (k: TotalKey) => sheetRef(u.sheetName, u.map.totals[k].row, u.map.totals[k].col);
      const grade = at("grade");
      const figure = (k: Exclude<TotalKey, "grade">) => {
        const v = now[k];
        return formula(`=IFERROR(${at(k)},"")`, v === null ? "" : v / 100);
      };
      const graded = now.grade !== PENDING && now.grade !== UNSCORED && now.finalScore !== null;
      const a1 = annex.annex1Row(u.unit);
      const a2 = annex.annex2Row(u.unit);
      const value = (key: SummaryKey): CellContent => {
        switch (key) {
          case "rank":
            return formula(
              `=IF(ISNUMBER(${cellRef(r, finalCol)}),COUNTIF(${cellRef(first, finalCol, true)}:${cellRef(last, finalCol, true)},">"&${cellRef(r, finalCol)})+1,"")`,
              "",
            );
          case "unit":
            return u.unit.name;
          case "finalScore":
            return formula(
              `=IF(OR(${grade}=${stringLiteral(PENDING)},${grade}=${stringLiteral(UNSCORED)}),"",IFERROR(${at("finalScore")},""))`,
              graded ? now.finalScore! / 100 : "",
            );
          case "veto":
            return formula(
              `=IF(${trimText(sheetRef(u.sheetName, u.map.adjustRows.veto, u.map.adjustScoreCol))}="${YES}","${YES}","${NO}")`,
              now.veto ? YES : NO,
            );
          case "grade":
            return formula(`=${grade}`, now.grade);
          case "errors":
          case "warnings":
            return null;
          case "annex1Total":
            return a1 === undefined ? null : formula(`=${sheetRef(ANNEX_SHEET_NAMES.annex1, a1, 3 + annex1Cols)}`, "");
          default: {
            if (key.startsWith("annex2:")) {
              const ref =
                a2 === undefined ? undefined : sheetRef(ANNEX_SHEET_NAMES.annex2, a2, 3 + Number(key.slice(7)));
              return ref === undefined ? null : formula(`=IF(ISBLANK(${ref}),"",${ref})`, "");
            }
            return figure(key as Exclude<TotalKey, "grade">);
          }
        }
      };
      return rowOf(fields, value);
    });
    tables.push({ name, top: header, left: 1, columns: tableColumns(fields), rows });
    row = last + 3;
  }
  return summarySheetShell(rubric, cells, tables);
}

/**
 * The 汇总 sheet around its tables: metadata row, title, landscape print with its page numbers; the member units'
 * table starts a page of its own and its header repeats on the pages it runs onto.
 */
export function summarySheetShell(rubric: Rubric, cells: PlacedCell[], tables: TablePlan[]): SheetPlan {
  const widest = Math.max(1, ...tables.filter((t) => t.left === 1).map((t) => t.columns.length));
  const results = tables.filter((t) => t.left === 1);
  const repeated = results[results.length - 1];
  const plan: SheetPlan = {
    name: SUMMARY_SHEET_NAME,
    meta: { role: "summary", rulesId: rubric.id, rulesVersion: rubric.version },
    columnWidths: {},
    cells,
    merges: [
      { top: 2, left: 1, bottom: 2, right: widest },
      { top: 3, left: 1, bottom: 3, right: widest },
    ],
    tables,
    validations: [],
    conditionalFormats: [],
    hiddenRows: [1],
    rowHeights: {},
    protect: false,
    print: landscapePrint(SUMMARY_SHEET_NAME, repeated?.top),
  };
  return fitSheet(plan, undefined, widest);
}
