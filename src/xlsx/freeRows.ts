/**
 * Rows a program may fit: exceljs writes every row height with customHeight="1" (row-xform.js renders `ht` and
 * `customHeight` together), and a row with a custom height never grows, in Excel, WPS or LibreOffice, however long
 * the finding typed into it. The planned height stays as `ht`, which LibreOffice and previewers show; only the rows
 * `heldRows` names keep it fixed (decision 0019). `repackWithFreeRows` repacks with JSZip, which exceljs itself packs
 * with, for the task pane; the command line repacks with node:zlib (nodeWrite.ts).
 */
import type { SheetPlan } from "../layout";
import { heldRows } from "../layout/fit";

const ROW = /<row r="(\d+)"([^>]*?) customHeight="1"/g;

/** The sheet's XML with the custom height taken off every row that is not held. */
export function freeRowHeights(xml: string, plan: SheetPlan): string {
  const held = heldRows(plan);
  return xml.replace(ROW, (whole, row: string, between: string) =>
    held.has(Number(row)) ? whole : `<row r="${row}"${between}`,
  );
}

/**
 * Repacks a workbook exceljs wrote uncompressed (STORE, so reading it back costs next to nothing), with each
 * `sheets` entry's part freed, deflated once.
 */
export async function repackWithFreeRows(
  stored: Uint8Array,
  sheets: ReadonlyMap<string, SheetPlan>,
): Promise<Uint8Array> {
  // Loaded here, as exceljs is: `scorecard total` and reading load neither.
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(stored);
  for (const [part, plan] of sheets) {
    const file = zip.file(part);
    if (file) zip.file(part, freeRowHeights(await file.async("string"), plan));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
