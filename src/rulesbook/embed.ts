/**
 * The rules a workbook was made from, carried inside it: a very hidden, protected sheet holding the rules file's
 * JSON in column A, in pieces under Excel's 32,767 characters per cell. Both adapters write it as any sheet of a plan
 * and read it as any grid, so the pane reopening the workbook, `scorecard total` and the next session all use the
 * rules the sheets were made from. A sheet, rather than a custom XML part: exceljs cannot write custom XML parts, and
 * Office.js reads cells in the same round trip as the score sheets.
 *
 * Each piece starts with a fixed letter prefix: a piece of JSON may start with "-", "=" or a digit, which Excel
 * would read as a number or a formula when written through `formulas`, and a leading apostrophe would be dropped
 * (OfficeDev/office-js #6687). The sheet's name holds a hash of the rules' id and version, so a workbook may carry
 * the rules of an older generation beside the current ones.
 */
// Imported file by file: src/layout/workbook.ts adds this sheet to every workbook plan.
import { metaCells, readMeta } from "../layout/meta";
import { PAGE_MARGINS } from "../layout/fit";
import type { SheetPlan } from "../layout/plan";
import type { GridSheet } from "../layout/grid";
import type { RulesFile } from "../rubric";

/** Well under 32,767, the most characters Excel keeps in a cell. */
export const EMBED_PIECE = 30_000;
export const EMBED_PREFIX = "r|";
/** Row 2 says how many pieces follow (a truncated copy is refused, not half read). */
const COUNT_ROW = 2;
const FIRST_PIECE_ROW = 3;

/** FNV-1a, 32 bits: a short stable name for the rules' id and version. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

export const embeddedSheetName = (id: string, version: string) => `规则数据_${hash(`${id}\n${version}`)}`;

export function embeddedRulesSheet(rules: RulesFile): SheetPlan {
  const json = JSON.stringify(rules);
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += EMBED_PIECE) pieces.push(json.slice(i, i + EMBED_PIECE));
  const textCell = { numberFormat: "@" };
  return {
    name: embeddedSheetName(rules.id, rules.version),
    meta: { role: "rules", rulesId: rules.id, rulesVersion: rules.version },
    columnWidths: {},
    cells: [
      ...metaCells({ role: "rules", rulesId: rules.id, rulesVersion: rules.version }),
      { row: COUNT_ROW, col: 1, value: `${EMBED_PREFIX}${pieces.length}`, style: textCell },
      {
        row: COUNT_ROW,
        col: 2,
        value: "本表保存生成本工作簿所用的考核规则，由考核打分助手和 scorecard 命令行读取，请勿修改。",
      },
      ...pieces.map((p, i) => ({ row: FIRST_PIECE_ROW + i, col: 1, value: `${EMBED_PREFIX}${p}`, style: textCell })),
    ],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    hiddenRows: [],
    protect: true,
    rowHeights: {},
    print: { orientation: "portrait", paper: "A4", scale: 100, breaksAfter: [], margins: PAGE_MARGINS },
    veryHidden: true,
  };
}

export interface EmbeddedRules {
  readonly sheet: string;
  readonly rulesId: string;
  readonly rulesVersion: string;
  /** The rules file's JSON, unchecked; undefined when the copy is damaged (then `problem` says so). */
  readonly json?: unknown;
  /** The JSON text as carried: the same text as the rules in use means the same rules, without parsing. */
  readonly text?: string;
  readonly problem?: string;
}

/** A piece's cell as it holds it, prefix and all. */
const pieceCell = (sheet: GridSheet, row: number): string | undefined => {
  const cell = sheet.cells[row - 1]?.[0];
  const v = cell !== null && typeof cell === "object" ? cell.result : cell;
  return typeof v === "string" && v.startsWith(EMBED_PREFIX) ? v : undefined;
};
const piece = (sheet: GridSheet, row: number) => pieceCell(sheet, row)?.slice(EMBED_PREFIX.length);

/**
 * The copy read last, by its cells: 57 returned workbooks carry one and the same copy, 130,000 characters of JSON
 * each, and joining and parsing it again for every workbook took longer than reading the cells. The same cells
 * give the same text and JSON (their readers only read them); the command line's reader even gives the same
 * strings for the same bytes, so the comparison is one of identity.
 */
let lastParsed: { readonly cells: readonly string[]; readonly text: string; readonly json: unknown } | undefined;
const sameCells = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Every copy of rules a workbook carries. */
export function readEmbeddedRules(sheets: readonly GridSheet[]): EmbeddedRules[] {
  const out: EmbeddedRules[] = [];
  for (const sheet of sheets) {
    const meta = readMeta(sheet.cells[0]);
    if (meta?.role !== "rules") continue;
    const base = { sheet: sheet.name, rulesId: meta.rulesId, rulesVersion: meta.rulesVersion };
    const damaged = {
      ...base,
      problem: `工作簿中保存的考核规则（${meta.rulesId} ${meta.rulesVersion}，工作表「${sheet.name}」）已损坏，无法读取`,
    };
    const count = Number(piece(sheet, COUNT_ROW));
    const cells: string[] = [];
    for (let i = 0; i < count; i++) {
      const p = pieceCell(sheet, FIRST_PIECE_ROW + i);
      if (p === undefined) break;
      cells.push(p);
    }
    if (!Number.isInteger(count) || count < 1 || cells.length !== count) {
      out.push(damaged);
      continue;
    }
    try {
      if (!lastParsed || !sameCells(lastParsed.cells, cells)) {
        const text = cells.map((c) => c.slice(EMBED_PREFIX.length)).join("");
        lastParsed = { cells, text, json: JSON.parse(text) };
      }
      out.push({ ...base, json: lastParsed.json, text: lastParsed.text });
    } catch {
      out.push(damaged);
    }
  }
  return out;
}

/**
 * The rules a workbook's sheets were made from: the copy whose id and version most of its generated sheets carry
 * (a workbook generated once holds one copy). Undefined when it holds none.
 */
export function workbookRules(sheets: readonly GridSheet[]): EmbeddedRules | undefined {
  const copies = readEmbeddedRules(sheets);
  if (copies.length <= 1) return copies[0];
  const votes = new Map<string, number>();
  for (const sheet of sheets) {
    const meta = readMeta(sheet.cells[0]);
    if (!meta || meta.role === "rules") continue;
    const key = `${meta.rulesId}\n${meta.rulesVersion}`;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const score = (c: EmbeddedRules) => votes.get(`${c.rulesId}\n${c.rulesVersion}`) ?? 0;
  return [...copies].sort((a, b) => score(b) - score(a))[0];
}
