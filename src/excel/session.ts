/**
 * The one way the adapter talks to Excel: Excel.run with its round trips counted, safe against a person typing in a
 * cell, with the add-in's own writes kept out of its change events, and the used range of a sheet read into the grid
 * the layout reader takes.
 */
import type { GridCell, GridSheet } from "../layout";
import { capabilities } from "./capabilities";

export interface SyncCounter {
  syncs: number;
}

/** What the add-in remembers of the open workbook between actions (held by the pane, one per workbook). */
export interface Session {
  /** The sheets as last seen, and which of them are the add-in's (their cells are read). */
  known?: { name: string; ours: boolean }[];
}

export const newSession = (): Session => ({});

const CELL_EDIT = "InvalidOperationInCellEditMode";
/** Without delayForCellEdit (before ExcelApi 1.11), how often and how far apart a batch is tried again. */
export const CELL_EDIT_RETRIES = 20;
export const CELL_EDIT_WAIT_MS = 500;

const isCellEdit = (err: unknown) => (err as { code?: string } | undefined)?.code === CELL_EDIT;

/**
 * Excel.run with each context.sync() counted. A batch that meets a person typing in a cell would fail
 * (InvalidOperationInCellEditMode): where ExcelApi 1.11 exists Excel holds it until they leave the cell
 * (delayForCellEdit); before, the whole run is tried again, every half second for ten seconds.
 */
export async function run<T>(
  counter: SyncCounter,
  body: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const delay = capabilities.delayForCellEdit();
  const batch = (context: Excel.RequestContext) =>
    body(context, async () => {
      counter.syncs++;
      await context.sync();
    });
  for (let attempt = 0; ; attempt++) {
    try {
      return await (delay ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch));
    } catch (err) {
      if (!isCellEdit(err) || attempt >= CELL_EDIT_RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, CELL_EDIT_WAIT_MS));
    }
  }
}

/**
 * Syncs writes the add-in queues in `queue` so that live checking does not take them for a person's: where change
 * events carry triggerSource (1.14) they say so themselves; before, events are switched off for the batch
 * (context.runtime.enableEvents, 1.8: "events are not raised while false", learn.microsoft.com Runtime.enableEvents)
 * and back on in a round trip of their own, whatever happened.
 */
export async function ownWrites(context: Excel.RequestContext, sync: () => Promise<void>, queue: () => void) {
  const silence = !capabilities.triggerSource() && capabilities.enableEvents();
  if (silence) context.runtime.enableEvents = false;
  try {
    queue();
    await sync();
  } finally {
    if (silence) {
      context.runtime.enableEvents = true;
      await sync();
    }
  }
}

/** A used range as the grid the layout reader takes: formulas keep their text and cached result. */
export function usedRangeToGrid(
  name: string,
  rowIndex: number,
  columnIndex: number,
  formulas: unknown[][],
  values: unknown[][],
): GridSheet {
  const cells: GridCell[][] = Array.from({ length: rowIndex }, () => []);
  const literal = (x: unknown): Exclude<GridCell, object> =>
    x === "" || x === undefined ? null : (x as Exclude<GridCell, object>);
  formulas.forEach((row, i) => {
    const out: GridCell[] = Array.from({ length: columnIndex }, () => null);
    row.forEach((f, j) => {
      const v = values[i]?.[j];
      out.push(typeof f === "string" && f.startsWith("=") ? { formula: f, result: literal(v) } : literal(v));
    });
    cells.push(out);
  });
  return { name, cells };
}

/** Queues the load of a sheet's used range; `grid(name)` gives it after the sync. */
export function loadUsedRange(ws: Excel.Worksheet): { grid: (name: string) => GridSheet } {
  const used = ws.getUsedRange();
  used.load(["formulas", "values", "rowIndex", "columnIndex"]);
  return { grid: (name) => loadedGrid(name, used) };
}

const loadedGrid = (name: string, used: Excel.Range) =>
  usedRangeToGrid(name, used.rowIndex, used.columnIndex, used.formulas, used.values);

/** Standard base64 of bytes (what createWorkbook and insertWorksheetsFromBase64 take). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
