/**
 * The rules workbook on the command line: written by `scorecard rules --xlsx`, checked by --lint with each finding
 * at its cell, accepted by --rules wherever a JSON rules file is, and a generated workbook accepted too (it carries
 * its rules). JSON and workbook give the same rules.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = mkdtempSync(join(tmpdir(), "scorecard-rulesbook-"));
const book = join(tmp, "规则.xlsx");

beforeAll(async () => {
  const w = await run(["rules", "--xlsx", book]);
  expect(w.code).toBe(0);
  expect(w.out).toContain(`已写入规则工作簿 ${book}`);
});

test("--dump of the rules workbook is --dump of the embedded rules", async () => {
  const fromBook = await run(["rules", "--dump", "--rules", book]);
  expect(fromBook.code).toBe(0);
  expect(JSON.parse(fromBook.out)).toEqual(JSON.parse((await run(["rules", "--dump"])).out));
});

test("--lint names the cell of each of the source's inconsistencies, and exits 0", async () => {
  const lint = await run(["rules", "--lint", "--rules", book]);
  expect(lint.code).toBe(0);
  expect(lint.out).toMatch(/^警告 考核细则 第 \d+ 行 考核对象：「具级政府」疑为「县级政府」的笔误/m);
  expect(lint.out).toContain("规则检查完成：0 个错误，6 个警告。");
});

test("a mistake typed into the workbook: --lint exits 1 naming sheet, row and column; generate refuses it", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const ws = wb.getWorksheet("考核细则")!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (!row && r.getCell(1).value === "附件3" && r.getCell(4).value === 2 && !r.getCell(5).value) row = n;
  });
  ws.getCell(row, 10).value = 3; // item 2 up by some points: its section no longer adds up
  const broken = join(tmp, "规则-改错.xlsx");
  await wb.xlsx.writeFile(broken);
  const lint = await run(["rules", "--lint", "--rules", broken]);
  expect(lint.code).toBe(1);
  expect(lint.out).toMatch(/^错误 考核细则 第 \d+ 行 项目分值：各细则分值合计 \S+分，应为 \S+分$/m);
  const g = await run(["generate", "--rules", broken, "--out", join(tmp, "x.xlsx")]);
  expect(g.code).toBe(2);
  expect(g.err).toMatch(/规则文件有误（1 处）：\n {2}- 考核细则 第 \d+ 行 项目分值：各细则分值合计/);
});

test("a generated workbook gives the rules it carries; a file that is neither is refused plainly", async () => {
  const generated = join(tmp, "石楼.xlsx");
  expect((await run(["generate", "--units", "石楼", "--out", generated])).code).toBe(0);
  const dumped = await run(["rules", "--dump", "--rules", generated]);
  expect(JSON.parse(dumped.out)).toEqual(JSON.parse((await run(["rules", "--dump"])).out));
  const total = join(tmp, "汇总.xlsx");
  await run(["total", generated, "--out", total]);
  const g = await run(["generate", "--rules", total, "--out", join(tmp, "y.xlsx")]);
  expect(g.code).toBe(2);
  expect(g.err).toContain(
    "「汇总.xlsx」不是规则工作簿（没有“基本信息”“考核细则”工作表），也没有保存生成它所用的考核规则",
  );
  writeFileSync(join(tmp, "bad.json"), "{");
  expect((await run(["rules", "--rules", join(tmp, "bad.json")])).err).toContain(
    "不是有效的 JSON（第 1 行第 2 列附近）",
  );
  expect(readFileSync(book).subarray(0, 2).toString()).toBe("PK");
});
