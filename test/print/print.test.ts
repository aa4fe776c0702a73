/**
 * The sheets printed as people print them (issue 17): LibreOffice prints generated and filled workbooks to PDF —
 * a county's and a member unit's form, 附件1, 附件2, and 汇总 from both paths (the live one of a generated workbook,
 * and the one `scorecard total --out` writes) — and the PDF is read back page by page. A wrapped cell whose row is
 * too short still has all its lines in the PDF, drawn past the row: so every text block must end before the next
 * row starts. PNGs of each kind's first page are kept in test-artifacts/print/.
 */
import { buildWorkbookPlan, summaryValuesSheets, type SheetPlan } from "../../src/layout";
import { defaultRubric } from "../../src/rubric";
import { scoreAll } from "../../src/scoring";
import { planToXlsx } from "../../src/xlsx";
import { filledSheets } from "../support/filledWorkbook";
import { libreOfficeAvailable } from "../support/libreoffice";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { libreOffice, LO_FILTERS, programsAvailable, type Op } from "../foreign/programs";
import { keepFirstPage, popplerAvailable, printToPdf, readPdf, type PdfPage, type TextBlock } from "../support/pdf";

const rubric = defaultRubric();
const COUNTY = "石楼县";
const MEMBER = "市交通局";
const LONG = "现场检查发现企业安全生产主体责任落实不到位，隐患排查治理台账记录不全，应急预案未按规定开展演练，";
const built = buildWorkbookPlan(rubric, [rubric.findUnit(COUNTY)!, rubric.findUnit(MEMBER)!]);
const sheet = (name: string) => built.plan.sheets.find((s) => s.name === name)!;
const book = (sheets: SheetPlan[]) => planToXlsx({ rulesId: rubric.id, rulesVersion: rubric.version, sheets });

/** An assessor's entries: deductions with long findings, a line left out with a long reason. */
function typed(name: string): Record<string, string | number> {
  const t = sheet(name).tables[0];
  const row = (i: number) => t.top + 1 + i;
  return {
    [`E${row(0)}`]: 0.5,
    [`G${row(0)}`]: LONG.repeat(3),
    [`G${row(4)}`]: LONG,
    [`H${row(6)}`]: "否",
    [`I${row(6)}`]: `本单位不涉及该项，已书面说明：${LONG}`,
  };
}

/**
 * The generated county workbook filled without the add-in: the entries typed in LibreOffice Calc (through its own
 * API, as a person types them) and saved, so the rows are as tall as Calc made them.
 */
function typedInCalc(generated: Uint8Array, entries: Record<string, string | number>): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), "print-typed-"));
  const [input, output] = [join(work, "generated.xlsx"), join(work, "typed.xlsx")];
  writeFileSync(input, generated);
  const ops = Object.entries(entries).map(([cell, value]): Op => ["set", COUNTY, cell, value]);
  libreOffice([{ in: input, out: output, filter: LO_FILTERS.ooxml, ops }]);
  return readFileSync(output);
}

const printed = new Map<string, PdfPage[]>();
/** The plan of each printed unit form, generated or filled. */
const forms = new Map<string, SheetPlan>();
const available = libreOfficeAvailable() && popplerAvailable() && programsAvailable().uno;
const run = available ? describe : describe.skip;
if (!available)
  test("LibreOffice, python3-uno and poppler-utils are installed (npm run test:setup)", () =>
    expect(available).toBe(true));

beforeAll(async () => {
  if (!available) return;
  const filled = filledSheets(rubric, [sheet(COUNTY), sheet(MEMBER)], {
    [COUNTY]: typed(COUNTY),
    [MEMBER]: typed(MEMBER),
  });
  const result = scoreAll(rubric, [
    { unit: COUNTY, lines: {}, completed: "是" },
    { unit: "交城县", lines: { "county:5": { deduction: 0.5, findings: LONG } } },
    { unit: MEMBER, lines: {} },
  ]);
  const issues = [
    { severity: "warning" as const, file: "交城.xlsx", sheet: "交城县", cell: "G12", message: LONG.repeat(4) },
  ];
  forms.set("county", sheet(COUNTY)).set("member", sheet(MEMBER));
  forms.set("county-filled", filled[0]).set("member-filled", filled[1]);
  const jobs: [string, Uint8Array][] = [
    ["county", await book([sheet(COUNTY)])],
    ["member", await book([sheet(MEMBER)])],
    ["county-filled", await book([filled[0]])],
    ["member-filled", await book([filled[1]])],
    ["annex1", await book([sheet("附件1")])],
    ["annex2", await book([sheet("附件2")])],
    ["summary-live", await planToXlsx(built.plan)],
    ["summary-total", await book(summaryValuesSheets(rubric, result, issues, "2026/12/1 10:00:00"))],
  ];
  // Findings as a person ends them, with a full stop.
  const sentences = Object.fromEntries(
    Object.entries(typed(COUNTY)).map(([k, v]) => [
      k,
      typeof v === "string" && v.endsWith("，") ? `${v.slice(0, -1)}。` : v,
    ]),
  );
  jobs.push(["county-typed", typedInCalc(await book([sheet(COUNTY)]), sentences)]);
  for (const [kind, bytes] of jobs) {
    const pdf = printToPdf(bytes, kind);
    const pages = readPdf(pdf).filter((p) => !kind.startsWith("summary-live") || p.text.startsWith("汇总"));
    printed.set(kind, pages);
    keepFirstPage(pdf, kind);
  }
}, 600000);

const FOOTER = /^第(\d+)页共(\d+)页$/;
const isFooter = (b: TextBlock) => FOOTER.test(b.text.replace(/\s+/g, ""));

/**
 * Blocks that run past their row. Rows start where the key column's text starts (序号 on a form, 单位 in 汇总); a
 * block belongs to the row it starts in and must end before the next row starts (5 pt for the fonts' boxes), or
 * before the footer; a block above the first row (headers, titles) must end before the first row.
 */
function overruns(page: PdfPage, keyHeader: string, keys: ReadonlySet<string>, hangingStop = false): string[] {
  const header = page.blocks.find((b) => b.text === keyHeader);
  if (!header) return [];
  const inKeyColumn = (b: TextBlock) =>
    b.xMin >= header.xMin - 25 && b.xMax <= header.xMax + 90 && b.yMin > header.yMax;
  const tops = page.blocks
    .filter((b) => inKeyColumn(b) && keys.has(b.text))
    .map((b) => b.yMin)
    .sort((a, b) => a - b);
  const footer = page.blocks.find(isFooter)?.yMin ?? page.height;
  const bad: string[] = [];
  for (const b of page.blocks) {
    if (isFooter(b) || b.yMin < header.yMin - 40) continue;
    const r = tops.filter((t) => t - 6 <= b.yMin).length - 1;
    const limit = r < 0 ? (tops[0] ?? footer) : (tops[r + 1] ?? footer);
    // Calc fits a row to the lines it lays out on screen, and its PDF export may push a text's closing 。 onto a
    // line of its own below the row: with `hangingStop`, that one line may hang.
    const hang = hangingStop && /[。，；]$/.test(b.text.trim()) ? (b.yMax - b.yMin) / b.lines : 0;
    if (b.yMax > limit + 5 + hang)
      bad.push(
        `page ${page.number}: 「${b.text.slice(0, 30)}」 ${b.lines} lines to ${b.yMax.toFixed(1)} > ${limit.toFixed(1)}`,
      );
  }
  return bad;
}

const unitKeys = (name: string) => new Set(sheet(name).tables.flatMap((t) => t.rows.map((r) => String(r[0]))));

run("a unit's form on paper", () => {
  test.each([
    ["county", COUNTY],
    ["member", MEMBER],
    ["county-filled", COUNTY],
    ["member-filled", MEMBER],
  ])("%s: every text in full, numbered pages, the totals with the signatures", (kind, unit) => {
    const pages = printed.get(kind)!;
    // Pages as the plan laid them out: LibreOffice adds no break of its own.
    expect(pages.length).toBe(forms.get(kind)!.print.breaksAfter.length + 1);
    pages.forEach((p, i) => {
      const texts = p.blocks.map((b) => b.text.replace(/\s+/g, ""));
      expect(texts).toContain(`第${i + 1}页共${pages.length}页`);
      expect(p.text.startsWith(unit)).toBe(true); // the unit's name heads every page
      expect(texts).toEqual(expect.arrayContaining(["序号", "考核细则", "分值"])); // the header row repeats
    });
    expect(pages.flatMap((p) => overruns(p, "序号", unitKeys(unit)))).toEqual([]);
    // No page holds only a header: each has lines of the form or the totals.
    const keys = unitKeys(unit);
    for (const p of pages) {
      const rows = p.blocks.filter((b) => keys.has(b.text)).length;
      expect(rows > 0 || p.text.includes("最终成绩")).toBe(true);
    }
    const last = pages[pages.length - 1].text;
    for (const word of ["加分", "减分", "一票否优", "现场得分", "最终成绩", "等次", "已完成评分", "考核组长签字"]) {
      expect(last).toContain(word);
    }
    // 考核项目 once per section, not on every row.
    const all = pages.map((p) => p.text).join("");
    const lines = rubric.linesFor(rubric.findUnit(unit)!);
    const section = lines[0].sectionTitle;
    // Once, or once more where 市安委办's lines of the section begin.
    const opened = lines.filter(
      (l, i) =>
        l.sectionTitle === section &&
        (i === 0 || lines[i - 1].sectionTitle !== section || lines[i - 1].scoredBy !== l.scoredBy),
    ).length;
    expect(all.split(section.replace(/\s+/g, "")).length - 1).toBe(opened);
    expect(lines.filter((l) => l.sectionTitle === section).length).toBeGreaterThan(opened);
  });

  test.each(["county-filled", "county-typed"])("%s: the findings and the reason in full", (kind) => {
    // Each is one block of lines (a line-end comma may hang outside it).
    const blocks = printed.get(kind)!.flatMap((p) => p.blocks.map((b) => b.text.replace(/\s+/g, "")));
    expect(blocks.some((b) => b.includes(LONG.repeat(3).slice(0, -1)))).toBe(true);
    expect(blocks.some((b) => b.includes(`本单位不涉及该项，已书面说明：${LONG.slice(0, -1)}`))).toBe(true);
  });

  test("county-typed: rows grow as Calc is typed into, every page numbered, nothing past its row", () => {
    // The rows were left to the program (no fixed height), so Calc grew them; its own page breaks may add a page.
    const pages = printed.get("county-typed")!;
    expect(pages.length).toBeGreaterThanOrEqual(forms.get("county")!.print.breaksAfter.length + 1);
    pages.forEach((p, i) =>
      expect(p.blocks.map((b) => b.text.replace(/\s+/g, ""))).toContain(`第${i + 1}页共${pages.length}页`),
    );
    expect(pages.flatMap((p) => overruns(p, "序号", unitKeys(COUNTY), true))).toEqual([]);
  });
});

run("附件1, 附件2 and 汇总 on paper", () => {
  const counties = new Set(Array.from({ length: 13 }, (_, i) => String(i + 1)));
  test.each(["annex1", "annex2"])("%s: headers in full, numbered pages", (kind) => {
    const pages = printed.get(kind)!;
    // Every character of the headers is printed (pdftotext joins the lines of neighbouring header cells, so the
    // headers are not compared whole); none runs into the rows below.
    const plan = sheet(kind === "annex1" ? "附件1" : "附件2");
    for (const c of plan.tables[0].columns)
      for (const ch of c.name.replace(/\s+/g, "")) expect(pages[0].text).toContain(ch);
    expect(pages.flatMap((p) => overruns(p, "序号", counties))).toEqual([]);
    pages.forEach((p, i) => expect(p.text).toContain(`第${i + 1}页`));
  });

  const units = new Set([COUNTY, MEMBER, "交城县"]);
  test("the live 汇总 of a new workbook: 未评分, no rank, no grade, every header in full", () => {
    const pages = printed.get("summary-live")!;
    const text = pages.map((p) => p.text).join("");
    for (const c of sheet("汇总").tables[0].columns)
      for (const ch of c.name.replace(/\s+/g, "")) expect(text).toContain(ch);
    expect(text).toContain("未评分");
    expect(text).not.toContain("优秀");
    expect(pages.flatMap((p) => overruns(p, "单位", units))).toEqual([]);
  });

  test("汇总 of scorecard total: integer ranks, its tables apart, no caption for a chart it has not", () => {
    const pages = printed.get("summary-total")!;
    const text = pages.map((p) => p.text).join("");
    expect(text).not.toContain("图中柱的颜色");
    expect(text).toContain("扣分明细");
    expect(text).toContain("问题清单");
    expect(text).toContain(LONG.repeat(4)); // the issue's message in full
    const first = pages[0];
    const rank = first.blocks.find((b) => b.text === "排名")!;
    const ranks = first.blocks.filter(
      (b) => b.xMin >= rank.xMin - 10 && b.xMax <= rank.xMax + 10 && b.yMin > rank.yMax,
    );
    expect(ranks.map((b) => b.text).filter((t) => t !== "排名")).toEqual(["1", "2"]); // 石楼县 (已完成评分, 100) before 交城县; 市交通局 未评分
    // Each unit's row of the results is as tall as its own texts: the issue list's long message (LONG × 4) and the
    // findings are on sheets of their own, not beside 石楼县.
    const [first2, second] = ["石楼县", "交城县"].map((u) => first.blocks.find((b) => b.text === u)!);
    expect(second.yMin - first2.yMin).toBeLessThan(30);
    // 扣分明细 and 问题清单 on pages of their own (their name in the page header), fitted to the page width: every
    // page has the header row, its first column and its last.
    for (const [sheet, firstHeader, lastHeader] of [
      ["扣分明细", "单位", "存在的问题/不参与说明"],
      ["问题清单", "级别", "说明"],
    ]) {
      const own = pages.filter((p) => p.text.startsWith(sheet));
      expect([sheet, own.length > 0]).toEqual([sheet, true]);
      // (pdftotext joins neighbouring cells into one block: the headers are looked for in the page's text.)
      for (const p of own)
        for (const header of [firstHeader, lastHeader])
          expect([sheet, p.number, p.text.replace(/\s+/g, "").includes(header)]).toEqual([sheet, p.number, true]);
    }
    expect(pages.filter((p) => p.text.startsWith("汇总")).flatMap((p) => overruns(p, "单位", units))).toEqual([]);
  });
});
