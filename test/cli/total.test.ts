/**
 * `scorecard total --out` never replaces a returned workbook: an output that is one of the inputs, however spelled,
 * is refused before anything is read; an earlier summary among the inputs is recognised by its marker and skipped
 * with a note (and may be replaced by the new one); the output must be .xlsx; unreadable inputs are said in Chinese.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { entryCellKey, readWorkbook } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { readXlsx } from "../../src/xlsx";

const tmp = mkdtempSync(join(tmpdir(), "scorecard-total-"));
const rubric = defaultRubric();

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const jiaocheng = join(tmp, "交城.xlsx");
const shilou = join(tmp, "石楼.xlsx");
beforeAll(async () => {
  expect((await run(["generate", "--out", jiaocheng, "--units", "交城"])).code).toBe(0);
  expect((await run(["generate", "--out", shilou, "--units", "石楼"])).code).toBe(0);
});

describe("scorecard total --out", () => {
  afterEach(() => jest.restoreAllMocks());

  test.each([
    ["the same path", () => shilou],
    ["through ./ and ../", () => join(tmp, "sub", "..", ".", "石楼.xlsx")],
    ["through a symbolic link", () => linked("link", (to) => symlinkSync(shilou, to))],
    ["through a hard link", () => linked("hard", (to) => linkSync(shilou, to))],
  ])("refuses an input as output (%s): exit 2, the workbook unchanged", async (_how, out) => {
    mkdirSync(join(tmp, "sub"), { recursive: true });
    const target = out();
    const before = readFileSync(shilou);
    const { code, err } = await run(["total", jiaocheng, shilou, "--out", target]);
    expect(code).toBe(2);
    expect(err).toContain("汇总表不能覆盖交回的工作簿，文件未改动");
    expect(err).toContain(`「${shilou}」`);
    expect(readFileSync(shilou).equals(before)).toBe(true);
  });

  test("on a case-insensitive file system (Windows), 石楼.XLSX is 石楼.xlsx", async () => {
    const platform = Object.getOwnPropertyDescriptor(process, "platform")!;
    Object.defineProperty(process, "platform", { ...platform, value: "win32" });
    const before = readFileSync(shilou);
    const { code, err } = await run(["total", shilou, "--out", join(tmp, "石楼.XLSX")]).finally(() =>
      Object.defineProperty(process, "platform", platform),
    );
    expect(code).toBe(2);
    expect(err).toContain("汇总表不能覆盖交回的工作簿");
    expect(readFileSync(shilou).equals(before)).toBe(true);
  });

  test("an earlier summary among the inputs is skipped with a note, not an error, and may be replaced", async () => {
    const summary = join(tmp, "汇总.xlsx");
    const first = await run(["total", jiaocheng, shilou, "--out", summary]);
    expect(first.code).toBe(0);
    // total *.xlsx --out 汇总.xlsx a second time: the glob now holds 汇总.xlsx too.
    const again = await run(["total", summary, jiaocheng, shilou, "--out", summary]);
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    expect(again.out).toContain(
      "说明：「汇总.xlsx」是汇总表（由 scorecard total --out 或“校验并汇总”生成），不是交回的打分表，已跳过。",
    );
    expect(again.out).toContain("汇总了 2 个单位：0 个错误，0 个警告。");
    expect(again.out).toContain(`汇总表已写入 ${summary}`);
    const json = await run(["total", summary, jiaocheng, "--json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.skipped).toEqual([{ file: "汇总.xlsx", message: expect.stringContaining("已跳过") }]);
    expect(parsed.issues).toEqual([]);
  });

  test("an output that is not .xlsx is refused before anything is read", async () => {
    const { code, err } = await run(["total", jiaocheng, "--out", join(tmp, "汇总.csv")]);
    expect(code).toBe(2);
    expect(err).toContain("「" + join(tmp, "汇总.csv") + "」不是 .xlsx 文件名");
  });

  test("an input that is missing or a folder is said in Chinese, naming it; the others are totalled", async () => {
    const { code, out } = await run(["total", jiaocheng, join(tmp, "没有.xlsx"), tmp]);
    expect(code).toBe(2);
    expect(out).toContain("无法读取「没有.xlsx」：找不到这个文件（文件名或路径有误？）");
    expect(out).toMatch(/无法读取「scorecard-total-\w+」：这是一个文件夹，不是文件/);
    expect(out).toContain("汇总了 1 个单位");
  });
});

function linked(name: string, make: (to: string) => void): string {
  const to = join(tmp, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  make(to);
  return to;
}

describe("一票否优 as assessors write it", () => {
  test("「是」 with the condition's number and a description: the veto applies, no warning, the text as typed", async () => {
    const file = join(tmp, "否优.xlsx");
    expect((await run(["generate", "--out", file, "--units", "市委组织部"])).code).toBe(0);
    const read = readWorkbook(rubric, await readXlsx(readFileSync(file)));
    const unit = read.units[0];
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(unit.sheet)!;
    sheet.getCell(unit.cells.get(entryCellKey(undefined, "veto"))!).value = "是";
    const typed = "（三）发生2起较大道路运输事故";
    sheet.getCell(unit.cells.get(entryCellKey(undefined, "vetoConditions"))!).value = typed;
    await book.xlsx.writeFile(file);

    const { code, out } = await run(["total", file, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.issues).toEqual([]);
    expect(result.units[0]).toMatchObject({ unit: "市委组织部", veto: true, final: 100, grade: "良好" });
    const again = readWorkbook(rubric, await readXlsx(readFileSync(file)));
    expect(again.units[0].entries.vetoConditions).toBe(typed);
  });
});
