/**
 * A plan's data validations and conditional formats, queued onto a sheet (no sync): Excel's own checks of what a
 * person types, which work without the add-in.
 */
import type { ConditionalFormatPlan, ValidationPlan } from "../layout";
import { rangeOf } from "./cellFormat";

/** DataValidation (ExcelApi 1.8): a drop-down list or a decimal bound, with a stop alert and a prompt. */
export function writeValidations(ws: Excel.Worksheet, validations: readonly ValidationPlan[]): void {
  for (const v of validations) {
    const range = rangeOf(ws, v.range);
    const bound = (x: number | { formula: string }) => (typeof x === "number" ? x : x.formula);
    range.dataValidation.rule =
      v.rule.kind === "list"
        ? { list: { inCellDropDown: true, source: v.rule.values.join(",") } }
        : v.rule.max === undefined
          ? { decimal: { formula1: bound(v.rule.min), operator: Excel.DataValidationOperator.greaterThanOrEqualTo } }
          : {
              decimal: {
                formula1: bound(v.rule.min),
                formula2: bound(v.rule.max),
                operator: Excel.DataValidationOperator.between,
              },
            };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: v.errorTitle,
      message: v.errorMessage,
    };
    range.dataValidation.ignoreBlanks = v.allowBlank;
    if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: v.errorTitle, message: v.prompt };
  }
}

/** Custom conditional formats (ExcelApi 1.6): a fill where the formula is true. */
export function writeConditionalFormats(ws: Excel.Worksheet, formats: readonly ConditionalFormatPlan[]): void {
  for (const cf of formats) {
    const format = rangeOf(ws, cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = `=${cf.formula.replace(/^=/, "")}`;
    format.custom.format.fill.color = cf.fill;
  }
}
