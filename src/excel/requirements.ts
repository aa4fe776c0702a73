/**
 * Requirement sets. The manifest asks for ExcelApi 1.8 (Office 2019 and later); newer features are detected here and
 * skipped with a notice the task pane shows.
 */
export type ApiVersion = "1.9" | "1.14";

export function isExcelApiSupported(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** What is missing below a version, in zh-CN, for the notices. */
export const MISSING_FEATURE: Record<ApiVersion, string> = {
  "1.9": "当前 Excel 不支持 ExcelApi 1.9：未设置打印格式（纸张、方向、标题行、页眉），实时校验逐表注册",
  "1.14": "当前 Excel 不支持 ExcelApi 1.14：无法区分加载项自身的写入，改用内部标记避免重复校验",
};
