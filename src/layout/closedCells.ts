/**
 * A party's workbook closes the input cells another party scores (SheetPlan.closed: locked and grey), and says so in
 * a line above the tables, so that on screen and on paper one sees at once which cells are this party's to fill.
 */
import type { Range } from "./plan";

/** Rows as runs of consecutive rows, each run × each column span one rectangle (few ranges for the adapters). */
export function closedRuns(rows: readonly number[], spans: readonly (readonly [number, number])[]): Range[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs.flatMap(([top, bottom]) => spans.map(([left, right]) => ({ top, left, bottom, right })));
}

/** The line above the tables of a party's sheet (zh-CN). */
export function partyLegend(party: string, others: readonly string[]): string {
  const closed = others.length > 0 ? `；灰色格由${others.join("、")}打分，已锁定` : "";
  return `本表供「${party}」打分：浅黄色格由${party}填写${closed}。`;
}
