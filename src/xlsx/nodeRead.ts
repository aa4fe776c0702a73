/**
 * readXlsx for Node (the command line): the same checks and messages as the browser's (./readChecked), with parts
 * inflated by node:zlib (zlibRead.ts). The package entry (./index) exports this one as readXlsx; the add-in imports
 * ./read, so its browser bundle never meets node:zlib, and the command line never loads JSZip.
 */
import type { GridSheet } from "../layout";
import { readXlsxWith } from "./readChecked";
import { readXlsxZlib } from "./zlibRead";

export function readXlsxNode(data: Uint8Array | ArrayBuffer, name?: string): Promise<GridSheet[]> {
  return readXlsxWith(data, name, readXlsxZlib);
}
