/**
 * What live checking holds until the pane's next action, written in one look-up and one write: the rows for
 * 变更记录, and the rows of the sheets whose entries no longer fit their height (rowFit.ts). A sheet of that name that
 * the add-in did not make is left alone (the rows wait; the caller says so once); a sheet deleted since, or
 * protected by a person without row formatting allowed, is not refitted — neither stops the log from being written.
 */
import { CHANGE_LOG_HEADER_ROW, CHANGE_LOG_COLUMNS, readMeta, type ChangeLogEntry } from "../layout";
import type { Rubric } from "../rubric";
import { CHANGE_LOG_SHEET_NAME, CHANGE_LOG_TABLE, queueChangeLog } from "./changeLog";
import type { RowFits } from "./rowFit";
import { ownWrites, run } from "./session";

/** A 变更记录 whose making failed midway (a batch is no transaction): our marker row, or the old header in row 1. */
function halfMade(rows: unknown[][]): boolean {
  if (readMeta(rows[0])?.role === "changeLog") return true;
  const headers = CHANGE_LOG_COLUMNS.map((c) => c.header);
  return [rows[0], rows[CHANGE_LOG_HEADER_ROW - 1]].some((r) => headers.every((h, i) => r?.[i] === h));
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
      const head = logSheet.getRange(`A1:F${CHANGE_LOG_HEADER_ROW}`);
      head.load("values");
      counter.syncs++;
      await context.sync();
      remake = halfMade(head.values);
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
