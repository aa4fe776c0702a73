/** The raw XML of one worksheet in an .xlsx, for checks that exceljs would read back wrongly (validation, protection). */
import JSZip from "jszip";

export async function sheetXml(bytes: Uint8Array, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheetName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const sheet = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const target =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship for ${sheetName}`);
  const path = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  return zip.file(path)!.async("string");
}
