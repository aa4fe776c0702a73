/** The last step of planning a unit sheet, apart from its layout (unitSheet.ts), also for a filled plan (fill.ts). */
import type { Rubric } from "../rubric";
import { withCachedResults } from "./cached";
import { ADJUST_LEFT } from "./columns";
import { fitSheet } from "./fit";
import type { SheetPlan } from "./plan";

/**
 * A unit sheet plan made ready to write: cached results from its entries, row heights from its texts, and page
 * breaks that keep blocks whole — a line never splits, a part's title and header go with its first line, and the
 * adjustments, totals, 已完成评分 and signature lines share a page. Also for a plan filled with entries (fill.ts).
 */
export function finishUnitSheet(rubric: Rubric, plan: SheetPlan): SheetPlan {
  const sheet = withCachedResults(rubric, plan).sheet;
  const adjust = sheet.tables.find((t) => t.left === ADJUST_LEFT);
  const lineTables = sheet.tables.filter((t) => t.left === 1);
  const end = Math.max(...sheet.cells.map((c) => c.row), ...sheet.merges.map((m) => m.bottom));
  const blocks: { from: number; to: number }[] = [];
  const firstTop = lineTables[0]?.top ?? adjust?.top ?? end;
  for (let r = firstTop; r < (adjust?.top ?? end + 1); r++) {
    const table = lineTables.find((t) => t.top === r + 1 || t.top === r);
    if (table && table.top === r + 1 && sheet.cells.some((c) => c.row === r)) {
      blocks.push({ from: r, to: r + 2 }); // a part's title, its header and its first line
      r += 2;
    } else if (table && table.top === r) {
      blocks.push({ from: r, to: r + 1 });
      r += 1;
    } else blocks.push({ from: r, to: r });
  }
  if (adjust) blocks.push({ from: adjust.top, to: end });
  return fitSheet(sheet, blocks);
}
