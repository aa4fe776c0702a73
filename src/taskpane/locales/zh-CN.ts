/** Every string the task pane shows, in Chinese (the users' language). en.ts mirrors the keys. */
export const zhCN = {
  appName: "考核打分助手",
  rulesInUse: "当前规则",
  rulesSummary: "县（市、区）{counties} 个，成员单位 {members} 个",
  loadRules: "载入其他规则文件…",
  outsideExcelTitle: "请在 Excel 中打开",
  outsideExcelBody:
    "考核打分助手是 Excel 加载项：生成考核打分表、逐项校验录入、汇总各单位成绩。请在 Excel 中打开：开始 → 加载项 → 上传我的加载项，选择 manifest.xml。不在 Excel 中时，可用命令行 scorecard 生成和汇总工作簿。",
  chooseUnits: "选择被考核单位",
  allCounties: "全部县（市、区）",
  allMembers: "全部成员单位",
  search: "搜索单位",
  generate: "生成打分表",
  generating: "正在生成打分表…",
  generated: "已生成 {count} 张打分表",
  validateAndTotal: "校验并汇总",
  totalling: "正在校验并汇总…",
  totalled: "汇总完成：{units} 个单位，{errors} 个错误，{warnings} 个警告",
  issues: "问题清单",
  noIssues: "没有发现问题",
  error: "错误",
  warning: "警告",
  goToCell: "转到单元格",
  importWorkbooks: "导入回收的工作簿",
  exportUnit: "导出本单位工作簿",
  failed: "操作失败",
} as const;

export type Messages = { readonly [K in keyof typeof zhCN]: string };
