/**
 * Whose cell it is, whose file is newer, who signed it off: a value typed in a party's workbook in a cell another
 * party owns is a warning and still counts; a party's newer file wins only when the user says so, and every value it
 * sets aside is named with both files' saved times; a part signed off 已完成 = 是 shows as complete with its
 * 考核人员 and date.
 */
import {
  buildWorkbookPlan,
  partyWorkbookPlan,
  planToGrid,
  readWorkbook,
  withEntries,
  type PartSignoff,
} from "../../src/layout";
import { shownTime, totalWorkbooks, totalWithTimes, type ReturnedWorkbook } from "../../src/totalling";
import { luliang2022 } from "../support/rules";
import { planCells } from "../support/planCells";

const rules = luliang2022;
const COUNTIES = ["交城县", "石楼县"];
const built = buildWorkbookPlan(
  rules,
  COUNTIES.map((n) => rules.findUnit(n)!),
);
const at = planCells(built);

function returned(
  file: string,
  entries: Record<string, Record<string, string | number>>,
  extra: { party?: string; savedAt?: string; signoffs?: PartSignoff[] } = {},
): ReturnedWorkbook {
  const grids = built.plan.sheets.map((s) => withEntries(planToGrid(s), entries[s.name] ?? {}));
  const read = readWorkbook(rules, grids);
  return {
    file,
    savedAt: extra.savedAt,
    read: { ...read, ...(extra.party ? { party: extra.party } : {}), signoffs: extra.signoffs ?? read.signoffs },
  };
}

const final = (t: ReturnType<typeof totalWorkbooks>, unit: string) => {
  const r = t.result.counties.find((c) => c.unit === unit)!;
  return `${r.finalScore} ${r.grade}`;
};

test("a team line filled in 市安委办's workbook: a warning naming file, cell, value and owner; the value counts", () => {
  const cell = at.line("交城县", "5", "E");
  const office = returned(
    "市安委办.xlsx",
    { 交城县: { [cell]: 0.5, [at.line("交城县", "37", "E")]: 1 } },
    { party: "市安委办" },
  );
  const t = totalWorkbooks(rules, [office]);
  const unowned = t.issues.filter((i) => i.code === "entry.unowned");
  expect(unowned).toHaveLength(1); // line 37 is 市安委办's own
  expect(unowned[0]).toMatchObject({
    severity: "warning",
    file: "市安委办.xlsx",
    sheet: "交城县",
    cell,
    unit: "交城县",
  });
  expect(unowned[0].message).toBe(
    `市安委办.xlsx 是为「市安委办」制作的工作簿，其中交城县第5项的扣分（交城县!${cell}）填了「0.5」，这一项由「考核组」负责打分；该值仍计入汇总，请与考核组核对`,
  );
  // It counts: the same as one workbook for everyone holding both values.
  const everyone = returned("全部.xlsx", { 交城县: { [cell]: 0.5, [at.line("交城县", "37", "E")]: 1 } });
  expect(final(t, "交城县")).toBe(final(totalWorkbooks(rules, [everyone]), "交城县"));
  expect(totalWorkbooks(rules, [everyone]).issues.some((i) => i.code === "entry.unowned")).toBe(false);

  // The owner's own file says 1: a conflict, and the unit waits.
  const team = returned("考核一组.xlsx", { 交城县: { [cell]: 1 } }, { party: "考核组" });
  const both = totalWorkbooks(rules, [team, office]);
  expect(both.issues.find((i) => i.code === "entry.conflict")).toMatchObject({ cell, file: "市安委办.xlsx" });
  expect(both.result.counties.find((c) => c.unit === "交城县")!.grade).toBe("待更正");
});

test("another department's 附件2 column filled in 市住建局's workbook is an annex.unowned warning", () => {
  const own = at.annex("石楼县", 0);
  const theirs = at.annex("石楼县", 1);
  const t = totalWorkbooks(rules, [
    returned("市住建局.xlsx", { 附件2: { [own]: 90, [theirs]: 80 } }, { party: "市住建局" }),
  ]);
  const unowned = t.issues.filter((i) => i.code === "annex.unowned");
  expect(unowned.map((i) => [i.sheet, i.cell, i.unit, i.index])).toEqual([["附件2", theirs, "石楼县", 1]]);
  expect(unowned[0].message).toContain("这一项由「市城市管理局」负责打分");
  expect(t.result.counties.find((c) => c.unit === "石楼县")!.annex2?.[1]).toBe(8000);
});

describe("a party's corrected copy beside its first file", () => {
  const cell = at.annex("石楼县", 2);
  const next = at.annex("石楼县", 3);
  const other = at.annex("交城县", 2);
  const early = "2026-11-30T02:00:00.000Z";
  const late = "2026-12-01T09:30:00.000Z";
  const first = (savedAt?: string) =>
    returned("市应急局.xlsx", { 附件2: { [cell]: 88, [next]: 91, [other]: 75 } }, { party: "市应急局", savedAt });
  // The correction is of 石楼县 alone: 86 for the first of the department's columns, the second withdrawn (blank).
  const second = (savedAt?: string) =>
    returned("市应急局（修改）.xlsx", { 附件2: { [cell]: 86 } }, { party: "市应急局", savedAt });

  test("without the user's say-so: a conflict whose message shows both saved times", () => {
    const t = totalWorkbooks(rules, [first(early), second(late)]);
    const conflict = t.issues.find((i) => i.code === "annex.conflict")!;
    expect(conflict.message).toBe(
      `石楼县的附件2第 3 项在 市应急局.xlsx（${cell}，保存于 ${shownTime(early)}）中为「88」，在 市应急局（修改）.xlsx（${cell}，保存于 ${shownTime(late)}）中为「86」，请核对后只保留一个`,
    );
    expect(t.result.counties.find((c) => c.unit === "石楼县")!.grade).toBe("待更正");
  });

  test("with --newer-replaces: the newer file's part wins, each value set aside is a notice with both times", () => {
    const t = totalWorkbooks(rules, [first(early), second(late)], { newerReplaces: true });
    expect(t.issues.filter((i) => i.code === "annex.conflict")).toEqual([]);
    const shilou = t.result.counties.find((c) => c.unit === "石楼县")!;
    expect(shilou.annex2?.slice(2, 4)).toEqual([8600, null]);
    // 交城县's part is only in the first file: it stands.
    expect(t.result.counties.find((c) => c.unit === "交城县")!.annex2?.[2]).toBe(7500);
    const notices = t.issues.filter((i) => i.code === "annex.replaced");
    expect(notices.map((n) => [n.unit, n.file, n.cell, n.severity])).toEqual([
      ["石楼县", "市应急局.xlsx", cell, "warning"],
      ["石楼县", "市应急局.xlsx", next, "warning"],
    ]);
    expect(notices[0].message).toBe(
      `石楼县的附件2第 3 项：按“同一方较新的文件替换较早的”，采用 市应急局（修改）.xlsx（保存于 ${shownTime(late)}）中的「86」，不再采用 市应急局.xlsx（保存于 ${shownTime(early)}）中的「88」（市应急局的部分）`,
    );
    expect(notices[1].message).toContain("第 4 项：按“同一方较新的文件替换较早的”，采用 市应急局（修改）.xlsx");
    expect(notices[1].message).toContain("中的空白，不再采用 市应急局.xlsx");
    // The order the files are given in does not matter: the time does.
    const reversed = totalWorkbooks(rules, [second(late), first(early)], { newerReplaces: true });
    expect(reversed.result.counties.find((c) => c.unit === "石楼县")!.annex2?.[2]).toBe(8600);
  });

  test("files without a saved time decide nothing: still a conflict, and the files are asked for their times", async () => {
    const t = totalWorkbooks(rules, [first(), second()], { newerReplaces: true });
    expect(t.issues.some((i) => i.code === "annex.conflict")).toBe(true);
    expect(t.datesWanted).toEqual(["市应急局.xlsx", "市应急局（修改）.xlsx"]);
    // Asked (as the command line asks the files), the times decide.
    const times: Record<string, string> = { "市应急局.xlsx": early, "市应急局（修改）.xlsx": late };
    const asked: string[] = [];
    const dated = await totalWithTimes(rules, [first(), second()], { newerReplaces: true }, async (wb) => {
      asked.push(wb.file!);
      return times[wb.file!];
    });
    expect(asked.sort()).toEqual(["市应急局.xlsx", "市应急局（修改）.xlsx"]);
    expect(dated.result.counties.find((c) => c.unit === "石楼县")!.annex2?.[2]).toBe(8600);
    // A file that has no time: it stays a conflict, with a warning that says why.
    const undated = await totalWithTimes(rules, [first(), second()], { newerReplaces: true }, async () => undefined);
    expect(undated.issues.some((i) => i.code === "annex.conflict")).toBe(true);
    expect(undated.issues.filter((i) => i.code === "file.undated").map((i) => i.file)).toEqual([
      "市应急局.xlsx",
      "市应急局（修改）.xlsx",
    ]);
  });

  test("files of different parties are never replaced by time: 市安委办's copy does not replace the team's", () => {
    const line = at.line("交城县", "5", "E");
    const team = returned("考核一组.xlsx", { 交城县: { [line]: 1 } }, { party: "考核组", savedAt: early });
    const office = returned("市安委办.xlsx", { 交城县: { [line]: 0.5 } }, { party: "市安委办", savedAt: late });
    const t = totalWorkbooks(rules, [team, office], { newerReplaces: true });
    expect(t.issues.some((i) => i.code === "entry.conflict")).toBe(true);
    expect(t.issues.some((i) => i.code === "entry.replaced")).toBe(false);
  });
});

test("progress: a part signed off 已完成 = 是 is complete, with its 考核人员 and date; a sign-off alone is not a part", () => {
  const signoff = (party: string, unit: string | undefined, completed: string, annex?: PartSignoff["annex"]) => ({
    party,
    unit,
    annex,
    sheet: annex ? "附件2" : (unit ?? ""),
    assessor: "王敏",
    completed,
    completedOn: 46356, // 2026-11-30 as Excel stores it
    cells: { assessor: "C40", completed: "E40", completedOn: "G40" },
  });
  const team = returned(
    "考核一组.xlsx",
    { 交城县: { [at.line("交城县", "5", "E")]: 0.5 } },
    { party: "考核组", signoffs: [signoff("考核组", "交城县", "是"), signoff("考核组", "石楼县", "是")] },
  );
  const dept = returned(
    "市住建局.xlsx",
    { 附件2: { [at.annex("交城县", 0)]: 90, [at.annex("石楼县", 0)]: 80 } },
    { party: "市住建局", signoffs: [signoff("市住建局", undefined, "否", { which: "annex2", columns: [0] })] },
  );
  const { progress } = totalWorkbooks(rules, [team, dept]);
  const part = (unit: string, party: string) =>
    progress.find((u) => u.unit === unit)!.parts.find((p) => p.party === party)!;
  expect(part("交城县", "考核组")).toMatchObject({
    status: "complete",
    files: ["考核一组.xlsx"],
    signoff: { assessor: "王敏", complete: true, completedOn: "2026-11-30", file: "考核一组.xlsx", cell: "E40" },
  });
  // 石楼县 signed off but nothing of the team's part is in it: still missing (the sign-off is shown with it).
  expect(part("石楼县", "考核组").status).toBe("missing");
  expect(part("石楼县", "市住建局")).toMatchObject({ status: "received", signoff: { complete: false } });
  expect(part("交城县", "市城市管理局").status).toBe("missing");
});

test("a party's sheet brought into a workbook for everyone (import) does not make it that party's: no unowned warning", () => {
  const team = partyWorkbookPlan(rules, { party: "考核组", units: [rules.findUnit("文水县")!] });
  const office = built.plan.sheets.map((s) =>
    withEntries(planToGrid(s), s.name === "附件2" ? { [at.annex("石楼县", 0)]: 95 } : {}),
  );
  const read = readWorkbook(rules, [
    ...office,
    ...team.sheets.filter((s) => s.meta.role === "unit").map((s) => planToGrid(s)),
  ]);
  expect(read.party).toBeUndefined();
  expect(totalWorkbooks(rules, [{ read }]).issues.filter((i) => i.code.endsWith(".unowned"))).toEqual([]);
  // The team's workbook on its own is the team's.
  expect(
    readWorkbook(
      rules,
      team.sheets.map((s) => planToGrid(s)),
    ).party,
  ).toBe("考核组");
});
