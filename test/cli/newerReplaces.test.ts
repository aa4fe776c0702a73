/**
 * `scorecard total` with a team's first file and its corrected copy: without the say-so the changed cell is a
 * conflict showing when each file was saved; with --newer-replaces the copy saved last wins, and the value it sets
 * aside is listed with both files and times, so nothing goes silently. The files themselves are never changed.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildWorkbookPlan } from "../../src/layout";
import { shownTime } from "../../src/totalling";
import { luliang2022 } from "../support/rules";
import { planCells } from "../support/planCells";
import { dropCachedResults } from "../support/cachedResults";

const tmp = mkdtempSync(join(tmpdir(), "scorecard-newer-"));
const at = planCells(buildWorkbookPlan(luliang2022, [luliang2022.findUnit("交城县")!]));
const cell = at.line("交城县", "5", "E");
const EARLY = "2026-11-30T02:00:00.000Z";
const LATE = "2026-12-01T09:30:00.000Z";

async function run(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}

/** The generated workbook, 第5项 扣分 typed and saved at `when` (as Excel records the save). */
async function saved(file: string, deduction: number, when: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(tmp, "交城县.xlsx"));
  const sheet = wb.getWorksheet("交城县")!;
  sheet.getCell(cell).value = deduction;
  dropCachedResults(sheet); // exceljs keeps the generated results, which no longer fit the entries
  wb.modified = new Date(when);
  await wb.xlsx.writeFile(join(tmp, file));
  return join(tmp, file);
}

test("a corrected copy: a conflict with both saved times; with --newer-replaces the later one wins, listed", async () => {
  expect((await run(["generate", "--out", join(tmp, "交城县.xlsx"), "--units", "交城"])).code).toBe(0);
  // Named so that the newer file comes first: the time decides, not the order.
  const newer = await saved("交城县-一组.xlsx", 1, LATE);
  const older = await saved("交城县-一组（旧）.xlsx", 0.5, EARLY);
  const before = [readFileSync(newer), readFileSync(older)];

  const plain = await run(["total", newer, older]);
  expect(plain.code).toBe(1);
  expect(plain.out).toContain(
    `交城县第5项扣分在 交城县-一组.xlsx（${cell}，保存于 ${shownTime(LATE)}）中为「1」，在 交城县-一组（旧）.xlsx（${cell}，保存于 ${shownTime(EARLY)}）中为「0.5」，请核对后只保留一个`,
  );
  expect(plain.out).toMatch(/\t交城县\t[^\n]*\t待更正/);

  const replaced = await run(["total", newer, older, "--newer-replaces"]);
  expect(replaced.code).toBe(0);
  expect(replaced.out).toContain(
    `警告 交城县-一组（旧）.xlsx 交城县 ${cell}：交城县第5项扣分：按“同一方较新的文件替换较早的”，采用 交城县-一组.xlsx（保存于 ${shownTime(LATE)}）中的「1」，不再采用 交城县-一组（旧）.xlsx（保存于 ${shownTime(EARLY)}）中的「0.5」（考核组的部分）`,
  );
  expect(replaced.out).not.toContain("请核对后只保留一个");
  const json = JSON.parse((await run(["total", newer, older, "--newer-replaces", "--json"])).out);
  const jiaocheng = json.units.find((u: { unit: string }) => u.unit === "交城县");
  // 1 point off 第5项, the same as the newer file alone.
  const alone = JSON.parse((await run(["total", newer, "--json"])).out).units.find(
    (u: { unit: string }) => u.unit === "交城县",
  );
  expect(jiaocheng).toEqual(alone);
  expect([readFileSync(newer), readFileSync(older)]).toEqual(before);
});

test("--help names the option in Chinese", async () => {
  const help = await run(["total", "--help"]);
  expect(help.out).toContain("--newer-replaces");
  expect(help.out).toContain("以最后保存的一份为准");
});
