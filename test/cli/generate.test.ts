/**
 * `scorecard generate` never destroys a workbook: an existing file is refused, --force carries each unit's entries
 * into the new workbook and refuses whatever else typed it would lose, --force twice replaces, and a failed write
 * leaves the old file whole.
 */
import ExcelJS from "exceljs";
import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { entryCellKey, readWorkbook } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { readXlsx } from "../../src/xlsx";

const rubric = defaultRubric();
const tmp = mkdtempSync(join(tmpdir(), "scorecard-generate-"));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A workbook as a person returns it: generated, then typed into (here with exceljs, as Excel or WPS would save it). */
async function filled(name: string, units: string, typed: (book: ExcelJS.Workbook, cellOf: CellOf) => void) {
  const file = join(tmp, name);
  expect((await run(["generate", "--out", file, "--units", units])).code).toBe(0);
  const read = readWorkbook(rubric, await readXlsx(readFileSync(file)));
  const cellOf: CellOf = (unit, lineKey, field) => {
    const sheet = read.units.find((u) => u.entries.unit === unit)!;
    return { sheet: sheet.sheet, cell: sheet.cells.get(entryCellKey(lineKey, field))! };
  };
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  typed(book, cellOf);
  await book.xlsx.writeFile(file);
  return file;
}
type CellOf = (unit: string, lineKey: string | undefined, field: string) => { sheet: string; cell: string };

const put = (book: ExcelJS.Workbook, at: { sheet: string; cell: string }, value: ExcelJS.CellValue) => {
  book.getWorksheet(at.sheet)!.getCell(at.cell).value = value;
};

async function finalOf(file: string, unit: string) {
  const { code, out } = await run(["total", file, "--json"]);
  expect(code).toBe(0);
  return JSON.parse(out).units.find((u: { unit: string }) => u.unit === unit);
}

describe("scorecard generate over an existing file", () => {
  test("refuses it (exit 2) and says how to choose another name or replace it; the file is unchanged", async () => {
    const file = join(tmp, "石楼.xlsx");
    expect((await run(["generate", "--out", file, "--units", "石楼"])).code).toBe(0);
    const before = readFileSync(file);
    const again = await run(["generate", "--out", file, "--units", "石楼"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`「${file}」已存在，未改动`);
    expect(again.err).toContain(`--out ${join(tmp, "石楼(2).xlsx")}`);
    expect(again.err).toContain("--force");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("--force carries the entries of each unit into the new workbook: the same scores, the entries named", async () => {
    const file = await filled("carry.xlsx", "石楼,市应急局", (book, cellOf) => {
      put(book, cellOf("石楼县", "county:1", "deduction"), 0.5);
      put(book, cellOf("石楼县", "county:2", "findings"), "台账不全（2起）");
      put(book, cellOf("市应急局", undefined, "bonus"), 1.5);
    });
    const shilou = await finalOf(file, "石楼县");
    const yingji = await finalOf(file, "市应急局");
    expect(shilou.itemsScore).toBe(91.5);
    const replaced = await run(["generate", "--out", file, "--units", "石楼,市应急局", "--force"]);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain("石楼县、市应急局 已填写的内容已带入新工作簿");
    expect(await finalOf(file, "石楼县")).toEqual(shilou);
    expect(await finalOf(file, "市应急局")).toEqual(yingji);
    const read = readWorkbook(rubric, await readXlsx(readFileSync(file)));
    expect(read.units.find((u) => u.entries.unit === "石楼县")!.entries.lines["county:2"].findings).toBe(
      "台账不全（2起）",
    );
  });

  test("--force over a workbook as generated replaces it without a word about entries", async () => {
    const file = join(tmp, "blank.xlsx");
    await run(["generate", "--out", file, "--units", "交城"]);
    const replaced = await run(["generate", "--out", file, "--units", "交城,文水", "--force"]);
    expect(replaced.code).toBe(0);
    expect(replaced.out).not.toContain("带入");
    expect(readWorkbook(rubric, await readXlsx(readFileSync(file))).units.map((u) => u.entries.unit)).toEqual([
      "交城县",
      "文水县",
    ]);
  });

  test("--force refuses when entries would be lost (a unit left out, a 附件1 score, a note): twice replaces", async () => {
    const file = await filled("lose.xlsx", "石楼,交城", (book, cellOf) => {
      put(book, cellOf("石楼县", "county:3", "deduction"), 1);
      put(book, cellOf("交城县", "county:1", "deduction"), 0.2);
      book.getWorksheet("附件1")!.getCell("C4").value = 50;
      book.getWorksheet("交城县")!.getCell("M30").value = "复核：王";
    });
    const before = readFileSync(file);
    const once = await run(["generate", "--out", file, "--units", "交城", "--force"]);
    expect(once.code).toBe(2);
    expect(once.err).toMatch(/工作表「石楼县」[A-Z]+\d+/);
    expect(once.err).toMatch(/工作表「附件1」C4/);
    expect(once.err).toMatch(/工作表「交城县」M30/);
    expect(once.err).toContain("文件未改动");
    expect(once.err).toContain("--force --force");
    expect(readFileSync(file).equals(before)).toBe(true);

    const twice = await run(["generate", "--out", file, "--units", "交城", "--force", "--force"]);
    expect(twice.code).toBe(0);
    expect(readWorkbook(rubric, await readXlsx(readFileSync(file))).units.map((u) => u.entries.unit)).toEqual([
      "交城县",
    ]);
  });

  test("--force refuses a file it cannot read (it cannot tell what is in it); twice replaces", async () => {
    const file = join(tmp, "其他.xlsx");
    writeFileSync(file, "这不是工作簿");
    const once = await run(["generate", "--out", file, "--units", "交城", "--force"]);
    expect(once.code).toBe(2);
    expect(once.err).toContain("不能确认其中没有填写的内容");
    expect(readFileSync(file, "utf8")).toBe("这不是工作簿");
    expect((await run(["generate", "--out", file, "--units", "交城", "--force", "--force"])).code).toBe(0);
    expect(readWorkbook(rubric, await readXlsx(readFileSync(file))).units).toHaveLength(1);
  });
});

describe("scorecard generate's output name and failed writes", () => {
  afterEach(() => jest.restoreAllMocks());

  test("an output name that is not .xlsx is refused, nothing is written", async () => {
    const file = join(tmp, "a.txt");
    const { code, err } = await run(["generate", "--out", file, "--units", "交城"]);
    expect(code).toBe(2);
    expect(err).toContain("不是 .xlsx 文件名");
    expect(err).toContain("--out a.xlsx");
    expect(existsSync(file)).toBe(false);
  });

  test("a folder that does not exist is said in Chinese, naming the file and the folder", async () => {
    const file = join(tmp, "没有这个文件夹", "交城.xlsx");
    const { code, err } = await run(["generate", "--out", file, "--units", "交城"]);
    expect(code).toBe(2);
    expect(err).toBe(`无法保存「${file}」：要保存到的文件夹不存在（${join(tmp, "没有这个文件夹")}）`);
  });

  test.each([
    ["ENOSPC", "磁盘已满"],
    ["EROFS", "这个位置是只读的"],
    ["EACCES", "没有在这里保存文件的权限"],
  ])(
    "a disk that fails half way (%s): the old workbook stays whole and no temporary file is left",
    async (code, says) => {
      const file = await filled(`half-${code}.xlsx`, "交城", (book, cellOf) =>
        put(book, cellOf("交城县", "county:1", "deduction"), 0.3),
      );
      const before = readFileSync(file);
      const real = fs.writeFileSync;
      jest.spyOn(fs, "writeFileSync").mockImplementation((path, data, options) => {
        // Half the bytes reach the disk, then it fails.
        real(path, (data as Uint8Array).subarray(0, 100), options as fs.WriteFileOptions);
        throw Object.assign(new Error(`${code}: simulated`), { code });
      });
      const result = await run(["generate", "--out", file, "--units", "交城", "--force"]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`无法保存「${file}」：${says}`);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );

  test("a workbook open in another program (EBUSY on replacing it) is said so, and left whole", async () => {
    const file = join(tmp, "busy.xlsx");
    await run(["generate", "--out", file, "--units", "交城"]);
    const before = readFileSync(file);
    jest.spyOn(fs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EBUSY: simulated"), { code: "EBUSY" });
    });
    const result = await run(["generate", "--out", file, "--units", "交城", "--force"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("文件正被其他程序占用（例如在 Excel 或 WPS 中打开着）");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("unknown units", () => {
  test("the nearest unit names are suggested", async () => {
    const { code, err } = await run(["generate", "--out", join(tmp, "x.xlsx"), "--units", "应急局,石搂,交通运输"]);
    expect(code).toBe(2);
    expect(err).toContain("「应急局」（是不是 市应急局？）");
    expect(err).toContain("「石搂」（是不是 石楼县？）");
    expect(err).toContain("「交通运输」（是不是 市交通局？）");
    expect(existsSync(join(tmp, "x.xlsx"))).toBe(false);
  });
});
