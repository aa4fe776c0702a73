/**
 * planToXlsx for Node (the command line): the same workbook as the browser's (./write), repacked with node:zlib
 * instead of JSZip. exceljs writes the package uncompressed, so each part is a slice of it (found through the zip
 * directory zipGuard reads); the sheets' parts get their free rows (freeRows.ts) and everything is deflated once,
 * natively. The package entry (./index) exports this one as planToXlsx.
 */
import type { SheetPlan, WorkbookPlan } from "../layout";
import { freeRowHeights } from "./freeRows";
import { planToXlsxWith } from "./write";
import { zipParts } from "./zipWrite";
import { inspectZip } from "./zipGuard";
import { storedBytes } from "./zlibRead";

async function repackNode(stored: Uint8Array, sheets: ReadonlyMap<string, SheetPlan>): Promise<Uint8Array> {
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const parts = new Map<string, string | Uint8Array>();
  for (const entry of inspectZip(stored).directory) {
    if (entry.name.endsWith("/")) continue; // exceljs (JSZip) lists folders too; a package needs none
    if (entry.method !== 0) throw new Error(`${entry.name}: exceljs did not store the part uncompressed`);
    const data = storedBytes(stored, view, entry);
    const plan = sheets.get(entry.name);
    if (!plan) {
      parts.set(entry.name, data);
      continue;
    }
    // A sheet's part, decoded from a view of the stored bytes rather than a copy of them.
    parts.set(
      entry.name,
      freeRowHeights(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8"), plan),
    );
  }
  return zipParts(parts);
}

export function planToXlsxNode(plan: WorkbookPlan): Promise<Uint8Array> {
  return planToXlsxWith(plan, repackNode);
}
