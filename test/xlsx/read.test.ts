/** Broken files meet a clear message in Chinese, and nothing unpacks a zip bomb. */
import { buildWorkbookPlan } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { planToXlsx, readXlsx, shiftRows, WorkbookReadError } from "../../src/xlsx";

const rubric = defaultRubric();

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

async function rejection(bytes: Uint8Array): Promise<string> {
  try {
    await readXlsx(bytes);
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
  expect(await rejection(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/不是有效的 Excel 工作簿|已损坏/);
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
  expect(shilou.cells.flat().some((c) => typeof c === "object" && c !== null && c.formula.startsWith("=IF("))).toBe(true);
});

test("relative rows of a validation formula move with the row; absolute ones stay", () => {
  expect(shiftRows("D8", 3)).toBe("D11");
  expect(shiftRows("$D$8+D8+\"A1\"", 2)).toBe("$D$8+D10+\"A1\"");
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
    expect({ sheet: fast[i].name, cells: trim(fast[i].cells) }).toEqual({ sheet: reference[i].name, cells: trim(reference[i].cells) });
  }
  const jc = fast.find((s) => s.name === "交城县")!;
  expect(jc.cells[7][6]).toBe("=不是公式 & <标签>");
  expect(jc.cells[8][4]).toEqual({ formula: "=1+1", result: 2 });
});
