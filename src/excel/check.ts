/**
 * Live checking: an edit or a paste of any size on a generated unit sheet is read in one round trip (the sheet's
 * used range), checked by the scoring core, and reported with its cells. Nothing is written: the sheet's own
 * conditional formats mark wrong cells, and a person's values are never touched (a damaged sheet is rebuilt only when
 * the person asks: repair.ts). Events raised by the add-in's own writes are ignored (triggerSource where ExcelApi
 * 1.14 exists, a guard otherwise); co-authors' edits are checked.
 */
import { issueLocation, readWorkbook, tamperCheck, type GridSheet, type SheetProblem } from "../layout";
import type { Rubric } from "../rubric";
import { scoreUnit, type UnitResult } from "../scoring";
import type { LocatedIssue } from "../totalling";
import { CHANGE_LOG_SHEET_NAME, CHANGE_LOG_TABLE, changeLogRows, diffSheets, queueChangeLogRows } from "./changeLog";
import { ExcelAdapterError } from "./render";
import { readAllSheets, usedRangeToGrid } from "./readSheets";

export { usedRangeToGrid };

export type { LocatedIssue };

export interface SheetCheck {
  readonly sheet: string;
  /** Undefined when the sheet is not a generated unit sheet of these rules. */
  readonly result?: UnitResult;
  readonly issues: LocatedIssue[];
  readonly syncs: number;
}

let ownWrites = 0;

/** Runs the add-in's own writes; change events they raise are not checked. */
export async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  ownWrites++;
  try {
    return await write();
  } finally {
    ownWrites--;
  }
}

/** Problems of the workbook itself (a unit twice, rows deleted…) in the form of the core's issues. */
export function sheetProblemIssues(problems: readonly SheetProblem[]): LocatedIssue[] {
  return problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    unit: p.unit ?? "",
    field: "unit",
    message: p.message,
    sheet: p.sheet,
    cell: p.cell,
  }));
}

/** Scores one sheet's grid: the unit's result when it is a unit sheet of these rules, and every issue located. */
export function checkGrid(rubric: Rubric, grid: GridSheet): Omit<SheetCheck, "syncs"> & { scoreSheet: boolean } {
  const read = readWorkbook(rubric, [grid]);
  const sheetProblems = sheetProblemIssues(read.problems);
  const unit = read.units[0];
  const scoreSheet =
    unit !== undefined || read.annexSheets.annex1 !== undefined || read.annexSheets.annex2 !== undefined;
  if (!unit) return { sheet: grid.name, issues: sheetProblems, scoreSheet };
  const result = scoreUnit(rubric, unit.entries);
  const issues = [...result.errors, ...result.warnings].map((i) => ({ ...i, ...issueLocation(read, i) }));
  // A pasted block can carry numbers over the 得分 and total formulas (where protection was removed): said at once.
  const tampered = sheetProblemIssues(tamperCheck(unit, result));
  return { sheet: grid.name, result, issues: [...sheetProblems, ...tampered, ...issues], scoreSheet };
}

/** Checks one sheet (by name or id) in a single round trip. */
export async function checkSheet(rubric: Rubric, sheetNameOrId: string): Promise<SheetCheck> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetNameOrId);
      ws.load("name");
      const used = ws.getUsedRange();
      used.load(["formulas", "values", "rowIndex", "columnIndex"]);
      syncs++;
      await context.sync();
      const { scoreSheet: _ignored, ...check } = checkGrid(
        rubric,
        usedRangeToGrid(ws.name, used.rowIndex, used.columnIndex, used.formulas, used.values),
      );
      return { ...check, syncs };
    });
  } catch (err) {
    throw new ExcelAdapterError(`校验工作表失败：${(err as Error).message}`, err);
  }
}

export interface LiveChecking {
  stop(): Promise<void>;
}

const SOURCE_LABEL: Record<string, string> = { Local: "本机录入", Remote: "协作者录入" };

/**
 * Checks a changed sheet and appends its changes to 变更记录: one read (the sheet, and whether the log exists) and,
 * when cells changed, one write.
 */
async function checkAndLog(
  rubric: Rubric,
  event: Pick<Excel.WorksheetChangedEventArgs, "worksheetId" | "address" | "source">,
  snapshots: Map<string, GridSheet>,
  notices: Set<string>,
  now: () => Date,
): Promise<SheetCheck | undefined> {
  let syncs = 0;
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(event.worksheetId);
    ws.load("name");
    const used = ws.getUsedRange();
    used.load(["formulas", "values", "rowIndex", "columnIndex"]);
    const logSheet = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET_NAME);
    logSheet.load("name");
    const logTable = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE);
    logTable.load("name");
    syncs++;
    await context.sync();
    if (ws.name === CHANGE_LOG_SHEET_NAME) return undefined;
    const grid = usedRangeToGrid(ws.name, used.rowIndex, used.columnIndex, used.formulas, used.values);
    const { scoreSheet, ...check } = checkGrid(rubric, grid);
    if (!scoreSheet) return { ...check, syncs };
    const changes = diffSheets(snapshots.get(ws.name), grid, event.address);
    snapshots.set(ws.name, grid);
    if (changes.length === 0) return { ...check, syncs };
    const rows = changeLogRows(
      ws.name,
      changes,
      now().toLocaleString("zh-CN", { hour12: false }),
      SOURCE_LABEL[event.source] ?? String(event.source ?? ""),
    );
    if (logTable.isNullObject && !logSheet.isNullObject) {
      notices.add(
        `已有名为「${CHANGE_LOG_SHEET_NAME}」的工作表（不是本加载项生成的），修改未记入变更记录；请将其改名。`,
      );
      return { ...check, syncs };
    }
    await whileWriting(async () => {
      queueChangeLogRows(context, logTable, rows);
      syncs++;
      await context.sync();
    });
    return { ...check, syncs };
  });
}

/**
 * Checks every change on the workbook's sheets as it happens and hands the result to `onCheck`. Where ExcelApi 1.9
 * exists, one handler covers all sheets; on Excel 2019 (ExcelApi 1.8) each sheet gets its own handler, and sheets
 * added later get one as they appear. The sheets are read once at the start, so the change log knows the values
 * that edits replace.
 */
export async function startLiveChecking(
  rubric: Rubric,
  onCheck: (check: SheetCheck) => void,
  onError: (error: ExcelAdapterError) => void,
  options: { now?: () => Date; onNotice?: (notice: string) => void } = {},
): Promise<LiveChecking> {
  const workbookWide = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  if (!workbookWide && !Office.context.requirements.isSetSupported("ExcelApi", "1.7")) {
    throw new ExcelAdapterError(
      "此版本的 Excel 不支持录入时自动校验（需要 ExcelApi 1.7）。请使用“校验并汇总”按钮检查录入。",
    );
  }
  const knowsTrigger = Office.context.requirements.isSetSupported("ExcelApi", "1.14");
  const snapshots = new Map<string, GridSheet>();
  const notices = new Set<string>();
  const told = new Set<string>();
  const now = options.now ?? (() => new Date());
  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    const own = knowsTrigger ? event.triggerSource === Excel.EventTriggerSource.thisLocalAddin : ownWrites > 0;
    if (own) return;
    try {
      const check = await checkAndLog(rubric, event, snapshots, notices, now);
      if (check) onCheck(check);
      for (const n of notices) {
        if (told.has(n)) continue;
        told.add(n);
        options.onNotice?.(n);
      }
    } catch (err) {
      onError(
        err instanceof ExcelAdapterError ? err : new ExcelAdapterError(`校验失败：${(err as Error).message}`, err),
      );
    }
  };
  return Excel.run(async (context) => {
    const registrations: OfficeExtension.EventHandlerResult<
      Excel.WorksheetChangedEventArgs | Excel.WorksheetAddedEventArgs
    >[] = [];
    const worksheets = context.workbook.worksheets;
    if (workbookWide) registrations.push(worksheets.onChanged.add(handler));
    const { grids, sheets } = await readAllSheets(context, () => context.sync());
    for (const grid of grids) snapshots.set(grid.name, grid);
    if (!workbookWide) {
      for (const s of sheets) registrations.push(worksheets.getItem(s.name).onChanged.add(handler));
      registrations.push(
        worksheets.onAdded.add(async (event) => {
          await Excel.run(async (ctx) => {
            registrations.push(ctx.workbook.worksheets.getItem(event.worksheetId).onChanged.add(handler));
            await ctx.sync();
          });
        }),
      );
      await context.sync();
    }
    return {
      stop: async () => {
        await Excel.run(registrations[0].context, async (ctx) => {
          for (const r of registrations) r.remove();
          await ctx.sync();
        });
      },
    };
  });
}
