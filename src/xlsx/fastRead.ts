/**
 * A lean .xlsx reader for totalling many returned workbooks: unzips with JSZip and reads only what the scoring
 * needs (sheet names and states, cell values, formulas with their cached results, merges), without building
 * exceljs's full object model. Gives the same grid as the exceljs reader (a test compares them).
 *
 * Unpacking is budgeted as it happens: no part inflates beyond the size its directory entry declares, the whole
 * workbook not beyond `bytes`, and a sheet stops being unpacked as soon as it holds more than `cells` cells.
 */
import JSZip from "jszip";
import type { GridCell, GridSheet } from "../layout";

export interface ReadBudget {
  /** Bytes the whole workbook may inflate to. */
  readonly bytes: number;
  /** Cells (elements <c>, and grid places the reader would fill) one sheet may hold. */
  readonly cells: number;
  /** Each entry's declared uncompressed size (zipGuard.ts); an entry not listed may not be unpacked. */
  readonly sizes?: ReadonlyMap<string, number>;
}

/** Why unpacking stopped: the whole budget spent, a part larger than declared, a sheet too large, a sheet missing. */
export class UnpackError extends Error {
  constructor(
    readonly problem: "bytes" | "mismatch" | "cells" | "sheetMissing",
    readonly part: string,
    readonly sheet?: string,
  ) {
    super(`${problem}: ${part}`);
    this.name = "UnpackError";
  }
}

const UNLIMITED: ReadBudget = { bytes: Number.MAX_SAFE_INTEGER, cells: Number.MAX_SAFE_INTEGER };

/** JSZip's chunked reader (not in its type declarations): the data of one entry as it inflates. */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (err: Error) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** Counts cell elements (`<c ` `<c>` `<c/>`) in a sheet's bytes as they come, across chunk boundaries. */
function cellCounter(): (chunk: Uint8Array) => number {
  let count = 0;
  let state = 0; // 1 after "<", 2 after "<c"
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 2 && (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d)) count++;
      state = b === 0x3c ? 1 : state === 1 && b === 0x63 ? 2 : 0;
    }
    return count;
  };
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text; // most texts: no entity to replace
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (ENTITIES[e] ?? m),
  );
}

/** One compiled pattern per attribute name: the reader asks for the same few names on every cell. */
const ATTRIBUTES = new Map<string, RegExp>();
const attr = (tag: string, name: string) => {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = pattern.exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** The text of an <si> or <is>: its <t> runs joined (phonetic runs <rPh> left out). */
function runText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += unescapeXml(m[1] ?? "");
  // Excel's escapes in text (ST_Xstring, ECMA-376 Part 1, 22.9.2.19): _xHHHH_ is one UTF-16 unit, _x005F_ a "_".
  return out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function columnIndex(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

function value(
  type: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  shared: readonly string[],
): Exclude<GridCell, object> {
  if (inline !== undefined) return runText(inline);
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return shared[Number(raw)] ?? "";
    case "str":
      return unescapeXml(raw);
    case "b":
      return raw === "1";
    case "e":
      return unescapeXml(raw);
    default:
      return Number(raw);
  }
}

export async function readXlsxFast(zip: JSZip, budget: ReadBudget = UNLIMITED): Promise<GridSheet[]> {
  let left = budget.bytes;
  const decoder = new TextDecoder();
  /** An entry's text, unpacked within the budget; undefined if there is no such entry. */
  const read = (path: string, sheet?: string): Promise<string | undefined> => {
    const file = zip.file(path);
    if (!file) return Promise.resolve(undefined);
    const declared = budget.sizes ? budget.sizes.get(file.unsafeOriginalName ?? file.name) : Number.MAX_SAFE_INTEGER;
    const count = sheet === undefined ? undefined : cellCounter();
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let length = 0;
      let stopped = false;
      const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream(
        "uint8array",
      );
      const stop = (err: UnpackError) => {
        stopped = true;
        chunks.length = 0;
        stream.pause();
        reject(err);
      };
      stream
        .on("data", (chunk) => {
          if (stopped) return;
          length += chunk.length;
          left -= chunk.length;
          if (declared === undefined || length > declared) return stop(new UnpackError("mismatch", path, sheet));
          if (left < 0) return stop(new UnpackError("bytes", path, sheet));
          if (count && count(chunk) > budget.cells) return stop(new UnpackError("cells", path, sheet));
          chunks.push(chunk);
        })
        .on("error", (err) => {
          if (!stopped) reject(err);
        })
        .on("end", () => {
          if (stopped) return;
          const all = new Uint8Array(length);
          let at = 0;
          for (const c of chunks) {
            all.set(c, at);
            at += c.length;
          }
          resolve(decoder.decode(all));
        })
        .resume();
    });
  };
  const text = async (path: string) => (await read(path)) ?? "";
  const [workbook, rels, sharedXml] = await Promise.all([
    text("xl/workbook.xml"),
    text("xl/_rels/workbook.xml.rels"),
    text("xl/sharedStrings.xml"),
  ]);
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runText(m[1]));
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: GridSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const path = targets.get(attr(m[0], "r:id") ?? "");
    if (!path) continue;
    const xml = await read(path, name);
    if (xml === undefined) throw new UnpackError("sheetMissing", path, name);
    const cells: GridCell[][] = [];
    // Grid places filled so far (a row counts as one): a few cells far apart must not make a huge grid either.
    let places = 0;
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = c[1];
      const body = c[2] ?? "";
      const ref = attr(` ${tag}`, "r");
      if (!ref) continue;
      const { row, col } = columnIndex(ref);
      const type = attr(` ${tag}`, "t");
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = type === "inlineStr" ? (/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "") : undefined;
      const literal = value(type, v, inline, shared);
      const cell: GridCell = f ? { formula: `=${unescapeXml(f[1] ?? "")}`, result: literal } : literal;
      if (cell === null) continue;
      places += Math.max(0, row - cells.length) + Math.max(0, col - (cells[row - 1]?.length ?? 0));
      if (places > budget.cells) throw new UnpackError("cells", path, name);
      while (cells.length < row) cells.push([]);
      const r = cells[row - 1];
      while (r.length < col - 1) r.push(null);
      r[col - 1] = cell;
    }
    // Only the top-left cell of a merge holds its value.
    for (const mc of xml.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const a = columnIndex(mc[1]);
      const b = columnIndex(mc[2]);
      for (let r = a.row; r <= b.row; r++)
        for (let k = a.col; k <= b.col; k++)
          if ((r !== a.row || k !== a.col) && cells[r - 1]?.[k - 1] !== undefined) cells[r - 1][k - 1] = null;
    }
    for (const r of cells) while (r.length > 0 && r[r.length - 1] === null) r.pop();
    sheets.push({ name, hidden: (attr(m[0], "state") ?? "visible") !== "visible", cells });
  }
  return sheets;
}
