/**
 * A zip archive of a few parts, deflated with node:zlib (command line only): the packer of the direct writer and of
 * Node's planToXlsx. Plain zip as APPNOTE.TXT 4.3 describes it: a local header before each entry with its sizes and
 * CRC-32 (no data descriptor), the central directory, its end record; names flagged UTF-8 (bit 11). No ZIP64: a
 * workbook here is far below 4 GB.
 */
import * as zlib from "node:zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** node:zlib's own CRC-32 (Node 20.15 and later), else the table's. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time of `at` (local time, as zip tools show it), 2-second resolution. */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>, at: Date = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(at);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const packed = zlib.deflateRawSync(data, { level: 6 });
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 8, true); // deflate
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    for (let i = 4; i < 30; i++) header.setUint8(i + 2, local.getUint8(i)); // the same fields from version needed on
    header.setUint16(30, 0, true); // extra
    header.setUint16(32, 0, true); // comment
    header.setUint16(34, 0, true); // disk
    header.setUint16(36, 0, true); // internal attributes
    header.setUint32(38, 0, true); // external attributes
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, packed);
    central.push(new Uint8Array(header.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.size, true);
  end.setUint16(10, parts.size, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of all) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
