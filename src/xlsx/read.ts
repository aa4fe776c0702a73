/**
 * The file adapter's reader: .xlsx bytes → a grid of cells per sheet (src/layout/read.ts turns it into entries).
 * Formula cells keep their formula and cached result; readers recompute and never trust the result.
 */
import ExcelJS from "exceljs";
import type { GridCell, GridSheet } from "../layout";
import { inspectZip, ZipFormatError } from "./zipGuard";

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** Limits for files that come back by email: a real workbook of 57 units is well under 2 MB unpacked. */
export const READ_LIMITS = { uncompressedBytes: 200 * 1024 * 1024, entries: 10_000, cells: 2_000_000 };

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

export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<GridSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new WorkbookReadError("文件是空的，不是 Excel 工作簿（.xlsx）");
  let summary;
  try {
    summary = inspectZip(bytes);
  } catch (err) {
    if (err instanceof ZipFormatError) {
      throw new WorkbookReadError(`不是有效的 Excel 工作簿（.xlsx）文件，或文件已损坏（${err.message}）。请用 Excel 另存为 .xlsx 后重试`);
    }
    throw err;
  }
  if (summary.uncompressedBytes > READ_LIMITS.uncompressedBytes || summary.entries > READ_LIMITS.entries) {
    throw new WorkbookReadError(
      `文件解压后过大（${Math.round(summary.uncompressedBytes / 1024 / 1024)} MB，${summary.entries} 个部件），不像考核工作簿，未读取`,
    );
  }
  if (!summary.names.includes("xl/workbook.xml")) throw new WorkbookReadError("不是有效的 Excel 工作簿（.xlsx）文件：缺少工作簿内容");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (err) {
    throw new WorkbookReadError(`无法读取工作簿：文件已损坏或不是 .xlsx（${(err as Error).message}）`);
  }
  const sheets: GridSheet[] = [];
  let cellCount = 0;
  workbook.eachSheet((ws) => {
    const cells: GridCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (out.length < col - 1) out.push(null);
        // exceljs repeats a merged cell's value in every cell of the merge; only the top-left one holds it.
        out[col - 1] = cell.isMerged && cell.master !== cell ? null : literal(cell.value);
        cellCount++;
      });
      while (cells.length < rowNumber - 1) cells.push([]);
      cells[rowNumber - 1] = out;
    });
    if (cellCount > READ_LIMITS.cells) throw new WorkbookReadError(`工作表「${ws.name}」过大（超过 ${READ_LIMITS.cells} 个单元格），未读取`);
    sheets.push({ name: ws.name, hidden: ws.state !== "visible", cells });
  });
  return sheets;
}
