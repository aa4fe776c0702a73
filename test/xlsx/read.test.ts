/** Broken files meet a clear message in Chinese, and nothing unpacks a zip bomb. */
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import JSZip from "jszip";
import { planToXlsx, READ_LIMITS, readXlsx, shiftRows, WorkbookReadError } from "../../src/xlsx";
import { deflated, writeZip, zerosDeflated, type RawEntry } from "../cli/brokenFiles";

const rubric = luliang2022;

/** A zip with one entry whose central directory claims `claimed` bytes uncompressed. */
function fakeZip(claimed: number, entries = 1): Uint8Array {
  const name = new TextEncoder().encode("xl/workbook.xml");
  const cdh = new Uint8Array(46 + name.length);
  const v = new DataView(cdh.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint32(24, claimed, true);
  v.setUint16(28, name.length, true);
  cdh.set(name, 46);
  const eocd = new Uint8Array(22);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries, true);
  e.setUint16(10, entries, true);
  e.setUint32(12, cdh.length * entries, true);
  e.setUint32(16, 0, true);
  const out = new Uint8Array(cdh.length * entries + 22);
  for (let i = 0; i < entries; i++) out.set(cdh, i * cdh.length);
  out.set(eocd, cdh.length * entries);
  return out;
}

async function rejection(bytes: Uint8Array, name?: string): Promise<string> {
  try {
    await readXlsx(bytes, name);
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookReadError);
    return (err as Error).message;
  }
  throw new Error("accepted");
}

test("an empty file", async () => {
  expect(await rejection(new Uint8Array())).toMatch(/文件是空的/);
});

test("a text file", async () => {
  expect(await rejection(new TextEncoder().encode("这不是工作簿，只是一段文字"))).toMatch(/不是有效的 Excel 工作簿/);
});

test("a truncated workbook", async () => {
  const good = await planToXlsx(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan);
  expect(await rejection(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/不完整/);
});

test("given the file's name, the message names it", async () => {
  expect(await rejection(new Uint8Array(), "交城县.xlsx")).toMatch(/^「交城县\.xlsx」是空的/);
});

/** A generated workbook's parts, each deflated again, for zips written byte by byte. */
async function parts(): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(await planToXlsx(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan));
  return Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => deflated(f.name, await f.async("uint8array"))),
  );
}

test("a workbook written with ZIP64 records reads as any other: the guard follows the ZIP64 end record and extra fields", async () => {
  const plain = await readXlsx(writeZip(await parts()));
  expect(await readXlsx(writeZip(await parts(), { zip64: true, zip64Sizes: true }))).toEqual(plain);
  expect(plain.find((s) => s.name === "石楼县")!.cells[0][2]).toBe("石楼县");
});

test("a ZIP64 zip declaring a gigabyte in its extra field is refused before unpacking", async () => {
  const zeros = zerosDeflated(1024);
  const bomb: RawEntry = {
    name: "xl/worksheets/sheet1.xml",
    stored: zeros.stored,
    method: 8,
    crc: zeros.crc,
    size: zeros.size,
  };
  const others = (await parts()).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
  expect(await rejection(writeZip([...others, bomb], { zip64: true, zip64Sizes: true }))).toMatch(
    /解压后过大（1\d{3} MB/,
  );
});

test("a part that inflates beyond the size its directory declares is stopped as it unpacks, ZIP64 or not", async () => {
  const zeros = zerosDeflated(300);
  const bomb: RawEntry = {
    name: "xl/worksheets/sheet1.xml",
    stored: zeros.stored,
    method: 8,
    crc: zeros.crc,
    size: 1000,
  };
  const others = (await parts()).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
  const start = performance.now();
  expect(await rejection(writeZip([...others, bomb]))).toMatch(/已损坏：其中的内容与文件目录记录的大小不符/);
  expect(await rejection(writeZip([...others, bomb], { zip64: true, zip64Sizes: true }))).toMatch(
    /已损坏：其中的内容与文件目录记录的大小不符/,
  );
  expect(performance.now() - start).toBeLessThan(2000); // 300 MB inflated would take longer
});

test("directories the unpacker would read otherwise than the guard are refused", async () => {
  const good = writeZip(await parts());
  // More headers than the end record declares (JSZip reads every header in a row).
  const fewer = good.slice();
  const view = new DataView(fewer.buffer);
  const eocd = fewer.length - 22;
  view.setUint16(eocd + 8, view.getUint16(eocd + 8, true) - 1, true);
  view.setUint16(eocd + 10, view.getUint16(eocd + 10, true) - 1, true);
  expect(await rejection(fewer)).toMatch(/已损坏/);
  // Bytes before the zip that the offsets do not account for (JSZip would shift every offset by them).
  const prefixed = new Uint8Array(good.length + 100);
  prefixed.set(good, 100);
  expect(await rejection(prefixed)).toMatch(/已损坏/);
});

test("a sheet of a few cells far apart, which would make a huge grid, is refused", async () => {
  const rows = Math.ceil(READ_LIMITS.cells / 16384) + 1;
  const xml = `<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join("")}</sheetData></worksheet>`;
  const others = (await parts()).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
  // The first sheet part of a single-county workbook is 附件1's.
  expect(await rejection(writeZip([...others, deflated("xl/worksheets/sheet1.xml", xml)]))).toMatch(
    /工作表「附件1」过大/,
  );
});

test("a zip bomb is refused from its central directory, before anything is unpacked", async () => {
  expect(await rejection(fakeZip(4_000_000_000))).toMatch(/解压后过大/);
  expect(await rejection(fakeZip(10, 20_000))).toMatch(/解压后过大/);
});

test("a generated workbook reads back with its metadata row and formulas", async () => {
  const bytes = await planToXlsx(buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan);
  const sheets = await readXlsx(bytes);
  const shilou = sheets.find((s) => s.name === "石楼县")!;
  expect(shilou.cells[0].slice(0, 5)).toEqual(["scorecard/1", "unit", "石楼县", "luliang-2022", "2022.1"]);
  expect(shilou.cells.flat().some((c) => typeof c === "object" && c !== null && c.formula.startsWith("=IF("))).toBe(
    true,
  );
});

test("relative rows of a validation formula move with the row; absolute ones stay", () => {
  expect(shiftRows("D8", 3)).toBe("D11");
  expect(shiftRows('$D$8+D8+"A1"', 2)).toBe('$D$8+D10+"A1"');
});

test("the lean reader gives the same grid as exceljs on a filled workbook", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const { exceljsGrid } = await import("../support/exceljsGrid");
  const units = ["交城县", "市体育局"].map((n) => rubric.findUnit(n)!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(buildWorkbookPlan(rubric, units).plan)).buffer as ArrayBuffer);
  const ws = wb.getWorksheet("交城县")!;
  ws.getCell("E8").value = 0.5;
  ws.getCell("G8").value = "=不是公式 & <标签>";
  ws.getCell("E9").value = { formula: "1+1", result: 2 } as never;
  ws.getCell("E10").value = { error: "#N/A" } as never;
  ws.getCell("E11").value = true;
  ws.getCell("G9").value = { richText: [{ text: "富" }, { text: "文本" }] };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const fast = await readXlsx(bytes);
  const reference = await exceljsGrid(bytes);
  expect(fast.map((s) => s.name)).toEqual(reference.map((s) => s.name));
  for (let i = 0; i < fast.length; i++) {
    const trim = (rows: readonly (readonly unknown[])[]) => {
      const out = rows.map((r) => [...r]);
      while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
      return out;
    };
    expect({ sheet: fast[i].name, cells: trim(fast[i].cells) }).toEqual({
      sheet: reference[i].name,
      cells: trim(reference[i].cells),
    });
  }
  const jc = fast.find((s) => s.name === "交城县")!;
  expect(jc.cells[7][6]).toBe("=不是公式 & <标签>");
  expect(jc.cells[8][4]).toEqual({ formula: "=1+1", result: 2 });
});
