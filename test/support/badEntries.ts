/**
 * The bad-entry matrix, shared by the two ways entries reach the core: typed in Excel (test/excel/badInput.test.ts)
 * and read from a returned file (test/e2e/badInput.test.ts). Each case: what a person typed, as Excel holds it and
 * as a file holds it, on which line and column of 石楼县's sheet, and what the person must be told.
 */
import type ExcelJS from "exceljs";

export interface BadEntry {
  readonly what: string;
  /** The value Excel's used range gives for the cell (a typed formula as its text, a date as its serial). */
  readonly inExcel: unknown;
  /** The same entry as a file stores it. */
  readonly inFile: ExcelJS.CellValue;
  readonly line: string;
  readonly column: "E" | "H";
  readonly code: string;
  readonly message: RegExp;
}

const entry = (
  what: string,
  inExcel: unknown,
  inFile: ExcelJS.CellValue,
  line: string,
  column: "E" | "H",
  code: string,
  message: RegExp,
): BadEntry => ({
  what,
  inExcel,
  inFile,
  line,
  column,
  code,
  message,
});

export const BAD_ENTRIES: readonly BadEntry[] = [
  entry("text", "没有扣分", "没有扣分", "1", "E", "deduction.notNumber", /不是数字/),
  entry("a negative deduction", -1, -1, "2", "E", "deduction.negative", /负数/),
  entry("more than the line's points", 3, 3, "3", "E", "deduction.exceedsPoints", /超过该项分值 2\.00/),
  entry("three decimals", 0.125, 0.125, "4", "E", "deduction.tooPrecise", /两位小数/),
  entry("full-width digits", "０．５", "０．５", "5", "E", "deduction.notNumber", /半角数字 0\.5/),
  entry("a Chinese full stop", "0。5", "0。5", "6", "E", "deduction.notNumber", /半角数字 0\.5/),
  entry(
    "a formula typed into an input",
    "=1+1",
    { formula: "1+1" } as ExcelJS.CellFormulaValue,
    "7",
    "E",
    "deduction.notNumber",
    /=1\+1/,
  ),
  entry(
    "the error #N/A",
    "#N/A",
    { error: "#N/A" } as ExcelJS.CellErrorValue,
    "10",
    "E",
    "deduction.notNumber",
    /#N\/A/,
  ),
  entry(
    "the error #REF!",
    "#REF!",
    { error: "#REF!" } as ExcelJS.CellErrorValue,
    "11",
    "E",
    "deduction.notNumber",
    /#REF!/,
  ),
  // Excel holds a date typed into a 0.00 cell as its serial number (44896): far over any line's points.
  entry(
    "a date",
    44896,
    new Date(Date.UTC(2022, 11, 1)),
    "13.2",
    "E",
    "deduction.exceedsPoints",
    /扣分 44896\.00 超过该项分值/,
  ),
  entry("a boolean", true, true, "15", "E", "deduction.notNumber", /TRUE/),
  entry("是/否 misspelt", "不", "不", "16.1", "H", "participates.invalid", /只能填「是」或「否」/),
];
