/** The grid as exceljs reads it: the reference the lean reader is compared with. */
import ExcelJS from "exceljs";
import type { GridCell, GridSheet } from "../../src/layout";

function literal(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return String(value.error);
    if ("hyperlink" in value && "text" in value) return literal(value.text as ExcelJS.CellValue);
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as ExcelJS.CellFormulaValue;
      const result = v.result as ExcelJS.CellValue;
      return { formula: `=${v.formula ?? ""}`, result: literal(result ?? null) as Exclude<GridCell, object> };
    }
  }
  return String(value);
}

export async function exceljsGrid(bytes: Uint8Array): Promise<GridSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheets: GridSheet[] = [];
  workbook.eachSheet((ws) => {
    const cells: GridCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (out.length < col - 1) out.push(null);
        out[col - 1] = cell.isMerged && cell.master !== cell ? null : literal(cell.value);
      });
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      while (cells.length < rowNumber - 1) cells.push([]);
      cells[rowNumber - 1] = out;
    });
    sheets.push({ name: ws.name, hidden: ws.state !== "visible", cells });
  });
  return sheets;
}
