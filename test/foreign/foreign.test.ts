/**
 * Returned workbooks saved by other programs (issue 16): for each, `scorecard total` either reads every entry right
 * or refuses with a message naming the file, sheet, cell and the real cause. The files are made during the run by
 * LibreOffice (both xlsx filters, through its API), openpyxl, SheetJS and hand-written XML; see programs.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { TotalIssue } from "../../src/cli/totalCommand";
import { buildWorkbookPlan } from "../../src/layout";
import { defaultRubric, fromHundredths } from "../../src/rubric";
import { scoreUnit } from "../../src/scoring";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { bothReaders } from "../support/bothReaders";
import {
  inlineStrings,
  libreOffice,
  LO_FILTERS,
  openpyxl,
  prefixed,
  programsAvailable,
  rewriteSheets,
  sharedStrings,
  sheetjs,
  withoutReferences,
  type Job,
  type LibreOfficeJob,
} from "./programs";

const rubric = defaultRubric();
const UNIT = "石楼县";
const dir = mkdtempSync(join(tmpdir(), "foreign-"));
const path = (name: string) => join(dir, name);

const built = buildWorkbookPlan(rubric, [rubric.findUnit(UNIT)!]);
const map = built.units[0].map;
const table = built.plan.sheets.find((s) => s.name === UNIT)!.tables[0];
/** The sheet row of a county line by its label. */
const row = (label: string) => table.top + 1 + table.rows.findIndex((r) => String(r[0]) === label);

/** What an assessor types: a deduction with its finding, a line marked 不参与 with a reason. */
/** A line break, and a literal "_x0041_" that a writer must escape as _x005F_x0041_ (LibreOffice does). */
const FINDING = "消防通道堵塞\n代号_x0041_照写";
const ENTRIES: [string, string | number][] = [
  [`E${row("1")}`, 0.5],
  [`G${row("1")}`, FINDING],
  [`H${row("3")}`, "否"],
  [`I${row("3")}`, "本县无此类企业"],
];
const set = (cells: [string, string | number][]) =>
  cells.map(([a, v]) => ["set", UNIT, a, v] as [string, string, string, string | number]);
const expected = scoreUnit(rubric, {
  unit: UNIT,
  lines: {
    "county:1": { deduction: 0.5, findings: FINDING },
    "county:3": { participates: "否", exemptionReason: "本县无此类企业" },
  },
});

interface Report {
  code: number;
  units: { unit: string; final: number | null; grade: string }[];
  issues: TotalIssue[];
}
const reports = new Map<string, Report>();

async function total(file: string): Promise<Report> {
  const lines: string[] = [];
  const code = await main(["total", path(file), "--json"], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  const json = JSON.parse(lines.join("\n"));
  return { code, units: json.units, issues: json.issues };
}

const available = programsAvailable();
const blank = path("blank.xlsx");

beforeAll(async () => {
  if (!available.libreoffice || !available.uno || !available.openpyxl)
    throw new Error(
      `run npm run test:setup first (LibreOffice, python3-uno, python3-openpyxl): ${JSON.stringify(available)}`,
    );
  writeFileSync(blank, await planToXlsx(built.plan));
  const bonus = map.adjustRows.bonus;
  const lo: LibreOfficeJob[] = [];
  for (const [tag, filter] of Object.entries(LO_FILTERS)) {
    const job = (name: string, ops: Job["ops"], manual = false) =>
      lo.push({ in: blank, out: path(`lo-${tag}-${name}.xlsx`), filter, ops, manual });
    job("filled", set(ENTRIES));
    job("text", set([[`E${row("1")}`, "0.5"]]));
    job("manual", set(ENTRIES), true);
    job("manual-bonus", set([[`H${bonus}`, 2]]), true);
    job("inserted-row", [["insertRows", UNIT, row("3"), 1], ...set([[`E${row("3")}`, 1]])]);
    job("duplicate-bonus", [
      ["insertRows", UNIT, bonus + 1, 1],
      ...set([
        [`G${bonus + 1}`, "加分"],
        [`H${bonus + 1}`, 2],
        [`H${bonus}`, 1],
      ]),
    ]);
    job("marker-cleared", [["clear", UNIT, "A1:E1"], ...set([["A2", "2022年度安全生产考核（石楼县）"]])]);
    job("reused", [...set([["A4", "被考核单位(盖章）: 交城县"]]), ["rename", UNIT, "交城县"]]);
  }
  libreOffice(lo);
  const penalty = map.adjustRows.penalty;
  const py: Job[] = [
    { in: blank, out: path("py-filled.xlsx"), ops: set(ENTRIES) },
    { in: blank, out: path("py-text.xlsx"), ops: set([[`E${row("1")}`, "0.5"]]) },
    { in: blank, out: path("py-marker-deleted.xlsx"), ops: [["deleteRows", UNIT, 1, 1]] },
    {
      in: blank,
      out: path("py-reused.xlsx"),
      ops: [...set([["A4", "被考核单位(盖章）: 交城县"]]), ["rename", UNIT, "交城县"]],
    },
    {
      in: blank,
      out: path("py-duplicate-penalty.xlsx"),
      ops: [
        ["insertRows", UNIT, penalty + 1, 1],
        ...set([
          [`G${penalty + 1}`, "减分"],
          [`H${penalty + 1}`, 3],
        ]),
      ],
    },
    {
      in: blank,
      out: path("py-flood.xlsx"),
      ops: [
        ["insertRows", UNIT, map.tables[0].last + 1, 100_000],
        ["junk", UNIT, map.tables[0].last + 1, 100_000],
      ],
    },
  ];
  openpyxl(py);
  // SheetJS works on a file that was open in a spreadsheet before: LibreOffice's, with cached results.
  const saved = new Uint8Array(readFileSync(path("lo-ms2007-filled.xlsx")));
  const again: [string, string | number][] = [[`E${row("2")}`, 0.5]];
  writeFileSync(path("sj-filled.xlsx"), sheetjs(saved, UNIT, Object.fromEntries(again), true));
  writeFileSync(path("sj-stale.xlsx"), sheetjs(saved, UNIT, Object.fromEntries(again)));
  writeFileSync(path("sj-text.xlsx"), sheetjs(saved, UNIT, { [`E${row("2")}`]: "0.5" }));
  const shared = await sharedStrings(saved);
  writeFileSync(path("xml-no-r.xlsx"), await rewriteSheets(saved, withoutReferences));
  writeFileSync(path("xml-prefixed.xlsx"), await rewriteSheets(saved, prefixed));
  writeFileSync(path("xml-inline.xlsx"), await rewriteSheets(saved, (x) => inlineStrings(x, shared)));
  writeFileSync(
    path("xml-all.xlsx"),
    await rewriteSheets(saved, (x) => prefixed(withoutReferences(inlineStrings(x, shared)))),
  );
  for (const name of [
    ...lo.map((j) => j.out),
    ...py.map((j) => j.out),
    ...["sj-filled", "sj-stale", "sj-text", "xml-no-r", "xml-prefixed", "xml-inline", "xml-all"].map((n) =>
      path(`${n}.xlsx`),
    ),
  ]) {
    const file = name.slice(dir.length + 1);
    reports.set(file, await total(file));
  }
}, 600_000);

test("the browser's reader (JSZip) and the command line's (node:zlib) give the same grid on every file", async () => {
  for (const file of [...reports.keys()]) {
    const { jszip, zlib } = await bothReaders(new Uint8Array(readFileSync(path(file))), file);
    expect(jszip).toHaveProperty("grid");
    expect({ file, ...zlib }).toEqual({ file, ...jszip });
  }
}, 60000);

const errors = (r: Report) => r.issues.filter((i) => i.severity === "error");
const codes = (r: Report) => [...new Set(r.issues.map((i) => i.code))].sort();

test("the corpus: 16 LibreOffice files (8 per filter), 6 openpyxl, 3 SheetJS, 4 hand-written", () => {
  expect(reports.size).toBe(29);
});

describe("filled correctly: read right, graded, nothing said against them", () => {
  test.each(["lo-ms2007-filled", "lo-ooxml-filled", "py-filled"])("%s", (name) => {
    const r = reports.get(`${name}.xlsx`)!;
    expect(r.issues).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.units).toEqual([
      expect.objectContaining({ unit: UNIT, final: fromHundredths(expected.finalScore!), grade: expected.grade }),
    ]);
  });

  test.each(["sj-filled", "xml-no-r", "xml-prefixed", "xml-inline", "xml-all"])(
    "%s: empty cached values (<v></v>), cells without r=, x: prefixes, inline strings",
    (name) => {
      const r = reports.get(`${name}.xlsx`)!;
      expect(r.issues).toEqual([]);
      expect(r.units).toEqual([expect.objectContaining({ unit: UNIT, grade: expect.not.stringMatching(/待更正/) })]);
    },
  );

  test.each(["xml-no-r", "xml-prefixed", "xml-inline", "xml-all"])(
    "%s: the same grid as the file it was made from",
    async (name) => {
      const source = await readXlsx(readFileSync(path("lo-ms2007-filled.xlsx")));
      expect(await readXlsx(readFileSync(path(`${name}.xlsx`)))).toEqual(source);
    },
  );

  test("a finding with a line break and a literal _x0041_ reads as typed (_x005F_ and other _xHHHH_ escapes decoded)", async () => {
    // Not openpyxl's file: openpyxl writes a typed "_x0041_" unescaped, and Excel itself shows it as "A".
    for (const name of ["lo-ms2007-filled", "lo-ooxml-filled", "xml-inline"]) {
      const sheet = (await readXlsx(readFileSync(path(`${name}.xlsx`)))).find((s) => s.name === UNIT)!;
      expect({ name, finding: sheet.cells[row("1") - 1][6] }).toEqual({ name, finding: FINDING });
    }
  });
});

describe("refused with the real cause, naming file, sheet and cell", () => {
  const only = (name: string, code: string, cell?: string) => {
    const r = reports.get(`${name}.xlsx`)!;
    expect(codes(r)).toEqual([code]);
    const issue = r.issues.find((i) => i.code === code)!;
    expect(issue).toMatchObject({ file: `${name}.xlsx`, severity: "error" });
    if (cell) expect(issue.cell).toBe(cell);
    expect(r.code).not.toBe(0);
    expect(r.units.find((u) => u.unit === UNIT)?.grade ?? "待更正").toBe("待更正");
    return issue;
  };

  test.each(["lo-ms2007-text", "lo-ooxml-text", "py-text"])("%s: an amount stored as text", (name) => {
    expect(only(name, "sheet.textAmount", `E${row("1")}`).message).toMatch(/第1项扣分「0\.5」是文本，请改为数字/);
  });

  test("sj-text: an amount stored as text, in a file whose other results are stale", () => {
    expect(only("sj-text", "sheet.textAmount", `E${row("2")}`).message).toMatch(/第2项扣分「0\.5」是文本/);
  });

  test.each(["lo-ms2007-manual", "lo-ooxml-manual", "lo-ms2007-manual-bonus", "lo-ooxml-manual-bonus", "sj-stale"])(
    "%s: calculation off or stale results",
    (name) => {
      expect(only(name, "sheet.notRecalculated").message).toMatch(/表格未重新计算.*按 F9 .*保存/);
    },
  );

  test.each(["lo-ms2007-inserted-row", "lo-ooxml-inserted-row"])("%s: a deduction on an inserted row", (name) => {
    expect(only(name, "sheet.rowWithoutLine", `E${row("3")}`).message).toMatch(/没有序号.*暂不评等次/);
  });

  test.each(["lo-ms2007-duplicate-bonus", "lo-ooxml-duplicate-bonus", "py-duplicate-penalty"])(
    "%s: a second 加分 or 减分 row",
    (name) => {
      expect(only(name, "sheet.duplicateAdjust").message).toMatch(/又有一行「(加分|减分)」/);
    },
  );

  test.each(["lo-ms2007-reused", "lo-ooxml-reused", "py-reused"])("%s: a form reused for another unit", (name) => {
    expect(only(name, "sheet.unitMismatch").message).toMatch(/交城县.*标记属于「石楼县」/);
  });

  test.each(["lo-ms2007-marker-cleared", "lo-ooxml-marker-cleared", "py-marker-deleted"])(
    "%s: a lost marker row",
    (name) => {
      const r = reports.get(`${name}.xlsx`)!;
      expect(errors(r).map((i) => i.code)).toContain("sheet.markerMissing");
      const issue = r.issues.find((i) => i.code === "sheet.markerMissing")!;
      expect(issue).toMatchObject({ file: `${name}.xlsx`, sheet: UNIT, unit: UNIT });
      expect(issue.message).toMatch(/标记已被删除或清除.*石楼县/);
      expect(r.code).not.toBe(0);
    },
  );
});

test("py-flood: 100 000 junk rows are one warning naming the rows, and the unit is still graded", () => {
  const r = reports.get("py-flood.xlsx")!;
  const first = map.tables[0].last + 1;
  expect(r.issues).toEqual([
    expect.objectContaining({
      code: "sheet.rowWithoutLine",
      severity: "warning",
      message: expect.stringContaining(`第 ${first}–${first + 99_999} 行有 100000 行内容不属于任何考核项目`),
    }),
  ]);
  expect(r.units[0].grade).not.toBe("待更正");
});
