/**
 * When a workbook was last saved, by its own word: docProps/core.xml's dcterms:modified, which Excel, WPS,
 * LibreOffice, exceljs and our direct writer (valuesWriter.ts) set on every save (ECMA-376 Part 2, §11 core
 * properties; W3CDTF, e.g. 2026-11-30T06:02:00Z). Only that one small entry is found through the zip's directory and
 * inflated, so asking costs next to nothing beside reading the workbook; it is asked only of files that disagree.
 * Works in the browser and in Node (DecompressionStream "deflate-raw": Chrome 103+, Node 18+).
 */
import { inspectZip } from "./zipGuard";

/** core.xml is a few hundred bytes; anything much larger is not worth inflating for a timestamp. */
const MAX_CORE_BYTES = 64 * 1024;
const LOCAL_HEADER = 0x04034b50;

/** The time the workbook was saved, as an ISO 8601 string in UTC; undefined when the file does not say. */
export async function savedAt(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const zip = inspectZip(bytes);
    const entry = [...zip.directory].reverse().find((e) => e.name.toLowerCase() === "docprops/core.xml");
    if (!entry || entry.flags & 1 || entry.compressedSize > MAX_CORE_BYTES || entry.uncompressedSize > MAX_CORE_BYTES)
      return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localOffset;
    if (view.getUint32(at, true) !== LOCAL_HEADER) return undefined;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const xml =
      entry.method === 0 ? new TextDecoder().decode(data) : entry.method === 8 ? await inflate(data) : undefined;
    return xml === undefined ? undefined : modifiedOf(xml);
  } catch {
    return undefined; // a file that does not say when it was saved is simply undated
  }
}

/** dcterms:modified from core.xml's text (any namespace prefix), as ISO 8601 UTC. */
export function modifiedOf(xml: string): string | undefined {
  const found = /<(?:[\w.-]+:)?modified\b[^>]*>([^<]+)</.exec(xml);
  if (!found) return undefined;
  const time = Date.parse(found[1].trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

async function inflate(data: Uint8Array): Promise<string> {
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const text = await new Response(stream).text();
  if (text.length > MAX_CORE_BYTES) throw new Error("core.xml too large");
  return text;
}
