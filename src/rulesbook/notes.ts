/** The 说明 sheet of the rules workbook: what each sheet and column holds, in the words of the office. */
import type { SheetPlan } from "../layout";
import { fitSheet } from "../layout/fit";
import type { RulesFile } from "../rubric";
import { bookPrint, placeBlocks } from "./blocks";
import { BOOK_SHEETS as S, CATEGORY_LABELS, GROUP_LABELS, PART_LABELS, SCORED_BY_LABELS, SETTINGS } from "./labels";

const or = (labels: Record<string, string>) => Object.values(labels).join("、");

/** [sheet, column, explanation] */
export const NOTES: readonly (readonly [string, string, string])[] = [
  [
    "全部",
    "",
    "本工作簿就是考核规则。每张表的蓝色表头不要改名；行可以修改、插入、删除，也可以排序。数字直接填数字，分值最多一位小数。",
  ],
  [
    "全部",
    "",
    "改完后检查：scorecard rules --lint --rules 本文件.xlsx；错误会指出工作表、行和列。生成打分表：scorecard generate --rules 本文件.xlsx --out 考核打分表.xlsx，或在任务窗格中“载入其他规则文件”。",
  ],
  ["全部", "", "每次修改规则请改“版本”：生成的打分表记住规则编号和版本，交回的工作簿按哪版规则生成一看便知。"],
  [
    S.info,
    "规则",
    `${SETTINGS.id}：小写字母、数字和“-”（如 luliang-2023）；${SETTINGS.version}：任意文字（如 2023.1）；${SETTINGS.year}：四位数字；其余为打分表上印出的标题和说明。“原文所称…个数”只用于检查名单个数，可留空或删去该行。`,
  ],
  [S.info, "等次", "从高到低，每行一个等次和它的最低分（含该分数）；最后一个等次的最低分为 0。"],
  [S.info, "一票否优情形", `每行一条，照录原文。${SETTINGS.vetoCapGrade}写在“规则”中，须是“等次”中的一个。`],
  [
    S.info,
    "考核部分",
    `部分：${or(PART_LABELS)}，各一行。总分：该部分满分。默认考核对象：该部分的细则未写考核对象时适用。加分项、减分项：原文照录，留空表示没有；上限留空表示不设上限。`,
  ],
  [S.info, "各部分说明", "打分表下方印出的说明，每行一条，按顺序。"],
  [S.info, "签字栏", "打分表下方的签字栏，每行一个。"],
  [S.units, "类别", `${or(CATEGORY_LABELS)}。表中的顺序就是打分表和汇总表中的顺序。`],
  [
    S.units,
    "名称",
    "单位的正式名称，也是工作表名称和汇总表中的名称；不能以 = + - @ 或空格开头。单位改名时把旧名称写进别名，交回的旧表和考核对象仍然认得。",
  ],
  [S.units, "别名", "其他写法（简称、旧名称），用顿号“、”分隔。名称和别名不能与其他单位重复。"],
  [
    S.lines,
    "",
    "每行是一条细则、一个子项或子项的一个分组：子项、分组都空的行是细则；填了子项的行是该细则的子项（有自己的分值，是一个打分行）；又填了分组的行是子项的分值按考核对象分开的部分。子项行和分组行紧跟在所属细则之后。",
  ],
  [S.lines, "部分", or(PART_LABELS)],
  [
    S.lines,
    "考核项目 / 项目分值",
    "细则所属的考核项目（如“一、……（9分）”）及其分值；同一考核项目的各行连续排列，项目分值相同。",
  ],
  [S.lines, "序号", "细则在本部分中的序号（整数，不重复）；子项行、分组行填所属细则的序号。"],
  [S.lines, "子项 / 分组", "子项的编号（1、2、3……），分组的名称（如 3-1）。"],
  [
    S.lines,
    "考核细则 / 评分标准 / 考核方式",
    "原文照录，可换行（Alt+Enter）。子项的评分标准只在与细则不同时填写；考核方式只在细则行填写。",
  ],
  [
    S.lines,
    "分值",
    "细则的分值等于其子项之和；子项的分值等于其分组之和；一个考核项目的细则之和等于项目分值；各项目之和等于该部分总分。",
  ],
  [
    S.lines,
    "考核对象",
    `单位名称或简称、考核对象类别（见“${S.targets}”表），用顿号分隔；“X（除Y）”表示 X 中除去 Y；空白表示本部分的默认考核对象（子项空白表示与细则相同）。`,
  ],
  [S.lines, "打分", `${or(SCORED_BY_LABELS)}；空白为考核组。`],
  [
    S.targets,
    "考核对象类别",
    `考核对象中表示一类单位的词语及其含义：${or(GROUP_LABELS)}。“符合条件的县（市、区）”默认适用于每个县，不符合的县在打分表上标“不参与”并写明说明。`,
  ],
  [S.targets, "原文笔误", "原文中照录的笔误及应理解的意思（如 具级政府 → 县级政府）；检查时作为警告列出。"],
  [S.annexes, "附件1", "每个县的“两个行动”考评打分表的各项：序号、考核项目、分值、考核方式。"],
  [S.annexes, "附件2", "“四个专项行动”及日常工作考核打分表的各列：部门、考核内容、分值。"],
];

export function notesSheetPlan(rules: RulesFile): SheetPlan {
  const placed = placeBlocks(
    [
      {
        title: "说明",
        table: "RulesNotes",
        columns: [
          { header: "工作表", style: { bold: true, verticalAlign: "top", border: true } },
          { header: "列", style: { verticalAlign: "top", border: true, wrap: true } },
          { header: "说明", style: { wrap: true, verticalAlign: "top", border: true } },
        ],
        rows: NOTES.map((n) => [...n]),
      },
    ],
    3,
  );
  return fitSheet({
    name: S.notes,
    meta: { role: "rulesBook", rulesId: "", rulesVersion: "" },
    columnWidths: { 1: 12, 2: 24, 3: 100 },
    cells: [
      { row: 1, col: 1, value: `${rules.name}：规则工作簿说明`, style: { bold: true, size: 14 } },
      ...placed.cells,
    ],
    merges: [],
    tables: placed.tables,
    validations: [],
    conditionalFormats: [],
    hiddenRows: [],
    protect: false,
    rowHeights: {},
    print: bookPrint(),
  });
}
