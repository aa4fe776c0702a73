/** The cell scanner on sheet XML as other writers produce it (ECMA-376 Part 1, §18.3.1). */
import { decodeXstring, scanSheet, ScanError, scanWorkbook } from "../../src/xlsx";

const sheet = (data: string, ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${data}</sheetData></worksheet>`;
const scan = (xml: string, shared: string[] = []) => scanSheet(xml, shared, 1000, "xl/worksheets/sheet1.xml", "表");

test("an empty cached value is no value: a formula whose <v></v> is empty has no result, not 0", () => {
  expect(scan(sheet('<row r="1"><c r="A1"><f>1+1</f><v></v></c><c r="B1" t="str"><f>"a"</f><v/></c></row>'))).toEqual([
    [
      { formula: "=1+1", result: null },
      { formula: '="a"', result: null },
    ],
  ]);
});

test("rows and cells without r= follow the previous ones; a cell with r= sets the place again", () => {
  const xml = sheet(
    '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
  );
  expect(scan(xml)).toEqual([[1, 2, null, null, 5, 6], [7]]);
});

test("a cell placed in row 0 (hand-made XML; rows count from 1) follows the previous cell instead of failing", () => {
  expect(scan(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="A0"><v>2</v></c></row>'))).toEqual([[1, 2]]);
});

test("elements with a namespace prefix read as unprefixed ones", () => {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const xml = `<x:worksheet ${ns}><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:A1"/></x:mergeCells></x:worksheet>`;
  expect(scan(xml, ["共享"])).toEqual([[], [null, "共享", "内联"]]);
});

test("Excel's _xHHHH_ escapes are decoded, _x005F_ standing for the underscore itself", () => {
  expect(decodeXstring("第一行_x000D_\n第二行")).toBe("第一行\r\n第二行");
  expect(decodeXstring("代号_x005F_x0041_")).toBe("代号_x0041_");
  expect(decodeXstring("_x4e2d_文")).toBe("中文");
  expect(scan(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a_x0009_b</t></is></c></row>'))).toEqual([["a\tb"]]);
});

test('a date cell (t="d") stays the text it holds, never a number', () => {
  expect(scan(sheet('<row r="1"><c r="A1" t="d"><v>2023-10-01T00:00:00Z</v></c></row>'))).toEqual([
    ["2023-10-01T00:00:00Z"],
  ]);
});

test("a few cells far apart make no huge grid: the place budget counts the gaps", () => {
  expect(() =>
    scan(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="A5000"><v>1</v></c></row>')),
  ).toThrow(ScanError);
});

test("a workbook written with prefixes throughout (x: for SpreadsheetML, ns1: for relationships) reads whole", async () => {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const parts: Record<string, string> = {
    "xl/workbook.xml": `<x:workbook xmlns:x="${main}" xmlns:ns1="${rel}"><x:sheets><x:sheet name="甲" sheetId="1" ns1:id="R1"/><x:sheet name="乙" sheetId="2" state="hidden" ns1:id="R2"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `<p:Relationships xmlns:p="${pkg}"><p:Relationship Id="R1" Target="worksheets/a.xml"/><p:Relationship Id="R2" Target="/xl/worksheets/b.xml"/></p:Relationships>`,
    "xl/sharedStrings.xml": `<x:sst xmlns:x="${main}"><x:si><x:t>一</x:t></x:si><x:si/><x:si><x:r><x:t>三</x:t></x:r></x:si></x:sst>`,
    "xl/worksheets/a.xml": `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    "xl/worksheets/b.xml": `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  };
  const sheets = await scanWorkbook(async (p) => parts[p], 1000);
  expect(sheets).toEqual([
    { name: "甲", hidden: false, cells: [["一", "三"]] },
    { name: "乙", hidden: true, cells: [["", 4]] },
  ]);
});
