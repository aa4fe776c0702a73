/**
 * What the add-in hands Excel as cell contents, so that a string stays the string it is: Excel reads what it is given
 * the way it reads typing (learn.microsoft.com, Range.values: values are parsed as typed; OfficeDev/office-js #6687).
 */
import { isFormula, type CellContent } from "../layout";

/** Excel turns a typed "=…", "+…", "-…" or "@…" into a formula; an apostrophe keeps a literal as text. */
export function asTypedText(value: CellContent): string | number | boolean {
  if (value === null) return "";
  if (isFormula(value)) return value.formula;
  if (typeof value === "string" && /^[=+\-@\t\r\n]/.test(value)) return `'${value}`;
  return value;
}

/** A literal string: Excel would read it as typed ("2023.10" → 2023.1, "2023-01" → a date) unless text-formatted. */
export const isText = (v: CellContent): boolean => typeof v === "string" && v !== "";

/**
 * The text format ("@") on every string cell, set before the write so that Excel keeps the string as it is; null
 * leaves a cell's format alone ("null input in a two-dimensional array is ignored", learn.microsoft.com "Set values
 * or formulas").
 */
export function textFormats(cells: readonly (readonly CellContent[])[]): string[][] {
  return cells.map((row) => row.map((v) => (isText(v) ? "@" : null))) as unknown as string[][];
}
