/**
 * The file adapter's reader: .xlsx bytes → a grid of cells per sheet (src/layout/read.ts turns it into entries).
 * Formula cells keep their formula and cached result; readers recompute and never trust the result. Reading uses
 * a lean scanner, not exceljs, over parts unpacked by JSZip (./read, browser-capable) or by node:zlib on the
 * command line (./nodeRead): totalling 57 returned workbooks is then I/O-bound.
 *
 * A returned "workbook" may be anything: every way a file can fail to be one meets a message in plain Chinese that
 * names the file (when its name is given) and says what to do. This module holds those checks and messages and
 * imports no unpacker, so that the command line never loads JSZip.
 */
import type { GridSheet } from "../layout";
import { UnpackError, type ReadBudget } from "./fastRead";
import { ScanError } from "./scan";
import { inspectZip, ZipFormatError, type ZipSummary } from "./zipGuard";

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/**
 * Limits for files that come back by email: a real workbook of 57 units is well under 1 MB as a file and 2 MB
 * unpacked, with some 30 000 cells on its largest sheet.
 */
export const READ_LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  entries: 10_000,
  cells: 2_000_000,
};

/** The signature of a compound file (OLE2): old .xls files, and workbooks encrypted with a password to open. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes hold a stream name, as a compound file's directory writes it (UTF-16LE). */
function holdsStreamName(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[2 * i] = name.charCodeAt(i);
  outer: for (
    let i = bytes.indexOf(pattern[0]);
    i >= 0 && i + pattern.length <= bytes.length;
    i = bytes.indexOf(pattern[0], i + 1)
  ) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const RESAVE = "请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后重新发送";

/** Unpacks a zip whose directory was checked and hands its parts to the scanner, within the budget. */
export type Unpacker = (bytes: Uint8Array, zip: ZipSummary, budget: ReadBudget) => Promise<GridSheet[]>;

/**
 * The sheets of an .xlsx file, its parts unpacked by `unpack`. `name` (the file's name) goes into the messages; the
 * add-in and the command line both pass it.
 */
export async function readXlsxWith(
  data: Uint8Array | ArrayBuffer,
  name: string | undefined,
  unpack: Unpacker,
): Promise<GridSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const it = name ? `「${name}」` : "文件";
  const fail = (message: string) => new WorkbookReadError(message);
  if (bytes.length === 0)
    throw fail(`${it}是空的（0 字节），不是 Excel 工作簿（.xlsx），可能在保存或发送时出了问题。请重新发送`);
  if (bytes.length > READ_LIMITS.fileBytes) throw fail(`${it}过大（${MB(bytes.length)}），不像考核工作簿，未读取`);
  if (bytes.length >= OLE2.length && OLE2.every((b, i) => bytes[i] === b)) {
    if (holdsStreamName(bytes, "EncryptedPackage")) {
      throw fail(
        `${it}设置了打开密码（已加密），无法读取。请在 Excel 中打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码，保存为 .xlsx 后重新发送`,
      );
    }
    throw fail(`${it}是旧版 Excel 文件（.xls），或是已加密的工作簿，无法读取。${RESAVE}（如设有打开密码，请先清除）`);
  }
  let summary;
  try {
    summary = inspectZip(bytes);
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    if (err.problem === "notZip")
      throw fail(`${it}不是有效的 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件。${RESAVE}`);
    if (err.problem === "truncated")
      throw fail(`${it}不完整（只有开头部分，可能下载或复制时中断），无法读取。请重新发送完整的文件`);
    throw fail(`${it}已损坏，无法读取。${RESAVE}`);
  }
  if (summary.uncompressedBytes > READ_LIMITS.uncompressedBytes || summary.entries > READ_LIMITS.entries) {
    throw fail(
      `${it}解压后过大（${MB(summary.uncompressedBytes)}，${summary.entries} 个部件），不像考核工作簿，未读取`,
    );
  }
  if (!summary.names.includes("xl/workbook.xml")) {
    throw fail(`${it}是一个压缩包，不是 Excel 工作簿（.xlsx）：里面没有工作簿内容。请发送考核打分表的 .xlsx 文件`);
  }
  try {
    return await unpack(bytes, summary, {
      bytes: READ_LIMITS.uncompressedBytes,
      cells: READ_LIMITS.cells,
      sizes: summary.sizes,
    });
  } catch (err) {
    if (err instanceof UnpackError || err instanceof ScanError) {
      switch (err.problem) {
        case "cells":
          throw fail(`${it}的工作表「${err.sheet}」过大（超过 ${READ_LIMITS.cells} 个单元格），不像考核打分表，未读取`);
        case "sheetMissing":
          throw fail(`${it}已损坏：工作表「${err.sheet}」的内容缺失，无法读取。${RESAVE}`);
        case "bytes":
          throw fail(`${it}解压后过大（超过 ${MB(READ_LIMITS.uncompressedBytes)}），不像考核工作簿，未读取`);
        case "mismatch":
          throw fail(`${it}已损坏：其中的内容与文件目录记录的大小不符，未读取。${RESAVE}`);
      }
    }
    throw fail(`${it}已损坏，无法读取。${RESAVE}`);
  }
}
