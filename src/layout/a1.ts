/** A1 addresses for formulas. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

/** A reference to a cell on another sheet: 'Sheet name'!$A$1 (quotes doubled inside the name). */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${cellRef(row, col, true)}`;
}

/** A string as an Excel formula literal: "say ""hi""". */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A cell's text trimmed the way the scoring core trims it: Excel's TRIM removes only ASCII spaces, so full-width
 * (U+3000) and no-break (U+00A0) spaces become ordinary ones first, and CLEAN drops line breaks typed with Alt+Enter.
 */
export function trimText(ref: string): string {
  return `TRIM(CLEAN(SUBSTITUTE(SUBSTITUTE(${ref},"\u3000"," "),"\u00A0"," ")))`;
}
