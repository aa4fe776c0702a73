/**
 * Reading sheets into the grids the layout reader takes, in as few round trips as the workbook allows.
 */
import { readMeta, SUMMARY_SHEET_NAME, type GridCell, type GridSheet } from "../layout";
import { CHANGE_LOG_SHEET_NAME } from "./changeLog";
import { forgetSheets, knownSheets, rememberSheets } from "./inventory";

/** A used range as the grid the layout reader takes: formulas keep their text and cached result. */
export function usedRangeToGrid(
  name: string,
  rowIndex: number,
  columnIndex: number,
  formulas: unknown[][],
  values: unknown[][],
): GridSheet {
  const cells: GridCell[][] = Array.from({ length: rowIndex }, () => []);
  formulas.forEach((row, i) => {
    const out: GridCell[] = Array.from({ length: columnIndex }, () => null);
    row.forEach((f, j) => {
      const v = values[i]?.[j];
      const literal = (x: unknown): Exclude<GridCell, object> =>
        x === "" || x === undefined ? null : (x as Exclude<GridCell, object>);
      out.push(typeof f === "string" && f.startsWith("=") ? { formula: f, result: literal(v) } : literal(v));
    });
    cells.push(out);
  });
  return { name, cells };
}

/** Sheets whose cells are not needed, only their marker row (the change log can grow long). */
const HEAD_ONLY = new Set([SUMMARY_SHEET_NAME, CHANGE_LOG_SHEET_NAME]);

interface QueuedSheet {
  readonly name: string;
  readonly used?: Excel.Range;
  readonly head?: Excel.Range;
}

function queueSheet(sheets: Excel.WorksheetCollection, name: string, headsOnly: boolean): QueuedSheet {
  const ws = sheets.getItem(name);
  if (headsOnly || HEAD_ONLY.has(name)) {
    const head = ws.getRange("A1:E1");
    head.load("values");
    return { name, head };
  }
  const used = ws.getUsedRange();
  used.load(["formulas", "values", "rowIndex", "columnIndex"]);
  return { name, used };
}

export interface WorkbookSheets {
  readonly grids: GridSheet[];
  /** name → position and marker row, for every sheet of the workbook */
  readonly sheets: { name: string; position: number; meta: ReturnType<typeof readMeta> }[];
}

/**
 * Reads every sheet of the workbook (or only each sheet's marker row): one round trip when the sheets are the ones the add-in last saw (it checks),
 * two otherwise.
 */
export async function readAllSheets(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  headsOnly = false,
): Promise<WorkbookSheets> {
  const sheets = context.workbook.worksheets;
  let queued = new Map<string, QueuedSheet>();
  const load = () => {
    sheets.load("items/name,items/position");
    for (const name of knownSheets() ?? []) queued.set(name, queueSheet(sheets, name, headsOnly));
  };
  load();
  try {
    await sync();
  } catch (err) {
    // A remembered sheet was deleted or renamed: start again from the workbook's own list.
    if ((knownSheets() ?? []).length === 0) throw err;
    forgetSheets();
    queued = new Map();
    load();
    await sync();
  }
  const missed = sheets.items.filter((ws) => !queued.has(ws.name));
  if (missed.length > 0) {
    for (const ws of missed) queued.set(ws.name, queueSheet(sheets, ws.name, headsOnly));
    await sync();
  }
  rememberSheets(sheets.items.map((ws) => ws.name));
  const grids: GridSheet[] = [];
  const out: WorkbookSheets["sheets"] = [];
  for (const ws of sheets.items) {
    const q = queued.get(ws.name)!;
    if (q.used) {
      const grid = usedRangeToGrid(ws.name, q.used.rowIndex, q.used.columnIndex, q.used.formulas, q.used.values);
      grids.push(grid);
      out.push({ name: ws.name, position: ws.position, meta: readMeta(grid.cells[0]) });
    } else {
      out.push({ name: ws.name, position: ws.position, meta: readMeta(q.head!.values[0]) });
    }
  }
  return { grids, sheets: out };
}
