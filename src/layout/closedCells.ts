/**
 * A party's workbook closes the input cells another party scores (SheetPlan.closed: locked and grey), and says so in
 * a line above the tables, so that on screen and on paper one sees at once which cells are this party's to fill.
 */
import type { ScoringLine } from "../rubric";
import { lineParty, TEAM } from "../rubric/parties";
import { COL } from "./columns";
import type { Range } from "./plan";
import type { SignoffCells } from "./signoff";

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

/**
 * What a party's unit sheet closes: the input cells (扣分, 存在的问题 to 不参与说明) of the lines another party scores,
 * the adjustments unless the party is the team, and the other parties' sign-offs; and the line saying so.
 */
export function closedUnitCells(sheet: {
  readonly party: string;
  readonly lines: readonly ScoringLine[];
  readonly tables: readonly { readonly part: string; readonly first: number }[];
  readonly adjustRows: { readonly bonus: number; readonly veto: number };
  readonly scoreCol: number;
  readonly noteCol: number;
  readonly signoffs: readonly SignoffCells[];
}): { legend?: string; closed: Range[] } {
  const { party, lines, scoreCol, noteCol } = sheet;
  const others = [...new Set([TEAM, ...lines.map(lineParty)])].filter((p) => p !== party);
  const lineRows = sheet.tables.flatMap((t) =>
    lines
      .filter((l) => l.part === t.part)
      .map((l, i) => ({ row: t.first + i, owner: lineParty(l) }))
      .filter((l) => l.owner !== party)
      .map((l) => l.row),
  );
  const closed = closedRuns(lineRows, [
    [COL.deduction, COL.deduction],
    [COL.findings, COL.reason],
  ]);
  if (party !== TEAM)
    closed.push({ top: sheet.adjustRows.bonus, left: scoreCol, bottom: sheet.adjustRows.veto, right: noteCol });
  for (const s of sheet.signoffs.filter((s) => s.party !== party)) {
    closed.push(
      { top: s.completed.row, left: s.completed.col, bottom: s.completed.row, right: s.completed.col },
      { top: s.assessor.row, left: s.assessor.col, bottom: s.assessor.row, right: noteCol },
      { top: s.completedOn.row, left: s.completedOn.col, bottom: s.completedOn.row, right: noteCol },
    );
  }
  return { ...(others.length > 0 ? { legend: partyLegend(party, others) } : {}), closed };
}
