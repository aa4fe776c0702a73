/**
 * What live checking holds until the pane's next action, written in one look-up and one write: the rows for
 * 变更记录, and the rows of the sheets whose entries no longer fit their height (rowFit.ts). A sheet of that name that
 * the add-in did not make is left alone (the rows wait; the caller says so once); a sheet deleted since, or
 * protected by a person without row formatting allowed, is not refitted — neither stops the log from being written.
 */
import { CHANGE_LOG_COLUMNS, CHANGE_LOG_HEADER_ROW, changeLogRow, readMeta, type ChangeLogEntry } from "../layout";
import type { Rubric } from "../rubric";
import { CHANGE_LOG_SHEET_NAME, CHANGE_LOG_TABLE, queueChangeLog } from "./changeLog";
import type { RowFits } from "./rowFit";
import { ownWrites, run } from "./session";

/**
 * A 变更记录 whose making failed midway (a batch is no transaction): our marker row or the old header in row 1, and
 * under its header nothing but the first of the rows waiting here (it was made with them). A log holding other rows
 * but no table (a person turned the table into a range) holds history that is nowhere else: it is left alone.
 */
function halfMade(rows: unknown[][], waiting: readonly ChangeLogEntry[]): boolean {
  const empty = (row: unknown[] | undefined) => (row ?? []).every((v) => v === "" || v === null || v === undefined);
  // Made and nothing written yet: an empty sheet holds nothing to lose either.
  if (rows.every(empty)) return true;
  const headers = CHANGE_LOG_COLUMNS.map((c) => c.header);
  const header = readMeta(rows[0])?.role === "changeLog" ? CHANGE_LOG_HEADER_ROW : 1;
  if (!headers.every((h, i) => rows[header - 1]?.[i] === h) && !(header === CHANGE_LOG_HEADER_ROW && empty(rows[1])))
    return false;
  // Time, sheet and cell of each row as written from the entries waiting, in order.
  const key = (row: readonly unknown[]) => row.slice(0, 3).map(String).join("|");
  return rows
    .slice(header)
    .filter((row) => !empty(row))
    .every((row, i) => waiting[i] !== undefined && key(row) === key(changeLogRow(waiting[i])));
}

/** Writes what is held; false when 变更记录 is a person's sheet and the rows could not be logged. */
export async function writeHeld(rubric: Rubric, entries: readonly ChangeLogEntry[], fits: RowFits): Promise<boolean> {
  const ids = fits.sheetIds();
  if (entries.length === 0 && ids.length === 0) return true;
  const counter = { syncs: 0 };
  return run(counter, async (context, sync) => {
    const logSheet = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET_NAME);
    logSheet.load("name");
    const logTable = context.workbook.tables.getItemOrNullObject(CHANGE_LOG_TABLE);
    logTable.load("name");
    // Worksheet.getItemOrNullObject (ExcelApi 1.4); WorksheetProtection.protected and options (ExcelApi 1.2).
    const sheets = ids.map((id) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name");
      ws.protection.load(["protected", "options"]);
      return { id, ws };
    });
    counter.syncs++;
    await context.sync();
    let logged = entries.length > 0;
    let remake = false;
    if (logged && logTable.isNullObject && !logSheet.isNullObject) {
      // Made midway, its rows still waiting here: made again. Anything else is a person's sheet, left alone.
      // The marker and header rows, the rows a half-made log can hold, and one row past them.
      const head = logSheet.getRange(`A1:F${CHANGE_LOG_HEADER_ROW + entries.length + 1}`);
      head.load("values");
      counter.syncs++;
      await context.sync();
      remake = halfMade(head.values, entries);
      logged = remake;
    }
    const refit = sheets.filter(
      ({ ws }) => !ws.isNullObject && (!ws.protection.protected || ws.protection.options.allowFormatRows),
    );
    for (const { id, ws } of sheets) if (!refit.some((r) => r.ws === ws)) fits.forget(id);
    if (!logged && refit.length === 0) return entries.length === 0;
    await ownWrites(context, sync, () => {
      if (remake) logSheet.delete();
      if (logged) queueChangeLog(context, rubric, logTable, entries);
      for (const { id, ws } of refit) fits.queue(id, ws);
    });
    fits.done();
    return logged || entries.length === 0;
  });
}
