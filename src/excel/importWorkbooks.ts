/**
 * 导入回收的工作簿: the workbooks units send back by email are brought into the open workbook, unit sheets only.
 * First a preview: each file is read (in the pane, not in Excel), files made from other rules or that cannot be read
 * are reported, and units already present are marked as conflicts. Then, with the user's answer about conflicts,
 * the sheets go in with insertWorksheetsFromBase64 (ExcelApi 1.13), one file per request (each file's base64 is
 * checked against the request budget), and only then are the sheets they replace deleted and the new ones given
 * their names: a failure on the way leaves every old sheet where it was. Nothing is replaced without that answer.
 */
import { readWorkbook, UNREAD_SHEET_CODES } from "../layout";
import type { Rubric } from "../rubric";
import { compareCarriedRules } from "../rulesbook/source";
import { capabilities } from "./capabilities";
import { adapterError, ExcelAdapterError } from "./errors";
import { readAllSheets } from "./readSheets";
import { REQUEST_BUDGET } from "./render";
import { newSession, ownWrites, run, toBase64, type Session } from "./session";

export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportSheet {
  readonly file: string;
  readonly sheet: string;
  readonly unit: string;
  /** The open workbook has this unit's sheet already (named `existing`). */
  readonly conflict: boolean;
  readonly existing?: string;
}

export interface ImportPreview {
  readonly sheets: readonly ImportSheet[];
  /** Files or sheets that will not be imported, and why. */
  readonly problems: readonly { file: string; message: string }[];
  /** This Excel can insert sheets from a file (ExcelApi 1.13). */
  readonly supported: boolean;
  readonly message?: string;
  /** The files' contents, base64, by file name. */
  readonly contents: ReadonlyMap<string, string>;
  readonly syncs: number;
}

export interface ImportReport {
  readonly inserted: string[];
  readonly replaced: string[];
  readonly skipped: { sheet: string; reason: string }[];
  readonly syncs: number;
}

export const IMPORT_UNSUPPORTED =
  "此版本的 Excel 不支持导入工作表（需要 ExcelApi 1.13，如 Microsoft 365 或网页版 Excel）。可用命令行汇总回收的文件：scorecard total 文件1.xlsx 文件2.xlsx --out 汇总.xlsx";

export async function previewImport(
  rubric: Rubric,
  files: readonly IncomingFile[],
  session: Session = newSession(),
): Promise<ImportPreview> {
  const supported = capabilities.insertWorksheets();
  // The reader (JSZip) is loaded only when someone imports.
  const { readXlsx } = await import("../xlsx/read");
  const problems: { file: string; message: string }[] = [];
  const incoming: { file: string; sheet: string; unit: string }[] = [];
  const contents = new Map<string, string>();
  for (const file of files) {
    let read;
    try {
      read = readWorkbook(rubric, await readXlsx(file.bytes, file.name));
    } catch (err) {
      problems.push({ file: file.name, message: (err as Error).message });
      continue;
    }
    // Other rules than the ones in use: what differs, before the sheets that say so one by one.
    const mismatch = compareCarriedRules(rubric.rules, read.carriedRules, file.name);
    if (mismatch) problems.push({ file: file.name, message: mismatch.message });
    for (const p of read.problems.filter(
      (p) => UNREAD_SHEET_CODES.has(p.code) || p.code === "sheet.duplicateUnit" || p.code === "sheet.unknownUnit",
    )) {
      problems.push({ file: file.name, message: p.message });
    }
    if (read.units.length === 0) {
      if (!read.problems.some((p) => UNREAD_SHEET_CODES.has(p.code)))
        problems.push({ file: file.name, message: "文件中没有考核打分助手生成的打分表，未导入" });
      continue;
    }
    for (const u of read.units) {
      const before = incoming.find((x) => x.unit === u.entries.unit);
      if (before) {
        problems.push({ file: file.name, message: `「${u.entries.unit}」也在 ${before.file} 中，只导入前者` });
        continue;
      }
      incoming.push({ file: file.name, sheet: u.sheet, unit: u.entries.unit });
    }
    const base64 = toBase64(file.bytes);
    if (base64.length > REQUEST_BUDGET) {
      problems.push({
        file: file.name,
        message: "文件过大（超过 Excel 网页版单次请求的限度），未导入；请用命令行汇总",
      });
      incoming.splice(incoming.length - read.units.length);
      continue;
    }
    contents.set(file.name, base64);
  }
  if (!supported)
    return {
      sheets: incoming.map((s) => ({ ...s, conflict: false })),
      problems,
      supported,
      message: IMPORT_UNSUPPORTED,
      contents,
      syncs: 0,
    };
  const counter = { syncs: 0 };
  const present = await run(counter, (context, sync) => readAllSheets(context, sync, session, true));
  const sheets = incoming.map((s): ImportSheet => {
    const existing = present.sheets.find((p) => p.meta?.role === "unit" && p.meta.unit === s.unit);
    return existing ? { ...s, conflict: true, existing: existing.name } : { ...s, conflict: false };
  });
  return { sheets, problems, supported, contents, syncs: counter.syncs };
}

/**
 * Inserts the previewed sheets. Conflicting units are replaced only when `replace` is true (the user said so);
 * otherwise they are skipped and listed.
 */
export async function applyImport(preview: ImportPreview, options: { replace: boolean }): Promise<ImportReport> {
  if (!preview.supported) throw new ExcelAdapterError(IMPORT_UNSUPPORTED);
  const skipped: ImportReport["skipped"] = [];
  const chosen = preview.sheets.filter((s) => {
    if (s.conflict && !options.replace)
      skipped.push({
        sheet: s.sheet,
        reason: `「${s.unit}」已有打分表「${s.existing}」，按您的选择保留原表，未导入 ${s.file} 中的这一张`,
      });
    return !s.conflict || options.replace;
  });
  const inserted: string[] = [];
  const replaced: string[] = [];
  const counter = { syncs: 0 };
  if (chosen.length === 0) return { inserted, replaced, skipped, syncs: 0 };
  try {
    await run(counter, async (context, sync) => {
      const worksheets = context.workbook.worksheets;
      const byFile = new Map<string, ImportSheet[]>();
      for (const s of chosen) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
      // First every new sheet goes in (Excel names a clash "石楼县 (2)"): nothing old is touched yet.
      const ids: { sheet: ImportSheet; id: string }[] = [];
      for (const [file, group] of byFile) {
        let result: OfficeExtension.ClientResult<string[]> | undefined;
        await ownWrites(context, sync, () => {
          result = context.workbook.insertWorksheetsFromBase64(preview.contents.get(file)!, {
            sheetNamesToInsert: group.map((s) => s.sheet),
            positionType: Excel.WorksheetPositionType.end,
          });
        });
        group.forEach((sheet, i) => ids.push({ sheet, id: result!.value[i] }));
      }
      // Then the sheets they replace go, and the new ones take their names.
      if (ids.some((x) => x.sheet.conflict))
        await ownWrites(context, sync, () => {
          for (const { sheet } of ids)
            if (sheet.conflict && sheet.existing) worksheets.getItem(sheet.existing).delete();
          for (const { sheet, id } of ids) if (sheet.conflict) worksheets.getItem(id).name = sheet.sheet;
        });
      for (const { sheet } of ids) {
        inserted.push(sheet.sheet);
        if (sheet.conflict) replaced.push(sheet.unit);
      }
    });
  } catch (err) {
    throw adapterError("导入失败", err);
  }
  return { inserted, replaced, skipped, syncs: counter.syncs };
}
