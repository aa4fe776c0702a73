/**
 * The programs an office saves returned workbooks with, driven during the test run: LibreOffice through its own API
 * (python3-uno, both xlsx filters), openpyxl (python3-openpyxl), SheetJS (npm xlsx), and hand-written XML for what
 * writers such as WPS or the Open XML SDK may produce. Nothing binary is committed: every file is made here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import * as XLSX from "xlsx";
import { sofficePath } from "../support/libreoffice";

/** Debian's python3 (the one python3-uno and python3-openpyxl install into), not a pyenv shim that lacks them. */
export const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** [op, sheet, ...args]: see the scripts' docstrings. */
export type Op = [string, string, ...(string | number)[]];

export interface Job {
  in: string;
  out: string;
  ops: Op[];
}

export const LO_FILTERS = { ms2007: "Calc MS Excel 2007 XML", ooxml: "Calc Office Open XML" } as const;

export interface LibreOfficeJob extends Job {
  filter: (typeof LO_FILTERS)[keyof typeof LO_FILTERS];
  /** Automatic calculation switched off before the edits. */
  manual?: boolean;
}

const here = __dirname;

export function programsAvailable(): { libreoffice: boolean; uno: boolean; openpyxl: boolean } {
  const has = (module: string) => {
    try {
      execFileSync(PYTHON, ["-c", `import ${module}`], { stdio: "pipe" });
      return true;
    } catch {
      return false;
    }
  };
  return { libreoffice: sofficePath() !== undefined, uno: has("uno"), openpyxl: has("openpyxl") };
}

/** Every job in one LibreOffice process. */
export function libreOffice(jobs: readonly LibreOfficeJob[]): void {
  const work = mkdtempSync(join(tmpdir(), "foreign-lo-"));
  const list = join(work, "jobs.json");
  writeFileSync(list, JSON.stringify(jobs));
  execFileSync(PYTHON, [join(here, "libreoffice_edit.py"), sofficePath()!, join(work, "profile"), list], {
    stdio: "pipe",
    timeout: 300_000,
  });
}

/** Every job in one openpyxl process. */
export function openpyxl(jobs: readonly Job[]): void {
  const list = join(mkdtempSync(join(tmpdir(), "foreign-py-")), "jobs.json");
  writeFileSync(list, JSON.stringify(jobs));
  execFileSync(PYTHON, [join(here, "openpyxl_edit.py"), list], { stdio: "pipe", timeout: 300_000 });
}

/**
 * A SheetJS script: read the workbook, set cells (a number as a number, a string as text), write it back. SheetJS
 * computes nothing: formula cells keep the cached results they came with, unless `clearResults`, which sets them to
 * "" as a script does that wants them recomputed (SheetJS then writes `<v></v>`).
 */
export function sheetjs(
  input: Uint8Array,
  sheet: string,
  cells: Record<string, string | number>,
  clearResults = false,
): Uint8Array {
  const wb = XLSX.read(input, { type: "buffer", cellFormula: true });
  const ws = wb.Sheets[sheet];
  for (const [address, v] of Object.entries(cells)) ws[address] = typeof v === "number" ? { t: "n", v } : { t: "s", v };
  if (clearResults)
    for (const key of Object.keys(ws)) {
      const cell = ws[key] as XLSX.CellObject;
      if (!key.startsWith("!") && cell.f) {
        cell.v = "";
        delete cell.w;
      }
    }
  return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
}

/** The workbook with each worksheet part's XML rewritten. */
export async function rewriteSheets(input: Uint8Array, rewrite: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(input);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
    zip.file(name, rewrite(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const columnOf = (ref: string) => [.../^[A-Z]+/.exec(ref)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * `r` left out wherever a writer may leave it out (ECMA-376 §18.3.1.4, §18.3.1.73): on a row that follows the
 * previous one, and on a cell that follows the previous cell of its row (or is in column A).
 */
export function withoutReferences(xml: string): string {
  let previousRow = 0;
  return xml.replace(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g, (_all, attrs: string, end: string, body?: string) => {
    const r = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
    const rowAttrs = r === previousRow + 1 ? attrs.replace(/\sr="\d+"/, "") : attrs;
    previousRow = r;
    if (body === undefined) return `<row${rowAttrs}${end}`;
    let previousCol = 0;
    const cells = body.replace(/<c\b([^>]*?)(\/?>)/g, (_c, cAttrs: string, close: string) => {
      const ref = /\sr="([A-Z]+)\d+"/.exec(cAttrs)?.[1];
      if (!ref) return `<c${cAttrs}${close}`;
      const col = columnOf(ref);
      const out = col === previousCol + 1 ? cAttrs.replace(/\sr="[A-Z]+\d+"/, "") : cAttrs;
      previousCol = col;
      return `<c${out}${close}`;
    });
    return `<row${rowAttrs}>${cells}</row>`;
  });
}

/** Every element of the SpreadsheetML namespace written with the prefix `x:`, as the Open XML SDK can write it. */
export function prefixed(xml: string): string {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return xml
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
    .replace(
      /<(\/?)(?![?!])([A-Za-z]+)([\s/>])/g,
      (_m, slash: string, name: string, after: string) => `<${slash}x:${name}${after}`,
    );
}

/** Shared-string cells written as inline strings (`t="inlineStr"`, `<is><t>…</t></is>`), with Excel's escapes. */
export function inlineStrings(xml: string, shared: readonly string[]): string {
  const escape = (s: string) =>
    s
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\r/g, "_x000D_");
  return xml.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_m, a: string, b: string, i: string) =>
      `<c${a} t="inlineStr"${b}><is><t xml:space="preserve">${escape(shared[Number(i)])}</t></is></c>`,
  );
}

/**
 * The shared strings of a workbook, as its cells index them, `_xHHHH_` decoded (parsed with xmldom, not with the
 * reader under test).
 */
export async function sharedStrings(input: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(input)).file("xl/sharedStrings.xml")?.async("string");
  if (!xml) return [];
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  return Array.from(doc.getElementsByTagName("si")).map((si) =>
    Array.from(si.getElementsByTagName("t"))
      .filter((t) => (t.parentNode as Element | null)?.nodeName !== "rPh")
      .map((t) => t.textContent ?? "")
      .join("")
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}
