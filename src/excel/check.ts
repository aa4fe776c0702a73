/**
 * Live checking: an edit or a paste of any size on a generated unit sheet is read in one round trip (the sheet's
 * used range), checked by the scoring core, and reported with its cells. Nothing is written: the sheet's own
 * conditional formats mark wrong cells, and a person's values are never touched. Events raised by the add-in's own
 * writes are ignored (triggerSource where ExcelApi 1.14 exists, a guard otherwise); co-authors' edits are checked.
 */
import { issueLocation, readWorkbook, type GridCell, type GridSheet } from "../layout";
import type { Rubric } from "../rubric";
import { scoreUnit, type Issue, type UnitResult } from "../scoring";
import { ExcelAdapterError } from "./render";

export interface LocatedIssue extends Issue {
  readonly sheet?: string;
  readonly cell?: string;
}

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

/** A used range as the grid the layout reader takes: formulas keep their text and cached result. */
export function usedRangeToGrid(name: string, rowIndex: number, columnIndex: number, formulas: unknown[][], values: unknown[][]): GridSheet {
  const cells: GridCell[][] = Array.from({ length: rowIndex }, () => []);
  formulas.forEach((row, i) => {
    const out: GridCell[] = Array.from({ length: columnIndex }, () => null);
    row.forEach((f, j) => {
      const v = values[i]?.[j];
      const literal = (x: unknown): Exclude<GridCell, object> => (x === "" || x === undefined ? null : (x as Exclude<GridCell, object>));
      out.push(typeof f === "string" && f.startsWith("=") ? { formula: f, result: literal(v) } : literal(v));
    });
    cells.push(out);
  });
  return { name, cells };
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
      const grid = usedRangeToGrid(ws.name, used.rowIndex, used.columnIndex, used.formulas, used.values);
      const read = readWorkbook(rubric, [grid]);
      const sheetProblems: LocatedIssue[] = read.problems.map((p) => ({
        code: p.code,
        severity: p.severity,
        unit: p.unit ?? "",
        field: "unit",
        message: p.message,
        sheet: p.sheet,
        cell: p.cell,
      }));
      const unit = read.units[0];
      if (!unit) return { sheet: ws.name, issues: sheetProblems, syncs };
      const result = scoreUnit(rubric, unit.entries);
      const issues = [...result.errors, ...result.warnings].map((i) => ({ ...i, ...issueLocation(read, i) }));
      return { sheet: ws.name, result, issues: [...sheetProblems, ...issues], syncs };
    });
  } catch (err) {
    throw new ExcelAdapterError(`校验工作表失败：${(err as Error).message}`, err);
  }
}

export interface LiveChecking {
  stop(): Promise<void>;
}

/**
 * Checks every change on the workbook's sheets as it happens and hands the result to `onCheck`. Registers one
 * handler for all sheets (ExcelApi 1.9), so sheets generated later are covered too.
 */
export async function startLiveChecking(
  rubric: Rubric,
  onCheck: (check: SheetCheck) => void,
  onError: (error: ExcelAdapterError) => void,
): Promise<LiveChecking> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    throw new ExcelAdapterError("此版本的 Excel 不支持录入时自动校验（需要 ExcelApi 1.9）。请使用“校验并汇总”按钮检查录入。");
  }
  const knowsTrigger = Office.context.requirements.isSetSupported("ExcelApi", "1.14");
  return Excel.run(async (context) => {
    const handler = async (event: Excel.WorksheetChangedEventArgs) => {
      const own = knowsTrigger ? event.triggerSource === Excel.EventTriggerSource.thisLocalAddin : ownWrites > 0;
      if (own) return;
      try {
        onCheck(await checkSheet(rubric, event.worksheetId));
      } catch (err) {
        onError(err instanceof ExcelAdapterError ? err : new ExcelAdapterError((err as Error).message, err));
      }
    };
    const registration = context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
    return {
      stop: async () => {
        await Excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      },
    };
  });
}
