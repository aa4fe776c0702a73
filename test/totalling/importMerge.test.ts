/**
 * What 导入回收的工作簿 decides, before Excel is asked anything: 附件 columns of several departments go into the
 * open workbook's 附件2 cell by cell, a value typed there already is never written over (a conflict), a county the
 * open workbook has no row for is named, and a party's newer file wins only when the user says so.
 */
import { buildWorkbookPlan, planToGrid, readWorkbook, withEntries } from "../../src/layout";
import { planImport } from "../../src/totalling";
import { luliang2022 } from "../support/rules";
import { planCells } from "../support/planCells";

const rules = luliang2022;
const plan = (names: string[]) =>
  buildWorkbookPlan(
    rules,
    names.map((n) => rules.findUnit(n)!),
  );
/** A workbook made for `names`, with the entries typed; `only` keeps just those sheets (a department's 附件2). */
const read = (names: string[], entries: Record<string, Record<string, string | number>>, only?: string) => {
  const built = plan(names);
  return readWorkbook(
    rules,
    built.plan.sheets
      .filter((s) => only === undefined || s.name === only)
      .map((s) => withEntries(planToGrid(s), entries[s.name] ?? {})),
  );
};

test("two departments' 附件2 columns fill the open workbook's; a value typed there stays, a county without a row is named", () => {
  const open = plan(["交城县", "石楼县"]);
  const at = planCells(open);
  const theirs = planCells(plan(["交城县", "石楼县", "文水县"]));
  const workbook = read(["交城县", "石楼县"], { 附件2: { [at.annex("石楼县", 1)]: 80 } });
  const files = [
    {
      file: "市住建局.xlsx",
      read: read(
        ["交城县", "石楼县", "文水县"],
        {
          附件2: { [theirs.annex("交城县", 0)]: 95, [theirs.annex("文水县", 0)]: 90 },
        },
        "附件2",
      ),
    },
    {
      file: "市城市管理局.xlsx",
      read: read(
        ["交城县", "石楼县", "文水县"],
        {
          附件2: { [theirs.annex("石楼县", 1)]: 85, [theirs.annex("交城县", 1)]: 70 },
        },
        "附件2",
      ),
    },
  ];
  const m = planImport(rules, workbook, files);
  expect(m.inserts).toEqual([]);
  expect(m.writes.map((w) => [w.target, w.address, w.value, w.from])).toEqual([
    [{ sheet: "附件2" }, at.annex("交城县", 0), 95, "市住建局.xlsx"],
    [{ sheet: "附件2" }, at.annex("交城县", 1), 70, "市城市管理局.xlsx"],
  ]);
  expect(m.conflicts.map((c) => [c.code, c.unit, c.message])).toEqual([
    [
      "annex.conflict",
      "石楼县",
      `石楼县的附件2第 2 项在 本工作簿（${at.annex("石楼县", 1)}）中为「80」，在 市城市管理局.xlsx（${theirs.annex("石楼县", 1)}）中为「85」，请核对后只保留一个`,
    ],
  ]);
  expect(m.notices.map((n) => [n.code, n.unit, n.file])).toEqual([["annex.noRow", "文水县", "市住建局.xlsx"]]);
  expect(m.notices[0].message).toContain("本工作簿的「附件2」中没有「文水县」这一行");
});

test("a party's two files: without the say-so their differing cell is written by neither; with it the newer one wins", () => {
  const at = planCells(plan(["交城县"]));
  const cell = at.line("交城县", "5", "E");
  const workbook = read(["石楼县"], {});
  const older = {
    file: "一组.xlsx",
    savedAt: "2026-11-30T02:00:00.000Z",
    read: read(["交城县"], { 交城县: { [cell]: 0.5 } }),
  };
  const newer = {
    file: "一组（改）.xlsx",
    savedAt: "2026-12-01T02:00:00.000Z",
    read: read(["交城县"], { 交城县: { [cell]: 1 } }),
  };
  const plain = planImport(rules, workbook, [older, newer]);
  // The sheet comes in from the first file, holding its 0.5; the differing 1 is a conflict, not written.
  expect(plain.inserts).toEqual([{ file: "一组.xlsx", sheet: "交城县", unit: "交城县" }]);
  expect(plain.writes).toEqual([]);
  expect(plain.conflicts.map((c) => c.code)).toEqual(["entry.conflict"]);
  const replaced = planImport(rules, workbook, [older, newer], { newerReplaces: true });
  expect(replaced.conflicts).toEqual([]);
  expect(replaced.writes.map((w) => [w.target, w.address, w.value, w.from])).toEqual([
    [{ inserted: { file: "一组.xlsx", sheet: "交城县" } }, cell, 1, "一组（改）.xlsx"],
  ]);
  expect(replaced.notices.map((n) => n.code)).toEqual(["entry.replaced"]);
});
