import ExcelJS from "exceljs";

/**
 * Drops every formula's cached result from a sheet edited with exceljs. A program that calculates (Excel, WPS,
 * LibreOffice) saves new results along with the entries; exceljs keeps the generated file's, which no longer fit
 * the entries and which the tamper check would rightly report. Saved without any, as a script (openpyxl) would.
 */
export function dropCachedResults(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    }),
  );
}
