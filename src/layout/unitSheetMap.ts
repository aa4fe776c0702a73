/** The map of a unit sheet's plan: where its tables, adjustments, totals and sign-offs are. */
import type { TotalKey } from "./columns";
import type { SignoffCells } from "./signoff";

/** Where the figures of a unit sheet are: what the reader and the summary refer to. */
export interface UnitSheetMap {
  readonly tables: readonly {
    name: string;
    part: "county" | "common" | "individual";
    header: number;
    first: number;
    last: number;
  }[];
  readonly adjustHeader: number;
  readonly adjustRows: { readonly bonus: number; readonly penalty: number; readonly veto: number };
  /** The column of the adjustments' 分数 (加分, 减分, 是/否 of 一票否优). */
  readonly adjustScoreCol: number;
  readonly totals: Readonly<Record<TotalKey, { row: number; col: number }>>;
  /** 已完成评分: the team's completion mark (是 also when a sheet without any deduction was assessed). */
  readonly completed: { readonly row: number; readonly col: number };
  /** Each party's sign-off under the totals: the team's first (its 已完成评分 is `completed`), then 市安委办's. */
  readonly signoffs: readonly SignoffCells[];
}
