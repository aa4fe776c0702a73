/**
 * Looks at a zip's central directory before anything unpacks it: a returned "workbook" may be anything, including a
 * zip bomb. Pure (Uint8Array/DataView), so it runs in the browser too.
 *
 * It finds the directory the way JSZip (the unpacker) does — the last end-of-central-directory record, and the ZIP64
 * records when that record says so — and refuses what JSZip would read differently (more or fewer headers than
 * declared, bytes before the directory it does not account for), so the sizes checked here are the sizes of what is
 * unpacked. The reader also caps what is really inflated (fastRead.ts), in case a header lies about its size.
 */
export interface ZipSummary {
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly names: readonly string[];
  /** The declared uncompressed size of each entry (the largest, should a name occur twice). */
  readonly sizes: ReadonlyMap<string, number>;
  /** Each entry as the directory records it, in its order (an unpacker takes the last of a name, as JSZip does). */
  readonly directory: readonly ZipEntry[];
}

export interface ZipEntry {
  readonly name: string;
  /** General purpose bit flags (bit 0: encrypted). */
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the entry's local header starts. */
  readonly localOffset: number;
}

/** Why a file is not a usable zip: `notZip` (no zip at all), `truncated` (a zip's start without its end), `broken`. */
export type ZipProblem = "notZip" | "truncated" | "broken";

export class ZipFormatError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** The last place a 4-byte signature occurs, as JSZip's lastIndexOfSignature finds it; -1 if nowhere. */
function lastIndexOf(view: DataView, signature: number): number {
  for (let i = view.byteLength - 4; i >= 0; i--) if (view.getUint32(i, true) === signature) return i;
  return -1;
}

/** A little-endian 64-bit number; beyond 2^53 it cannot be a real offset or size here, so it is refused. */
function uint64(view: DataView, at: number): number {
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  if (high >= 0x200000) throw new ZipFormatError("broken", "64-bit field out of range");
  return high * 0x100000000 + low;
}

export function inspectZip(bytes: Uint8Array): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsLikeZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL;
  const eocd = lastIndexOf(view, EOCD);
  if (eocd < 0) throw new ZipFormatError(startsLikeZip ? "truncated" : "notZip", "no end of central directory");
  if (eocd + 22 > bytes.length) throw new ZipFormatError("truncated", "end of central directory cut off");
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true);
  let entries = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  let cdEnd = eocd; // where the central directory must end
  if (
    disk === MAX16 ||
    cdDisk === MAX16 ||
    onDisk === MAX16 ||
    entries === MAX16 ||
    size === MAX32 ||
    offset === MAX32
  ) {
    // ZIP64: the real figures are in the ZIP64 end-of-central-directory record, found through its locator.
    const locator = lastIndexOf(view, ZIP64_LOCATOR);
    if (locator < 0 || locator + 20 > bytes.length) throw new ZipFormatError("broken", "ZIP64 locator missing");
    let record = uint64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD)
      record = lastIndexOf(view, ZIP64_EOCD);
    if (record < 0 || record + 56 > bytes.length) throw new ZipFormatError("broken", "ZIP64 record missing");
    if (locator !== eocd - 20 || record + 12 + uint64(view, record + 4) !== locator)
      throw new ZipFormatError("broken", "ZIP64 records out of place");
    entries = uint64(view, record + 32);
    size = uint64(view, record + 40);
    offset = uint64(view, record + 48);
    cdEnd = record;
  } else if (disk !== 0 || cdDisk !== 0 || onDisk !== entries) {
    throw new ZipFormatError("broken", "multi-disk archive");
  }
  if (offset + size > bytes.length) throw new ZipFormatError("truncated", "central directory outside the file");
  // JSZip reads from where the directory should be, shifted by any bytes nobody accounts for: allow none.
  if (offset + size !== cdEnd) throw new ZipFormatError("broken", "central directory not where the end record says");
  let p = offset;
  let total = 0;
  let count = 0;
  const names: string[] = [];
  const sizes = new Map<string, number>();
  const directory: ZipEntry[] = [];
  const decoder = new TextDecoder();
  // Like JSZip: every header in a row, however many the end record declares.
  while (p + 4 <= bytes.length && view.getUint32(p, true) === CDH) {
    if (p + 46 > cdEnd) throw new ZipFormatError("broken", "central directory header cut off");
    let uncompressed = view.getUint32(p + 24, true);
    let compressed = view.getUint32(p + 20, true);
    let localOffset = view.getUint32(p + 42, true);
    const declaredCompressed = compressed;
    const declaredOffset = localOffset;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + comment;
    if (next > cdEnd) throw new ZipFormatError("broken", "central directory header cut off");
    if (uncompressed === MAX32) {
      // The ZIP64 extra field (0x0001) holds the real sizes, in this order, each only when its field says 0xFFFFFFFF.
      let q = p + 46 + nameLength;
      const extraEnd = q + extraLength;
      while (q + 4 <= extraEnd) {
        const id = view.getUint16(q, true);
        const length = view.getUint16(q + 2, true);
        if (id === 0x0001 && length >= 8) {
          uncompressed = uint64(view, q + 4);
          if (declaredCompressed === MAX32 && length >= 16) compressed = uint64(view, q + 12);
          if (compressed > bytes.length) throw new ZipFormatError("broken", "entry larger than the file");
          const offsetAt = q + (declaredCompressed === MAX32 ? 20 : 12);
          if (declaredOffset === MAX32 && length >= offsetAt - q + 4) localOffset = uint64(view, offsetAt);
          if (localOffset > bytes.length) throw new ZipFormatError("broken", "entry outside the file");
          break;
        }
        q += 4 + length;
      }
    }
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    directory.push({
      name,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: compressed,
      uncompressedSize: uncompressed,
      localOffset,
    });
    names.push(name);
    sizes.set(name, Math.max(sizes.get(name) ?? 0, uncompressed));
    total += uncompressed;
    count++;
    p = next;
  }
  if (count !== entries || p !== offset + size)
    throw new ZipFormatError("broken", "central directory does not match its end record");
  return { entries: count, uncompressedBytes: total, names, sizes, directory };
}
