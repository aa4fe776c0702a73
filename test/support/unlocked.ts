/**
 * The cells of a worksheet a person can type into once the sheet is protected, read from the file's XML: a cell is
 * unlocked when its style (cellXfs in xl/styles.xml) has <protection locked="0"/> (ECMA-376 §18.8.33: locked
 * defaults to true). Read from the XML rather than through exceljs, which reads protection back wrongly.
 */
import JSZip from "jszip";
import { sheetXml } from "./sheetXml";

export async function unlockedCells(bytes: Uint8Array, sheetName: string): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) =>
    /<protection\b[^>]*locked="(0|false)"/.test(m[1] ?? ""),
  );
  const xml = await sheetXml(bytes, sheetName);
  const out = new Set<string>();
  for (const m of xml.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
    const s = Number(/\bs="(\d+)"/.exec(m[1])?.[1] ?? 0);
    if (ref && xfs[s]) out.add(ref);
  }
  return out;
}
