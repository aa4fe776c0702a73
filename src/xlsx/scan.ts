/**
 * The parts of a workbook, as text, → a grid of cells per sheet: sheet names and states, cell values, formulas with
 * their cached results, merges. Pure string work, shared by both unpackers (JSZip in the browser, node:zlib on the
 * command line), so both give the same grid.
 *
 * Written for what other programs save, not only for what Excel saves (ECMA-376 Part 1, §18.3.1):
 * - an element may carry a namespace prefix (`<x:c>`, as the Open XML SDK writes), bound to the SpreadsheetML
 *   namespace, transitional or strict;
 * - `r` is optional on rows and cells (§18.3.1.4, §18.3.1.73): a row without it follows the previous row, a cell
 *   without it the previous cell;
 * - an empty cached value (`<v></v>`, as openpyxl and SheetJS write for formulas) is no value, never 0;
 * - strings escape characters XML cannot hold as `_xHHHH_` (§22.9.2.19, ST_Xstring), `_x005F_` escaping the `_`.
 */
import type { GridCell, GridSheet } from "../layout";

/** Reads one part's text; `sheet` names the sheet it belongs to, so the unpacker can budget a sheet's cells. */
export type PartReader = (path: string, sheet?: string) => Promise<string | undefined>;

/** A sheet of too many grid places, or a sheet part missing. */
export class ScanError extends Error {
  constructor(
    readonly problem: "cells" | "sheetMissing",
    readonly part: string,
    readonly sheet: string,
  ) {
    super(`${problem}: ${part}`);
    this.name = "ScanError";
  }
}

/**
 * XML's entities replaced: numeric references first, then the five named ones with &amp; last, so that "&amp;lt;"
 * stays "&lt;". Native replaceAll rather than one callback per entity: formulas are full of &quot;.
 */
const NAMED: readonly [string, string][] = [
  ["&quot;", '"'],
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&apos;", "'"],
  ["&amp;", "&"], // last
];

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text; // most texts: no entity to replace
  let out = text;
  if (out.includes("&#"))
    out = out.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_m, e: string) =>
      String.fromCodePoint(e[0] === "x" ? parseInt(e.slice(1), 16) : parseInt(e, 10)),
    );
  for (let i = 0; i < NAMED.length; i++) if (out.includes(NAMED[i][0])) out = out.replaceAll(NAMED[i][0], NAMED[i][1]);
  return out;
}

/** Excel's `_xHHHH_` escapes in a string (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` a literal `_`. */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One compiled pattern per attribute name, for the rare attribute written with blanks around its "=". */
const ATTRIBUTES = new Map<string, RegExp>();
function spacedAttr(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** An attribute's value in a start tag (`tag` begins with a blank), found with indexOf: it runs on every cell. */
export const attr = (tag: string, name: string): string | undefined => {
  const key = `${name}=`;
  for (let i = tag.indexOf(key); i > 0; i = tag.indexOf(key, i + 1)) {
    if (!isBlank(tag.charCodeAt(i - 1))) continue;
    const quote = tag[i + key.length];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + key.length + 1);
    return end < 0 ? undefined : unescapeXml(tag.slice(i + key.length + 1, end));
  }
  const spaced = [" =", "\t", "\n", "\r"].some((b) => tag.includes(name + b)) || tag.includes(`${key} `);
  return spaced ? spacedAttr(tag, name) : undefined;
};

export const NAMESPACES = {
  main: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  rels: [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  package: ["http://schemas.openxmlformats.org/package/2006/relationships"],
};

/** The prefixes a part binds to one of the namespaces (`x` for xmlns:x="…/main"). */
export function prefixesOf(xml: string, uris: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of xml.slice(0, 4096).matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g))
    if (uris.includes(m[2])) out.push(m[1]);
  return out;
}

/** The part with its elements' prefixes for these namespaces removed: `<x:c>` → `<c>`. Most parts have none. */
export function unprefixed(xml: string, uris: readonly string[]): string {
  let out = xml;
  for (const p of prefixesOf(xml, uris)) {
    const escaped = p.replace(/[.-]/g, "\\$&");
    out = out.replace(new RegExp(`<(/?)${escaped}:`, "g"), "<$1");
  }
  return out;
}

/** The text of an <si> or <is>: its <t> runs joined (phonetic runs <rPh> left out). */
export function runText(xml: string): string {
  const withoutPhonetic = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += unescapeXml(m[1] ?? "");
  return decodeXstring(out);
}

/** "AB12" (or "$AB$12") → row 12, column 28; undefined for anything else (row 0 among it). */
export function position(ref: string): { row: number; col: number } | undefined {
  let i = ref.charCodeAt(0) === 0x24 ? 1 : 0; // $
  let col = 0;
  for (const start = i; i < ref.length && i < start + 3; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + c - 0x60;
  }
  if (col === 0) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  const digits = ref.slice(i);
  if (!/^\d+$/.test(digits)) return undefined;
  const row = Number(digits);
  // Rows count from 1: a row 0 (hand-made XML) is no place, and would have had a cell put before the first row.
  return row === 0 ? undefined : { row, col };
}

/**
 * Where a cell goes, after the cell at row–col: the place its r names, else the next column (in row 1 before any
 * row). Shared with the byte scanner.
 */
export function cellPlace(ref: string | undefined, row: number, col: number): { row: number; col: number } {
  return (ref === undefined ? undefined : position(ref)) ?? { row: row === 0 ? 1 : row, col: col + 1 };
}

export type Value = Exclude<GridCell, object>;

/** A cell's value from its type (t=), its <v> text and, for an inline string, its body. */
export function value(
  type: string | undefined,
  raw: string | undefined,
  body: string,
  shared: readonly string[],
): Value {
  if (type === "inlineStr") {
    const inline = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1];
    if (inline !== undefined) return runText(inline);
  }
  // An empty cached value is no value (openpyxl and SheetJS write <v></v> on formula cells).
  if (raw === undefined || raw === "") return null;
  switch (type) {
    case "s":
      return shared[Number(raw)] ?? "";
    case "str":
    case "inlineStr":
      return decodeXstring(unescapeXml(raw));
    case "b":
      return raw === "1" || raw === "true";
    case "e":
    case "d": // an ISO 8601 date as written: text, never a number (SheetJS writes t="d" when asked to)
      return unescapeXml(raw);
    default: {
      const n = Number(raw);
      return raw.trim() === "" || Number.isNaN(n) ? unescapeXml(raw) : n;
    }
  }
}

const CELL_OR_ROW = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** One sheet's cells; `limit` caps the grid places (a row counts as one) so that far-apart cells make no huge grid. */
export function scanSheet(
  xml: string,
  shared: readonly string[],
  limit: number,
  part: string,
  name: string,
): GridCell[][] {
  const sheet = unprefixed(xml, NAMESPACES.main);
  const cells: GridCell[][] = [];
  let places = 0;
  let row = 0;
  let col = 0;
  for (const m of sheet.matchAll(CELL_OR_ROW)) {
    if (m[2] === undefined) {
      // A row: its number when given, else the one after the previous row.
      const r = attr(` ${m[1]}`, "r");
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) : row + 1;
      col = 0;
      continue;
    }
    const tag = ` ${m[2]}`;
    const body = m[3] ?? "";
    ({ row, col } = cellPlace(attr(tag, "r"), row, col));
    const type = attr(tag, "t");
    const f = body.includes("<f") ? /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body) : null;
    const v = body.includes("<v") ? /<v(?:\s[^>/]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1] : undefined;
    const literal = value(type, v, body, shared);
    const cell: GridCell = f ? { formula: `=${unescapeXml(f[1] ?? "")}`, result: literal } : literal;
    if (cell === null) continue;
    places += Math.max(0, row - cells.length) + Math.max(0, col - (cells[row - 1]?.length ?? 0));
    if (places > limit) throw new ScanError("cells", part, name);
    while (cells.length < row) cells.push([]);
    const r = cells[row - 1];
    while (r.length < col - 1) r.push(null);
    r[col - 1] = cell;
  }
  return mergedAndTrimmed(cells, sheet);
}

/**
 * The grid's last step, shared with the byte scanner: only the top-left cell of a merge holds its value (the merges
 * are read from `markup`, the sheet's text from its first <mergeCell> on or whole), and rows lose trailing blanks.
 */
export function mergedAndTrimmed(cells: GridCell[][], markup: string): GridCell[][] {
  for (const mc of markup.matchAll(/<mergeCell\b[^>]*?\sref\s*=\s*["']([A-Za-z$]+\d+):([A-Za-z$]+\d+)["']/g)) {
    const a = position(mc[1]);
    const b = position(mc[2]);
    if (!a || !b) continue;
    for (let r = a.row; r <= Math.min(b.row, cells.length); r++)
      for (let k = a.col; k <= b.col; k++)
        if ((r !== a.row || k !== a.col) && cells[r - 1]?.[k - 1] !== undefined) cells[r - 1][k - 1] = null;
  }
  for (const r of cells) while (r.length > 0 && r[r.length - 1] === null) r.pop();
  return cells;
}

/** The shared strings part's texts, in order. */
export function sharedStrings(sharedXml: string): string[] {
  return [...unprefixed(sharedXml, NAMESPACES.main).matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) =>
    runText(m[1] ?? ""),
  );
}

/** A sheet as the workbook lists it: its name, whether hidden, and the part that holds it. */
export interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  readonly path: string;
}

/** The workbook's sheets in its order, each found through the workbook's relationships (sheets without a part left out). */
export function workbookSheets(workbookXml: string, relsXml: string): SheetEntry[] {
  const workbook = unprefixed(workbookXml, NAMESPACES.main);
  const rels = unprefixed(relsXml, NAMESPACES.package);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const idAttributes = prefixesOf(workbookXml, NAMESPACES.rels).map((p) => `${p}:id`);
  const out: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const id = idAttributes.map((a) => attr(m[0], a)).find((v) => v !== undefined) ?? attr(m[0], "r:id");
    const path = targets.get(id ?? "");
    if (!path) continue;
    out.push({ name, hidden: (attr(m[0], "state") ?? "visible") !== "visible", path });
  }
  return out;
}

/** Every sheet of a workbook, in the workbook's order, read through `read`. */
export async function scanWorkbook(read: PartReader, cellLimit: number): Promise<GridSheet[]> {
  const text = async (path: string) => (await read(path)) ?? "";
  const [workbookXml, relsXml, sharedXml] = await Promise.all([
    text("xl/workbook.xml"),
    text("xl/_rels/workbook.xml.rels"),
    text("xl/sharedStrings.xml"),
  ]);
  const shared = sharedStrings(sharedXml);
  const sheets: GridSheet[] = [];
  for (const { name, hidden, path } of workbookSheets(workbookXml, relsXml)) {
    const xml = await read(path, name);
    if (xml === undefined) throw new ScanError("sheetMissing", path, name);
    sheets.push({ name, hidden, cells: scanSheet(xml, shared, cellLimit, path, name) });
  }
  return sheets;
}
