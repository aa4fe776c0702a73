/**
 * The cells an import writes: which values Excel keeps as they are, and how many writes go in one request.
 */
import type { CellWrite, LocatedIssue } from "../totalling";
import type { CellValue } from "../scoring";
import { REQUEST_BUDGET } from "./render";

/**
 * Whether Excel keeps a value written through `values` as it is. A string is parsed as typed unless its cell is
 * formatted as text first (learn.microsoft.com, Range.values: "the value will be parsed"; OfficeDev/office-js #6687):
 * "=…", "+…", "-…", "@…" turn into formulas, number-, percent- or date-like text into numbers and dates, TRUE/FALSE
 * into booleans. The score sheets are protected, and formatting even an unlocked cell of a protected sheet needs
 * allowFormatCells (learn.microsoft.com, Protection.AllowFormattingCells), which they do not give.
 */
export function keepsAsTyped(value: CellValue): boolean {
  if (typeof value !== "string") return true;
  const s = value.trim();
  if (s === "") return true;
  if (/^[=+\-@]/.test(s)) return false;
  if (/^[+-]?[\d.,]+%?$/.test(s) || /^(true|false)$/i.test(s)) return false;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?(\s|$)/.test(s) || /^\d{1,2}:\d{2}/.test(s)) return false;
  // Excel reads "1月5日" and "2023年10月" as dates too.
  if (/^(\d{1,4}年)?\d{1,2}月(\d{1,2}日)?$/.test(s)) return false;
  return true;
}

const where = (w: CellWrite) => ("inserted" in w.target ? w.target.inserted.sheet : w.target.sheet);

/** A value left for a person to type, said with its place and why. */
export function refusedText(w: CellWrite): LocatedIssue {
  return {
    code: "import.notWritten",
    severity: "warning",
    unit: w.unit,
    field: "unit",
    message: `${w.from ?? ""}中的「${String(w.value)}」写入 ${where(w)}!${w.address} 时会被 Excel 当作数字、日期或公式，未自动填入；请在该单元格先输入英文单引号 ' 再照原样输入`,
    file: w.from,
    sheet: where(w),
    cell: w.address,
  };
}

/**
 * Office's serialization of one cell write (getItem, getRange, set values), on the high side: measured with
 * Microsoft's client (test/excel/exchange.test.ts), 6,000 writes of a 27-character Chinese text to one sheet took
 * 3,252,319 bytes, 542 a write; a character may take up to 6 bytes (\uXXXX), so this estimates 642.
 */
export const writeBytes = (w: CellWrite) => 450 + 6 * JSON.stringify(w.value).length + 6 * where(w).length;

/** The writes in requests of at most REQUEST_BUDGET, in order. */
export function cellWriteBatches(writes: readonly CellWrite[]): CellWrite[][] {
  const batches: CellWrite[][] = [];
  let bytes = 0;
  for (const w of writes) {
    const size = writeBytes(w);
    if (batches.length === 0 || bytes + size > REQUEST_BUDGET) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(w);
    bytes += size;
  }
  return batches;
}
