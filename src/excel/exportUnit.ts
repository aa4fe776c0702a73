/**
 * 导出本单位工作簿: one unit's sheet as a workbook of its own, to email to that unit. The sheet is read in one round
 * trip, planned afresh with its entries put back (validation, formulas and protection intact), and — when 校验并汇总
 * has run and the sheet has not changed since — the unit's result is added. Excel opens the file as a new workbook
 * where it can (ExcelApi 1.8); the pane also offers it as a download.
 */
import {
  fillUnitSheet,
  readWorkbook,
  safeSheetName,
  summaryValuesSheets,
  unitSheetPlan,
  type SheetPlan,
} from "../layout";
import type { Rubric } from "../rubric";
import { scoreUnit, type UnitResult } from "../scoring";
import { embeddedRulesSheet } from "../rulesbook/embed";
import { planToXlsx } from "../xlsx/write";
import { ExcelAdapterError } from "./errors";
import { openAsNewWorkbook } from "./openWorkbook";
import { loadUsedRange, run } from "./session";

export interface ExportReport {
  readonly unit: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Excel opened the file as a new workbook. */
  readonly opened: boolean;
  /** The result sheet is included (totalled, and unchanged since). */
  readonly withResult: boolean;
  readonly notices: string[];
  readonly syncs: number;
}

/**
 * Exports the unit of `sheetName` (the active sheet when omitted). `totalled` holds the results of the last 校验并汇总
 * and when it ran.
 */
export async function exportUnit(
  rubric: Rubric,
  options: { sheetName?: string; totalled?: { readonly results: readonly UnitResult[]; readonly at: string } } = {},
): Promise<ExportReport> {
  const counter = { syncs: 0 };
  let read;
  try {
    read = await run(counter, async (context, sync) => {
      const ws = options.sheetName
        ? context.workbook.worksheets.getItem(options.sheetName)
        : context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      const used = loadUsedRange(ws);
      await sync();
      return used.grid(ws.name);
    });
  } catch (err) {
    throw new ExcelAdapterError(`读取工作表失败：${(err as Error).message}`, err);
  }
  const source = readWorkbook(rubric, [read]).units[0];
  if (!source)
    throw new ExcelAdapterError(
      `「${read.name}」不是考核打分表：请先选中要导出的单位的打分表，再点“导出本单位工作簿”。`,
    );
  const unit = rubric.findUnit(source.entries.unit)!;
  const name = safeSheetName(unit.name, new Set());
  const sheets: SheetPlan[] = [fillUnitSheet(rubric, unitSheetPlan(rubric, unit, name).sheet, source, read)];
  const notices: string[] = [];
  const before = options.totalled?.results.find((r) => r.unit === unit.name);
  let withResult = false;
  if (before) {
    const now = scoreUnit(rubric, source.entries);
    if (now.finalScore === before.finalScore && now.grade === before.grade && now.normalized === before.normalized) {
      const groups = unit.kind === "county" ? { counties: [before], members: [] } : { counties: [], members: [before] };
      sheets.push(
        ...summaryValuesSheets(
          rubric,
          groups,
          [...before.errors, ...before.warnings].map((i) => ({
            severity: i.severity,
            message: i.message,
            unit: i.unit,
            sheet: name,
          })),
          options.totalled!.at,
        ),
      );
      withResult = true;
    } else {
      notices.push("本单位打分表在上次校验并汇总之后有修改，导出的工作簿不含成绩；如需附上成绩，请先重新校验并汇总。");
    }
  } else {
    notices.push("尚未校验并汇总，导出的工作簿只含打分表，不含成绩。");
  }
  // The unit's workbook carries the rules its sheet is made from, as every generated workbook does.
  sheets.push(embeddedRulesSheet(rubric.rules));
  const bytes = await planToXlsx({ rulesId: rubric.id, rulesVersion: rubric.version, sheets });
  const opened = await openAsNewWorkbook(bytes, notices);
  const syncs = counter.syncs;
  return { unit: unit.name, fileName: `${unit.name}-考核打分表.xlsx`, bytes, opened, withResult, notices, syncs };
}
