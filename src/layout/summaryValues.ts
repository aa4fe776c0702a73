/**
 * The summary as computed by the scoring core (`scorecard total --out`, and the add-in's 校验并汇总): the same
 * columns as the live 汇总, with values, the issues, and when it was computed. Every text comes from workbooks or
 * files and is written as text, never as a formula.
 *
 * Values go stale when someone edits a unit sheet afterwards. When the unit sheets are in the same workbook (the
 * add-in), each row gets a 核对 formula comparing what the unit sheet's own total formulas show now with what they
 * showed when the summary was made, and a banner above the tables counts the rows that changed — so a recipient
 * without the add-in is told, by Excel itself, that the figures are out of date.
 */
import { fromHundredths, type Rubric } from "../rubric";
import type { UnitResult } from "../scoring";
import { cellRef, parseCellRef, sheetRef, stringLiteral } from "./a1";
import { NO, PENDING, TOTAL_ORDER, UNSCORED, YES, type TotalKey } from "./columns";
import { metaCells } from "./meta";
import type { CellContent, ChartPlan, ConditionalFormatPlan, PlacedCell, SheetPlan, TablePlan } from "./plan";
import { STYLE } from "./styles";
import { columnOf, rowOf, summaryFields, tableColumns, type SummaryKey } from "./summaryColumns";
import { summarySheetShell } from "./summarySheet";
import type { SummaryParts } from "./summaryParts";

export { CELL_TEXT_LIMIT, fitCell, type SummaryIssueRow } from "./summaryCells";
import { fitCell, type SummaryIssueRow } from "./summaryCells";
import { summarySideSheets } from "./summarySides";

/** A unit sheet's total cells as read when the summary was made: where they are and what they showed. */
export interface LiveTotals {
  readonly sheet: string;
  readonly shown: Partial<Record<TotalKey, { readonly cell: string; readonly value: unknown }>>;
}

export const CHECK_COLUMN = "核对";
export const CHANGED = "已变动";
const CHANGED_FILL = "#F8CBAD";
const PENDING_COLOR = "#A6A6A6";
/** Bar colours by grade, best first (green, blue, amber, red), then any further grade in grey. */
const GRADE_PALETTE = ["#2E7D32", "#1F5FAD", "#E0A100", "#C0392B"];

export function gradeColor(rubric: Rubric, grade: string): string {
  const i = rubric.grades.findIndex((g) => g.grade === grade);
  return i >= 0 && i < GRADE_PALETTE.length ? GRADE_PALETTE[i] : PENDING_COLOR;
}

const num = (v: number | null | undefined): CellContent => (v === null || v === undefined ? null : fromHundredths(v));

/** A value read from a cell as a formula literal; anything that is not a number or a short text compares as "". */
function literal(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return stringLiteral(value.slice(0, 200));
  return '""';
}

/** TRUE while every total the unit sheet shows equals what it showed when the summary was made. */
function unchangedFormula(live: LiveTotals): string | undefined {
  const parts = TOTAL_ORDER.flatMap((k) => {
    const at = live.shown[k];
    const ref = at && parseCellRef(at.cell);
    if (!at || !ref) return [];
    return [
      `IFERROR(${sheetRef(live.sheet, ref.row, ref.col)},"#")=${literal(at.value === null || at.value === undefined ? "" : at.value)}`,
    ];
  });
  return parts.length === 0 ? undefined : `AND(${parts.join(",")})`;
}

/** 汇总 and, after it, its 各方交回情况, 扣分明细 and 问题清单 (summarySides.ts): what a summary is made of. */
export function summaryValuesSheets(
  rubric: Rubric,
  groups: { counties: readonly UnitResult[]; members: readonly UnitResult[] },
  issues: readonly SummaryIssueRow[],
  computedAt: string,
  live?: ReadonlyMap<string, LiveTotals>,
  parts?: SummaryParts,
): SheetPlan[] {
  return [
    summaryValuesSheet(rubric, groups, issues, computedAt, live),
    ...summarySideSheets(rubric, groups, issues, computedAt, parts),
  ];
}

/** 汇总 alone: the results, with the 核对 column and charts where the unit sheets are in the same workbook. */
export function summaryValuesSheet(
  rubric: Rubric,
  groups: { counties: readonly UnitResult[]; members: readonly UnitResult[] },
  issues: readonly SummaryIssueRow[],
  computedAt: string,
  live?: ReadonlyMap<string, LiveTotals>,
): SheetPlan {
  const cells: PlacedCell[] = [
    ...metaCells({ role: "summary", rulesId: rubric.id, rulesVersion: rubric.version }),
    { row: 2, col: 1, value: `${rubric.rules.name}汇总表`, style: STYLE.title },
    {
      row: 3,
      col: 1,
      value: live
        ? `校验并汇总于 ${computedAt}。本表成绩为当时按录入计算的结果；“${CHECK_COLUMN}”列显示“${CHANGED}”的单位，其打分表在汇总后被修改过，请重新校验并汇总。`
        : `校验并汇总于 ${computedAt}；此后对打分表的修改不会反映在本表中，请重新汇总。`,
      style: STYLE.note,
    },
  ];
  const tables: TablePlan[] = [];
  const charts: ChartPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const checkRanges: string[] = [];
  let row = 6;
  let resultWidth = 1;
  for (const [title, results, name, chartTitle] of [
    ["县（市、区）", groups.counties, "ResultCounties", "县（市、区）最终成绩"],
    ["市安委会成员单位", groups.members, "ResultMembers", "成员单位最终成绩"],
  ] as const) {
    if (results.length === 0) continue;
    const isCounty = name === "ResultCounties";
    cells.push({ row, col: 1, value: title, style: STYLE.caption });
    const fields = summaryFields(rubric, isCounty, 30);
    const checkCol = fields.length + 1;
    resultWidth = Math.max(resultWidth, live ? checkCol : fields.length);
    const header = row + 1;
    const first = header + 1;
    const last = header + results.length;
    const rows = results.map((r): CellContent[] => {
      const scored = r.grade !== UNSCORED;
      const value = (key: SummaryKey): CellContent => {
        switch (key) {
          case "rank":
            return r.rank;
          case "unit":
            return r.unit;
          case "finalScore":
            return scored ? num(r.finalScore) : null;
          case "veto":
            return r.veto ? YES : NO;
          case "grade":
            return r.grade;
          case "errors":
            return fitCell(r.errors.map((e) => e.message).join("\n"));
          case "warnings":
            return fitCell(r.warnings.map((w) => w.message).join("\n"));
          case "annex1Total":
            return num(r.annex1?.total);
          default:
            if (key.startsWith("annex2:")) return num(r.annex2?.[Number(key.slice(7))]);
            return num(r[key as Exclude<TotalKey, "grade">]);
        }
      };
      const values = rowOf(fields, value);
      if (!live) return values;
      const same = live.get(r.unit);
      const test = same && unchangedFormula(same);
      return [...values, test ? { formula: `=IF(${test},"",${stringLiteral(CHANGED)})`, result: "" } : "未找到打分表"];
    });
    tables.push({
      name,
      top: header,
      left: 1,
      columns: [
        ...tableColumns(fields),
        ...(live ? [{ name: CHECK_COLUMN, width: 8, style: { ...STYLE.text, align: "center" as const } }] : []),
      ],
      rows,
    });
    if (live) {
      const range = { top: first, left: checkCol, bottom: last, right: checkCol };
      checkRanges.push(`${cellRef(first, checkCol, true)}:${cellRef(last, checkCol, true)}`);
      conditionalFormats.push({ range, formula: `${cellRef(first, checkCol)}<>""`, fill: CHANGED_FILL });
      // Charts only where the add-in draws them (the file writer cannot): the summary it writes in the workbook.
      const chartLeft = checkCol + 2;
      const unitCol = columnOf(fields, "unit");
      const finalCol = columnOf(fields, "finalScore");
      charts.push({
        title: chartTitle,
        seriesName: "最终成绩",
        categories: { top: first, left: unitCol, bottom: last, right: unitCol },
        values: { top: first, left: finalCol, bottom: last, right: finalCol },
        pointColors: results.map((r) =>
          r.grade === PENDING || r.grade === UNSCORED || r.finalScore === null
            ? PENDING_COLOR
            : gradeColor(rubric, r.grade),
        ),
        anchor: { top: header, left: chartLeft, bottom: Math.max(last, header + 14), right: chartLeft + 7 },
      });
      row = Math.max(last, header + 14) + 3;
    } else {
      row = last + 3;
    }
  }
  if (charts.length > 0) {
    const legend = rubric.grades.map((g, i) => `${g.grade}：${["绿", "蓝", "黄", "红"][i] ?? "灰"}色`).join("，");
    cells.push({
      row: 4,
      col: 1,
      value: `图中柱的颜色表示等次（${legend}，${PENDING}、${UNSCORED}：灰色）。`,
      style: STYLE.note,
    });
  }
  if (live && checkRanges.length > 0) {
    const count = checkRanges.map((r) => `COUNTIF(${r},${stringLiteral(CHANGED)})`).join("+");
    cells.push({
      row: 5,
      col: 1,
      value: {
        formula: `=IF(${count}>0,"注意：汇总后有 "&(${count})&" 个单位的打分表被修改，本表成绩已过时，请重新校验并汇总。","")`,
      },
      style: { bold: true },
    });
    conditionalFormats.push({
      range: { top: 5, left: 1, bottom: 5, right: 1 },
      formula: `$A$5<>""`,
      fill: CHANGED_FILL,
    });
  }
  return { ...summarySheetShell(rubric, cells, tables), conditionalFormats, charts };
}
