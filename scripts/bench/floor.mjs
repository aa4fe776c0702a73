// The floor: the least work any reader of these files must do, in a Node process like `scorecard total`'s.
// Usage: floor.mjs inflate|scan FILE...
// inflate: read each file, walk its zip central directory, and inflate (node:zlib) only the parts a reader needs:
//   the workbook, its relationships, the shared strings and the sheets. Nothing is parsed.
// scan: the same, plus one indexOf pass over every sheet's cells (each <c ...> and its <v> value) and the shared
//   strings' <t> texts: the least a reader must do to see every value. No XML parser, no checking, no scoring.
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

const [mode, ...files] = process.argv.slice(2);
const NEEDED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;
const decoder = new TextDecoder();

/** The parts a reader needs, inflated: name → bytes. Assumes a well-formed zip (these files are ours). */
function neededParts(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const parts = new Map();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (!NEEDED.test(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    parts.set(name, method === 0 ? raw : inflateRawSync(raw));
  }
  return parts;
}

let parts = 0;
let cells = 0;
let strings = 0;
for (const file of files) {
  for (const [name, data] of neededParts(readFileSync(file))) {
    parts++;
    if (mode !== "scan") continue;
    const xml = decoder.decode(data);
    if (name.endsWith("sharedStrings.xml")) {
      for (let i = xml.indexOf("<t"); i >= 0; i = xml.indexOf("<t", i + 2)) if (xml[i + 2] !== "/") strings++;
    } else if (name.startsWith("xl/worksheets/")) {
      for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) {
        const end = xml.indexOf(">", i);
        if (xml[end - 1] === "/") continue; // a styled empty cell
        const close = xml.indexOf("</c>", end);
        if (xml.indexOf("<v>", end) < close || xml.indexOf("<f", end) < close || xml.indexOf("<is>", end) < close)
          cells++;
      }
    }
  }
}
process.stdout.write(`${JSON.stringify({ parts, cells, strings })}\n`);
