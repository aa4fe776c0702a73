/**
 * The command line's cell scanner: the grid scan.ts gives, read from the parts' bytes without decoding whole parts.
 * A sheet is searched as one character per byte (latin1): its markup is ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so every tag and value sits where the decoded text has it; only the texts a cell keeps
 * are decoded from UTF-8 (a test reads the whole corpus with both scanners). Shared strings are cut out of the bytes
 * the same way, and a long one the process has decoded before, byte for byte (the rules every workbook carries, in
 * pieces of 30,000 characters), is not decoded again: the same bytes make the same text.
 *
 * Wherever a decoded text could read differently from its bytes (a namespace prefix bound to SpreadsheetML, a
 * non-ASCII character inside markup), the part or the cell is decoded and read by scan.ts itself. Node only (Buffer).
 */
import type { GridCell, GridSheet } from "../layout";
import {
  attr,
  cellPlace,
  mergedAndTrimmed,
  NAMESPACES,
  ScanError,
  scanSheet,
  unescapeXml,
  value,
  workbookSheets,
  type Value,
} from "./scan";
import { decoder, GT, HEAD, isBlank, isWord, mayBindPrefix, NON_ASCII, SLASH } from "./bytes";
import { sharedStringsBytes } from "./sharedStringsBytes";

/** Reads one part's bytes; `sheet` names the sheet it belongs to, so the unpacker can budget a sheet's cells. */
export type BytePartReader = (path: string, sheet?: string) => Promise<Buffer | undefined>;

export { sharedStringsBytes };

const SPACED = ["r", "t"].map((name) => ({
  name,
  key: `${name}=`,
  /** Matches where the tag has one of `name =`, `name` and a tab or line break, `name= `. */
  probe: new RegExp(`${name}(?: =|[\t\n\r]|= )`),
}));

/**
 * What attr(` ${tag}`, name) of scan.ts means for the names a cell needs (r, t), on a tag in latin1 (its bytes
 * start–end in the part): the plain `name="…"` found here; a name written with blanks around its "=" is handed to
 * scan.ts's attr on the decoded tag.
 */
function cellAttr(
  tag: string,
  spaced: (typeof SPACED)[number],
  bytes: Buffer,
  start: number,
  end: number,
): string | undefined {
  const key = spaced.key;
  for (let i = tag.indexOf(key); i >= 0; i = tag.indexOf(key, i + 1)) {
    if (i > 0 && !isBlank(tag.charCodeAt(i - 1))) continue;
    const quote = tag[i + key.length];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, i + key.length + 1);
    if (close < 0) return undefined;
    // Left in latin1 even when not ASCII: no such r is a place, and no such t a type, decoded or not.
    return unescapeXml(tag.slice(i + key.length + 1, close));
  }
  if (spaced.probe.test(tag)) return attr(` ${bytes.toString("utf8", start, end)}`, spaced.name);
  return undefined;
}

const FORMULA = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v(?:\s[^>/]*)?>([\s\S]*?)<\/v>/;
/** "<v" before a character that is not ASCII: whether \s matches it is for the decoded text to say. */
const V_BEFORE_NON_ASCII = /<v[\u0080-\uffff]/;

/**
 * Formulas by their bytes (as latin1): a workbook's sheets repeat the same few hundred formulas row by row, and the
 * next workbook's sheets the same ones again.
 */
const formulas = new Map<string, string>();
const FORMULA_ENTRIES = 4096;

/** A text as it is meant: its latin1 characters when all are ASCII, else its bytes (from `start`) decoded. */
const asText = (raw: string, bytes: Buffer, start: number) =>
  NON_ASCII.test(raw) ? bytes.toString("utf8", start, start + raw.length) : raw;

/**
 * Where the content of the first `open` element (<f> or <v>) of a body starts, when that element's "<f" (or "<v")
 * is followed by ">"; -1 otherwise. With a `close` ("</f>", "</v>") after the start, that is the plain form, and
 * FORMULA (or VALUE) matches there and nowhere earlier; without one, the regular expression must look.
 */
function plainStart(body: string, open: string): number {
  const at = body.indexOf(open);
  return at < 0 || body.charCodeAt(at + 2) !== GT ? -1 : at + 3;
}

/**
 * A cell from its body (latin1, body[0] at `at` in the part's bytes), as scan.ts's scanSheet makes it: formula and
 * cached result, or the value. FORMULA has no \s and reads the same in latin1; VALUE's \s after "<v" does too
 * unless what follows is not ASCII, and then the decoded body is read instead. The plain <f>…</f> and <v>…</v>
 * that nearly every writer writes are found without either.
 */
function cellFromBody(
  body: string,
  at: number,
  bytes: Buffer,
  type: string | undefined,
  shared: readonly string[],
): GridCell {
  let formula: string | undefined;
  if (body.includes("<f")) {
    let raw: string | undefined;
    let start = 0;
    const fStart = plainStart(body, "<f");
    const fEnd = fStart < 0 ? -1 : body.indexOf("</f>", fStart);
    if (fEnd >= 0) {
      raw = body.slice(fStart, fEnd);
      start = fStart;
    } else {
      const f = FORMULA.exec(body);
      if (f) {
        raw = f[1] ?? "";
        // The formula's text ends where its </f> starts.
        start = f.index + f[0].length - 4 - raw.length;
      }
    }
    if (raw !== undefined) {
      formula = formulas.get(raw);
      if (formula === undefined) {
        // Kept as a copy of its own, not as a slice of the sheet's text: a slice would keep that whole text alive
        // in the memo, and with it every sheet read so far for the garbage collector to move.
        const own = bytes.toString("latin1", at + start, at + start + raw.length);
        formula = `=${unescapeXml(asText(own, bytes, at + start))}`;
        if (formulas.size >= FORMULA_ENTRIES) formulas.clear();
        formulas.set(own, formula);
      }
    }
  }
  let literal: Value;
  const vStart = type === "inlineStr" ? -1 : plainStart(body, "<v");
  const vEnd = vStart < 0 ? -1 : body.indexOf("</v>", vStart);
  if (vEnd >= 0) literal = value(type, asText(body.slice(vStart, vEnd), bytes, at + vStart), "", shared);
  else if (type === "inlineStr" || V_BEFORE_NON_ASCII.test(body)) {
    const decoded = asText(body, bytes, at);
    const v = decoded.includes("<v") ? VALUE.exec(decoded)?.[1] : undefined;
    literal = value(type, v, decoded, shared);
  } else {
    const v = body.includes("<v") ? VALUE.exec(body) : null;
    // The value's text ends where its </v> starts.
    const raw = v ? asText(v[1], bytes, at + v.index + v[0].length - 4 - v[1].length) : undefined;
    literal = value(type, raw, "", shared);
  }
  return formula !== undefined ? { formula, result: literal } : literal;
}

/**
 * One sheet's cells, as scan.ts's scanSheet reads them: rows and cells found as its regular expression
 * /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g finds them, the same place budget, the same merges.
 */
export function scanSheetBytes(bytes: Buffer, shared: readonly string[], limit: number, part: string, name: string) {
  const text = bytes.toString("latin1");
  if (mayBindPrefix(text.slice(0, HEAD), NAMESPACES.main))
    return scanSheet(decoder.decode(bytes), shared, limit, part, name);
  const utf8 = (start: number, end: number) => bytes.toString("utf8", start, end);
  const cells: GridCell[][] = [];
  let places = 0;
  let row = 0;
  let col = 0;
  // Once no ">" (or "</c>") follows some place, none follows any later one: no search runs to the end twice.
  let noGt = false;
  let noClose = false;

  /**
   * The place `text` start–end names when it is the plain form "A1" … "XFD1048576" (up to three capitals, up to
   * seven digits, not row 0), as position() reads it; false for anything else, which cellPlace() then reads.
   */
  const placedAt = (start: number, end: number): boolean => {
    let i = start;
    let c = 0;
    for (; i < end && i < start + 3; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 0x41 || ch > 0x5a) break;
      c = c * 26 + ch - 0x40;
    }
    if (c === 0 || i === end || end - i > 7) return false;
    let r = 0;
    for (; i < end; i++) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return false;
      r = r * 10 + d;
    }
    if (r === 0) return false;
    row = r;
    col = c;
    return true;
  };

  const cell = (tagStart: number, tagEnd: number, bodyStart: number, bodyEnd: number) => {
    let ref: string | undefined;
    let tag: string | undefined;
    let placed = false;
    if (text.startsWith(' r="', tagStart)) {
      // As nearly every writer puts it: r first, in double quotes.
      const quote = text.indexOf('"', tagStart + 4);
      if (quote >= 0 && quote < tagEnd) {
        placed = placedAt(tagStart + 4, quote);
        if (!placed) ref = unescapeXml(text.slice(tagStart + 4, quote));
      }
    } else ref = cellAttr((tag = text.slice(tagStart, tagEnd)), SPACED[0], bytes, tagStart, tagEnd);
    if (!placed) ({ row, col } = cellPlace(ref, row, col));
    // Without a body a cell has no value, whatever its type (a styled empty cell): only its place counts.
    if (bodyStart < 0) return;
    const type = cellAttr(tag ?? text.slice(tagStart, tagEnd), SPACED[1], bytes, tagStart, tagEnd);
    const c = cellFromBody(text.slice(bodyStart, bodyEnd), bodyStart, bytes, type, shared);
    if (c === null) return;
    places += Math.max(0, row - cells.length) + Math.max(0, col - (cells[row - 1]?.length ?? 0));
    if (places > limit) throw new ScanError("cells", part, name);
    while (cells.length < row) cells.push([]);
    const r = cells[row - 1];
    while (r.length < col - 1) r.push(null);
    r[col - 1] = c;
  };

  for (let p = text.indexOf("<"); p >= 0;) {
    let next = p + 1;
    const c1 = text.charCodeAt(p + 1);
    if (c1 === 0x72 && text.startsWith("row", p + 1) && !isWord(text.charCodeAt(p + 4)) && !noGt) {
      const gt = text.indexOf(">", p + 4);
      if (gt < 0) noGt = true;
      else {
        const end = gt - 1 >= p + 4 && text.charCodeAt(gt - 1) === SLASH ? gt - 1 : gt;
        const tag = text.slice(p + 4, end);
        const r = NON_ASCII.test(tag) ? attr(` ${utf8(p + 4, end)}`, "r") : attr(` ${tag}`, "r");
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) : row + 1;
        col = 0;
        next = gt + 1;
      }
    } else if (c1 === 0x63 && !isWord(text.charCodeAt(p + 2)) && !noGt) {
      const gt = text.indexOf(">", p + 2);
      if (gt < 0) noGt = true;
      else if (gt - 1 >= p + 2 && text.charCodeAt(gt - 1) === SLASH) {
        cell(p + 2, gt - 1, -1, -1);
        next = gt + 1;
      } else if (!noClose) {
        const close = text.indexOf("</c>", gt + 1);
        if (close < 0) noClose = true;
        else {
          cell(p + 2, gt, gt + 1, close);
          next = close + 4;
        }
      }
    }
    p = text.indexOf("<", next);
  }

  // Only the top-left cell of a merge holds its value. A merge starts with "<mergeCell": read from the first one on.
  const first = text.indexOf("<mergeCell");
  if (first < 0) return mergedAndTrimmed(cells, "");
  const tail = text.slice(first);
  return mergedAndTrimmed(cells, NON_ASCII.test(tail) ? utf8(first, bytes.length) : tail);
}

/** Every sheet of a workbook, in the workbook's order, as scan.ts's scanWorkbook reads them. */
export async function scanWorkbookBytes(read: BytePartReader, cellLimit: number): Promise<GridSheet[]> {
  const [workbook, rels, shared] = await Promise.all([
    read("xl/workbook.xml"),
    read("xl/_rels/workbook.xml.rels"),
    read("xl/sharedStrings.xml"),
  ]);
  const strings = shared ? sharedStringsBytes(shared) : [];
  const sheets: GridSheet[] = [];
  const list = workbookSheets(workbook ? decoder.decode(workbook) : "", rels ? decoder.decode(rels) : "");
  for (const { name, hidden, path } of list) {
    const bytes = await read(path, name);
    if (bytes === undefined) throw new ScanError("sheetMissing", path, name);
    sheets.push({ name, hidden, cells: scanSheetBytes(bytes, strings, cellLimit, path, name) });
  }
  return sheets;
}
