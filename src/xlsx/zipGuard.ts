/**
 * Looks at a zip's central directory before anything unpacks it: a returned "workbook" may be anything, including a
 * zip bomb. Pure (Uint8Array/DataView), so it runs in the browser too.
 */
export interface ZipSummary {
  readonly entries: number;
  readonly uncompressedBytes: number;
  readonly names: readonly string[];
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;

export function inspectZip(bytes: Uint8Array): ZipSummary {
  if (bytes.length < 22) throw new ZipFormatError("too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > bytes.length) throw new ZipFormatError("central directory outside the file (truncated?)");
  let p = offset;
  let total = 0;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CDH) throw new ZipFormatError("broken central directory");
    total += view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extra + comment;
  }
  return { entries, uncompressedBytes: total, names };
}
