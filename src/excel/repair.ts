/**
 * 修复本表: a unit sheet whose formulas were typed over or whose rows were deleted or inserted is rebuilt as
 * generated, with its entries put back: one read, then build-then-swap. Excel's batches are not transactions (what
 * ran before a failing step stays), so the old sheet is deleted only once its replacement is complete: the new
 * sheet and its tables are built under temporary names, with every value the rebuild replaces (a number over a 得分
 * formula, entries on an inserted row) appended to 变更记录 in the same request; then the old sheet goes and the new
 * one takes its name, tables' names and place. A failure in the first write leaves the old sheet as it was (the
 * half-built one is removed); in the second, the rebuilt sheet holds every entry under its temporary name.
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
import { capabilities } from "./capabilities";
import { checkGrid, type SheetCheck } from "./check";
import { adapterError, ExcelAdapterError } from "./errors";
import { writeSheet } from "./render";
import { loadUsedRange, ownWrites, run } from "./session";

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
  const counter = { syncs: 0 };
  try {
    return await run(counter, async (context, sync) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const ws = sheets.getItem(sheetName);
      ws.load(["name", "position"]);
      const used = loadUsedRange(ws);
      const logSheet = sheets.getItemOrNullObject(CHANGE_LOG_SHEET_NAME);
      logSheet.load("name");
      const logTable = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE);
      logTable.load("name");
      counter.syncs++;
      await context.sync();

      const name = ws.name;
      const position = ws.position;
      const before = used.grid(ws.name);
      const source = readWorkbook(rubric, [before]).units[0];
      if (!source) throw new ExcelAdapterError(`「${name}」不是本规则的考核打分表，无法修复。`);
      const unit = rubric.findUnit(source.entries.unit)!;
      // A party's sheet is rebuilt as that party's (its marker's F1), other parties' cells closed again.
      const plan = fillUnitSheet(rubric, unitSheetPlan(rubric, unit, name, source.meta.party).sheet, source, before);
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
      const withPrint = capabilities.printSetup();
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      let temp = `${name}（修复中）`.slice(-31);
      for (let n = 2; taken.has(temp.toLowerCase()); n++) temp = `${name}（修复中${n}）`.slice(-31);
      // Table names are workbook-wide: the new tables take a suffix until the old ones are gone.
      const building = { ...plan, name: temp, tables: plan.tables.map((t) => ({ ...t, name: `${t.name}_new` })) };
      try {
        await ownWrites(context, sync, () => {
          if (rows.length > 0) queueChangeLogRows(context, logTable, rows);
          writeSheet(sheets, building, withPrint);
        });
      } catch (err) {
        // The old sheet is untouched; what was built of the new one goes.
        await removeQuietly(temp);
        throw err;
      }
      try {
        await ownWrites(context, sync, () => {
          // What worksheets.add() returned is good for its own request only (Office.js refuses it after a sync).
          const rebuilt = sheets.getItem(temp);
          ws.delete();
          rebuilt.name = name;
          for (const t of plan.tables) rebuilt.tables.getItem(`${t.name}_new`).name = t.name;
          rebuilt.position = position;
          rebuilt.activate();
        });
      } catch (err) {
        throw new ExcelAdapterError(
          `修复本表未完成：重建的表在「${temp}」中，录入都在；原表${"可能已删除"}。请将「${temp}」改名为「${name}」。（${(err as Error).message}）`,
          err,
        );
      }
      const { scoreSheet: _ignored, ...check } = checkGrid(rubric, after);
      const syncs = counter.syncs;
      return { sheet: name, unit: unit.name, logged: rows.length, check: { ...check, syncs }, syncs };
    });
  } catch (err) {
    throw adapterError("修复本表失败", err);
  }
}

/** Deletes a half-built sheet, if it got made; a failure here changes nothing a person typed. */
async function removeQuietly(name: string): Promise<void> {
  try {
    const counter = { syncs: 0 };
    await run(counter, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      counter.syncs++;
      await context.sync();
      if (ws.isNullObject) return;
      ws.delete();
      counter.syncs++;
      await context.sync();
    });
  } catch {
    // Left for the person to delete: it holds nothing of theirs.
  }
}
