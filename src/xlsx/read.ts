/**
 * The browser's readXlsx: the checks and messages of ./readChecked, with parts unpacked by JSZip (fastRead.ts). The
 * add-in imports this module; the command line's entry (./index) gives node:zlib's instead (./nodeRead).
 */
import JSZip from "jszip";
import type { GridSheet } from "../layout";
import { readXlsxFast } from "./fastRead";
import { readXlsxWith, type Unpacker } from "./readChecked";

export { READ_LIMITS, WorkbookReadError, type Unpacker } from "./readChecked";

/** The browser's unpacker (JSZip). */
export const unpackWithJSZip: Unpacker = async (bytes, _zip, budget) =>
  readXlsxFast(await JSZip.loadAsync(bytes), budget);

export function readXlsx(data: Uint8Array | ArrayBuffer, name?: string): Promise<GridSheet[]> {
  return readXlsxWith(data, name, unpackWithJSZip);
}
