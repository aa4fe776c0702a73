/**
 * The columns of a scoring table (附件6, with the add-in's input columns), in order: a column's position is derived
 * from this list, never written as a number. The reader finds tables by these headers, so they are part of the
 * workbook format (docs/workbook-format.md). What each column holds and how it looks is in unitSheet.ts, by key.
 */
export const LINE_FIELDS = [
  { key: "label", header: "序号", width: 6 },
  { key: "section", header: "考核项目", width: 16 },
  { key: "text", header: "考核细则", width: 60 },
  { key: "points", header: "分值", width: 7 },
  { key: "deduction", header: "扣分", width: 8 },
  { key: "score", header: "得分", width: 8 },
  { key: "findings", header: "存在的问题", width: 24 },
  { key: "participates", header: "是否参与打分", width: 10 },
  { key: "reason", header: "不参与说明", width: 18 },
] as const;
export type LineField = (typeof LINE_FIELDS)[number]["key"];

export const LINE_COLUMNS: readonly string[] = LINE_FIELDS.map((f) => f.header);

/** 1-based sheet columns of the scoring table (it starts in column A), by key. */
export const COL = Object.fromEntries(LINE_FIELDS.map((f, i) => [f.key, i + 1])) as Readonly<Record<LineField, number>>;

/** The adjustments table: under the input columns, from 存在的问题 on. */
export const ADJUST_FIELDS = [
  { key: "label", header: "项目" },
  { key: "amount", header: "分数" },
  { key: "note", header: "说明" },
] as const;
export const ADJUST_COLUMNS: readonly string[] = ADJUST_FIELDS.map((f) => f.header);
export const ADJUST_LEFT = COL.findings;

export const ADJUST_ROWS = { bonus: "加分", penalty: "减分", veto: "一票否优" } as const;

/**
 * Under the totals, the assessor's word that a sheet without any deduction was scored (是): without it, a sheet with
 * nothing entered is 未评分 (not scored yet), not 100 (label in the adjustments' label column, value beside it).
 */
export const COMPLETED_LABEL = "已完成评分";

/** Labels of the totals block under the adjustments table (label under 项目, value under 分数). */
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
export { UNSCORED_GRADE as UNSCORED } from "../scoring/words";
