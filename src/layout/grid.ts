/**
 * A plan laid out as a grid of cells, as a spreadsheet would hold it right after writing (formulas not yet
 * computed). The Excel adapter writes tables as whole arrays from it, and tests use it as a workbook stand-in.
 */
import { isFormula, type SheetPlan } from "./plan";
import type { GridCell, GridSheet } from "./read";

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
  return { name: sheet.name, cells };
}

/** A copy of a grid with some cells set (A1 address → value), as if a person had typed them. */
export function withEntries(sheet: GridSheet, entries: Readonly<Record<string, GridCell>>): GridSheet {
  const cells = sheet.cells.map((r) => [...r]);
  for (const [address, value] of Object.entries(entries)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`bad address ${address}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    while (cells.length < row) cells.push([]);
    while (cells[row - 1].length < col) cells[row - 1].push(null);
    cells[row - 1][col - 1] = value;
  }
  return { ...sheet, cells };
}
