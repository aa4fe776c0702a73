/**
 * The browser's unpacker: a lean .xlsx reader that unzips with JSZip and hands the parts to the shared scanner
 * (scan.ts), without building exceljs's full object model. The command line uses node:zlib instead (zlibRead.ts);
 * both give the same grid (a test compares them, and both with exceljs).
 *
 * Unpacking is budgeted as it happens: no part inflates beyond the size its directory entry declares, the whole
 * workbook not beyond `bytes`, and a sheet stops being unpacked as soon as it holds more than `cells` cells.
 */
import type JSZip from "jszip";
import type { GridSheet } from "../layout";
import { scanWorkbook } from "./scan";

export interface ReadBudget {
  /** Bytes the whole workbook may inflate to. */
  readonly bytes: number;
  /** Cells (elements <c>, and grid places the reader would fill) one sheet may hold. */
  readonly cells: number;
  /** Each entry's declared uncompressed size (zipGuard.ts); an entry not listed may not be unpacked. */
  readonly sizes?: ReadonlyMap<string, number>;
}

/** Why unpacking stopped: the whole budget spent, a part larger than declared, a sheet too large, a sheet missing. */
export class UnpackError extends Error {
  constructor(
    readonly problem: "bytes" | "mismatch" | "cells" | "sheetMissing",
    readonly part: string,
    readonly sheet?: string,
  ) {
    super(`${problem}: ${part}`);
    this.name = "UnpackError";
  }
}

const UNLIMITED: ReadBudget = { bytes: Number.MAX_SAFE_INTEGER, cells: Number.MAX_SAFE_INTEGER };

/** JSZip's chunked reader (not in its type declarations): the data of one entry as it inflates. */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (err: Error) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/** Counts cell elements (`<c ` `<c>` `<c/>`) in a sheet's bytes as they come, across chunk boundaries. */
export function cellCounter(): (chunk: Uint8Array) => number {
  let count = 0;
  let state = 0; // 1 after "<", 2 after "<c"
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 2 && (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d)) count++;
      state = b === 0x3c ? 1 : state === 1 && b === 0x63 ? 2 : 0;
    }
    return count;
  };
}

export async function readXlsxFast(zip: JSZip, budget: ReadBudget = UNLIMITED): Promise<GridSheet[]> {
  let left = budget.bytes;
  const decoder = new TextDecoder();
  /** An entry's text, unpacked within the budget; undefined if there is no such entry. */
  const read = (path: string, sheet?: string): Promise<string | undefined> => {
    const file = zip.file(path);
    if (!file) return Promise.resolve(undefined);
    const declared = budget.sizes ? budget.sizes.get(file.unsafeOriginalName ?? file.name) : Number.MAX_SAFE_INTEGER;
    const count = sheet === undefined ? undefined : cellCounter();
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let length = 0;
      let stopped = false;
      const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream(
        "uint8array",
      );
      const stop = (err: UnpackError) => {
        stopped = true;
        chunks.length = 0;
        stream.pause();
        reject(err);
      };
      stream
        .on("data", (chunk) => {
          if (stopped) return;
          length += chunk.length;
          left -= chunk.length;
          if (declared === undefined || length > declared) return stop(new UnpackError("mismatch", path, sheet));
          if (left < 0) return stop(new UnpackError("bytes", path, sheet));
          if (count && count(chunk) > budget.cells) return stop(new UnpackError("cells", path, sheet));
          chunks.push(chunk);
        })
        .on("error", (err) => {
          if (!stopped) reject(err);
        })
        .on("end", () => {
          if (stopped) return;
          const all = new Uint8Array(length);
          let at = 0;
          for (const c of chunks) {
            all.set(c, at);
            at += c.length;
          }
          resolve(decoder.decode(all));
        })
        .resume();
    });
  };
  return scanWorkbook(read, budget.cells);
}
