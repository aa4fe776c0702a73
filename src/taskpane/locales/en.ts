import type { Messages } from "./zh-CN";

/** English fallback, for an Office whose display language is not Chinese. */
export const en: Messages = {
  appName: "Assessment Scoring Assistant",
  rulesInUse: "Rules in use",
  rulesSummary: "{counties} counties, {members} member units",
  loadRules: "Load another rules file…",
  outsideExcelTitle: "Open this in Excel",
  outsideExcelBody:
    "The Assessment Scoring Assistant is an Excel add-in: it generates the score sheets, checks every entry and totals every unit. Open it in Excel: Home → Add-ins → Upload My Add-in, then choose manifest.xml. Without Excel, the scorecard command line generates and totals workbooks.",
  chooseUnits: "Choose the assessed units",
  allCounties: "All counties",
  allMembers: "All member units",
  search: "Search units",
  generate: "Generate score sheets",
  generating: "Generating score sheets…",
  generated: "Generated {count} score sheets",
  validateAndTotal: "Validate and total",
  totalling: "Validating and totalling…",
  totalled: "Totalled {units} units: {errors} errors, {warnings} warnings",
  issues: "Issues",
  noIssues: "No issues found",
  error: "Error",
  warning: "Warning",
  goToCell: "Go to cell",
  importWorkbooks: "Import returned workbooks",
  exportUnit: "Export this unit's workbook",
  failed: "The action failed",
};
