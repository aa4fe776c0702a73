/**
 * 为一方导出工作簿: a party's workbook (layout/partyBook.ts) as a file of its own, to email to that party — not into
 * the open workbook, which holds the office's sheets for everyone (the same units' sheets there would be kept, not
 * made again, and a workbook mixing parties is nobody's). Nothing is read from the open workbook. Excel opens the
 * file as a new workbook where it can (Excel.createWorkbook, ExcelApi 1.8); the pane also offers it as a download.
 */
import { partyWorkbookPlan, type PartyChoice } from "../layout";
import type { Rubric } from "../rubric";
import { planToXlsx } from "../xlsx/write";
import { openAsNewWorkbook } from "./openWorkbook";

export interface PartyExportReport {
  readonly party: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The sheets a person sees (the carried rules are very hidden). */
  readonly sheets: readonly string[];
  /** Excel opened the file as a new workbook. */
  readonly opened: boolean;
  readonly notices: string[];
}

/** "考核组-交城县等2个单位.xlsx", "市住建局-附件2.xlsx": whose it is, and of what, at a glance in a mail. */
function fileNameOf(party: string, sheets: readonly string[], units: number): string {
  const of =
    units === 0 ? sheets.join("、") : units === 1 ? sheets.find((s) => !s.startsWith("附件"))! : `${units}个单位`;
  return `${party}-${of}.xlsx`.replace(/[\\/:*?"<>|]/g, "_");
}

export async function exportParty(rubric: Rubric, choice: PartyChoice): Promise<PartyExportReport> {
  const plan = partyWorkbookPlan(rubric, choice);
  const shown = plan.sheets.filter((s) => !s.veryHidden);
  const units = shown.filter((s) => s.meta.role === "unit").length;
  const bytes = await planToXlsx(plan);
  const notices: string[] = [];
  const opened = await openAsNewWorkbook(bytes, notices);
  const sheets = shown.map((s) => s.name);
  return { party: choice.party, fileName: fileNameOf(choice.party, sheets, units), bytes, sheets, opened, notices };
}
