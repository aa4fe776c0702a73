/**
 * The columns of a scoring table (附件6, with the add-in's input columns) and of the adjustments table. The reader
 * finds tables by these headers, so they are part of the workbook format (docs/workbook-format.md).
 */
export const LINE_COLUMNS = [
  "序号",
  "考核项目",
  "考核细则",
  "分值",
  "扣分",
  "得分",
  "存在的问题",
  "是否参与打分",
  "不参与说明",
] as const;

/** 1-based sheet columns of the scoring table (it starts in column A). */
export const COL = {
  label: 1,
  section: 2,
  text: 3,
  points: 4,
  deduction: 5,
  score: 6,
  findings: 7,
  participates: 8,
  reason: 9,
} as const;

export const LINE_WIDTHS = [7, 16, 52, 7, 8, 8, 28, 10, 22] as const;

export const ADJUST_COLUMNS = ["项目", "分数", "说明"] as const;
/** The adjustments table sits under the input columns G–I. */
export const ADJUST_LEFT = COL.findings;

export const ADJUST_ROWS = { bonus: "加分", penalty: "减分", veto: "一票否优" } as const;

/** Labels of the totals block under the adjustments table (label in G, value in H). */
export const TOTAL_LABELS = {
  itemsScore: "现场得分",
  applicableTotal: "实际涉及总分",
  normalized: "折算得分",
  bonus: "计入加分",
  penalty: "计入减分",
  finalScore: "最终成绩",
  grade: "等次",
} as const;
export type TotalKey = keyof typeof TOTAL_LABELS;
export const TOTAL_ORDER: readonly TotalKey[] = [
  "itemsScore",
  "applicableTotal",
  "normalized",
  "bonus",
  "penalty",
  "finalScore",
  "grade",
];

/** The 是/否 answers and the pending grade, written into validation lists and formulas (one source: scoring/words). */
export { YES, NO, PENDING_GRADE as PENDING } from "../scoring/words";
