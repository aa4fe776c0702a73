/**
 * 校验并汇总: every unit sheet, 附件1 and 附件2 are read in one round trip, scored by the core, checked against the
 * figures their own formulas show (the tamper check), and the summary is written in one more: 汇总 with the core's
 * figures for counties and member units, ranked, with each unit's errors and warnings, a 核对 column that turns to
 * 已变动 when a unit sheet is edited afterwards, and a bar chart of the final scores coloured by grade; after it
 * 各方交回情况, 扣分明细 and 问题清单, each on a sheet of its own.
 */
import {
  readWorkbook,
  summaryValuesSheets,
  SUMMARY_SHEET_NAME,
  type LiveTotals,
  type ReadWorkbook,
  type SheetPlan,
  type SummaryIssueRow,
  type TotalKey,
} from "../layout";
import type { Rubric } from "../rubric";
import type { UnitResult } from "../scoring";
import { summaryPartsOf, totalWorkbooks, type LocatedIssue, type UnitProgress } from "../totalling";
import { adapterError } from "./errors";
import { capabilities } from "./capabilities";
import { readAllSheets, readsWhole, rememberSheets } from "./readSheets";
import { newSession, ownWrites, run, type Session } from "./session";
import { writeSheet } from "./render";
import { standingConflicts } from "./importConflicts";

export interface TotalReport {
  readonly counties: readonly UnitResult[];
  readonly members: readonly UnitResult[];
  /** Every error and warning, with its sheet and cell where known. */
  readonly issues: readonly LocatedIssue[];
  /** The sheet the summary was written to; undefined when it could not be written (see notices). */
  readonly summarySheet?: string;
  readonly syncs: number;
  readonly notices: string[];
  /** When it ran, as shown in 汇总. */
  readonly computedAt: string;
  /** Every unit with each party's part: in, missing or in conflict, and where to look. */
  readonly progress?: readonly UnitProgress[];
}

/** What each unit sheet's total cells show now, for the summary's 核对 column. */
function liveTotals(read: ReadWorkbook): Map<string, LiveTotals> {
  const live = new Map<string, LiveTotals>();
  for (const u of read.units) {
    const shown: LiveTotals["shown"] = {};
    for (const [key, at] of Object.entries(u.shownTotals) as [TotalKey, { cell: string; value: unknown }][]) {
      const v = at.value;
      shown[key] = {
        cell: at.cell,
        value: v !== null && typeof v === "object" ? (v as { result: unknown }).result : v,
      };
    }
    live.set(u.entries.unit, { sheet: u.sheet, shown });
  }
  return live;
}

const issueRow = (i: LocatedIssue): SummaryIssueRow => ({
  sheet: i.sheet,
  cell: i.cell,
  unit: i.unit || undefined,
  severity: i.severity,
  message: i.message,
});

export async function validateAndTotal(
  rubric: Rubric,
  now: () => Date = () => new Date(),
  session: Session = newSession(),
): Promise<TotalReport> {
  const counter = { syncs: 0 };
  try {
    return await run(counter, async (context, sync) => {
      const { grids, sheets } = await readAllSheets(context, sync, session);
      const read = readWorkbook(rubric, grids);
      const computedAt = now().toLocaleString("zh-CN", { hour12: false });
      // Cells an import left alone because two values met, while they still hold what they held then.
      const alsoReported = standingConflicts(session, read);
      const { result, issues, progress } = totalWorkbooks(rubric, [{ read }], { alsoReported });
      const notices: string[] = [];
      if (read.units.length === 0) {
        notices.push("工作簿中没有考核打分助手生成的打分表，请先“生成打分表”或“导入回收的工作簿”。");
        return { counties: [], members: [], issues, syncs: counter.syncs, notices, computedAt };
      }
      // 汇总 and its side sheets (summarySides.ts): summary sheets, told apart by the meta's unit cell.
      const summaries = sheets.filter((s) => s.meta?.role === "summary");
      const oursFor = (plan: SheetPlan) => summaries.find((s) => (s.meta?.unit ?? "") === (plan.meta.unit ?? ""));
      const ours = summaries.find((s) => (s.meta?.unit ?? "") === "");
      const taken = (name: string) => sheets.some((s) => s.name === name && !summaries.includes(s));
      if (taken(SUMMARY_SHEET_NAME) && !ours) {
        notices.push(
          `已有同名工作表「${SUMMARY_SHEET_NAME}」（不是本加载项生成的），汇总表未写入；请将其改名后重新校验并汇总。`,
        );
        return {
          counties: result.counties,
          members: result.members,
          issues,
          syncs: counter.syncs,
          notices,
          computedAt,
          progress,
        };
      }
      const [main, ...sides] = summaryValuesSheets(
        rubric,
        result,
        issues.map(issueRow),
        computedAt,
        liveTotals(read),
        summaryPartsOf(rubric, progress),
      );
      const written: SheetPlan[] = [{ ...main, name: ours?.name ?? SUMMARY_SHEET_NAME }];
      for (const side of sides) {
        const existing = oursFor(side);
        const name = existing?.name ?? side.name;
        if (existing || !taken(name)) written.push({ ...side, name });
        else
          notices.push(
            `已有同名工作表「${name}」（不是本加载项生成的），${side.name}未写入；请将其改名后重新校验并汇总。`,
          );
      }
      const withPrint = capabilities.printSetup();
      await ownWrites(context, sync, () => {
        const collection = context.workbook.worksheets;
        // The summary holds only what the add-in wrote: every sheet of it is made anew each time, after 汇总.
        for (const old of summaries) collection.getItem(old.name).delete();
        const at = ours?.position;
        written.forEach((plan, i) => {
          const ws = writeSheet(collection, plan, withPrint);
          if (at !== undefined) ws.position = at + i;
          if (i === 0) ws.activate();
        });
      });
      rememberSheets(session, [
        ...sheets.filter((s) => !summaries.includes(s)).map((s) => ({ name: s.name, ours: readsWhole(s.meta) })),
        ...written.map((plan) => ({ name: plan.name, ours: false })),
      ]);
      return {
        counties: result.counties,
        members: result.members,
        issues,
        summarySheet: ours?.name ?? SUMMARY_SHEET_NAME,
        syncs: counter.syncs,
        notices,
        computedAt,
        progress,
      };
    });
  } catch (err) {
    throw adapterError("校验并汇总失败", err);
  }
}
