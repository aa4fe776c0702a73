/**
 * What Excel does to what the add-in hands it, as the double models it, each with its source. Pure helpers of
 * test/excel/fakeExcel.ts.
 */

/** An error as Office.js raises it at context.sync(): `code` is one of Excel.ErrorCodes. */
export function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/**
 * Excel on the web: "Payload size for requests and responses: 5 MB" (learn.microsoft.com, "Resource limits and
 * performance optimization for Office Add-ins", Excel add-ins section); a request over it fails with
 * RequestPayloadSizeLimitExceeded and a response with ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes).
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * Sheet names: at most 31 characters, none of \ / ? * [ ] : , not blank, unique ignoring case (Excel's own rule;
 * Office.js reports InvalidArgument / ItemAlreadyExists at sync).
 */
export function sheetNameProblem(name: string, taken: readonly string[]): Error | undefined {
  if (name.trim() === "" || name.length > 31 || /[\\/?*[\]:]/.test(name))
    return excelError("InvalidArgument", `The argument is invalid or missing: worksheet name "${name}".`);
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase()))
    return excelError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
  return undefined;
}

/** Table names are workbook-wide and unique ignoring case (learn.microsoft.com, "Rename an Excel table"). */
export function tableNameProblem(name: string, taken: readonly string[]): Error | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || name.length > 255)
    return excelError("InvalidArgument", `The argument is invalid or missing: table name "${name}".`);
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase()))
    return excelError("InvalidArgument", `A table named "${name}" already exists.`);
  return undefined;
}

/** 1900 date system serial of a calendar date (Excel counts the non-existent 1900-02-29). */
function dateSerial(y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days >= 60 ? days + 1 : days;
}

/**
 * A string written through `values` or `formulas` is read the way Excel reads typing unless the cell is formatted
 * as text ("@") before the write (learn.microsoft.com, Range.values: "the value will be parsed"; OfficeDev/office-js
 * #6687): numbers, percentages, TRUE/FALSE and date-like text change type; a leading apostrophe keeps the rest as
 * text (held here with the apostrophe, as the double always has). Formulas stay as written.
 */
export function coerceTyped(value: unknown, numberFormat: string | undefined): unknown {
  if (typeof value !== "string" || numberFormat === "@") return value;
  const s = value.trim();
  if (s === "" || s.startsWith("'") || s.startsWith("=")) return value;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(s)) return Number(s.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === "true";
  const ymd = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?)?$/.exec(s);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3] ?? 1)];
    const time = (Number(ymd[4] ?? 0) * 3600 + Number(ymd[5] ?? 0) * 60 + Number(ymd[6] ?? 0)) / 86400;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return dateSerial(y, m, d) + time;
  }
  return value;
}

/** The rows × columns of a 2-D array, or undefined for a single value (which Excel applies to every cell). */
export function arrayShape(value: unknown): { rows: number; cols: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  return { rows: value.length, cols: Array.isArray(value[0]) ? value[0].length : 0 };
}
