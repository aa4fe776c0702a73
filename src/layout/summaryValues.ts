/**
 * The summary as computed by the scoring core (`scorecard total --out`, and the add-in's 校验并汇总): the same
 * columns as the live 汇总, with values, the issues, and when it was computed. Every text comes from workbooks or
 * files and is written as text, never as a formula.
 */
import { fromHundredths, type Rubric } from "../rubric";
import type { UnitResult } from "../scoring";
import { metaCells } from "./meta";
import type { CellContent, PlacedCell, SheetPlan, TablePlan } from "./plan";
import { summaryColumns, summarySheetShell } from "./summarySheet";
import { STYLE } from "./unitSheet";

export interface SummaryIssueRow {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly unit?: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

const num = (v: number | null | undefined): CellContent => (v === null || v === undefined ? null : fromHundredths(v));

export function summaryValuesSheet(
  rubric: Rubric,
  groups: { counties: readonly UnitResult[]; members: readonly UnitResult[] },
  issues: readonly SummaryIssueRow[],
  computedAt: string,
): SheetPlan {
  const cells: PlacedCell[] = [
    ...metaCells({ role: "summary", rulesId: rubric.id, rulesVersion: rubric.version }),
    { row: 2, col: 1, value: `${rubric.rules.name}汇总表`, style: STYLE.title },
    { row: 3, col: 1, value: `校验并汇总于 ${computedAt}；此后对打分表的修改不会反映在本表中，请重新汇总。`, style: STYLE.note },
  ];
  const tables: TablePlan[] = [];
  let row = 5;
  const annex2Count = rubric.rules.annex2.columns.length;
  for (const [title, results, name] of [
    ["县（市、区）", groups.counties, "ResultCounties"],
    ["市安委会成员单位", groups.members, "ResultMembers"],
  ] as const) {
    if (results.length === 0) continue;
    const isCounty = name === "ResultCounties";
    cells.push({ row, col: 1, value: title, style: { bold: true, size: 12 } });
    const rows = results.map((r): CellContent[] => [
      r.rank,
      r.unit,
      num(r.itemsScore),
      num(r.applicableTotal),
      num(r.normalized),
      num(r.bonus),
      num(r.penalty),
      num(r.finalScore),
      r.veto ? "是" : "否",
      r.grade,
      r.errors.map((e) => e.message).join("\n"),
      r.warnings.map((w) => w.message).join("\n"),
      ...(isCounty ? [num(r.annex1?.total), ...Array.from({ length: annex2Count }, (_, i) => num(r.annex2?.[i]))] : []),
    ]);
    tables.push({
      name,
      top: row + 1,
      left: 1,
      columns: summaryColumns(rubric, isCounty, 40),
      rows,
    });
    row += results.length + 4;
  }
  if (issues.length > 0) {
    cells.push({ row, col: 1, value: "问题清单", style: { bold: true, size: 12 } });
    tables.push({
      name: "ResultIssues",
      top: row + 1,
      left: 1,
      columns: ["级别", "文件", "工作表", "单元格", "单位", "说明"].map((c) => ({ name: c, width: c === "说明" ? 60 : 14, style: STYLE.text })),
      rows: issues.map((i) => [i.severity === "error" ? "错误" : "警告", i.file ?? "", i.sheet ?? "", i.cell ?? "", i.unit ?? "", i.message]),
    });
  }
  return summarySheetShell(rubric, cells, tables);
}
