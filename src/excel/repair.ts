/**
 * 修复本表: a unit sheet whose formulas were typed over or whose rows were deleted or inserted is rebuilt as
 * generated, with its entries put back, in one read and one write. Nothing a person typed is lost: every value the
 * rebuild replaces (a number over a 得分 formula, entries on an inserted row) is appended to 变更记录 first, in the
 * same write. The sheet keeps its name and its place among the sheets.
 */
import { fillUnitSheet, planToGrid, readWorkbook, unitSheetPlan, valuesNotCarried } from "../layout";
import type { Rubric } from "../rubric";
import {
  addressBounds,
  CHANGE_LOG_SHEET_NAME,
  CHANGE_LOG_TABLE,
  changeLogRows,
  queueChangeLogRows,
  type CellChange,
} from "./changeLog";
import { checkGrid, whileWriting, type SheetCheck } from "./check";
import { usedRangeToGrid } from "./readSheets";
import { ExcelAdapterError, writeSheet } from "./render";

export interface RepairReport {
  readonly sheet: string;
  readonly unit: string;
  /** Values the rebuild replaced, now rows of 变更记录. */
  readonly logged: number;
  /** The rebuilt sheet checked, so the issue list can show it without reading it again. */
  readonly check: SheetCheck;
  readonly syncs: number;
}

export const REPAIR_SOURCE = "修复本表前的值";

export async function repairUnitSheet(
  rubric: Rubric,
  sheetName: string,
  now: () => Date = () => new Date(),
): Promise<RepairReport> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const ws = sheets.getItem(sheetName);
      ws.load(["name", "position"]);
      const used = ws.getUsedRange();
      used.load(["formulas", "values", "rowIndex", "columnIndex"]);
      const logSheet = sheets.getItemOrNullObject(CHANGE_LOG_SHEET_NAME);
      logSheet.load("name");
      const logTable = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE);
      logTable.load("name");
      syncs++;
      await context.sync();

      const name = ws.name;
      const before = usedRangeToGrid(name, used.rowIndex, used.columnIndex, used.formulas, used.values);
      const source = readWorkbook(rubric, [before]).units[0];
      if (!source) throw new ExcelAdapterError(`「${name}」不是本规则的考核打分表，无法修复。`);
      const unit = rubric.findUnit(source.entries.unit)!;
      const plan = fillUnitSheet(rubric, unitSheetPlan(rubric, unit, name).sheet, source, before);
      const after = planToGrid(plan);
      const replaced: CellChange[] = valuesNotCarried(before, source, plan).map(({ cell, value }) => {
        const { top, left } = addressBounds(cell)!;
        return { cell, before: value, after: after.cells[top - 1]?.[left - 1] ?? null };
      });
      if (replaced.length > 0 && logTable.isNullObject && !logSheet.isNullObject) {
        throw new ExcelAdapterError(
          `已有名为「${CHANGE_LOG_SHEET_NAME}」的工作表（不是本加载项生成的），被替换的值无处记录，未修复；请将其改名后重试。`,
        );
      }
      const rows = changeLogRows(name, replaced, now().toLocaleString("zh-CN", { hour12: false }), REPAIR_SOURCE);
      const withPrint = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
      await whileWriting(async () => {
        if (rows.length > 0) queueChangeLogRows(context, logTable, rows);
        // Excel keeps at least one visible sheet, and table names are workbook-wide: the old sheet goes before the
        // new one comes, with a placeholder when it is the only visible sheet (a unit's own workbook).
        const position = ws.position;
        const visible = sheets.items.filter((s) => s.visibility === Excel.SheetVisibility.visible).length;
        const placeholder = visible <= 1 ? sheets.add(`${name}（修复中）`.slice(-31)) : undefined;
        ws.delete();
        const rebuilt = writeSheet(sheets, plan, withPrint);
        rebuilt.position = position;
        rebuilt.activate();
        placeholder?.delete();
        syncs++;
        await context.sync();
      });
      const { scoreSheet: _ignored, ...check } = checkGrid(rubric, after);
      return { sheet: name, unit: unit.name, logged: rows.length, check: { ...check, syncs }, syncs };
    });
  } catch (err) {
    if (err instanceof ExcelAdapterError) throw err;
    throw new ExcelAdapterError(`修复本表失败：${(err as Error).message}`, err);
  }
}
