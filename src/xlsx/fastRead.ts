/**
 * A lean .xlsx reader for totalling many returned workbooks: unzips with JSZip and reads only what the scoring
 * needs (sheet names and states, cell values, formulas with their cached results, merges), without building
 * exceljs's full object model. Gives the same grid as the exceljs reader (a test compares them).
 */
import JSZip from "jszip";
import type { GridCell, GridSheet } from "../layout";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
  );
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** The text of an <si> or <is>: its <t> runs joined (phonetic runs <rPh> left out). */
function runText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += unescapeXml(m[1] ?? "");
  return out;
}

function columnIndex(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

function value(type: string | undefined, raw: string | undefined, inline: string | undefined, shared: readonly string[]): Exclude<GridCell, object> {
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

export async function readXlsxFast(zip: JSZip): Promise<GridSheet[]> {
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const [workbook, rels, sharedXml] = await Promise.all([text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels"), text("xl/sharedStrings.xml")]);
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
    const xml = await text(path);
    const cells: GridCell[][] = [];
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
      while (cells.length < row) cells.push([]);
      const r = cells[row - 1];
      while (r.length < col - 1) r.push(null);
      r[col - 1] = cell;
    }
    // Only the top-left cell of a merge holds its value.
    for (const mc of xml.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const a = columnIndex(mc[1]);
      const b = columnIndex(mc[2]);
      for (let r = a.row; r <= b.row; r++) for (let k = a.col; k <= b.col; k++) if ((r !== a.row || k !== a.col) && cells[r - 1]?.[k - 1] !== undefined) cells[r - 1][k - 1] = null;
    }
    for (const r of cells) while (r.length > 0 && r[r.length - 1] === null) r.pop();
    sheets.push({ name, hidden: (attr(m[0], "state") ?? "visible") !== "visible", cells });
  }
  return sheets;
}
