/**
 * The words of the rules workbook: sheet names, block titles, column headers and the values of list columns. The
 * writer (sheets.ts), the reader (read.ts) and the notes sheet (notes.ts) take them from here, so a header renamed
 * in one place is renamed everywhere.
 */
import type { PartKey, TargetGroup, UnitCategory } from "../rubric";

export const BOOK_SHEETS = {
  info: "基本信息",
  units: "被考核单位",
  lines: "考核细则",
  targets: "考核对象",
  annexes: "附件1附件2",
  notes: "说明",
} as const;

/** A block starts with its title in column A ("【等次】"), then its header row, then its rows. */
export const blockTitle = (name: string) => `【${name}】`;
export const BLOCK_TITLE = /^【(.+)】$/;

export const BLOCKS = {
  rules: "规则",
  grades: "等次",
  veto: "一票否优情形",
  parts: "考核部分",
  partNotes: "各部分说明",
  signatures: "签字栏",
  units: "被考核单位",
  lines: "考核细则",
  groups: "考核对象类别",
  misprints: "原文笔误",
  annex1: "附件1",
  annex2: "附件2",
} as const;

/** 【规则】: one row per setting, 项目 | 内容. */
export const SETTING_HEADERS = ["项目", "内容"] as const;
export const SETTINGS = {
  id: "规则编号",
  version: "版本",
  year: "年度",
  name: "名称",
  source: "来源",
  vetoCapGrade: "一票否优最高等次",
  annex1Title: "附件1标题",
  annex2Title: "附件2标题",
  sheetTitle: "打分表标题",
  countySubtitle: "打分表副标题（县市区）",
  memberCommonTitle: "打分表副标题（成员单位共性）",
  memberIndividualTitle: "打分表副标题（成员单位单独）",
  sheetNote: "打分表说明",
  declaredCounties: "原文所称县（市、区）个数",
  declaredSupervisory: "原文所称负有监管职责单位个数",
  declaredOther: "原文所称其他单位个数",
} as const;
export type SettingKey = keyof typeof SETTINGS;

export const GRADE_HEADERS = ["等次", "最低分（含）"] as const;
/** 序号 only helps the eye: the order is the rows' order. */
export const VETO_HEADERS = ["序号", "情形"] as const;
export const PART_HEADERS = [
  "部分",
  "标题",
  "总分",
  "默认考核对象",
  "加分项",
  "加分考核方式",
  "加分上限",
  "减分项",
  "减分考核方式",
  "减分上限",
] as const;
export const PART_NOTE_HEADERS = ["部分", "说明"] as const;
export const SIGNATURE_HEADERS = ["序号", "签字栏"] as const;
export const UNIT_HEADERS = ["类别", "名称", "别名"] as const;
export const LINE_HEADERS = [
  "部分",
  "考核项目",
  "项目分值",
  "序号",
  "子项",
  "分组",
  "考核细则",
  "评分标准",
  "考核方式",
  "分值",
  "考核对象",
  "打分",
] as const;
export type LineHeader = (typeof LINE_HEADERS)[number];
export const GROUP_HEADERS = ["词语", "含义"] as const;
export const MISPRINT_HEADERS = ["原文", "应理解为"] as const;
export const ANNEX1_HEADERS = ["序号", "考核项目", "分值", "考核方式"] as const;
export const ANNEX2_HEADERS = ["部门", "考核内容", "分值"] as const;

/** The parts of the rules as the 部分 column writes them (the linter's names). */
export const PART_LABELS: Record<PartKey, string> = {
  county: "附件3",
  common: "附件4 共性",
  individual: "附件4 单独",
};

export const CATEGORY_LABELS: Record<UnitCategory, string> = {
  county: "县（市、区）",
  supervisory: "负有安全生产监管职责的单位",
  other: "其他单位",
};

export const GROUP_LABELS: Record<TargetGroup, string> = {
  allCounties: "全部县（市、区）",
  allMembers: "全部成员单位",
  allSupervisory: "全部负有监管职责的单位",
  conditionalCounties: "符合条件的县（市、区）",
};

export const SCORED_BY_LABELS = { assessors: "考核组", safetyOffice: "市安委办" } as const;

/** Aliases are written in one cell, separated by 、 (the separator of 考核对象 lists, so no name holds one). */
export const ALIAS_SEPARATOR = "、";

/** Finds the key whose label is `text`, ignoring blanks (a person may type "附件4共性"). */
export function keyOfLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const plain = text.replace(/[\s\u3000]+/g, "");
  return (Object.keys(labels) as K[]).find((k) => labels[k].replace(/\s+/g, "") === plain);
}
