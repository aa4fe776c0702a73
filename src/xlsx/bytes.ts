/**
 * Byte-level helpers of the command line's scanner (scanBytes.ts): parts are searched as one character per byte
 * (latin1), so these say what the regular expressions of scan.ts would match, byte by byte.
 */
export const decoder = new TextDecoder();
/** A character that is not ASCII: in latin1, a byte of a multi-byte UTF-8 character. */
export const NON_ASCII = /[\u0080-\uffff]/;
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;

/** A word character for \b in a regular expression without the u flag: [A-Za-z0-9_]. */
export const isWord = (c: number | undefined) =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
/** The ASCII characters \s matches. */
export const isSpace = (c: number | undefined) => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);
/** The blanks scan.ts's attr allows before a name. */
export const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** An ASCII blank, or any byte of a non-ASCII character (the Unicode spaces \s also matches are not ASCII). */
export const spaceLike = (c: number) => c > 0x7f || isSpace(c);

/**
 * Whether a part may bind a prefix to one of these namespaces, as scan.ts's prefixesOf finds such bindings
 * (xmlns:p="uri" within the first 4,096 characters): any quoted URI of the list that "xmlns:p =" precedes, within
 * the first 16,387 bytes (4,096 characters take at most 16,384). Never false where prefixesOf finds one; then the
 * part is decoded and read by scan.ts, which looks exactly.
 */
export function mayBindPrefix(head: string, uris: readonly string[]): boolean {
  for (const uri of uris)
    for (let i = head.indexOf(uri); i >= 0; i = head.indexOf(uri, i + 1)) {
      let k = i - 1;
      if (head[k] !== '"' && head[k] !== "'") continue;
      for (k--; k >= 0 && spaceLike(head.charCodeAt(k));) k--;
      if (head[k] !== "=") continue;
      for (k--; k >= 0 && spaceLike(head.charCodeAt(k));) k--;
      const end = k;
      while (k >= 0 && /[\w.-]/.test(head[k])) k--;
      if (k < end && head.slice(k - 5, k + 1) === "xmlns:") return true;
    }
  return false;
}
export const HEAD = 16387;
