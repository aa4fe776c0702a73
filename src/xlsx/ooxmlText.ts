/**
 * Text in the direct writer's XML: escaping, and the shared strings part (xl/sharedStrings.xml). A cell's text is
 * always written as a shared string, so whatever it starts with ("=", "+", "@") it stays text (never a formula).
 */

/** A character XML 1.0 cannot carry (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF). */
const unwritable = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;

/** What escapeXml may change: markup, "_x", and the characters XML 1.0 cannot carry (see `unwritable`). */
// eslint-disable-next-line no-control-regex -- the C0 controls XML 1.0 cannot carry are what this looks for
const MAYBE_ESCAPED = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x/;

/** Markup escaped; characters XML 1.0 cannot carry, and a literal "_xHHHH_", in Excel's _xHHHH_ form (ST_Xstring). */
export function escapeXml(text: string): string {
  // Most texts need nothing: one search instead of six passes (the summary of 57 units holds some 2,000).
  if (!MAYBE_ESCAPED.test(text)) return text;
  let out = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  let clean = true;
  for (let i = 0; i < out.length && clean; i++) clean = !unwritable(out.charCodeAt(i));
  if (!clean) {
    out = Array.from(out, (c) =>
      unwritable(c.charCodeAt(0)) ? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_` : c,
    ).join("");
  }
  return out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A <t> element; leading or trailing blanks and line breaks kept (xml:space="preserve"). */
export const textElement = (text: string) =>
  /^\s|\s$|[\n\r\t]/.test(text) ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`;

export class SharedStrings {
  private readonly items: string[] = [];
  private readonly byText = new Map<string, number>();
  private count = 0;

  add(text: string): number {
    this.count++;
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(text);
      this.byText.set(text, i);
    }
    return i;
  }

  toXml(): string {
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.items.length}">`,
      ...this.items.map((t) => `<si>${textElement(t)}</si>`),
      "</sst>",
    ].join("");
  }
}
