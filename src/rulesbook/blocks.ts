/**
 * Blocks: how the rules workbook lays out its tables, and how the reader finds them again. A block is its title in
 * column A ("【等次】"), its header row right below, and its rows down to the next title. Columns are found by
 * their header text, rows by what they hold: a person may insert, delete, sort rows and move columns.
 */
import { cellRef, type GridCell, type GridSheet } from "../layout";
import type {
  CellContent,
  CellStyle,
  PlacedCell,
  PrintPlan,
  TablePlan,
  ValidationPlan,
  ValidationRule,
} from "../layout";
import { landscapePrint } from "../layout/fit";
import { BLOCK_TITLE, blockTitle } from "./labels";

export interface BlockColumn {
  readonly header: string;
  readonly style: CellStyle;
  /** Validation of the column's cells (the rows written and some room below for new rows). */
  readonly rule?: ValidationRule;
  readonly prompt?: string;
}

export interface BlockSpec {
  readonly title: string;
  /** ASCII, unique in the workbook. */
  readonly table: string;
  readonly columns: readonly BlockColumn[];
  readonly rows: readonly (readonly CellContent[])[];
  /** Rows below the written ones that get the columns' validation, for rows a person adds. */
  readonly room?: number;
}

export interface PlacedBlocks {
  readonly cells: PlacedCell[];
  readonly tables: TablePlan[];
  readonly validations: ValidationPlan[];
  /** The header row of each block, by title. */
  readonly headers: Record<string, number>;
  readonly next: number;
}

export const TITLE_STYLE: CellStyle = { bold: true, size: 12 };

/** Places blocks one under the other from `top`, a blank row between them. */
export function placeBlocks(blocks: readonly BlockSpec[], top: number): PlacedBlocks {
  const out: PlacedBlocks = { cells: [], tables: [], validations: [], headers: {}, next: top };
  let row = top;
  for (const block of blocks) {
    out.cells.push({ row, col: 1, value: blockTitle(block.title), style: TITLE_STYLE });
    const header = row + 1;
    out.headers[block.title] = header;
    // An Excel table holds at least one row: an empty block gets a blank one to type into.
    const rows = block.rows.length > 0 ? block.rows : [block.columns.map(() => null)];
    out.tables.push({
      name: block.table,
      top: header,
      left: 1,
      columns: block.columns.map((c) => ({ name: c.header, width: 0, style: c.style })),
      rows,
    });
    const last = header + rows.length + (block.room ?? 0);
    block.columns.forEach((c, j) => {
      if (!c.rule) return;
      out.validations.push({
        range: { top: header + 1, left: j + 1, bottom: last, right: j + 1 },
        rule: c.rule,
        allowBlank: true,
        errorTitle: c.header,
        errorMessage:
          c.rule.kind === "list"
            ? `请从列表中选择：${c.rule.values.join("、")}`
            : "请填写不小于 0 的数字，最多一位小数",
        prompt: c.prompt,
      });
    });
    row = header + rows.length + 2;
  }
  return { ...out, next: row };
}

/** A block as read: its header row, the column of each header, and its non-blank rows. */
export interface ReadBlock {
  readonly sheet: string;
  readonly title: string;
  readonly header: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly ReadRow[];
}

export interface ReadRow {
  /** 1-based, as Excel numbers it. */
  readonly row: number;
  readonly cells: readonly GridCell[];
}

/** A cell as the reader takes it: a formula's result (a person may compute a figure), otherwise the literal. */
export function plain(cell: GridCell | undefined): string | number | boolean | null {
  if (cell === undefined) return null;
  if (cell !== null && typeof cell === "object") return cell.result;
  return cell;
}

export const cellText = (cell: GridCell | undefined): string => {
  const v = plain(cell);
  return v === null ? "" : String(v);
};

/** Every block of a sheet, by title. */
export function readBlocks(sheet: GridSheet): Map<string, ReadBlock> {
  const titles: { title: string; row: number }[] = [];
  sheet.cells.forEach((cells, i) => {
    const m = BLOCK_TITLE.exec(cellText(cells[0]).trim());
    if (m) titles.push({ title: m[1].trim(), row: i + 1 });
  });
  const blocks = new Map<string, ReadBlock>();
  titles.forEach(({ title, row }, t) => {
    const end = titles[t + 1]?.row ?? sheet.cells.length + 1;
    let header = row + 1;
    while (header < end && isBlank(sheet.cells[header - 1])) header++;
    const columns = new Map<string, number>();
    (sheet.cells[header - 1] ?? []).forEach((c, j) => {
      const name = cellText(c).trim();
      if (name && !columns.has(name)) columns.set(name, j + 1);
    });
    const rows: ReadRow[] = [];
    for (let r = header + 1; r < end; r++) {
      const cells = sheet.cells[r - 1];
      if (!isBlank(cells)) rows.push({ row: r, cells: cells ?? [] });
    }
    if (!blocks.has(title)) blocks.set(title, { sheet: sheet.name, title, header, columns, rows });
  });
  return blocks;
}

function isBlank(cells: readonly GridCell[] | undefined): boolean {
  return !cells || cells.every((c) => cellText(c).trim() === "");
}

/** The address of a block's cell by header (for messages). */
export function blockCell(block: ReadBlock, row: number, header: string): string | undefined {
  const col = block.columns.get(header);
  return col === undefined ? undefined : cellRef(row, col);
}

/** How a sheet of the rules workbook prints: A4 landscape, numbered pages; fitSheet sets the scale and breaks. */
export const bookPrint = (titleRows?: PrintPlan["titleRows"]): PrintPlan => ({
  ...landscapePrint(undefined),
  titleRows,
});
