/**
 * readXlsx for Node (the command line): the same checks and messages as ./read, with parts inflated by node:zlib
 * (zlibRead.ts). The package entry (./index) exports this one as readXlsx; the add-in imports ./read directly, so
 * its browser bundle never meets node:zlib.
 */
import type { GridSheet } from "../layout";
import { readXlsx as readXlsxWith } from "./read";
import { readXlsxZlib } from "./zlibRead";

export function readXlsxNode(data: Uint8Array | ArrayBuffer, name?: string): Promise<GridSheet[]> {
  return readXlsxWith(data, name, (bytes, zip, budget) => readXlsxZlib(bytes, zip, budget));
}
