/**
 * The file adapter's reader: .xlsx bytes → a grid of cells per sheet (src/layout/read.ts turns it into entries).
 * Formula cells keep their formula and cached result; readers recompute and never trust the result. Reading uses
 * the lean reader (fastRead.ts), not exceljs: totalling 57 returned workbooks is then I/O-bound.
 */
import JSZip from "jszip";
import type { GridSheet } from "../layout";
import { readXlsxFast } from "./fastRead";
import { inspectZip, ZipFormatError } from "./zipGuard";

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** Limits for files that come back by email: a real workbook of 57 units is well under 2 MB unpacked. */
export const READ_LIMITS = { uncompressedBytes: 200 * 1024 * 1024, entries: 10_000, cells: 2_000_000 };

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
  let sheets: GridSheet[];
  try {
    sheets = await readXlsxFast(await JSZip.loadAsync(bytes));
  } catch (err) {
    throw new WorkbookReadError(`无法读取工作簿：文件已损坏或不是 .xlsx（${(err as Error).message}）`);
  }
  for (const sheet of sheets) {
    const count = sheet.cells.reduce((n, r) => n + r.length, 0);
    if (count > READ_LIMITS.cells) throw new WorkbookReadError(`工作表「${sheet.name}」过大（超过 ${READ_LIMITS.cells} 个单元格），未读取`);
  }
  return sheets;
}
