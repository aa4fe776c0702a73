/**
 * What the Excel double needs of Node's Buffer in the page (it decodes inserted workbooks with
 * Buffer.from(base64, "base64"), Buffer.byteLength). Imported into the double's module only (bufferLoader.cjs): there is no global
 * Buffer in the page, as in Excel, so JSZip behaves as it does for the pane.
 */
export const Buffer = {
  from(data: string | ArrayBuffer | ArrayLike<number>, encoding?: string): Uint8Array {
    if (typeof data !== "string") return new Uint8Array(data as ArrayBuffer);
    if (encoding === "base64") return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    return new TextEncoder().encode(data);
  },
  /** UTF-8 bytes of a string (the double measures what it answers). */
  byteLength(text: string): number {
    return new TextEncoder().encode(text).length;
  },
};
