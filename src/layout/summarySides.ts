/**
 * The tables that come with the summary's results, each on a sheet of its own: 各方交回情况, 扣分明细 (every line
 * that lost points, was 不参与 or has findings, so the published table comes with its reasons) and 问题清单. On 汇总
 * they shared its rows or columns with the results, so one long finding made a unit's row tall, or 加分 as wide as
 * a message; printed, they fell into the program's column bands, their last columns on another page. On a sheet of
 * their own each is fitted to the page width, its header repeated on every page.
 *
 * They are summary sheets (role "summary") told apart by the meta's unit cell, which holds the sheet's own name:
 * 汇总's is empty. The add-in makes all of them anew at each 校验并汇总, as it makes 汇总.
 */
import { fromHundredths, type PartKey, type Rubric } from "../rubric";
import { lineName, type UnitResult } from "../scoring";
import { fitSheet, landscapePrint } from "./fit";
import { metaCells } from "./meta";
import type { Literal, SheetPlan, TablePlan } from "./plan";
import { STYLE } from "./styles";
import { CELL_TEXT_LIMIT, fitCell, type SummaryIssueRow } from "./summaryCells";
import { PARTS_TABLE_TITLE, summaryPartsTable, type SummaryParts } from "./summaryParts";

export const DEDUCTIONS_SHEET_NAME = "扣分明细";
export const ISSUES_SHEET_NAME = "问题清单";
/** The summary's own sheets besides 汇总, in the order they follow it. */
export const SUMMARY_SIDE_SHEETS = [PARTS_TABLE_TITLE, DEDUCTIONS_SHEET_NAME, ISSUES_SHEET_NAME] as const;

const HEADER = 4;

/** A sheet holding one table: its title, the time of the summary, the table with its header repeated in print. */
function sideSheet(rubric: Rubric, name: string, note: string, table: (top: number) => TablePlan): SheetPlan {
  const placed = table(HEADER);
  const width = placed.columns.length;
  const plan: SheetPlan = {
    name,
    meta: { role: "summary", unit: name, rulesId: rubric.id, rulesVersion: rubric.version },
    columnWidths: {},
    cells: [
      ...metaCells({ role: "summary", unit: name, rulesId: rubric.id, rulesVersion: rubric.version }),
      { row: 2, col: 1, value: `${rubric.rules.name}汇总表：${name}`, style: STYLE.caption },
      { row: 3, col: 1, value: note, style: STYLE.note },
    ],
    // The title and the note across the table, as on 汇总.
    merges: [
      { top: 2, left: 1, bottom: 2, right: width },
      { top: 3, left: 1, bottom: 3, right: width },
    ],
    tables: [placed],
    validations: [],
    conditionalFormats: [],
    hiddenRows: [1],
    rowHeights: {},
    protect: false,
    print: landscapePrint(name, HEADER),
  };
  return fitSheet(plan);
}

/** 各方交回情况, 扣分明细 and 问题清单, each when it has rows. */
export function summarySideSheets(
  rubric: Rubric,
  groups: { counties: readonly UnitResult[]; members: readonly UnitResult[] },
  issues: readonly SummaryIssueRow[],
  computedAt: string,
  parts?: SummaryParts,
): SheetPlan[] {
  const note = `校验并汇总于 ${computedAt}。`;
  const sheets: SheetPlan[] = [];
  if (parts && parts.rows.length > 0)
    sheets.push(sideSheet(rubric, PARTS_TABLE_TITLE, note, (top) => summaryPartsTable(parts, top, 1)));
  const details = [...groups.counties, ...groups.members].flatMap((r) =>
    r.lines
      .filter((l) => l.deduction > 0 || l.findings !== "" || l.exempted)
      .map((l): Literal[] => [
        r.unit,
        lineName({ part: l.key.split(":")[0] as PartKey, label: l.label }),
        fromHundredths(l.maxPoints),
        l.exempted ? null : fromHundredths(l.deduction),
        // The reason is an entry, never cut: the prefix goes when both would not fit in a cell.
        l.exempted
          ? `不参与：${l.exemptionReason}`.length <= CELL_TEXT_LIMIT
            ? `不参与：${l.exemptionReason}`
            : l.exemptionReason
          : l.findings,
      ]),
  );
  if (details.length > 0)
    sheets.push(
      sideSheet(rubric, DEDUCTIONS_SHEET_NAME, note, (top) => ({
        name: "ResultDeductions",
        top,
        left: 1,
        columns: [
          { name: "单位", width: 20, style: STYLE.text },
          { name: "项目", width: 12, style: STYLE.text },
          { name: "分值", width: 7, style: STYLE.score },
          { name: "扣分", width: 7, style: STYLE.score },
          { name: "存在的问题 / 不参与说明", width: 70, style: STYLE.text },
        ],
        rows: details,
      })),
    );
  if (issues.length > 0)
    sheets.push(
      sideSheet(rubric, ISSUES_SHEET_NAME, note, (top) => ({
        name: "ResultIssues",
        top,
        left: 1,
        columns: ["级别", "文件", "工作表", "单元格", "单位", "说明"].map((c) => ({
          name: c,
          width: c === "说明" ? 70 : c === "级别" || c === "单元格" ? 7 : 14,
          style: STYLE.text,
        })),
        rows: issues.map((i): Literal[] => [
          i.severity === "error" ? "错误" : "警告",
          i.file ?? "",
          i.sheet ?? "",
          i.cell ?? "",
          i.unit ?? "",
          fitCell(i.message),
        ]),
      })),
    );
  return sheets;
}
