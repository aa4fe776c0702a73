/**
 * The command line's unpacker: inflates each part the scanner asks for with node:zlib, straight from the zip
 * directory zipGuard.ts already read and checked, instead of JSZip (whose unpacking was half the time of totalling).
 * Same budget as the JSZip unpacker (fastRead.ts) and the same errors, so readXlsx says the same things either way:
 * no part beyond its declared size, the whole within `bytes`, a sheet of more than `cells` cells refused.
 *
 * The parts go to scanBytes.ts as bytes, never decoded whole. Node only (node:zlib, Buffer): the add-in's browser
 * bundle imports ./read, which unpacks with JSZip and scans with scan.ts.
 */
import { inflateRawSync } from "node:zlib";
import type { GridSheet } from "../layout";
import { UnpackError, type ReadBudget } from "./fastRead";
import { scanWorkbookBytes } from "./scanBytes";
import type { ZipEntry, ZipSummary } from "./zipGuard";

/** A part that cannot be unpacked (no local header where the directory says, a method other than stored or deflate). */
export class ZipEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipEntryError";
  }
}

const LOCAL = 0x04034b50;
/** zlib's smallest chunk (zlib.constants.Z_MIN_CHUNK); past 8 MB a part is inflated in chunks of that size. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 8 * 1024 * 1024;
const CELL_START = Buffer.from("<c");

/**
 * Whether a part holds more than `limit` cell elements (`<c ` `<c>` `<c/>`, as fastRead.ts's cellCounter counts
 * them), counted with Buffer's native indexOf. Each takes 3 bytes at least ("<c" and a byte that is no "<"): a part
 * of fewer than 3 × (limit + 1) bytes cannot, and is not searched (a unit's sheet is some 90 KB, the limit 6 MB).
 */
function moreCellsThan(data: Uint8Array, limit: number): boolean {
  if (data.length < 3 * (limit + 1)) return false;
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let count = 0;
  for (let i = buffer.indexOf(CELL_START); i >= 0 && count <= limit; i = buffer.indexOf(CELL_START, i + 2)) {
    const b = buffer[i + 2];
    if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) count++;
  }
  return count > limit;
}

/** The part's stored bytes, found through its local header (whose name and extra field lengths may differ). */
export function storedBytes(bytes: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipEntryError("no local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipEntryError("entry outside the file");
  return bytes.subarray(start, end);
}

export function readXlsxZlib(bytes: Uint8Array, zip: ZipSummary, budget: ReadBudget): Promise<GridSheet[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The last entry of a name is the one JSZip would give.
  const entries = new Map(zip.directory.map((e) => [e.name, e]));
  let left = budget.bytes;
  const read = async (path: string, sheet?: string): Promise<Buffer | undefined> => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    if (entry.flags & 1) throw new ZipEntryError("encrypted entry");
    const declared = entry.uncompressedSize;
    const stored = storedBytes(bytes, view, entry);
    let data: Buffer;
    if (entry.method === 0) data = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    else if (entry.method === 8) {
      try {
        // Never more than declared: a lying header stops inflating at its own word (maxOutputLength must be ≥ 1).
        // The output in one buffer of the declared size (one byte more, or zlib takes a full one to mean "more
        // to come"), not in 16 KB chunks copied together at the end: half the memory traffic, and far fewer
        // buffers for the garbage collector.
        const chunkSize = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, declared + 1));
        data = inflateRawSync(stored, { maxOutputLength: Math.max(1, declared), chunkSize });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new UnpackError("mismatch", path, sheet);
        throw err;
      }
    } else throw new ZipEntryError(`compression method ${entry.method}`);
    if (data.length > declared) throw new UnpackError("mismatch", path, sheet);
    left -= data.length;
    if (left < 0) throw new UnpackError("bytes", path, sheet);
    if (sheet !== undefined && moreCellsThan(data, budget.cells)) throw new UnpackError("cells", path, sheet);
    return data;
  };
  return scanWorkbookBytes(read, budget.cells);
}
