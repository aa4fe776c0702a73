/**
 * The command line's scanner over bytes (scanBytes.ts) reads every part as scan.ts reads its decoded text: the same
 * grid, the same shared strings, the same refusal of a sheet too large. Checked on parts made of the pieces where
 * the two could part ways (characters that are not ASCII inside markup, Unicode spaces where \s is tried,
 * namespace prefixes, unclosed elements, entities, long strings seen before), in random order.
 */
import fc from "fast-check";
import { ScanError, scanSheet, sharedStrings } from "../../src/xlsx/scan";
import { scanSheetBytes, sharedStringsBytes } from "../../src/xlsx/scanBytes";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** What a scanner gives: its result, or the problem it stopped at. */
function outcome<T>(read: () => T): T | string {
  try {
    return read();
  } catch (err) {
    if (err instanceof ScanError) return `${err.problem}: ${err.part} ${err.sheet}`;
    throw err;
  }
}

const bothSheets = (xml: string, shared: string[], limit = 1000) => ({
  text: outcome(() => scanSheet(xml, shared, limit, "xl/worksheets/sheet1.xml", "表")),
  bytes: outcome(() => scanSheetBytes(Buffer.from(xml), shared, limit, "xl/worksheets/sheet1.xml", "表")),
});

const sheet = (data: string, ns = `xmlns="${MAIN}"`) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${data}</sheetData></worksheet>`;

/** Pieces of a cell's start tag, body and end, and of what lies between cells. */
const OPEN = [
  '<c r="A1">',
  '<c r="B1" t="s">',
  '<c r="C1" t="str">',
  '<c r="A2" t="inlineStr">',
  '<c t="b">',
  "<c>",
  '<c r ="D1">',
  '<c r= "E1">',
  '<c\tr="F1" t="e">',
  '<c\u000br="C1">',
  '<c r="B1"\u000bt="s">',
  '<c r="G1" t="d">',
  '<c r="甲1">',
  '<c r="H1" t="s\u3000">',
  '<c r="A1" t="&#115;">',
  '<c r\u3000=\u3000"B1" xr\t>',
  // Places the scanner reads by itself, and places it leaves to position(): lower case, $, row 0, four letters,
  // eight digits, an entity, a blank, nothing.
  '<c r="XFD1048576" t="s">',
  '<c r="b2">',
  '<c r="$C$3">',
  '<c r="A0">',
  '<c r="ABCD1">',
  '<c r="A12345678">',
  '<c r="A&#49;">',
  '<c r="A 1">',
  '<c r="">',
  '<c r="D4" t = "s">',
  '<c r="D5" t\n="s">',
  "<cx>",
  "<c",
];
const BODY = [
  "<v>1</v>",
  "<v>0.5</v>",
  "<v>-3</v>",
  "<v> 7 </v>",
  "<v>中</v>",
  "<v>5\u3000</v>",
  "<v>\u00a06</v>",
  "<v>&amp;lt;</v>",
  "<v></v>",
  "<v/>",
  "<v\u00a0>2</v>",
  "<v\u3000>3</v>",
  "<v 砠>4</v>",
  '<v xml:space="preserve"> 8 </v>',
  "<v",
  "</v>",
  "<f>SUM(A1:A3)</f>",
  "<f>IF(H7=&quot;否&quot;,0,D7-E7)</f>",
  "<f>&#38;lt;\u3000</f>",
  '<f t="shared" si="0"/>',
  "<f>",
  "</f>",
  "<is><t>内联_x000D_</t></is>",
  "<is><r><t>一</t></r><rPh><t>イ</t></rPh><r><t>二</t></r></is>",
  "中文",
  "😀",
  " ",
  "<",
  ">",
  "/",
];
const CLOSE = ["</c>", "</c>", "</c>", "/>", ""];
const ROW = [
  '<row r="1">',
  "<row>",
  '<row r="3" spans="1:9"/>',
  '<row r="2"\u3000>',
  '<row r="甲">',
  '<row r\u3000=\u3000"5" xr\t>',
  "",
];
const MERGES = [
  '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>',
  '<mergeCell ref="A1:B2"/>',
  '<mergeCell砠ref="A1:C1"/>',
  '<mergeCell\u3000ref="A1:B1"/>',
  '<mergeCell\u00a0ref="B1:C1"/>',
  "<mergeCell",
];

const cellXml = fc
  .tuple(fc.constantFrom(...OPEN), fc.array(fc.constantFrom(...BODY), { maxLength: 6 }), fc.constantFrom(...CLOSE))
  .map(([open, body, close]) => open + body.join("") + close);
const rowXml = fc
  .tuple(fc.constantFrom(...ROW), fc.array(cellXml, { maxLength: 5 }), fc.constantFrom("</row>", "</row>", ""))
  .map(([open, cells, close]) => open + cells.join("") + close);
const sheetXml = fc
  .tuple(fc.array(rowXml, { maxLength: 5 }), fc.array(fc.constantFrom(...MERGES), { maxLength: 3 }))
  .map(([rows, merges]) => `${sheet(rows.join(""))}${merges.join("")}`);

test("sheets of random pieces: the byte scanner gives what the text scanner gives", () => {
  const shared = ["零", "一", "二"];
  fc.assert(
    fc.property(sheetXml, fc.constantFrom(1000, 20), (xml, limit) => {
      const { text, bytes } = bothSheets(xml, shared, limit);
      expect(bytes).toEqual(text);
    }),
    { numRuns: 5000 },
  );
});

test("a sheet binding a prefix to SpreadsheetML is read as the text scanner reads it, wherever it binds it", () => {
  const cells = '<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row>';
  for (const xml of [
    sheet(cells, `xmlns:x="${MAIN}"`),
    sheet(cells, `xmlns:x = '${MAIN}'`),
    sheet(cells, `xmlns:x\u3000=\u3000"${MAIN}"`),
    // after 3,000 characters that are 9,000 bytes: still within the first 4,096 characters
    `<?xml version="1.0"?><!--${"中".repeat(3000)}--><worksheet xmlns:x="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`,
    // too far for either
    `<?xml version="1.0"?><!--${"中".repeat(6000)}--><worksheet xmlns:x="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`,
  ]) {
    const { text, bytes } = bothSheets(xml, ["甲", "乙"]);
    expect(bytes).toEqual(text);
  }
  expect(bothSheets(sheet(cells, `xmlns:x="${MAIN}"`), ["甲", "乙"]).bytes).toEqual([[], [null, "乙", 3]]);
});

const RUNS = [
  "<t>考核</t>",
  '<t xml:space="preserve"> a </t>',
  "<t\u00a0>b</t>",
  "<t\u3000>c</t>",
  "<t 砠>d</t>",
  "<t砠>e</t>",
  "<t/>",
  "<t>&quot;&amp;lt;&#x4e2d;_x000D_</t>",
  "<r><rPr><b/></rPr><t>甲</t></r>",
  "<rPh><t>ふりがな</t></rPh>",
  "<t>",
  "</t>",
  "\u3000",
  "<",
];
const SI = ["<si>", "<si>", "<si/>", '<si a="/">', "<sid>", "<si\u3000>"];
const stringsXml = fc
  .array(
    fc
      .tuple(fc.constantFrom(...SI), fc.array(fc.constantFrom(...RUNS), { maxLength: 4 }), fc.constantFrom("</si>", ""))
      .map(([open, runs, close]) => open + runs.join("") + close),
    { maxLength: 6 },
  )
  .map((items) => `<?xml version="1.0"?><sst xmlns="${MAIN}">${items.join("")}</sst>`);

test("shared strings of random pieces: the byte scanner gives what the text scanner gives", () => {
  fc.assert(
    fc.property(stringsXml, (xml) => {
      expect(sharedStringsBytes(Buffer.from(xml))).toEqual(sharedStrings(xml));
    }),
    { numRuns: 5000 },
  );
});

test("a long shared string read before is the same text; another of the same length is its own", () => {
  const sst = (texts: string[]) =>
    Buffer.from(`<sst xmlns="${MAIN}">${texts.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`);
  const rules = `r|{&quot;id&quot;:&quot;luliang-2022&quot;,&quot;name&quot;:&quot;${"考核".repeat(2000)}&quot;}`;
  const other = rules.replace("luliang-2022", "luliang-2023");
  const first = sharedStringsBytes(sst(["甲", rules]));
  expect(first[1]).toBe(`r|{"id":"luliang-2022","name":"${"考核".repeat(2000)}"}`);
  expect(sharedStringsBytes(sst(["乙", rules, other]))).toEqual([
    "乙",
    first[1],
    `r|{"id":"luliang-2023","name":"${"考核".repeat(2000)}"}`,
  ]);
});

test("formulas read before are the same formulas, each with its own cached result", () => {
  const f = "IF(TRIM(H7)=&quot;否&quot;,0,IF(E7&lt;=D7,D7-E7,NA()))";
  const xml = sheet(`<row r="7"><c r="F7"><f>${f}</f><v>2</v></c><c r="G7"><f>${f}</f><v>1.5</v></c></row>`);
  const formula = '=IF(TRIM(H7)="否",0,IF(E7<=D7,D7-E7,NA()))';
  const expected = [
    [],
    [],
    [],
    [],
    [],
    [],
    [null, null, null, null, null, { formula, result: 2 }, { formula, result: 1.5 }],
  ];
  for (let run = 0; run < 2; run++) expect(bothSheets(xml, [])).toEqual({ text: expected, bytes: expected });
});
