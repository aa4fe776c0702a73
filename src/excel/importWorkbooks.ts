/**
 * 导入回收的工作簿: the workbooks the parties send back by email are merged into the open workbook cell by cell,
 * through the same merge as totalling (src/totalling/importMerge.ts). First a preview: each file is read (in the
 * pane, not in Excel), files made from other rules or that cannot be read are reported, the open workbook's unit
 * and 附件 sheets are read, and the merge says which sheets come in whole, which cells are filled in, and which
 * cells disagree with what the open workbook (or another file) holds — those are shown and never written. Then the
 * missing sheets go in with insertWorksheetsFromBase64 (ExcelApi 1.13), one file per request (each file's base64
 * checked against the request budget), and the cells are written in as few requests as keep under it. No sheet is
 * deleted or replaced, and no cell a person typed is overwritten.
 */
import { readWorkbook, UNREAD_SHEET_CODES, type ReadWorkbook } from "../layout";
import type { Rubric } from "../rubric";
import { compareCarriedRules } from "../rulesbook/source";
import { planImport, type CellWrite, type ImportMerge, type LocatedIssue } from "../totalling";
import { capabilities } from "./capabilities";
import { adapterError, ExcelAdapterError } from "./errors";
import { cellWriteBatches, keepsAsTyped, refusedText } from "./importCells";
import { rememberConflicts } from "./importConflicts";
import { readAllSheets } from "./readSheets";
import { REQUEST_BUDGET } from "./render";
import { newSession, ownWrites, run, toBase64, type Session } from "./session";

export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOptions {
  /** The user said so: a party's newer file wins over its older one (by each file's own saved time). */
  readonly newerReplaces?: boolean;
}

export interface ImportPreview {
  /** What the merge decided: sheets to bring in, cells to fill, conflicts, notices. */
  readonly merge: ImportMerge;
  /** Files or sheets that will not be imported, and why. */
  readonly problems: readonly { file: string; message: string }[];
  /** This Excel can insert sheets from a file (ExcelApi 1.13). */
  readonly supported: boolean;
  readonly message?: string;
  /** The files' contents, base64, by file name (only of files a sheet comes in from). */
  readonly contents: ReadonlyMap<string, string>;
  readonly syncs: number;
  /** The pane's memory of this workbook and the open workbook as read: where the import's conflicts are kept. */
  readonly session?: Session;
  readonly open?: ReadWorkbook;
  /** The files as read, by name: what a sheet brought in holds. */
  readonly incoming?: ReadonlyMap<string, ReadWorkbook>;
}

export interface ImportReport {
  /** Sheets brought in whole. */
  readonly inserted: string[];
  /** Cells filled in, into sheets already there or just brought in. */
  readonly filled: number;
  /** Cells left as they are because the open workbook (or another file) holds another value. */
  readonly conflicts: readonly LocatedIssue[];
  readonly syncs: number;
}

export const IMPORT_UNSUPPORTED =
  "此版本的 Excel 不支持导入工作表（需要 ExcelApi 1.13，如 Microsoft 365 或网页版 Excel）。可用命令行汇总回收的文件：scorecard total 文件1.xlsx 文件2.xlsx --out 汇总.xlsx";

const EMPTY: ImportMerge = { inserts: [], merged: [], writes: [], conflicts: [], notices: [] };

export async function previewImport(
  rubric: Rubric,
  files: readonly IncomingFile[],
  session: Session = newSession(),
  options: ImportOptions = {},
): Promise<ImportPreview> {
  const supported = capabilities.insertWorksheets();
  // The reader (JSZip) is loaded only when someone imports.
  const [{ readXlsx }, { savedAt }] = await Promise.all([import("../xlsx/read"), import("../xlsx/savedAt")]);
  const problems: { file: string; message: string }[] = [];
  const incoming: { file: string; read: ReadWorkbook; savedAt?: string; bytes: Uint8Array }[] = [];
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
    ))
      problems.push({ file: file.name, message: p.message });
    if (read.units.length === 0 && read.annexes.length === 0) {
      if (!read.problems.some((p) => UNREAD_SHEET_CODES.has(p.code)))
        problems.push({ file: file.name, message: "文件中没有考核打分助手生成的打分表，未导入" });
      continue;
    }
    if (incoming.some((x) => x.file === file.name)) {
      problems.push({ file: file.name, message: "同名文件已选过一次，这一份未导入" });
      continue;
    }
    incoming.push({ file: file.name, read, savedAt: await savedAt(file.bytes), bytes: file.bytes });
  }
  if (!supported)
    return { merge: EMPTY, problems, supported, message: IMPORT_UNSUPPORTED, contents: new Map(), syncs: 0 };

  const counter = { syncs: 0 };
  const present = await run(counter, (context, sync) => readAllSheets(context, sync, session));
  const open = readWorkbook(rubric, present.grids);
  let merge = planImport(rubric, open, incoming, options);
  // A file too large for one request cannot bring its sheets in: said, and its entries merged where they can be.
  const contents = new Map<string, string>();
  const tooLarge = new Set<string>();
  for (const file of new Set(merge.inserts.map((i) => i.file))) {
    const base64 = toBase64(incoming.find((x) => x.file === file)!.bytes);
    if (base64.length > REQUEST_BUDGET) tooLarge.add(file);
    else contents.set(file, base64);
  }
  for (const file of tooLarge)
    problems.push({ file, message: "文件过大（超过 Excel 网页版单次请求的限度），其中的工作表未导入；请用命令行汇总" });
  if (tooLarge.size > 0) {
    const kept = (w: CellWrite) => !("inserted" in w.target) || !tooLarge.has(w.target.inserted.file);
    merge = {
      ...merge,
      inserts: merge.inserts.filter((i) => !tooLarge.has(i.file)),
      writes: merge.writes.filter(kept),
    };
  }
  // Text that Excel would take for a number, a date or a formula is not written (the sheets are protected, so the
  // cell cannot be formatted as text first): it is named, for a person to type.
  const refused = merge.writes.filter((w) => !keepsAsTyped(w.value));
  if (refused.length > 0)
    merge = {
      ...merge,
      writes: merge.writes.filter((w) => keepsAsTyped(w.value)),
      notices: [...merge.notices, ...refused.map(refusedText)],
    };
  const reads = new Map(incoming.map((x) => [x.file, x.read] as const));
  return { merge, problems, supported, contents, syncs: counter.syncs, session, open, incoming: reads };
}

/** Brings in the previewed sheets and fills in the previewed cells; conflicting cells are left as they are. */
export async function applyImport(preview: ImportPreview): Promise<ImportReport> {
  if (!preview.supported) throw new ExcelAdapterError(IMPORT_UNSUPPORTED);
  const { merge } = preview;
  const counter = { syncs: 0 };
  const inserted: string[] = [];
  if (merge.inserts.length === 0 && merge.writes.length === 0) {
    remember(preview);
    return { inserted, filled: 0, conflicts: merge.conflicts, syncs: 0 };
  }
  try {
    await run(counter, async (context, sync) => {
      const worksheets = context.workbook.worksheets;
      // The sheets the open workbook lacks, one file per request (Excel names a clash "石楼县 (2)").
      const ids = new Map<string, string>();
      const byFile = new Map<string, string[]>();
      for (const i of merge.inserts) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i.sheet]);
      for (const [file, sheets] of byFile) {
        let result: OfficeExtension.ClientResult<string[]> | undefined;
        await ownWrites(context, sync, () => {
          result = context.workbook.insertWorksheetsFromBase64(preview.contents.get(file)!, {
            sheetNamesToInsert: sheets,
            positionType: Excel.WorksheetPositionType.end,
          });
        });
        sheets.forEach((sheet, i) => ids.set(`${file}\u0000${sheet}`, result!.value[i]));
        inserted.push(...sheets);
      }
      // Then every cell, in requests that keep under the budget.
      for (const batch of cellWriteBatches(merge.writes)) {
        await ownWrites(context, sync, () => {
          for (const w of batch) {
            const sheet =
              "inserted" in w.target
                ? worksheets.getItem(ids.get(`${w.target.inserted.file}\u0000${w.target.inserted.sheet}`)!)
                : worksheets.getItem(w.target.sheet);
            sheet.getRange(w.address).values = [[w.value ?? ""]];
          }
        });
      }
    });
  } catch (err) {
    throw adapterError("导入失败", err);
  }
  remember(preview);
  return { inserted, filled: merge.writes.length, conflicts: merge.conflicts, syncs: counter.syncs };
}

/** The import's conflicts, kept for 校验并汇总 (importConflicts.ts). */
function remember(preview: ImportPreview) {
  const { session, open, incoming, merge } = preview;
  if (!session || !open) return;
  // A conflict on a sheet that came in: that sheet holds what its file holds.
  const sheetFrom = (c: LocatedIssue) => {
    const annex = c.field === "annex1" || c.field === "annex2";
    const insert = merge.inserts.find((i) =>
      annex
        ? i.unit === undefined && incoming?.get(i.file)?.annexSheets[c.field as "annex1"] === i.sheet
        : i.unit === c.unit,
    );
    return insert && incoming?.get(insert.file);
  };
  rememberConflicts(session, open, merge.conflicts, sheetFrom);
}
