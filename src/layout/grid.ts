/**
 * The grid: a sheet as a spreadsheet holds it, cells[row - 1][col - 1], each a literal or a formula with its cached
 * result. Both readers (the Office.js adapter and the file reader) hand sheets over in this form, and the layout
 * reads entries from it. A plan can be laid out as a grid too, as a sheet looks right after it is written (formulas
 * not yet computed): 修复本表 compares the rebuilt sheet with the damaged one this way, 导出本单位工作簿 finds the
 * cells of a fresh sheet, and tests use it as a workbook stand-in.
 */
import { parseCellRef } from "./a1";
import { isFormula, type Literal, type SheetPlan } from "./plan";

/** A cell as read from a workbook: a literal, or a formula with its cached result. */
export type GridCell = Literal | { readonly formula: string; readonly result: Literal };

export interface GridSheet {
  readonly name: string;
  readonly hidden?: boolean;
  /** cells[row - 1][col - 1] */
  readonly cells: readonly (readonly GridCell[])[];
}

export function planToGrid(sheet: SheetPlan): GridSheet {
  const cells: GridCell[][] = [];
  const put = (row: number, col: number, value: GridCell) => {
    while (cells.length < row) cells.push([]);
    const r = cells[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = value;
  };
  for (const c of sheet.cells)
    put(c.row, c.col, isFormula(c.value) ? { formula: c.value.formula, result: null } : c.value);
  for (const t of sheet.tables) {
    t.columns.forEach((col, j) => put(t.top, t.left + j, col.name));
    t.rows.forEach((row, i) =>
      row.forEach((v, j) => put(t.top + 1 + i, t.left + j, isFormula(v) ? { formula: v.formula, result: null } : v)),
    );
  }
  return { name: sheet.name, hidden: sheet.hidden, cells };
}

/** A copy of a grid with some cells set (A1 address → value), as if a person had typed them. */
export function withEntries(sheet: GridSheet, entries: Readonly<Record<string, GridCell>>): GridSheet {
  const cells = sheet.cells.map((r) => [...r]);
  for (const [address, value] of Object.entries(entries)) {
    const at = parseCellRef(address);
    if (!at) throw new Error(`bad address ${address}`);
    const { row, col } = at;
    while (cells.length < row) cells.push([]);
    while (cells[row - 1].length < col) cells[row - 1].push(null);
    cells[row - 1][col - 1] = value;
  }
  return { ...sheet, cells };
}
