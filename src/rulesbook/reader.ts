/** The reader's tools: where each field of the rules came from, the problems of the workbook's shape, cell values. */
import type { GridCell, GridSheet } from "../layout";
import type { PartKey } from "../rubric";
import { plain, readBlocks, type ReadBlock, type ReadRow } from "./blocks";
import * as L from "./labels";

export interface BookLocation {
  readonly sheet: string;
  /** The row; absent for a field whose row is missing (then `block` says where it belongs). */
  readonly row?: number;
  readonly block?: string;
  /** The column's header, e.g. "分值". */
  readonly column?: string;
  readonly cell?: string;
}

export interface BookProblem {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly at: BookLocation;
  readonly message: string;
}

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join(".");

export type Json = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** A text field: a number a spreadsheet made of typed text ("2023.1") goes back to text; blank is absent. */
export function str(cell: GridCell | undefined): string | undefined {
  const v = plain(cell);
  if (v === null) return undefined;
  const s = String(v);
  return s.trim() === "" ? undefined : s;
}

/** A number field: a number, or text holding one ("3" typed into a text cell); anything else as typed. */
export function num(cell: GridCell | undefined): unknown {
  const v = plain(cell);
  if (v === null || (typeof v === "string" && v.trim() === "")) return undefined;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return v;
}

export class Reader {
  readonly at = new Map<string, BookLocation>();
  readonly problems: BookProblem[] = [];

  error(at: BookLocation, code: string, message: string) {
    this.problems.push({ severity: "error", code, at, message });
  }

  /** The block of a sheet, its required columns checked; undefined (and said) when missing. */
  block(sheets: ReadonlyMap<string, GridSheet>, sheet: string, title: string, headers: readonly string[]) {
    const grid = sheets.get(sheet);
    if (!grid) return undefined;
    const block = readBlocks(grid).get(title);
    if (!block) {
      this.error({ sheet }, "book.blockMissing", `缺少「${L.blockTitle(title)}」表（A 列的标题被改动或删除）`);
      return undefined;
    }
    const missing = headers.filter((h) => !block.columns.has(h));
    if (missing.length > 0) {
      this.error(
        { sheet, row: block.header },
        "book.columnMissing",
        `「${title}」表缺少列：${missing.join("、")}（表头被改动或删除）`,
      );
      return undefined;
    }
    return block;
  }

  /** Records where a field is and returns the cell. */
  field(block: ReadBlock, row: ReadRow, header: string, path: Path): GridCell | undefined {
    const col = block.columns.get(header);
    this.at.set(pathKey(path), { sheet: block.sheet, row: row.row, column: header });
    return col === undefined ? undefined : row.cells[col - 1];
  }

  /** Records where a whole object (a row) or list (a block) is. */
  place(path: Path, at: BookLocation) {
    if (!this.at.has(pathKey(path))) this.at.set(pathKey(path), at);
  }
}

export const PART_PATH: Record<PartKey, Path> = {
  county: ["county"],
  common: ["member", "common"],
  individual: ["member", "individual"],
};
