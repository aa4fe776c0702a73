/**
 * What the pane asks of Excel. index.tsx builds these from the Office.js adapter (src/excel); the React tree only
 * ever sees this interface, so it can be shown and tested with other actions.
 */
import type { LocatedIssue, SheetCheck } from "../excel/check";
import type { PartyExportReport } from "../excel/exportParty";
import type { ExportReport } from "../excel/exportUnit";
import type { ImportOptions, ImportPreview, ImportReport, IncomingFile } from "../excel/importWorkbooks";
import type { GenerateReport } from "../excel/render";
import type { RepairReport } from "../excel/repair";
import type { TotalReport } from "../excel/total";
import type { PartyChoice } from "../layout";
import type { Rubric, Unit } from "../rubric";
import type { UnitResult } from "../scoring";

export type {
  ExportReport,
  GenerateReport,
  ImportOptions,
  ImportPreview,
  ImportReport,
  IncomingFile,
  LocatedIssue,
  PartyExportReport,
  RepairReport,
  SheetCheck,
  TotalReport,
};

/** The results of the last 校验并汇总 and when it ran: an exported workbook carries the unit's result if unchanged. */
export interface Totalled {
  readonly results: readonly UnitResult[];
  readonly at: string;
}

export interface ExcelActions {
  generate(rubric: Rubric, units: readonly Unit[]): Promise<GenerateReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Starts live checking; resolves to a function that stops it. `onNotice` hears what the user should know once. */
  watch(
    rubric: Rubric,
    onCheck: (check: SheetCheck) => void,
    onError: (error: Error) => void,
    onNotice?: (notice: string) => void,
  ): Promise<() => Promise<void>>;
  /** 修复本表: rebuilds a damaged unit sheet with its entries put back. */
  repairSheet(rubric: Rubric, sheet: string): Promise<RepairReport>;
  validateAndTotal(rubric: Rubric): Promise<TotalReport>;
  previewImport(rubric: Rubric, files: readonly IncomingFile[], options?: ImportOptions): Promise<ImportPreview>;
  /** Brings in the missing sheets and fills in the cells; conflicting cells are never written. */
  applyImport(preview: ImportPreview): Promise<ImportReport>;
  /** Exports the unit of the active sheet. */
  exportUnit(rubric: Rubric, totalled?: Totalled): Promise<ExportReport>;
  /** Exports one party's workbook (only its cells open) as a file of its own. */
  exportParty(rubric: Rubric, choice: PartyChoice): Promise<PartyExportReport>;
}
