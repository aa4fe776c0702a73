/**
 * `scorecard generate-units --out-dir 目录`: one workbook per unit in one run, each the workbook
 * `scorecard generate --units <unit>` makes, named after its unit; nothing in the folder is ever overwritten.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { unitFileName } from "../../src/cli/generatePerUnit";
import { readXlsx } from "../../src/xlsx";

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}

test("one workbook per chosen unit, each the same as generate --units makes, in a folder it creates", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "scorecard-units-")), "发出", "2022");
  const r = await run(["generate-units", "--out-dir", dir, "--units", "交城,市体育局,石楼"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("生成 3 个工作簿");
  expect(readdirSync(dir).sort()).toEqual(["交城县.xlsx", "市体育局.xlsx", "石楼县.xlsx"].sort());
  for (const unit of ["交城", "市体育局"]) {
    const alone = join(dir, "..", `${unit}-alone.xlsx`);
    expect((await run(["generate", "--out", alone, "--units", unit])).code).toBe(0);
    const name = unit === "交城" ? "交城县" : unit;
    const grid = await readXlsx(readFileSync(join(dir, `${name}.xlsx`)), `${name}.xlsx`);
    expect(grid.map((s) => s.name)).toContain(name);
    expect(grid).toEqual(await readXlsx(readFileSync(alone), "alone.xlsx"));
  }
});

test("refuses, writing nothing, when a workbook of the same name is already in the folder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-units-"));
  const filled = join(dir, "石楼县.xlsx");
  writeFileSync(filled, "已填写的工作簿");
  const r = await run(["generate-units", "--out-dir", dir, "--units", "交城,石楼"]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("石楼县.xlsx");
  expect(r.out).toContain("未生成任何文件");
  expect(readFileSync(filled, "utf8")).toBe("已填写的工作簿");
  expect(existsSync(join(dir, "交城县.xlsx"))).toBe(false);
});

test("an unknown unit is named and nothing is written", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "scorecard-units-")), "out");
  const r = await run(["generate-units", "--out-dir", dir, "--units", "交城,不存在局"]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("不认识的单位：不存在局");
  expect(existsSync(dir)).toBe(false);
});

test("a unit's name becomes a file name Windows accepts", () => {
  expect(unitFileName("市公安局交警支队")).toBe("市公安局交警支队.xlsx");
  expect(unitFileName('a/b\\c:d*e?f"g<h>i|j')).toBe("a_b_c_d_e_f_g_h_i_j.xlsx");
});
