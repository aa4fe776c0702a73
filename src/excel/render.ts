/**
 * Renders a workbook plan into the open workbook with Office.js: two reads (which sheets exist, and their hidden
 * metadata row) and as many writes as keep each request under REQUEST_BUDGET as Office serializes it (Excel on the
 * web refuses requests over 5 MB). Sheets that exist already — found by their metadata, even when renamed — are
 * left alone with a message, so nothing a person typed is ever overwritten. Each sheet is queued by writeSheet.ts.
 */
import { readMeta, type SheetPlan, type WorkbookPlan } from "../layout";
import { capabilities } from "./capabilities";
import { adapterError } from "./errors";
import { readsWhole, rememberSheets } from "./readSheets";
import { withinBudget } from "./requestBudget";
import { newSession, ownWrites, run, type Session } from "./session";
import { writeSheet } from "./writeSheet";

export { ExcelAdapterError } from "./errors";
export { estimateRequestBytes, REQUEST_BUDGET } from "./requestBudget";
export { asTypedText, textFormats } from "./typedText";
export { writeSheet } from "./writeSheet";

export interface GenerateReport {
  readonly created: string[];
  /** Sheets left alone because they exist: the entries in them are kept. */
  readonly kept: { sheet: string; reason: string }[];
  readonly syncs: number;
  /** Features this Excel lacks, each said in Chinese (the sheets work without them). */
  readonly notices: string[];
}

const sameRules = (a: { rulesId: string; rulesVersion: string }, b: { rulesId: string; rulesVersion: string }) =>
  a.rulesId === b.rulesId && a.rulesVersion === b.rulesVersion;

/**
 * Generates the plan's sheets that the workbook does not have yet, in requests of at most REQUEST_BUDGET. Errors
 * reach the caller as ExcelAdapterError with a message in Chinese.
 */
export async function renderPlan(plan: WorkbookPlan, session: Session = newSession()): Promise<GenerateReport> {
  const counter = { syncs: 0 };
  try {
    return await run(counter, async (context, sync) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await sync();
      const firstRows = sheets.items.map((ws) => {
        const range = ws.getRange("A1:E1");
        range.load("values");
        return { ws, range };
      });
      await sync();
      const existingNames = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
      const existing = firstRows.map(({ ws, range }) => ({ name: ws.name, meta: readMeta(range.values[0]) }));
      const created: string[] = [];
      const carried: string[] = [];
      const kept: GenerateReport["kept"] = [];
      const withPrint = capabilities.printSetup();
      const notices = withPrint
        ? []
        : ["此版本的 Excel 不支持通过加载项设置打印格式（需要 ExcelApi 1.9）：请手动设为 A4 横向并设置打印标题行。"];
      const toWrite: SheetPlan[] = [];
      for (const sheet of plan.sheets) {
        const same = existing.find(
          (e) => e.meta && e.meta.role === sheet.meta.role && (e.meta.unit ?? "") === (sheet.meta.unit ?? ""),
        );
        if (sheet.meta.role === "rules") {
          // The rules the sheets are made from: once per id and version, said nowhere (the person never sees it).
          if (
            !existing.some((e) => e.meta?.role === "rules" && sameRules(e.meta, sheet.meta)) &&
            !existingNames.has(sheet.name.toLowerCase())
          ) {
            carried.push(sheet.name);
          }
          continue;
        }
        if (same) {
          const other = same.meta!.rulesId !== plan.rulesId || same.meta!.rulesVersion !== plan.rulesVersion;
          kept.push({
            sheet: same.name,
            reason: other
              ? `「${same.name}」按另一版规则（${same.meta!.rulesId} ${same.meta!.rulesVersion}）生成，未改动`
              : `「${same.name}」已存在，保留原有录入`,
          });
          continue;
        }
        if (existingNames.has(sheet.name.toLowerCase())) {
          kept.push({
            sheet: sheet.name,
            reason: `已有同名工作表「${sheet.name}」（不是本加载项生成的），未改动；请改名后重新生成`,
          });
          continue;
        }
        toWrite.push(sheet);
      }
      const batches = withinBudget(toWrite);
      // The carried rules go with the last batch, not counted among the sheets made for the person.
      const rules = plan.sheets.filter((s) => carried.includes(s.name));
      if (rules.length > 0) {
        if (batches.length === 0) batches.push([]);
        batches[batches.length - 1].push(...rules);
      }
      for (const batch of batches) {
        await ownWrites(context, sync, () => {
          context.application.suspendApiCalculationUntilNextSync();
          for (const sheet of batch) writeSheet(sheets, sheet, withPrint);
        });
        created.push(...batch.filter((s) => !carried.includes(s.name)).map((s) => s.name));
      }
      rememberSheets(session, [
        ...existing.map((e) => ({ name: e.name, ours: readsWhole(e.meta) })),
        ...plan.sheets
          .filter((s) => created.includes(s.name) || carried.includes(s.name))
          .map((s) => ({ name: s.name, ours: readsWhole(s.meta) })),
      ]);
      return { created, kept, syncs: counter.syncs, notices };
    });
  } catch (err) {
    throw adapterError("生成打分表失败", err);
  }
}
