/**
 * What this Excel can do, by requirement set (learn.microsoft.com, "Excel JavaScript API requirement sets"). The
 * one place the adapter asks Office.context.requirements.
 */
const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);

export const capabilities = {
  /** Sheet-level change events (1.7): the least live checking needs. */
  sheetEvents: () => supports("1.7"),
  /** context.runtime.enableEvents and Excel.createWorkbook (1.8). */
  enableEvents: () => supports("1.8"),
  createWorkbook: () => supports("1.8"),
  /** worksheets.onChanged for the whole workbook, and page layout (1.9). */
  workbookEvents: () => supports("1.9"),
  printSetup: () => supports("1.9"),
  /** Excel.run({ delayForCellEdit }) (1.11). */
  delayForCellEdit: () => supports("1.11"),
  /** insertWorksheetsFromBase64 (1.13). */
  insertWorksheets: () => supports("1.13"),
  /** WorksheetChangedEventArgs.triggerSource (1.14). */
  triggerSource: () => supports("1.14"),
  /** Writes join Excel's undo stack instead of clearing it (1.20). */
  undoableWrites: () => supports("1.20"),
};
