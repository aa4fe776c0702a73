/**
 * The production task pane in headless Chromium (Debian's chromium through playwright-core). Every request that is
 * not to the add-in's own origin is blocked and fails the test; console errors and page errors fail it too.
 * Screenshots of each view go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import { buildWorkbookPlan, fillUnitSheet, planToGrid, readWorkbook, withEntries } from "../../src/layout";
import ExcelJS from "exceljs";
import { parseRules } from "../../src/rubric";
import { embeddedSheetName, rulesWorkbookPlan } from "../../src/rulesbook";
import { readXlsx } from "../../src/xlsx";
import { luliang2022, luliang2022Json } from "../support/rules";
import { planToXlsx } from "../../src/xlsx/write";
import { excelDouble } from "./double";
import { openPage, paneInBrowser, poll, screenshot, type WatchedPage } from "./support";

jest.setTimeout(60_000);

const pane = paneInBrowser();

const PANE = () => `${pane.server.origin}/taskpane.html`;

/** What office.js does outside Office, 3 s after loading: it frames Microsoft's telemetry proxy. The CSP stops it. */
const TELEMETRY_FRAME_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

/** The pane in Excel: office.js is replaced by the test double (injected before any script runs). */
async function openInExcel(config: { displayLanguage?: string; latencyMs?: number } = {}): Promise<WatchedPage> {
  const watched = await openPage(pane.browser.context, pane.server.origin, {
    initScript: await excelDouble({ latencyMs: 100, ...config }),
    routes: { "/office-js/office.js": "/* office.js is replaced by the Excel test double */" },
  });
  await watched.page.goto(PANE());
  return watched;
}

function expectClean(w: WatchedPage) {
  expect(w.outside).toEqual([]);
  expect(w.errors).toEqual([]);
}

const rubric = luliang2022;
const plan = buildWorkbookPlan(rubric, [rubric.findUnit("石楼县")!]).plan;
const table = plan.sheets.find((s) => s.name === "石楼县")!.tables[0];
/** The 扣分 cell of a line of 石楼县's sheet. */
const deductionCell = (label: string) => `E${table.top + 1 + table.rows.findIndex((r) => String(r[0]) === label)}`;

/** 石楼县 chosen by search, its sheets generated (附件1, 附件2, 石楼县, 汇总). */
async function generateShilou(page: Page) {
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("输入单位名称或简称").fill("石楼");
  await page.getByRole("checkbox", { name: "石楼县" }).check();
  await page.getByRole("button", { name: "生成打分表" }).click();
  await page.getByText("已生成 4 张工作表").waitFor();
}

const sheetNames = (page: Page) =>
  page.evaluate(() => (window as any).__excel.fake.sheets.map((s: { name: string }) => s.name) as string[]);
/** The sheets a person sees in the tab bar; the generated workbook also carries its rules, very hidden. */
const visibleSheets = (page: Page) =>
  page.evaluate(
    () =>
      (window as any).__excel.fake.sheets
        .filter((s: { visibility: string }) => s.visibility !== "VeryHidden")
        .map((s: { name: string }) => s.name) as string[],
  );

test("outside Excel: office.js comes from the add-in's origin, finds no host, and the page says what the add-in is and how to open it", async () => {
  const w = await openPage(pane.browser.context, pane.server.origin);
  await w.page.goto(PANE());
  const outside = w.page.getByTestId("outside-excel");
  await outside.waitFor();
  await expect(outside.innerText()).resolves.toContain("请在 Excel 中打开");
  await expect(outside.innerText()).resolves.toContain("上传我的加载项");
  await expect(w.page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
  await expect(w.page.getByRole("button", { name: "生成打分表" }).count()).resolves.toBe(0);
  const csp = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(pane.server.requested).toContain("/office-js/office.js");
  await screenshot(w.page, "1-outside-excel");
  // office.js tries its telemetry frame after 3 s: wait for it, so that the CSP is seen to stop it.
  await w.page.waitForEvent("console", { predicate: (m) => TELEMETRY_FRAME_BLOCKED.test(m.text()), timeout: 10_000 });
  expect(w.outside).toEqual([]);
  expect(w.errors.filter((e) => !TELEMETRY_FRAME_BLOCKED.test(e))).toEqual([]);
  await w.page.close();
});

/**
 * Every request the page makes (page.on("request") sees every frame's, whatever the route then does with it) and
 * every Content-Security-Policy violation (what the browser refused before any request was made).
 */
async function recordNetwork(page: Page): Promise<{ requests: string[]; violations: () => Promise<string[]> }> {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__cspViolations = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { requests, violations: () => page.evaluate(() => (window as any).__cspViolations as string[]) };
}

/** The requests that are not to the pane's own origin (blob: URLs included: their origin is the page's); data: is local. */
const notOwn = (requests: string[]) =>
  requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== pane.server.origin);

test("network: loading the production bundle and using the pane requests nothing but the pane's own origin", async () => {
  // Outside Office, with the real office.js: it finds no host, and 3 s after loading it tries to frame Microsoft's
  // telemetry proxy. The CSP (default-src 'self', no frame-src) refuses that frame before any request is made: no
  // request to it is seen, only the violation. Wait for it, so that a request, if one went out, would be recorded.
  const outside = await openPage(pane.browser.context, pane.server.origin);
  const loose = await recordNetwork(outside.page);
  await outside.page.goto(PANE());
  await outside.page.getByTestId("outside-excel").waitFor();
  await outside.page.waitForEvent("console", {
    predicate: (m) => TELEMETRY_FRAME_BLOCKED.test(m.text()),
    timeout: 10_000,
  });
  await outside.page.waitForLoadState("networkidle");
  const loaded = loose.requests.map((u) => new URL(u).pathname);
  expect(loaded).toContain("/taskpane.html");
  expect(loaded).toContain("/office-js/office.js");
  expect(loaded.some((path) => /^\/taskpane\.[0-9a-f]{8}\.js$/.test(path))).toBe(true);
  expect(notOwn(loose.requests)).toEqual([]);
  expect(outside.outside).toEqual([]);
  await expect(loose.violations()).resolves.toEqual(["frame-src https://telemetryservice.firstpartyapps.oaspapps.com"]);
  await outside.page.close();

  // In Excel (the double in place of office.js): generate, validate and total, export with its download.
  const w = await openPage(pane.browser.context, pane.server.origin, {
    initScript: await excelDouble({ latencyMs: 0 }),
    routes: { "/office-js/office.js": "/* office.js is replaced by the Excel test double */" },
  });
  const { page } = w;
  const net = await recordNetwork(page);
  await page.goto(PANE());
  await generateShilou(page);
  await page.getByRole("tab", { name: /校验汇总/ }).click();
  await page.getByRole("button", { name: "校验并汇总" }).click();
  await page.getByTestId("results").waitFor();
  await page.getByRole("tab", { name: "导入导出" }).click();
  await page.evaluate(() => ((window as any).__excel.fake.active = "石楼县"));
  await page.getByRole("button", { name: "导出本单位工作簿" }).click();
  const exported = page.getByTestId("export").getByTestId("outcome");
  await exported.waitFor();
  await Promise.all([page.waitForEvent("download"), exported.getByRole("link", { name: /^下载 / }).click()]);
  await page.waitForLoadState("networkidle");
  expect(net.requests.map((u) => new URL(u).pathname)).toContain("/taskpane.html");
  expect(notOwn(net.requests)).toEqual([]);
  await expect(net.violations()).resolves.toEqual([]);
  expectClean(w);
  await page.close();
});

test("outside Excel without office.js (it failed to load): the same page", async () => {
  const w = await openPage(pane.browser.context, pane.server.origin);
  await w.page.route(`${pane.server.origin}/office-js/office.js`, (route) => route.fulfill({ status: 404, body: "" }));
  await w.page.goto(PANE());
  await w.page.getByTestId("outside-excel").waitFor();
  expect(w.outside).toEqual([]);
  expect(w.errors).toEqual([expect.stringContaining("404")]);
  await w.page.close();
});

test("in Excel: choose a unit by search, generate with progress, an edit shows in the issue list by sheet, a click selects the cell, validate and total shows the results", async () => {
  const w = await openInExcel();
  const { page } = w;
  await page.getByText("2022年度吕梁市安全生产和消防工作考核").waitFor();
  await expect(page.getByTestId("rules").innerText()).resolves.toMatch(/2022 年度 · 版本 2022\.1/);
  await screenshot(page, "2-rules-and-units");

  // Units: single units, found by search.
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("输入单位名称或简称").fill("石楼");
  await expect(page.getByRole("checkbox").count()).resolves.toBe(1);
  await page.getByRole("checkbox", { name: "石楼县" }).check();
  await expect(page.getByText("已选 1 个单位").count()).resolves.toBe(1);
  await screenshot(page, "3-units-search");

  // Generate: the progress shows while Excel works (held here), the pane stays usable, then the result.
  await page.evaluate(() => (window as any).__excel.hold());
  await page.getByRole("button", { name: "生成打分表" }).click();
  await expect(page.getByTestId("generate-progress").innerText()).resolves.toContain("正在生成 1 个单位的打分表");
  await expect(page.getByRole("button", { name: "生成打分表" }).isDisabled()).resolves.toBe(true);
  await page.getByRole("tab", { name: /校验汇总/ }).click();
  await expect(page.getByRole("button", { name: "校验并汇总" }).isEnabled()).resolves.toBe(true);
  await page.getByRole("tab", { name: "打分表" }).click();
  await screenshot(page, "4-generating");
  await page.evaluate(() => (window as any).__excel.release());
  const outcome = page.getByTestId("outcome");
  await outcome.waitFor();
  await expect(outcome.innerText()).resolves.toContain("已生成 4 张工作表");
  await expect(page.getByTestId("generate-progress").count()).resolves.toBe(0);
  await expect(visibleSheets(page)).resolves.toEqual(["附件1", "附件2", "石楼县", "汇总"]);
  await expect(sheetNames(page)).resolves.toContain(embeddedSheetName(luliang2022.id, luliang2022.version));
  await screenshot(page, "5-generated");

  // A person types a full-width number: live checking reports it, grouped under its sheet.
  const cell = deductionCell("5");
  await page.evaluate(([c]) => (window as any).__excel.fake.personTypes("石楼县", { [c]: "０．５" }), [cell]);
  await page.getByRole("tab", { name: /校验汇总/ }).click();
  const group = page.getByRole("group", { name: "石楼县" });
  const issue = group.locator(`button[data-cell="${cell}"]`);
  await issue.waitFor();
  await expect(issue.innerText()).resolves.toContain("半角数字 0.5");
  await expect(page.getByTestId("issues").innerText()).resolves.toContain("1 个错误");
  await screenshot(page, "6-issues");
  await issue.click();
  const selections = () => page.evaluate(() => (window as any).__excel.selections as string[]);
  await expect(poll(selections, (s) => s.length > 0)).resolves.toEqual([`石楼县!${cell}`]);

  // Fixed, then validate and total: the results and the summary sheet.
  await page.evaluate(([c]) => (window as any).__excel.fake.personTypes("石楼县", { [c]: 0.5 }), [cell]);
  await expect(
    poll(
      () => page.getByTestId("issues").innerText(),
      (text) => !text.includes("半角数字"),
    ),
  ).resolves.toContain("没有发现问题");
  await page.evaluate(() => (window as any).__excel.hold());
  await page.getByRole("button", { name: "校验并汇总" }).click();
  await expect(page.getByTestId("total-progress").innerText()).resolves.toContain("正在校验并汇总");
  await screenshot(page, "7-totalling");
  await page.evaluate(() => (window as any).__excel.release());
  await page.getByTestId("results").waitFor();
  const row = page.locator('[data-testid="results"] tr[data-unit="石楼县"]');
  await expect(row.innerText()).resolves.toMatch(/1\s+石楼县\s+99\.46\s+\S+/);
  const totalled = page.getByRole("tabpanel", { name: "校验汇总" }).getByTestId("outcome");
  await expect(totalled.innerText()).resolves.toContain("汇总完成：1 个单位");
  await expect(totalled.innerText()).resolves.toContain("汇总表已写入工作表「汇总」");
  await screenshot(page, "8-totalled");
  expectClean(w);
  await page.close();
});

test("a paste over the formula columns is reported with 修复本表, which rebuilds the sheet and keeps the entries", async () => {
  const w = await openInExcel({ latencyMs: 20 });
  const { page } = w;
  await generateShilou(page);

  const cell = deductionCell("5");
  const score = cell.replace("E", "F");
  const formula = await page.evaluate(
    ([c]) => (window as any).__excel.fake.sheets.find((s: any) => s.name === "石楼县").cell(c),
    [score],
  );
  expect(formula).toMatch(/^=IF\(/);
  // Protection removed, a block pasted over 扣分 and 得分.
  await page.evaluate(
    ([e, f]) => (window as any).__excel.fake.personTypes("石楼县", { [e]: 0.5, [f]: 1.5 }),
    [cell, score],
  );
  await page.getByRole("tab", { name: /校验汇总/ }).click();
  const group = page.getByRole("group", { name: "石楼县" });
  await group.locator(`button[data-cell="${score}"]`).waitFor();
  await expect(group.locator(`button[data-cell="${score}"]`).innerText()).resolves.toContain(
    "公式被改成了固定值「1.5」",
  );
  const repair = group.getByRole("button", { name: "修复本表", exact: true });
  await screenshot(page, "9-formula-typed-over");
  await repair.click();
  const outcome = page.getByRole("tabpanel", { name: "校验汇总" }).getByTestId("outcome");
  await outcome.waitFor();
  await expect(outcome.innerText()).resolves.toContain("已修复「石楼县」");
  await expect(outcome.innerText()).resolves.toContain("1 个被替换的值已记入隐藏的「变更记录」工作表");
  await expect(page.getByTestId("issues").innerText()).resolves.toContain("没有发现问题");
  await expect(repair.count()).resolves.toBe(0);
  const cells = await page.evaluate(
    ([e, f]) => {
      const sheet = (window as any).__excel.fake.sheets.find((s: any) => s.name === "石楼县");
      return [sheet.cell(e), sheet.cell(f)];
    },
    [cell, score],
  );
  expect(cells).toEqual([0.5, formula]);
  await screenshot(page, "10-repaired");
  expectClean(w);
  await page.close();
});

test("keyboard: Tab reaches every main control; arrows choose single units, typing searches, Space ticks, Enter generates, Space validates and totals, Enter on an issue selects its cell", async () => {
  const w = await openInExcel({ latencyMs: 0 });
  const { page } = w;
  await page.getByRole("button", { name: "生成打分表" }).waitFor();
  /** The focused control's label (an input's label element, else its text). */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return (el?.labels?.[0]?.textContent ?? el?.textContent ?? "").trim();
    });
  const tabTo = async (text: string | RegExp, limit = 40) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const now = await focused();
      if (typeof text === "string" ? now === text : text.test(now)) return;
    }
    throw new Error(`Tab never reached ${text}`);
  };

  await tabTo(/^全部单位/);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "指定单位" }).isChecked()).resolves.toBe(true);
  await tabTo("搜索单位");
  await page.keyboard.type("石楼");
  await tabTo("石楼县");
  await page.keyboard.press(" ");
  await expect(page.getByText("已选 1 个单位").count()).resolves.toBe(1);
  await tabTo("生成打分表");
  await page.keyboard.press("Enter");
  await page.getByTestId("outcome").waitFor();
  await expect(visibleSheets(page)).resolves.toEqual(["附件1", "附件2", "石楼县", "汇总"]);

  const cell = deductionCell("5");
  await page.evaluate(([c]) => (window as any).__excel.fake.personTypes("石楼县", { [c]: -1 }), [cell]);
  // The tab list is one stop: Tab onto it, arrow to 校验汇总, Enter.
  await tabTo(/^打分表$/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await tabTo("校验并汇总");
  await page.keyboard.press(" ");
  await page.getByTestId("results").waitFor();
  await expect(page.locator('[data-testid="results"] tr[data-unit]').count()).resolves.toBe(1);

  await tabTo(new RegExp(`^错误${cell}`));
  await page.keyboard.press("Enter");
  const selections = () => page.evaluate(() => (window as any).__excel.selections as string[]);
  await expect(poll(selections, (s) => s.length > 0)).resolves.toEqual([`石楼县!${cell}`]);
  await screenshot(page, "9-keyboard");
  expectClean(w);
  await page.close();
});

test("import merges cell by cell: a new unit comes in, blank cells are filled, a differing cell is shown and kept; export opens the workbook and offers it as a download", async () => {
  const w = await openInExcel({ latencyMs: 0 });
  const { page } = w;
  await generateShilou(page);

  // Two files come back: 石楼县 (in the workbook already, 第6项 filled in) and 交城县 (new).
  const returned = async (unit: string, cells: Record<string, number> = {}) => {
    const unitPlan = buildWorkbookPlan(rubric, [rubric.findUnit(unit)!]).plan;
    const sheet = unitPlan.sheets.find((s) => s.meta.role === "unit")!;
    const typed = withEntries(planToGrid(sheet), cells);
    const filled = fillUnitSheet(rubric, sheet, readWorkbook(rubric, [typed]).units[0], typed);
    return Buffer.from(await planToXlsx({ ...unitPlan, sheets: [filled] }));
  };
  const file = async (name: string, unit: string, cells?: Record<string, number>) => ({
    name,
    mimeType: "application/octet-stream",
    buffer: await returned(unit, cells),
  });
  await page.getByRole("tab", { name: "导入导出" }).click();
  await page
    .getByTestId("import-files")
    .setInputFiles([
      await file("石楼县.xlsx", "石楼县", { [deductionCell("6")]: 1 }),
      await file("交城县.xlsx", "交城县"),
    ]);
  const imported = page.getByTestId("import").getByTestId("outcome");
  await imported.waitFor();
  await expect(imported.innerText()).resolves.toContain("已导入 1 张工作表，填入 1 个单元格，0 处不一致未写入");
  await expect(sheetNames(page)).resolves.toContain("交城县");
  await expect(sheetNames(page).then((names) => names.filter((n) => n.startsWith("石楼县")))).resolves.toEqual([
    "石楼县",
  ]);
  const cellOf = (address: string) =>
    page.evaluate(
      (a) => (window as any).__excel.fake.sheets.find((s: { name: string }) => s.name === "石楼县").cell(a),
      address,
    );
  await expect(cellOf(deductionCell("6"))).resolves.toBe(1);
  await screenshot(page, "12-imported");

  // Someone typed 0.5 for 第5项; a file says 2: the pane lists it first, cancel changes nothing, and going on
  // imports the rest while the 0.5 stays.
  await page.evaluate(
    (a) => (window as any).__excel.fake.sheets.find((s: { name: string }) => s.name === "石楼县").grid.set(a, 0.5),
    deductionCell("5"),
  );
  const again = async () => {
    await page
      .getByTestId("import-files")
      .setInputFiles([await file("石楼县（二）.xlsx", "石楼县", { [deductionCell("5")]: 2 })]);
    await dialog.waitFor();
  };
  const dialog = page.getByRole("alertdialog");
  await again();
  await expect(dialog.innerText()).resolves.toContain("以下 1 处与本工作簿（或另一份文件）中已填的内容不同，不会写入");
  await expect(dialog.innerText()).resolves.toContain(`石楼县第5项扣分在 本工作簿（${deductionCell("5")}）中为「0.5」`);
  await screenshot(page, "11-import-conflict");
  await dialog.getByRole("button", { name: "取消" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect(imported.count()).resolves.toBe(0);
  await again();
  await dialog.getByRole("button", { name: "导入其余内容" }).click();
  await expect(
    poll(
      () => imported.innerText(),
      (text) => text.includes("1 处不一致"),
    ),
  ).resolves.toContain("已导入 0 张工作表，填入 0 个单元格，1 处不一致未写入");
  await expect(cellOf(deductionCell("5"))).resolves.toBe(0.5);

  // Export the active unit sheet: Excel opens it, and the pane offers the file.
  await page.evaluate(() => ((window as any).__excel.fake.active = "交城县"));
  await page.getByRole("button", { name: "导出本单位工作簿" }).click();
  const exported = page.getByTestId("export").getByTestId("outcome");
  await exported.waitFor();
  await expect(exported.innerText()).resolves.toContain("已导出「交城县」的工作簿：交城县-考核打分表.xlsx");
  await expect(exported.innerText()).resolves.toContain("已在 Excel 中作为新工作簿打开");
  await expect(page.evaluate(() => (window as any).__excel.fake.openedWorkbooks.length)).resolves.toBe(1);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exported.getByRole("link", { name: "下载 交城县-考核打分表.xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("交城县-考核打分表.xlsx");
  const bytes = Buffer.from(await (await import("node:fs/promises")).readFile((await download.path())!));
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  await screenshot(page, "13-exported");
  expectClean(w);
  await page.close();
});

test("for one party: 市住建局's 附件2 and a team's units are exported as workbooks of their own, only their cells open", async () => {
  const w = await openInExcel({ latencyMs: 0 });
  const { page } = w;
  await page.getByTestId("for-whom").selectOption("市住建局");
  const panel = page.getByTestId("party-export");
  await expect(panel.innerText()).resolves.toContain("「市住建局」为全部 13 个县（市、区）的附件打分");
  await expect(page.getByRole("button", { name: "生成打分表" }).count()).resolves.toBe(0);
  await panel.getByRole("button", { name: "导出「市住建局」的工作簿" }).click();
  const outcome = panel.getByTestId("outcome");
  await outcome.waitFor();
  await expect(outcome.innerText()).resolves.toContain("已导出「市住建局」的工作簿：市住建局-附件2.xlsx（1 张工作表）");
  await screenshot(page, "14-party-export");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    outcome.getByRole("link", { name: "下载 市住建局-附件2.xlsx" }).click(),
  ]);
  const bytes = Buffer.from(await (await import("node:fs/promises")).readFile((await download.path())!));
  const read = readWorkbook(rubric, await readXlsx(bytes, download.suggestedFilename()));
  expect(read.party).toBe("市住建局");
  expect(read.annexSheets).toEqual({ annex2: "附件2" });
  // Nothing was written into the open workbook: the party's workbook is a file of its own.
  await expect(sheetNames(page)).resolves.toEqual([]);

  // The team chooses its units as for everyone, and gets their sheets alone.
  await page.getByTestId("for-whom").selectOption("考核组");
  await panel.getByRole("radio", { name: "指定单位" }).check();
  await panel.getByPlaceholder("输入单位名称或简称").fill("石楼");
  await panel.getByRole("checkbox", { name: "石楼县" }).check();
  await panel.getByRole("button", { name: "导出「考核组」的工作簿" }).click();
  await expect(
    poll(
      () => outcome.innerText().catch(() => ""),
      (text) => text.includes("考核组-石楼县.xlsx"),
    ),
  ).resolves.toContain("已导出「考核组」的工作簿：考核组-石楼县.xlsx（1 张工作表）");
  await screenshot(page, "15-team-export");
  expectClean(w);
  await page.close();
});

test("an Office in English shows the English fallback", async () => {
  const w = await openInExcel({ displayLanguage: "en-US" });
  await w.page.getByRole("button", { name: "Generate score sheets" }).waitFor();
  await expect(w.page.locator("html").getAttribute("lang")).resolves.toBe("en");
  expectClean(w);
  await w.page.close();
});

test("another rules file: a broken one is refused with the problems in Chinese, a good one is used", async () => {
  const w = await openInExcel();
  const { page } = w;
  const input = page.getByTestId("rules-file");
  await input.setInputFiles({
    name: "坏规则.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format": "scorecard-rules/1"'),
  });
  const rules = page.getByTestId("rules");
  await rules.getByTestId("outcome").waitFor();
  await expect(rules.innerText()).resolves.toContain("规则文件无法使用，仍使用原来的规则");
  await expect(rules.innerText()).resolves.toContain("不是有效的 JSON");
  await screenshot(page, "10-rules-refused");

  const next = structuredClone(luliang2022Json) as Record<string, unknown>;
  next.version = "2023.1";
  next.year = 2023;
  next.name = "2023年度考核（测试）";
  await input.setInputFiles({
    name: "规则.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(next)),
  });
  await page.getByText("已载入规则：2023年度考核（测试）（版本 2023.1）").waitFor();
  await expect(rules.innerText()).resolves.toMatch(/2023 年度 · 版本 2023\.1/);
  expectClean(w);
  await page.close();
});

test("rules as a workbook: 导出规则 offers it, the edited workbook is loaded with its mistakes at their cells", async () => {
  const w = await openInExcel();
  const { page } = w;
  const rules = page.getByTestId("rules");
  await page.getByTestId("export-rules").click();
  const link = rules.getByRole("link", { name: /下载 考核规则-luliang-2022-2022\.1\.xlsx/ });
  await link.waitFor();
  await screenshot(page, "11-rules-exported");

  const book = await planToXlsx(rulesWorkbookPlan(parseRules(luliang2022Json)));
  const input = page.getByTestId("rules-file");
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  // A mistake typed into 考核细则: a sub-item's points that no longer add up to its item's.
  const grids = await readXlsx(book);
  const lines = grids.find((g) => g.name === "考核细则")!;
  const sub = lines.cells.findIndex((r) => r[0] === "附件3" && r[3] === 13 && r[4] === "1") + 1;
  const item = lines.cells.findIndex((r) => r[0] === "附件3" && r[3] === 13 && r[4] === null) + 1;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(book as unknown as ArrayBuffer);
  const points = lines.cells[sub - 1][9] as number;
  const setPoints = (value: number) => (wb.getWorksheet("考核细则")!.getRow(sub).getCell(10).value = value);
  setPoints(points + 1);
  await input.setInputFiles({
    name: "规则-有误.xlsx",
    mimeType: XLSX,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await rules.getByTestId("outcome").filter({ hasText: "规则文件无法使用" }).waitFor();
  await expect(rules.innerText()).resolves.toMatch(new RegExp(`考核细则 第 ${item} 行 分值：子项分值合计`));

  setPoints(points);
  wb.getWorksheet("基本信息")!.eachRow((r) => {
    if (r.getCell(1).value === "版本") r.getCell(2).value = "2023.1";
  });
  await input.setInputFiles({
    name: "规则2023.xlsx",
    mimeType: XLSX,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByText(/已载入规则：.*（版本 2023\.1）/).waitFor();
  expectClean(w);
  await page.close();
});

test("a live-check error goes once a later check succeeds", async () => {
  const w = await openInExcel({ latencyMs: 0 });
  const { page } = w;
  await generateShilou(page);
  const cell = deductionCell("5");
  // The batch that reads the edited sheet fails midway, as a batch does when Excel refuses one of its steps.
  await page.evaluate(
    ([c]) => {
      const excel = (window as any).__excel.fake;
      excel.breakSync(1);
      return excel.personTypes("石楼县", { [c]: 0.5 });
    },
    [cell],
  );
  await page.getByRole("tab", { name: /校验汇总/ }).click(); // live checking's status shows there
  await page.getByText(/校验失败/).waitFor();
  await page.evaluate(([c]) => (window as any).__excel.fake.personTypes("石楼县", { [c]: 0.3 }), [cell]);
  await expect(
    poll(
      () => page.getByText(/校验失败/).count(),
      (n) => n === 0,
    ),
  ).resolves.toBe(0);
  expectClean(w);
  await w.page.close();
});
