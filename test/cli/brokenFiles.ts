/**
 * Broken inputs built at run time (nothing binary is committed): zips written byte by byte, so that their directories
 * can lie, carry ZIP64 records or hold a real bomb; and OLE2 (compound file) containers like an old .xls or a
 * password-protected workbook.
 */
import { crc32, deflateRawSync, constants } from "node:zlib";

export interface RawEntry {
  name: string;
  /** What is stored in the zip (already deflated when `method` is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare. */
  size: number;
}

/** An entry stored deflated, with honest headers. */
export function deflated(name: string, content: Uint8Array | string): RawEntry {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, stored: new Uint8Array(deflateRawSync(data)), method: 8, crc: crc32(data), size: data.length };
}

/**
 * A raw deflate stream of `megabytes` MB of zeros, made without holding them: one MB of zeros compressed and flushed
 * to a byte boundary (its back references stay inside the MB), repeated, then a final empty block.
 */
export function zerosDeflated(megabytes: number): { stored: Uint8Array; crc: number; size: number } {
  const mb = new Uint8Array(1024 * 1024);
  const block = deflateRawSync(mb, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const end = Uint8Array.of(0x03, 0x00); // a final fixed-Huffman block holding nothing
  const stored = new Uint8Array(block.length * megabytes + end.length);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    stored.set(block, i * block.length);
    crc = crc32(mb, crc);
  }
  stored.set(end, block.length * megabytes);
  return { stored, crc, size: mb.length * megabytes };
}

export interface ZipOptions {
  /** Write ZIP64 records: the end of central directory says 0xFFFF / 0xFFFFFFFF and points to the ZIP64 record. */
  zip64?: boolean;
  /** With zip64: each central header says 0xFFFFFFFF and the real sizes go in a ZIP64 extra field. */
  zip64Sizes?: boolean;
}

/** A zip file of the entries, byte by byte (every header says what the entry says, true or not). */
export function writeZip(entries: readonly RawEntry[], options: ZipOptions = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, e.method, true);
    l.setUint32(14, e.crc >>> 0, true);
    l.setUint32(18, e.stored.length, true);
    l.setUint32(22, e.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const big = options.zip64Sizes === true;
    const extra = big ? new Uint8Array(4 + 24) : new Uint8Array(0);
    if (big) {
      const x = new DataView(extra.buffer);
      x.setUint16(0, 0x0001, true);
      x.setUint16(2, 24, true);
      x.setBigUint64(4, BigInt(e.size), true);
      x.setBigUint64(12, BigInt(e.stored.length), true);
      x.setBigUint64(20, BigInt(offset), true);
    }
    const cdh = new Uint8Array(46 + name.length + extra.length);
    const c = new DataView(cdh.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, big ? 45 : 20, true);
    c.setUint16(6, big ? 45 : 20, true);
    c.setUint16(10, e.method, true);
    c.setUint32(16, e.crc >>> 0, true);
    c.setUint32(20, big ? 0xffffffff : e.stored.length, true);
    c.setUint32(24, big ? 0xffffffff : e.size, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra.length, true);
    c.setUint32(42, big ? 0xffffffff : offset, true);
    cdh.set(name, 46);
    cdh.set(extra, 46 + name.length);
    parts.push(local, e.stored);
    central.push(cdh);
    offset += local.length + e.stored.length;
  }
  const cdOffset = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  parts.push(...central);
  offset += cdSize;
  if (options.zip64) {
    const record = new Uint8Array(56);
    const r = new DataView(record.buffer);
    r.setUint32(0, 0x06064b50, true);
    r.setBigUint64(4, 44n, true);
    r.setUint16(12, 45, true);
    r.setUint16(14, 45, true);
    r.setBigUint64(24, BigInt(entries.length), true);
    r.setBigUint64(32, BigInt(entries.length), true);
    r.setBigUint64(40, BigInt(cdSize), true);
    r.setBigUint64(48, BigInt(cdOffset), true);
    const locator = new Uint8Array(20);
    const k = new DataView(locator.buffer);
    k.setUint32(0, 0x07064b50, true);
    k.setBigUint64(8, BigInt(offset), true);
    k.setUint32(16, 1, true);
    parts.push(record, locator);
  }
  const eocd = new Uint8Array(22);
  const d = new DataView(eocd.buffer);
  d.setUint32(0, 0x06054b50, true);
  d.setUint16(8, options.zip64 ? 0xffff : entries.length, true);
  d.setUint16(10, options.zip64 ? 0xffff : entries.length, true);
  d.setUint32(12, options.zip64 ? 0xffffffff : cdSize, true);
  d.setUint32(16, options.zip64 ? 0xffffffff : cdOffset, true);
  parts.push(eocd);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A compound file (OLE2, the container of .xls files and of password-protected workbooks) holding the named streams,
 * each padded to 4096 bytes so that it lives in ordinary sectors (no mini stream). Version 3, 512-byte sectors.
 */
export function writeCompoundFile(streams: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT_SECTOR = 0xfffffffd;
  const sizes = streams.map((s) => Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR));
  const dataSectors = sizes.reduce((n, s) => n + s / SECTOR, 0);
  const dirSectors = Math.ceil((streams.length + 1) / 4);
  const total = 1 + dirSectors + dataSectors; // sector 0 is the FAT
  if (total > SECTOR / 4) throw new Error("too many sectors for one FAT sector");
  const out = new Uint8Array(SECTOR * (1 + total));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(24, 0x003e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 4096, true);
  v.setUint32(60, END, true); // no mini FAT
  v.setUint32(68, END, true); // no DIFAT sectors
  v.setUint32(76, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) v.setUint32(76 + 4 * i, FREE, true);
  const sector = (n: number) => SECTOR * (1 + n);
  const fat = (n: number, next: number) => v.setUint32(sector(0) + 4 * n, next, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, FREE);
  fat(0, FAT_SECTOR);
  for (let i = 0; i < dirSectors; i++) fat(1 + i, i === dirSectors - 1 ? END : 2 + i);
  const entry = (i: number, name: string, type: number, start: number, size: number, child = FREE, right = FREE) => {
    const at = sector(1) + 128 * i;
    for (let k = 0; k < name.length; k++) v.setUint16(at + 2 * k, name.charCodeAt(k), true);
    v.setUint16(at + 64, 2 * (name.length + 1), true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    v.setUint32(at + 68, FREE, true);
    v.setUint32(at + 72, right, true);
    v.setUint32(at + 76, child, true);
    v.setUint32(at + 116, start, true);
    v.setUint32(at + 120, size, true);
  };
  entry(0, "Root Entry", 5, END, 0, streams.length > 0 ? 1 : FREE);
  let next = 1 + dirSectors;
  streams.forEach((s, i) => {
    const count = sizes[i] / SECTOR;
    for (let k = 0; k < count; k++) fat(next + k, k === count - 1 ? END : next + k + 1);
    out.set(s.data, sector(next));
    entry(1 + i, s.name, 2, next, sizes[i], FREE, i + 1 < streams.length ? 2 + i : FREE);
    next += count;
  });
  return out;
}
