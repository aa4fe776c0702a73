/**
 * Live checking: an edit or a paste of any size on a generated unit sheet is read in one round trip (the sheet's
 * used range), checked by the scoring core, and reported with its cells. Nothing is written: the sheet's own
 * conditional formats mark wrong cells, and a person's values are never touched (a damaged sheet is rebuilt only when
 * the person asks: repair.ts). Events raised by the add-in's own writes are ignored (triggerSource where ExcelApi
 * 1.14 exists; before, its writes raise none: session.ownWrites); co-authors' edits are checked, and logged by their
 * own pane.
 */
import {
  issueLocation,
  readWorkbook,
  tamperCheck,
  type ChangeLogEntry,
  type GridSheet,
  type ReadUnitSheet,
  type SheetProblem,
} from "../layout";
import type { Rubric } from "../rubric";
import { scoreUnit, type UnitResult } from "../scoring";
import type { LocatedIssue } from "../totalling";
import { capabilities } from "./capabilities";
import { advanceSnapshot, CHANGE_LOG_SHEET_NAME, changeLogEntries, diffSheets } from "./changeLog";
import { adapterError, ExcelAdapterError } from "./errors";
import { writeHeld } from "./flush";
import { readAllSheets } from "./readSheets";
import { rowFits, type RowFits } from "./rowFit";
import { loadUsedRange, newSession, run, type Session } from "./session";

export { usedRangeToGrid } from "./session";

export type { LocatedIssue };

export interface SheetCheck {
  readonly sheet: string;
  /** Undefined when the sheet is not a generated unit sheet of these rules. */
  readonly result?: UnitResult;
  readonly issues: LocatedIssue[];
  readonly syncs: number;
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

type GridCheck = Omit<SheetCheck, "syncs"> & { scoreSheet: boolean };

/** Scores one sheet's grid: the unit's result when it is a unit sheet of these rules, and every issue located. */
export function checkGrid(rubric: Rubric, grid: GridSheet): GridCheck {
  return checkRead(rubric, grid).check;
}

/** checkGrid, with the unit sheet as read (its entries' cells), when it is one. */
function checkRead(rubric: Rubric, grid: GridSheet): { check: GridCheck; unit?: ReadUnitSheet } {
  const read = readWorkbook(rubric, [grid]);
  const sheetProblems = sheetProblemIssues(read.problems);
  const unit = read.units[0];
  const scoreSheet =
    unit !== undefined || read.annexSheets.annex1 !== undefined || read.annexSheets.annex2 !== undefined;
  if (!unit) return { check: { sheet: grid.name, issues: sheetProblems, scoreSheet } };
  const result = scoreUnit(rubric, unit.entries);
  const issues = [...result.errors, ...result.warnings].map((i) => ({ ...i, ...issueLocation(read, i) }));
  // A pasted block can carry numbers over the 得分 and total formulas (where protection was removed): said at once.
  const tampered = sheetProblemIssues(tamperCheck(unit, result, read.problems));
  return { check: { sheet: grid.name, result, issues: [...sheetProblems, ...tampered, ...issues], scoreSheet }, unit };
}

/** Checks one sheet (by name or id) in a single round trip. */
export async function checkSheet(rubric: Rubric, sheetNameOrId: string): Promise<SheetCheck> {
  const counter = { syncs: 0 };
  try {
    return await run(counter, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetNameOrId);
      ws.load("name");
      const used = loadUsedRange(ws);
      counter.syncs++;
      await context.sync();
      const { scoreSheet: _ignored, ...check } = checkGrid(rubric, used.grid(ws.name));
      return { ...check, syncs: counter.syncs };
    });
  } catch (err) {
    throw adapterError("校验工作表失败", err);
  }
}

export interface LiveChecking {
  /**
   * Writes the changes not yet in 变更记录 and refits the rows of changed entries (see startLiveChecking); what
   * failed is kept for the next try.
   */
  flush(): Promise<void>;
  /** Rows waiting for 变更记录. */
  pending(): number;
  /** Removes every handler, each in the request context it was added in, after a last flush. */
  stop(): Promise<void>;
}

const SOURCE_LABEL: Record<string, string> = { Local: "本机录入", Remote: "协作者录入" };
const time = (now: () => Date) => now().toLocaleString("zh-CN", { hour12: false });

/**
 * Reads and checks a changed sheet in one round trip; gives the entries for 变更记录 when cells changed, and notes
 * the rows of changed entries for refitting.
 */
async function checkChange(
  rubric: Rubric,
  event: Pick<Excel.WorksheetChangedEventArgs, "worksheetId" | "address" | "source">,
  snapshots: Map<string, GridSheet>,
  fits: RowFits,
  now: () => Date,
): Promise<{ check: SheetCheck; entries: ChangeLogEntry[] } | undefined> {
  const counter = { syncs: 0 };
  return run(counter, async (context) => {
    const ws = context.workbook.worksheets.getItem(event.worksheetId);
    ws.load("name");
    const used = loadUsedRange(ws);
    counter.syncs++;
    await context.sync();
    if (ws.name === CHANGE_LOG_SHEET_NAME) return undefined;
    const grid = used.grid(ws.name);
    const { check: checked, unit } = checkRead(rubric, grid);
    const { scoreSheet, ...rest } = checked;
    const check = { ...rest, syncs: counter.syncs };
    if (!scoreSheet) return { check, entries: [] };
    const changes = diffSheets(snapshots.get(ws.name), grid, event.address);
    snapshots.set(ws.name, advanceSnapshot(snapshots.get(ws.name), grid, event.address));
    // A co-author's own pane logs and refits their edits; doing it here too would do each twice.
    if (changes.length === 0 || event.source === "Remote") return { check, entries: [] };
    if (unit)
      fits.note(
        event.worksheetId,
        unit,
        grid,
        changes.map((c) => c.cell),
      );
    const source = SOURCE_LABEL[event.source] ?? String(event.source ?? "");
    return { check, entries: changeLogEntries(ws.name, changes, time(now), source) };
  });
}

/**
 * Checks every change on the workbook's sheets as it happens and hands the result to `onCheck`. Where ExcelApi 1.9
 * exists, one handler covers all sheets; on Excel 2019 (ExcelApi 1.8) each sheet gets its own handler, and sheets
 * added later get one as they appear. The sheets are read once at the start, so the change log knows the values
 * that edits replace. Handlers run one after another, in the order Excel raised the events.
 *
 * Undo: any write by the add-in after an edit would take the person's Ctrl+Z (before ExcelApi 1.20 it clears the
 * undo stack; from 1.20 it is an undo step of its own on top). So the changes are kept here and written to 变更记录
 * by `flush()`, which the pane calls before each action it runs (an action writes, and so ends Ctrl+Z anyway) and
 * when checking stops (docs/decisions/0010-excel-as-it-is.md). The same flush gives the rows of changed entries the
 * height their text needs now (rowFit.ts), in the same write.
 */
export async function startLiveChecking(
  rubric: Rubric,
  onCheck: (check: SheetCheck) => void,
  onError: (error: ExcelAdapterError) => void,
  options: { now?: () => Date; onNotice?: (notice: string) => void; session?: Session } = {},
): Promise<LiveChecking> {
  const workbookWide = capabilities.workbookEvents();
  if (!workbookWide && !capabilities.sheetEvents()) {
    throw new ExcelAdapterError(
      "此版本的 Excel 不支持录入时自动校验（需要 ExcelApi 1.7）。请使用“校验并汇总”按钮检查录入。",
    );
  }
  const knowsTrigger = capabilities.triggerSource();
  const snapshots = new Map<string, GridSheet>();
  const now = options.now ?? (() => new Date());
  const pending: ChangeLogEntry[] = [];
  const fits = rowFits(rubric);
  const told = new Set<string>();
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  /** Runs `job` after everything queued before it; a failed job does not stop the ones after it. */
  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const done = queue.then(job);
    queue = done.catch(() => undefined);
    return done;
  };
  const handle = async (event: Excel.WorksheetChangedEventArgs) => {
    // The add-in's own writes: said by triggerSource (1.14); before, they raise no events (ownWrites).
    if (stopped || (knowsTrigger && event.triggerSource === Excel.EventTriggerSource.thisLocalAddin)) return;
    try {
      const seen = await checkChange(rubric, event, snapshots, fits, now);
      if (!seen || stopped) return;
      pending.push(...seen.entries);
      onCheck(seen.check);
    } catch (err) {
      onError(adapterError("校验失败", err));
    }
  };
  // One queue: two edits inside one round trip must not both find no 变更记录 and both make it.
  const handler = (event: Excel.WorksheetChangedEventArgs) => enqueue(() => handle(event));
  const flush = () =>
    enqueue(async () => {
      const rows = pending.slice();
      if (await writeHeld(rubric, rows, fits)) pending.splice(0, rows.length);
      else if (!told.has(CHANGE_LOG_SHEET_NAME)) {
        told.add(CHANGE_LOG_SHEET_NAME);
        options.onNotice?.(
          `已有名为「${CHANGE_LOG_SHEET_NAME}」的工作表（不是本加载项生成的），修改未记入变更记录；请将其改名。`,
        );
      }
    });
  const registrations: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const session = options.session ?? newSession();
  const counter = { syncs: 0 };
  await run(counter, async (context, sync) => {
    const worksheets = context.workbook.worksheets;
    if (workbookWide) registrations.push(worksheets.onChanged.add(handler));
    const { grids, sheets } = await readAllSheets(context, sync, session);
    for (const grid of grids) snapshots.set(grid.name, grid);
    if (!workbookWide) {
      for (const s of sheets) registrations.push(worksheets.getItem(s.name).onChanged.add(handler));
      registrations.push(
        worksheets.onAdded.add(async (event) => {
          if (stopped) return;
          await Excel.run(async (ctx) => {
            registrations.push(ctx.workbook.worksheets.getItem(event.worksheetId).onChanged.add(handler));
            await ctx.sync();
          });
        }),
      );
      counter.syncs++;
      await context.sync();
    }
  });
  return {
    flush,
    pending: () => pending.length,
    stop: async () => {
      // From now on no handler checks anything, even if Excel cannot be reached to remove them.
      stopped = true;
      try {
        await flush();
      } finally {
        // A registration is removed by a sync of the context it was added in (later sheets' have their own).
        const byContext = new Map<Excel.RequestContext, typeof registrations>();
        for (const r of registrations) {
          const context = r.context as Excel.RequestContext;
          byContext.set(context, [...(byContext.get(context) ?? []), r]);
        }
        for (const [context, group] of byContext)
          await Excel.run(context, async (ctx) => {
            for (const r of group) r.remove();
            await ctx.sync();
          });
      }
    },
  };
}
