/**
 * 变更记录, the change log: a hidden sheet where the add-in appends every checked edit of a score sheet (time, sheet,
 * cell, old → new value, who), so that what was typed can always be traced and typed back. The layout owns the sheet
 * like every other: its columns (one definition, for the sheet and for every row appended later), widths, text
 * format, table, marker row and print setup. The add-in makes it from this plan with its first rows when it first
 * logs something (docs/decisions/0016-change-log-in-the-plan.md) and appends rows to its table after that.
 */
import { fitSheet, landscapePrint } from "./fit";
import { metaCells } from "./meta";
import type { CellStyle, Literal, SheetPlan } from "./plan";

export const CHANGE_LOG_SHEET_NAME = "变更记录";
/** The log's table, found by this name wherever the sheet is and whatever it is called. */
export const CHANGE_LOG_TABLE = "ScorecardChangeLog";
/** The old value of a cell the add-in had not read before its first edit. */
export const UNKNOWN_BEFORE = "（未记录）";
/** Header row of the log's table (row 1 is the hidden marker row). */
export const CHANGE_LOG_HEADER_ROW = 2;

/** One change as logged. Strings are data: written as text, whatever they start with. */
export interface ChangeLogEntry {
  readonly time: string;
  readonly sheet: string;
  readonly cell: string;
  readonly before: Literal;
  readonly after: Literal;
  readonly source: string;
}

export interface ChangeLogColumn {
  readonly key: keyof ChangeLogEntry;
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly style?: CellStyle;
}

/** Every column top-aligned, so a row reads from its first line; old and new values wrapped, shown in full. */
const TOP: CellStyle = { verticalAlign: "top" };
const VALUE_STYLE: CellStyle = { wrap: true, verticalAlign: "top" };

/** The log's columns, in order: A to F. */
export const CHANGE_LOG_COLUMNS: readonly ChangeLogColumn[] = [
  { key: "time", header: "时间", width: 17, style: TOP },
  { key: "sheet", header: "工作表", width: 14, style: TOP },
  { key: "cell", header: "单元格", width: 8, style: TOP },
  { key: "before", header: "原值", width: 23, style: VALUE_STYLE },
  { key: "after", header: "新值", width: 23, style: VALUE_STYLE },
  { key: "source", header: "来源", width: 12, style: TOP },
];

/** An entry as a row of the log's table, in the columns' order. */
export const changeLogRow = (entry: ChangeLogEntry): Literal[] => CHANGE_LOG_COLUMNS.map((c) => entry[c.key]);

/**
 * The plan of 变更记录 holding its first `entries` (at least one). Every column is text-formatted as a whole, for the
 * rows appended later too, so that a time, a sheet named "2023.10" or a value like "3.10" stays as written.
 *
 * Never empty: Excel has no table without a data row — it removes such a table from a file when it opens it, and
 * pads a table made of a header alone with a blank row (randym/axlsx #409, jmcnamara/XlsxWriter #715) — so the log
 * is made when there is something to log (docs/decisions/0016-change-log-in-the-plan.md).
 */
export function changeLogSheetPlan(
  rules: { readonly id: string; readonly version: string },
  entries: readonly ChangeLogEntry[],
): SheetPlan {
  if (entries.length === 0) throw new Error("变更记录 is made with its first entries: a table needs a data row");
  const text: Record<number, string> = {};
  CHANGE_LOG_COLUMNS.forEach((_, i) => (text[i + 1] = "@"));
  return fitSheet({
    name: CHANGE_LOG_SHEET_NAME,
    meta: { role: "changeLog", rulesId: rules.id, rulesVersion: rules.version },
    columnWidths: {},
    columnFormats: text,
    cells: metaCells({ role: "changeLog", rulesId: rules.id, rulesVersion: rules.version }),
    merges: [],
    tables: [
      {
        name: CHANGE_LOG_TABLE,
        top: CHANGE_LOG_HEADER_ROW,
        left: 1,
        columns: CHANGE_LOG_COLUMNS.map((c) => ({ name: c.header, width: c.width, style: c.style })),
        rows: entries.map(changeLogRow),
      },
    ],
    validations: [],
    conditionalFormats: [],
    hiddenRows: [1],
    rowHeights: {},
    protect: false,
    hidden: true,
    freezeRows: CHANGE_LOG_HEADER_ROW,
    print: landscapePrint(CHANGE_LOG_SHEET_NAME, CHANGE_LOG_HEADER_ROW),
  });
}
