/**
 * 汇总's 各方交回情况: for each unit, each party's part — 已完成 (with its 考核人员 and date), 已交, 未交, 有冲突, or —
 * where the party has no share in the unit — as a table of its own right of the results, printed on pages of its own
 * like 扣分明细 and 问题清单. Totalling (src/totalling/progress.ts) says what each cell holds; this only lays it out.
 */
import type { Literal, TablePlan } from "./plan";
import { STYLE } from "./styles";

/** The parts of each unit as 汇总 shows them: one text per party, in the order of `parties`. */
export interface SummaryParts {
  readonly parties: readonly string[];
  readonly rows: readonly { readonly unit: string; readonly cells: readonly string[] }[];
}

export const PARTS_TABLE_TITLE = "各方交回情况";

export function summaryPartsTable(parts: SummaryParts, top: number, left: number): TablePlan {
  return {
    name: "ResultParts",
    top,
    left,
    columns: [
      { name: "单位", width: 20, style: STYLE.text },
      ...parts.parties.map((p) => ({ name: p, width: 13, style: { ...STYLE.text, align: "center" as const } })),
    ],
    rows: parts.rows.map((r): Literal[] => [r.unit, ...r.cells]),
  };
}
