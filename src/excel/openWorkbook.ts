/**
 * A workbook made by the add-in (a unit's or a party's, to send by email) opened in Excel as a new workbook where
 * Excel can (Excel.createWorkbook, ExcelApi 1.8); where it cannot, or fails, the pane's download link is the way.
 */
import { capabilities } from "./capabilities";
import { describe } from "./errors";
import { toBase64 } from "./session";

/** Whether Excel opened it; a failure is said in `notices`, never thrown (the file is still there to download). */
export async function openAsNewWorkbook(bytes: Uint8Array, notices: string[]): Promise<boolean> {
  if (!capabilities.createWorkbook()) return false;
  try {
    await Excel.createWorkbook(toBase64(bytes));
    return true;
  } catch (err) {
    notices.push(`Excel 未能直接打开新工作簿（${describe(err)}），请使用下载链接保存文件。`);
    return false;
  }
}
