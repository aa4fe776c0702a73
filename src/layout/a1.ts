/**
 * A1 addresses, both ways: the letters and numbers of formulas and of issue locations, and the parsing of addresses
 * that come back (an entry's cell, an edit event's address). The one place that knows that column A is 1.
 */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "Z" → 26, "AA" → 27 (upper-case letters only). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
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

/** Row and column of a single-cell address ("E12", "$E$12"); undefined for anything else. */
export function parseCellRef(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : undefined;
}

/**
 * The rectangle of a range address as Excel reports it ("E12", "E12:G40", "Sheet1!$E$12"); undefined for whole rows
 * or columns ("3:3", "E:E") and anything else.
 */
export function parseRangeRef(
  address: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^(?:.*!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!m) return undefined;
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}
