/**
 * Progress at a glance in the production task pane (headless Chromium, the Excel double): a workbook for 石楼县 takes
 * in a team's workbook for 交城县 (signed off 已完成), 市住建局's 附件2 and a second team file for 石楼县 that
 * disagrees with what was typed; 校验并汇总 then shows 各方交回情况 with parts complete, in, missing and in conflict,
 * the sign-off's 考核人员 and date, and a click on a part selects its cell. Screenshots go to test-artifacts/.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { buildWorkbookPlan, partyWorkbookPlan, planToGrid, type WorkbookPlan } from "../../src/layout";
import { signoffLabels } from "../../src/layout/signoff";
import { planToXlsx } from "../../src/xlsx/write";
import { dropCachedResults } from "../support/cachedResults";
import { luliang2022 as rubric } from "../support/rules";
import { excelDouble } from "./double";
import { ARTIFACTS, openPage, paneInBrowser, poll, screenshot } from "./support";

jest.setTimeout(90_000);

const pane = paneInBrowser();

/** The input cell of a line (its first table) or the value cell right of a sign-off label, in a plan's sheet. */
function cellIn(plan: WorkbookPlan, sheet: string, what: { line: string; col: "E" } | { signoff: string }): string {
  const s = plan.sheets.find((x) => x.name === sheet)!;
  if ("line" in what) {
    const t = s.tables[0];
    return `${what.col}${t.top + 1 + t.rows.findIndex((r) => String(r[0]) === what.line)}`;
  }
  const grid = planToGrid(s).cells;
  const row = grid.findIndex((r) => r.includes(what.signoff));
  return `${String.fromCharCode(65 + grid[row].indexOf(what.signoff) + 1)}${row + 1}`;
}

/** The plan as an .xlsx, with the entries typed as a person would and saved. */
async function filled(plan: WorkbookPlan, typed: Record<string, Record<string, string | number>>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)) as never);
  for (const [sheet, cells] of Object.entries(typed))
    for (const [address, value] of Object.entries(cells)) wb.getWorksheet(sheet)!.getCell(address).value = value;
  wb.eachSheet((ws) => dropCachedResults(ws));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const part = (page: Page, unit: string, party: string) =>
  page.locator(`[data-testid="progress"] tr[data-unit="${unit}"] td[data-party="${party}"]`);

test("各方交回情况: parts complete with who and when, in, missing and in conflict; a click selects the part's cell", async () => {
  const w = await openPage(pane.browser.context, pane.server.origin, {
    initScript: await excelDouble({ latencyMs: 0 }),
    routes: { "/office-js/office.js": "/* office.js is replaced by the Excel test double */" },
  });
  const { page } = w;
  await page.goto(`${pane.server.origin}/taskpane.html`);
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("输入单位名称或简称").fill("石楼");
  await page.getByRole("checkbox", { name: "石楼县" }).check();
  await page.getByRole("button", { name: "生成打分表" }).click();
  await page.getByText("已生成 4 张工作表").waitFor();

  const everyone = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
  const line5 = cellIn(everyone, "石楼县", { line: "5", col: "E" });
  // Someone in the office typed 0.5 for 石楼县 第5项 already.
  await page.evaluate(
    (a) => (window as any).__excel.fake.sheets.find((s: { name: string }) => s.name === "石楼县").grid.set(a, 0.5),
    line5,
  );
  const team = partyWorkbookPlan(rubric, { party: "考核组", units: [rubric.findUnit("交城县")!] });
  const labels = signoffLabels("考核组");
  const teamFile = await filled(team, {
    交城县: {
      [cellIn(team, "交城县", { line: "5", col: "E" })]: 0.5,
      [cellIn(team, "交城县", { signoff: labels.assessor })]: "王敏",
      [cellIn(team, "交城县", { signoff: labels.completed })]: "是",
      [cellIn(team, "交城县", { signoff: labels.completedOn })]: 46356,
    },
  });
  const zj = partyWorkbookPlan(rubric, { party: "市住建局" });
  const zjRow = planToGrid(zj.sheets.find((s) => s.name === "附件2")!).cells.findIndex((r) => r.includes("石楼县"));
  const zjFile = await filled(zj, { 附件2: { [`C${zjRow + 1}`]: 95 } });
  const shilou = partyWorkbookPlan(rubric, { party: "考核组", units: [rubric.findUnit("石楼县")!] });
  const shilouFile = await filled(shilou, { 石楼县: { [cellIn(shilou, "石楼县", { line: "5", col: "E" })]: 2 } });

  await page.getByRole("tab", { name: "导入导出" }).click();
  await page.getByTestId("import-files").setInputFiles(
    [
      ["考核一组-交城县.xlsx", teamFile],
      ["市住建局.xlsx", zjFile],
      ["考核二组-石楼县.xlsx", shilouFile],
    ].map(([name, buffer]) => ({
      name: name as string,
      mimeType: "application/octet-stream",
      buffer: buffer as Buffer,
    })),
  );
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "导入其余内容" }).click();
  await page.getByTestId("import").getByTestId("outcome").waitFor();

  await page.getByRole("tab", { name: /校验汇总/ }).click();
  await page.getByRole("button", { name: "校验并汇总" }).click();
  const progress = page.getByTestId("progress");
  await progress.waitFor();
  await expect(progress.locator("thead").innerText()).resolves.toMatch(
    /单位\s+考核组\s+市安委办\s+两个行动专班\s+市住建局\s+市城市管理局\s+市应急局/,
  );
  await expect(part(page, "交城县", "考核组").innerText()).resolves.toBe("已完成\n王敏 2026-11-30");
  await expect(part(page, "石楼县", "考核组").innerText()).resolves.toBe("有冲突");
  await expect(part(page, "石楼县", "市住建局").innerText()).resolves.toBe("已交");
  await expect(part(page, "石楼县", "市城市管理局").innerText()).resolves.toBe("未交");
  await expect(part(page, "市交通局", "市住建局").innerText()).resolves.toBe("—");
  await expect(progress.locator("tr[data-unit]").count()).resolves.toBe(rubric.registry.all.length);
  await progress.scrollIntoViewIfNeeded();
  await screenshot(page, "20-progress");
  await progress.screenshot({ path: join(ARTIFACTS, "20-progress-table.png"), animations: "disabled" });

  // The conflict: a click selects 石楼县's 第5项 扣分 in this workbook, where the 0.5 typed here is kept.
  await part(page, "石楼县", "考核组").getByRole("button").click();
  const selections = () => page.evaluate(() => (window as any).__excel.selections as string[]);
  await expect(poll(selections, (s) => s.length > 0)).resolves.toEqual([`石楼县!${line5}`]);
  // The complete part: its first input cell, on the sheet that came in.
  await part(page, "交城县", "考核组").getByRole("button").click();
  await expect(poll(selections, (s) => s.length > 1)).resolves.toEqual([
    `石楼县!${line5}`,
    `交城县!${cellIn(team, "交城县", { line: "1", col: "E" })}`,
  ]);
  await part(page, "石楼县", "考核组").hover();
  await screenshot(page, "21-progress-tooltip");
  const issues = page.getByTestId("issues");
  await expect(issues.innerText()).resolves.toContain("导入时未写入，本工作簿中仍为「0.5」");
  expect(w.outside).toEqual([]);
  expect(w.errors).toEqual([]);
  await page.close();
});
