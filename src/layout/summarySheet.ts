/**
 * 汇总: the result table the office publishes, counties and member units apart. Its figures are formulas over the
 * unit sheets, so a recipient without the add-in never sees stale figures; 排名 ties share a rank (1, 1, 3). The
 * 错误 and 警告 columns are written by 校验并汇总 (the add-in or `scorecard total`), with the time it ran.
 */
import type { Rubric, Unit } from "../rubric";
import { cellRef, sheetRef, stringLiteral, trimText } from "./a1";
import { NO, PENDING, YES, type TotalKey } from "./columns";
import { ANNEX_SHEET_NAMES } from "./annexSheets";
import { metaCells } from "./meta";
import type { CellContent, PlacedCell, SheetPlan, TableColumn, TablePlan } from "./plan";
import { STYLE } from "./styles";
import type { UnitSheetMap } from "./unitSheet";

export const SUMMARY_SHEET_NAME = "汇总";

export const SUMMARY_COLUMNS = [
  "排名",
  "单位",
  "现场得分",
  "实际涉及总分",
  "折算得分",
  "加分",
  "减分",
  "最终成绩",
  "一票否优",
  "等次",
  "错误",
  "警告",
] as const;

const FIGURES: readonly [string, TotalKey][] = [
  ["现场得分", "itemsScore"],
  ["实际涉及总分", "applicableTotal"],
  ["折算得分", "normalized"],
  ["加分", "bonus"],
  ["减分", "penalty"],
];

export interface SummaryUnit {
  readonly unit: Unit;
  readonly sheetName: string;
  readonly map: UnitSheetMap;
}

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
      value: "本表成绩为公式，随各单位打分表实时更新；错误、警告两列由“校验并汇总”写入。",
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
    cells.push({ row, col: 1, value: title, style: { bold: true, size: 12 } });
    const header = row + 1;
    const first = header + 1;
    const last = header + group.length;
    const isCounty = group === counties;
    const columns = summaryColumns(rubric, isCounty, 30);
    const finalCol = 8;
    const rows = group.map((u, i): CellContent[] => {
      const r = first + i;
      const at = (k: TotalKey) => sheetRef(u.sheetName, u.map.totals[k].row, u.map.totals[k].col);
      const grade = at("grade");
      const figures = FIGURES.map(([, k]) => ({ formula: `=IFERROR(${at(k)},"")` }) as CellContent);
      const rank = {
        formula: `=IF(ISNUMBER(${cellRef(r, finalCol)}),COUNTIF(${cellRef(first, finalCol, true)}:${cellRef(last, finalCol, true)},">"&${cellRef(r, finalCol)})+1,"")`,
      };
      const final = { formula: `=IF(${grade}=${stringLiteral(PENDING)},"",IFERROR(${at("finalScore")},""))` };
      const veto = {
        formula: `=IF(${trimText(sheetRef(u.sheetName, u.map.adjustRows.veto, u.map.adjustScoreCol))}="${YES}","${YES}","${NO}")`,
      };
      const annexCells: CellContent[] = [];
      if (isCounty) {
        const a1 = annex.annex1Row(u.unit);
        annexCells.push(
          a1 === undefined ? null : { formula: `=${sheetRef(ANNEX_SHEET_NAMES.annex1, a1, 3 + annex1Cols)}` },
        );
        const a2 = annex.annex2Row(u.unit);
        for (let c = 0; c < rubric.rules.annex2.columns.length; c++) {
          annexCells.push(
            a2 === undefined
              ? null
              : {
                  formula: `=IF(ISBLANK(${sheetRef(ANNEX_SHEET_NAMES.annex2, a2, 3 + c)}),"",${sheetRef(ANNEX_SHEET_NAMES.annex2, a2, 3 + c)})`,
                },
          );
        }
      }
      return [rank, u.unit.name, ...figures, final, veto, { formula: `=${grade}` }, null, null, ...annexCells];
    });
    tables.push({ name, top: header, left: 1, columns, rows });
    row = last + 3;
  }
  return summarySheetShell(rubric, cells, tables);
}

/** The summary's columns; counties also get the 附件1 total and the five 附件2 scores. */
export function summaryColumns(rubric: Rubric, isCounty: boolean, textWidth: number): TableColumn[] {
  const extra = isCounty
    ? ["附件1合计", ...rubric.rules.annex2.columns.map((c, i) => `附件2-${i + 1} ${c.department}`)]
    : [];
  return [...SUMMARY_COLUMNS, ...extra].map((c) => ({
    name: c,
    width: c === "单位" ? 22 : c === "错误" || c === "警告" ? textWidth : 11,
    style: c === "单位" || c === "错误" || c === "警告" ? STYLE.text : STYLE.score,
  }));
}

/** The 汇总 sheet around its tables: metadata row, title, landscape print. */
export function summarySheetShell(rubric: Rubric, cells: PlacedCell[], tables: TablePlan[]): SheetPlan {
  return {
    name: SUMMARY_SHEET_NAME,
    meta: { role: "summary", rulesId: rubric.id, rulesVersion: rubric.version },
    columnWidths: {},
    cells,
    merges: [{ top: 2, left: 1, bottom: 2, right: SUMMARY_COLUMNS.length }],
    tables,
    validations: [],
    conditionalFormats: [],
    hiddenRows: [1],
    protect: false,
    print: { orientation: "landscape", paper: "A4", header: SUMMARY_SHEET_NAME, fitToWidth: true },
  };
}
