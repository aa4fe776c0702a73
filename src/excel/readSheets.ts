/**
 * Reading the workbook into the grids the layout reader takes, bounded to what the add-in needs: every sheet's
 * marker row, and the cells of the sheets the marker says are the add-in's unit sheets and 附件. A sheet a person
 * made is never read whole (one large sheet would pass Excel on the web's 5 MB response limit); 汇总 and 变更记录
 * only by their marker row. The session remembers which sheets are which, so a second action reads in one round
 * trip; when the workbook changed in between, a second (and a third for new sheets of ours) follows.
 */
import { readMeta, type GridSheet } from "../layout";
import { loadUsedRange, type Session } from "./session";

export { usedRangeToGrid } from "./session";

const MARKER = "A1:E1";
/** Roles whose cells the reader needs. */
// "rules": the carried copy, for totalling to compare with the rules in use (src/rulesbook/embed.ts).
const READ_WHOLE = new Set(["unit", "annex1", "annex2", "rules"]);

/** The sheet's cells are read (a unit sheet or 附件 of the add-in's). */
export const readsWhole = (meta: { role: string } | undefined) => READ_WHOLE.has(meta?.role ?? "");

export interface WorkbookSheets {
  readonly grids: GridSheet[];
  /** name → position and marker row, for every sheet of the workbook */
  readonly sheets: { name: string; position: number; meta: ReturnType<typeof readMeta> }[];
}

interface Queued {
  head: Excel.Range;
  used?: { grid: (name: string) => GridSheet };
}

export async function readAllSheets(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  session: Session,
  headsOnly = false,
): Promise<WorkbookSheets> {
  const sheets = context.workbook.worksheets;
  const queued = new Map<string, Queued>();
  const queue = (name: string, whole: boolean) => {
    const ws = sheets.getItem(name);
    const head = ws.getRange(MARKER);
    head.load("values");
    queued.set(name, { head, used: whole && !headsOnly ? loadUsedRange(ws) : undefined });
  };
  sheets.load("items/name,items/position");
  const guess = session.known ?? [];
  for (const k of guess) queue(k.name, k.ours);
  try {
    await sync();
  } catch (err) {
    // A remembered sheet was deleted or renamed: start again from the workbook's own list.
    if (guess.length === 0) throw err;
    session.known = undefined;
    queued.clear();
    sheets.load("items/name,items/position");
    await sync();
  }
  const missed = sheets.items.filter((ws) => !queued.has(ws.name));
  for (const ws of missed) queue(ws.name, false);
  if (missed.length > 0) await sync();
  // Sheets of ours first seen now (or guessed wrong): their cells, in one more round trip.
  const late = sheets.items.filter((ws) => {
    const q = queued.get(ws.name)!;
    return !headsOnly && !q.used && readsWhole(readMeta(q.head.values[0]));
  });
  for (const ws of late) queued.get(ws.name)!.used = loadUsedRange(sheets.getItem(ws.name));
  if (late.length > 0) await sync();
  const grids: GridSheet[] = [];
  const out: WorkbookSheets["sheets"] = [];
  for (const ws of sheets.items) {
    const q = queued.get(ws.name)!;
    const meta = readMeta(q.head.values[0]);
    if (q.used && readsWhole(meta)) grids.push(q.used.grid(ws.name));
    out.push({ name: ws.name, position: ws.position, meta });
  }
  session.known = out.map((s) => ({ name: s.name, ours: readsWhole(s.meta) }));
  return { grids, sheets: out };
}

/** After an action made or removed sheets: what the next read should expect. */
export function rememberSheets(session: Session, sheets: readonly { name: string; ours: boolean }[]): void {
  const seen = new Set<string>();
  session.known = sheets.filter((s) => !seen.has(s.name) && seen.add(s.name));
}
