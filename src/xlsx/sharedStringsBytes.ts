/**
 * The shared strings, cut out of the part's bytes as scan.ts's sharedStrings reads them. A long string the process
 * has decoded before, byte for byte (the rules every workbook carries, in pieces of 30,000 characters), is not
 * decoded again: the same bytes make the same text.
 */
import { decoder, GT, HEAD, isSpace, isWord, LT, mayBindPrefix, SLASH } from "./bytes";
import { decodeXstring, NAMESPACES, runText, sharedStrings, unescapeXml } from "./scan";

/** Texts of the shared strings longer than this are kept by their bytes, to be found again in the next workbook. */
const MEMO_BYTES = 2048;
const MEMO_ENTRIES = 256;
const memo = new Map<number, { raw: Buffer; text: string }[]>();
let memoEntries = 0;

function remembered(bytes: Buffer, start: number, end: number): string | undefined {
  for (const entry of memo.get(end - start) ?? [])
    if (bytes.compare(entry.raw, 0, entry.raw.length, start, end) === 0) return entry.text;
  return undefined;
}

function remember(bytes: Buffer, start: number, end: number, text: string): void {
  if (memoEntries >= MEMO_ENTRIES) {
    memo.clear();
    memoEntries = 0;
  }
  const list = memo.get(end - start) ?? [];
  list.push({ raw: bytes.subarray(start, end), text });
  memo.set(end - start, list);
  memoEntries++;
}

const T_END = Buffer.from("</t>");

/**
 * Shorter texts by their bytes (as latin1, which copies them as they are): the 57 workbooks of a round repeat the
 * same criteria and headers, and one string kept for each instead of one per workbook leaves the garbage collector
 * fewer strings to keep moving (what the grids keep was most of its time in a total over 57 files).
 */
const SHORT_ENTRIES = 16384;
const short = new Map<string, string>();

/** The text of one <si>'s content (bytes start–end), as runText gives it. */
function siText(bytes: Buffer, start: number, end: number): string {
  if (end - start < MEMO_BYTES) {
    const raw = bytes.toString("latin1", start, end);
    let text = short.get(raw);
    if (text === undefined) {
      text = decodedSi(bytes, start, end);
      if (short.size >= SHORT_ENTRIES) short.clear();
      short.set(raw, text);
    }
    return text;
  }
  const known = remembered(bytes, start, end);
  if (known !== undefined) return known;
  const text = decodedSi(bytes, start, end);
  remember(bytes, start, end, text);
  return text;
}

function decodedSi(bytes: Buffer, start: number, end: number): string {
  let text: string | undefined;
  // Nearly every string is one run, <t>…</t> or <t xml:space="preserve">…</t>, with no markup inside.
  if (bytes[start] === LT && bytes[start + 1] === 0x74) {
    let open = -1;
    if (bytes[start + 2] === GT) open = start + 3;
    else if (isSpace(bytes[start + 2])) {
      const gt = bytes.indexOf(GT, start + 3);
      if (gt >= 0 && gt < end) open = gt + 1;
    }
    const close = end - 4;
    if (open >= 0 && close >= open && bytes.compare(T_END, 0, 4, close, end) === 0 && bytes.indexOf(LT, open) === close)
      text = decodeXstring(unescapeXml(bytes.toString("utf8", open, close))); // runText of one <t>
  }
  return text ?? runText(bytes.toString("utf8", start, end));
}

const SI = Buffer.from("<si");
const SI_END = Buffer.from("</si>");

/** The shared strings, as scan.ts's sharedStrings reads them (/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g). */
export function sharedStringsBytes(bytes: Buffer): string[] {
  if (mayBindPrefix(bytes.toString("latin1", 0, HEAD), NAMESPACES.main)) return sharedStrings(decoder.decode(bytes));
  const out: string[] = [];
  let noEnd = false; // no "</si>" after some point: none after any later one either
  for (let i = bytes.indexOf(SI); i >= 0; i = bytes.indexOf(SI, i + 1)) {
    if (isWord(bytes[i + 3])) continue;
    const gt = bytes.indexOf(GT, i + 3);
    if (gt < 0) break;
    if (gt - 1 >= i + 3 && bytes[gt - 1] === SLASH) {
      out.push(runText(""));
      i = gt;
      continue;
    }
    const end = noEnd ? -1 : bytes.indexOf(SI_END, gt + 1);
    if (end < 0) {
      noEnd = true;
      continue;
    }
    out.push(siText(bytes, gt + 1, end));
    i = end + 4;
  }
  return out;
}
