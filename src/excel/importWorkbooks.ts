/**
 * 导入回收的工作簿: the workbooks units send back by email are brought into the open workbook, unit sheets only.
 * First a preview: each file is read (in the pane, not in Excel), files made from other rules or that cannot be read
 * are reported, and units already present are marked as conflicts. Then, with the user's answer about conflicts,
 * the sheets go in with insertWorksheetsFromBase64 (ExcelApi 1.13) in one round trip. Nothing is replaced without
 * that answer.
 */
import { readWorkbook, UNREAD_SHEET_CODES } from "../layout";
import type { Rubric } from "../rubric";
import { compareCarriedRules } from "../rulesbook/source";
import { whileWriting } from "./check";
import { rememberSheets } from "./inventory";
import { readAllSheets } from "./readSheets";
import { ExcelAdapterError } from "./render";
import { countedRun } from "./run";

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

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function previewImport(rubric: Rubric, files: readonly IncomingFile[]): Promise<ImportPreview> {
  const supported = Office.context.requirements.isSetSupported("ExcelApi", "1.13");
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
    contents.set(file.name, toBase64(file.bytes));
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
  const present = await countedRun(counter, (context, sync) => readAllSheets(context, sync, true));
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
  let syncs = 0;
  if (chosen.length === 0) return { inserted, replaced, skipped, syncs };
  try {
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      for (const s of chosen) {
        if (s.conflict && s.existing) {
          worksheets.getItem(s.existing).delete();
          replaced.push(s.unit);
        }
      }
      const byFile = new Map<string, string[]>();
      for (const s of chosen) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.sheet]);
      for (const [file, names] of byFile) {
        context.workbook.insertWorksheetsFromBase64(preview.contents.get(file)!, {
          sheetNamesToInsert: names,
          positionType: Excel.WorksheetPositionType.end,
        });
        inserted.push(...names);
      }
      await whileWriting(async () => {
        syncs++;
        await context.sync();
      });
      rememberSheets([
        ...worksheets.items.map((w) => w.name).filter((n) => !chosen.some((s) => s.existing === n)),
        ...inserted,
      ]);
    });
  } catch (err) {
    throw new ExcelAdapterError(`导入失败：${(err as Error).message}`, err);
  }
  return { inserted, replaced, skipped, syncs };
}
