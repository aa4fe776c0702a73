/** `scorecard total` says which parties' parts are in: a line per party, the whole table with --progress, and JSON. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan } from "../../src/layout";
import { luliang2022 } from "../support/rules";
import { planCells } from "../support/planCells";
import { readXlsx } from "../../src/xlsx";

const rules2022 = luliang2022;
const tmp = mkdtempSync(join(tmpdir(), "scorecard-progress-"));

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}

test("a team's file for 交城县: its part in, the others missing, in text and JSON", async () => {
  const file = join(tmp, "交城县.xlsx");
  expect((await run(["generate", "--out", file, "--units", "交城"])).code).toBe(0);
  const at = planCells(buildWorkbookPlan(rules2022, [rules2022.findUnit("交城县")!]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet("交城县")!.getCell(at.line("交城县", "5", "E")).value = 0.5;
  await wb.xlsx.writeFile(file);

  const summary = await run(["total", file]);
  expect(summary.out).toContain("  考核组：57 个单位中已交 1 个，未交 56 个");
  expect(summary.out).toContain("  市住建局：13 个单位中已交 0 个，未交 13 个");

  const table = await run(["total", file, "--progress"]);
  expect(table.out).toContain("单位\t考核组\t市安委办\t两个行动专班\t市住建局\t市城市管理局\t市应急局");
  expect(table.out).toContain("交城县\t已交（交城县.xlsx）\t未交\t未交\t未交\t未交\t未交");
  expect(table.out).toContain("市交通局\t未交\t未交\t—\t—\t—\t—");

  const json = JSON.parse((await run(["total", file, "--json"])).out);
  expect(json.progress.find((u: { unit: string }) => u.unit === "交城县").parts[0]).toEqual({
    party: "考核组",
    status: "received",
    files: ["交城县.xlsx"],
    sheet: "交城县",
    cell: at.line("交城县", "1", "E"), // where the pane jumps to: the part's first input cell
  });
});

test("total --out: 各方交回情况 on its own sheet after 汇总, a row per unit with each party's part", async () => {
  const file = join(tmp, "交城县.xlsx");
  const out = join(tmp, "汇总.xlsx");
  expect((await run(["total", file, "--out", out])).out).toContain(`汇总表已写入 ${out}`);
  const sheets = await readXlsx(readFileSync(out), "汇总.xlsx");
  expect(sheets.map((s) => s.name).slice(0, 2)).toEqual(["汇总", "各方交回情况"]);
  const sheet = sheets[1];
  const rows = sheet.cells.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))));
  expect(rows[1][0]).toContain("各方交回情况"); // its title
  const title = rows.findIndex((r) => r[0] === "单位") - 1;
  expect(title).toBeGreaterThan(0);
  const left = 0;
  const header = rows[title + 1].slice(left, left + 7);
  expect(header).toEqual(["单位", "考核组", "市安委办", "两个行动专班", "市住建局", "市城市管理局", "市应急局"]);
  const row = (unit: string) => rows.find((r) => r[left] === unit)!.slice(left, left + 7);
  expect(row("交城县")).toEqual(["交城县", "已交", "未交", "未交", "未交", "未交", "未交"]);
  expect(row("市交通局")).toEqual(["市交通局", "未交", "未交", "—", "—", "—", "—"]);
  expect(rows.filter((r) => r[left] === "孝义市")).toHaveLength(1);
});
