/**
 * `scorecard total` over a folder of what really comes back by email: two good workbooks among broken files of every
 * kind. One run: exit 2, one message in Chinese per bad file naming it, the good files scored with the core's
 * figures, the summary workbook still written, and no input file changed.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan } from "../../src/layout";
import { fromHundredths } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { scoreUnit } from "../../src/scoring";
import { planToXlsx, READ_LIMITS, readXlsx } from "../../src/xlsx";
import { bothReaders } from "../support/bothReaders";
import { deflated, writeCompoundFile, writeZip, zerosDeflated, type RawEntry } from "./brokenFiles";

const rubric = luliang2022;
const dir = mkdtempSync(join(tmpdir(), "scorecard-corpus-"));

/** The parts every workbook needs, for zips made by hand: one sheet at xl/worksheets/sheet1.xml. */
function workbookParts(): RawEntry[] {
  return [
    deflated(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="石楼县" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/** A sheet of more cells than READ_LIMITS.cells, each holding a number: 100 columns, as many rows as it takes. */
function hugeSheet(): RawEntry {
  const letters = (n: number) =>
    n < 26
      ? String.fromCharCode(65 + n)
      : String.fromCharCode(64 + Math.floor(n / 26)) + String.fromCharCode(65 + (n % 26));
  const columns = Array.from({ length: 100 }, (_, i) => letters(i));
  const rows = Math.ceil((READ_LIMITS.cells + 1) / columns.length);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++)
    parts.push(`<row r="${r}">${columns.map((c) => `<c r="${c}${r}"><v>1</v></c>`).join("")}</row>`);
  parts.push("</sheetData></worksheet>");
  const data = new TextEncoder().encode(parts.join(""));
  return {
    ...deflated("xl/worksheets/sheet1.xml", new Uint8Array()),
    stored: new Uint8Array(deflateRawSync(data, { level: 1 })),
    crc: 0,
    size: data.length,
  };
}

/** A workbook's sheet made of a gigabyte of zeros (some 1 MB in the file); `declared` is what its headers say. */
function bomb(declared: "honest" | "lying", zip64 = false): Uint8Array {
  const zeros = zerosDeflated(1024);
  const sheet: RawEntry = {
    name: "xl/worksheets/sheet1.xml",
    stored: zeros.stored,
    method: 8,
    crc: zeros.crc,
    size: declared === "honest" ? zeros.size : 4096,
  };
  return writeZip([...workbookParts(), sheet], zip64 ? { zip64: true, zip64Sizes: true } : {});
}

async function filled(unit: string, cells: Record<string, number>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await planToXlsx(buildWorkbookPlan(rubric, [rubric.findUnit(unit)!]).plan)).buffer as ArrayBuffer,
  );
  const ws = wb.getWorksheet(unit)!;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The row of a line (part and label, e.g. "individual", "69") on a single-unit sheet. */
function rowOf(unit: string, part: string, label: string): number {
  const built = buildWorkbookPlan(rubric, [rubric.findUnit(unit)!]);
  const name = built.units[0].map.tables.find((t) => t.part === part)!.name;
  const table = built.plan.sheets.find((s) => s.name === unit)!.tables.find((t) => t.name === name)!;
  return table.top + 1 + table.rows.findIndex((r) => r[0] === label);
}

const GOOD = ["石楼县.xlsx", "市体育局.xlsx"];
/** Every bad file and what its message must say. */
const BAD: [string, RegExp][] = [
  ["空文件.xlsx", /是空的/],
  ["一段文字.xlsx", /不是有效的 Excel 工作簿/],
  ["下载中断.xlsx", /不完整/],
  ["压缩炸弹.xlsx", /解压后过大/],
  ["压缩炸弹-目录不实.xlsx", /已损坏/],
  ["压缩炸弹-ZIP64.xlsx", /解压后过大/],
  ["旧版.xls", /旧版.*\.xls.*另存为.*\.xlsx/],
  ["设了密码.xlsx", /加密.*密码/],
  ["没有打分表.xlsx", /没有考核打分助手生成的打分表/],
  ["不是工作簿的压缩包.xlsx", /不是 Excel 工作簿/],
  ["工作表缺失.xlsx", /工作表「石楼县」的内容缺失/],
  ["巨大的工作表.xlsx", /工作表「石楼县」过大.*单元格/],
];

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const before = new Map<string, string>();
let code = -1;
let report: {
  units: {
    unit: string;
    applicableTotal: number;
    itemsScore: number;
    normalized: number;
    final: number;
    grade: string;
    rank: number;
  }[];
  issues: { file: string; code: string; severity: string; message: string }[];
};
let stderr: string[] = [];
let seconds = 0;
const out = join(tmpdir(), `scorecard-corpus-${process.pid}-汇总.xlsx`);

beforeAll(async () => {
  const shilou = await filled("石楼县", { [`E${rowOf("石楼县", "county", "5")}`]: 0.5 });
  const files: Record<string, Uint8Array> = {
    "石楼县.xlsx": shilou,
    "市体育局.xlsx": await filled("市体育局", { [`E${rowOf("市体育局", "individual", "69")}`]: 0.3 }),
    "空文件.xlsx": new Uint8Array(),
    "一段文字.xlsx": new TextEncoder().encode("各位好，打分表见附件。\r\n"),
    "下载中断.xlsx": shilou.subarray(0, Math.floor(shilou.length * 0.6)),
    "压缩炸弹.xlsx": bomb("honest"),
    "压缩炸弹-目录不实.xlsx": bomb("lying"),
    "压缩炸弹-ZIP64.xlsx": bomb("honest", true),
    "旧版.xls": writeCompoundFile([{ name: "Workbook", data: new Uint8Array(4096).fill(0x09) }]),
    "设了密码.xlsx": writeCompoundFile([
      { name: "EncryptionInfo", data: new Uint8Array(4096).fill(0x04) },
      { name: "EncryptedPackage", data: new Uint8Array(8192).fill(0x5a) },
    ]),
    "不是工作簿的压缩包.xlsx": writeZip([
      deflated("说明.txt", "打分表另行发送"),
      deflated("word/document.xml", "<w:document/>"),
    ]),
    "巨大的工作表.xlsx": writeZip([...workbookParts(), hugeSheet()]),
  };
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("Sheet1").getCell("A1").value = "石楼县打分情况见附件";
  files["没有打分表.xlsx"] = new Uint8Array(await plain.xlsx.writeBuffer());
  const missing = await JSZip.loadAsync(shilou);
  const workbook = await missing.file("xl/workbook.xml")!.async("string");
  const id = /<sheet\b[^>]*name="石楼县"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const rels = await missing.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)![0].match(/Target="([^"]+)"/)![1];
  missing.remove(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  files["工作表缺失.xlsx"] = await missing.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  for (const name of readdirSync(dir)) before.set(name, sha(join(dir, name)));
  const paths = readdirSync(dir)
    .sort()
    .map((n) => join(dir, n));
  const lines: string[] = [];
  stderr = [];
  const start = performance.now();
  code = await main(["total", ...paths, "--json", "--out", out], {
    out: (t) => lines.push(t),
    err: (t) => stderr.push(t),
  });
  seconds = (performance.now() - start) / 1000;
  report = JSON.parse(lines.join("\n"));
}, 60000);

test("the corpus holds every kind of file the brief names", () => {
  expect([...before.keys()].sort()).toEqual([...GOOD, ...BAD.map(([name]) => name)].sort());
});

test("the browser's reader (JSZip) and the command line's (node:zlib) give the same grid or message on every file", async () => {
  for (const name of [...before.keys()].sort()) {
    const { jszip, zlib } = await bothReaders(new Uint8Array(readFileSync(join(dir, name))), name);
    expect({ name, ...zlib }).toEqual({ name, ...jszip });
  }
}, 60000);

test("exit 2: some files could not be read", () => {
  expect(code).toBe(2);
  expect(stderr).toEqual([]);
});

test.each(BAD)("%s: one message in Chinese naming the file", (name, says) => {
  const mine = report.issues.filter((i) => i.file === name);
  expect(mine).toHaveLength(1);
  expect(mine[0].severity).toBe("error");
  expect(mine[0].message).toContain(name);
  expect(mine[0].message).toMatch(says);
  // Plain words: no English beyond the file's name and the names of Excel's formats.
  expect(mine[0].message.replace(name, "").replace(/Excel|\.xlsx?\b/g, "")).not.toMatch(/[A-Za-z]{3,}/);
});

test("the good files are scored with the core's figures and nothing is said against them", () => {
  expect(report.issues.filter((i) => GOOD.includes(i.file))).toEqual([]);
  const core = (unit: string, lines: Record<string, { deduction: number }>) => {
    const r = scoreUnit(rubric, { unit, lines });
    return {
      unit,
      applicableTotal: fromHundredths(r.applicableTotal!),
      itemsScore: fromHundredths(r.itemsScore!),
      normalized: fromHundredths(r.normalized!),
      final: fromHundredths(r.finalScore!),
      grade: r.grade,
    };
  };
  const pick = (unit: string) => {
    const u = report.units.find((x) => x.unit === unit)!;
    return {
      unit,
      applicableTotal: u.applicableTotal,
      itemsScore: u.itemsScore,
      normalized: u.normalized,
      final: u.final,
      grade: u.grade,
    };
  };
  expect(report.units.map((u) => u.unit).sort()).toEqual(["市体育局", "石楼县"].sort());
  // 石楼县: 92.00 applicable, 0.50 off: 91.50 / 92 × 100 = 99.456… → 99.46, 优秀
  expect(pick("石楼县")).toEqual({
    unit: "石楼县",
    applicableTotal: 92,
    itemsScore: 91.5,
    normalized: 99.46,
    final: 99.46,
    grade: "优秀",
  });
  expect(pick("石楼县")).toEqual(core("石楼县", { "county:5": { deduction: 0.5 } }));
  // 市体育局: 52.10 applicable, 0.30 off: 51.80 / 52.1 × 100 = 99.424… → 99.42, 优秀
  expect(pick("市体育局")).toEqual({
    unit: "市体育局",
    applicableTotal: 52.1,
    itemsScore: 51.8,
    normalized: 99.42,
    final: 99.42,
    grade: "优秀",
  });
  expect(pick("市体育局")).toEqual(core("市体育局", { "individual:69": { deduction: 0.3 } }));
});

test("the summary workbook is still written, with both units and every file's message", async () => {
  expect(existsSync(out)).toBe(true);
  const sheets = await readXlsx(readFileSync(out));
  const text = sheets.flatMap((s) => s.cells.flat()).filter((c): c is string => typeof c === "string");
  expect(text).toEqual(expect.arrayContaining(["石楼县", "市体育局"]));
  for (const [name] of BAD) expect(text.some((t) => t.includes(name))).toBe(true);
});

test("reading changed no input file", () => {
  for (const [name, hash] of before) expect({ name, hash: sha(join(dir, name)) }).toEqual({ name, hash });
});

test("the whole run stays quick: nothing is unpacked beyond the limits", () => {
  expect(seconds).toBeLessThan(10); // some 0.8 s here: the bombs and the huge sheet stop early
});
