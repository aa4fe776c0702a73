/**
 * What the checks report. Every issue has a stable code (adapters key cell highlighting and tests on it) and a
 * zh-CN message that names the line and the limit. Errors mean the entry cannot be scored (the unit's grade is
 * "待更正" until it is fixed); warnings mean it is scored, but someone should look.
 */

export type Severity = "error" | "warning";

/** The entry an issue is about. "unit" is for the unit as a whole (unknown name, nothing applicable, duplicate). */
export type IssueField =
  | "unit"
  | "deduction"
  | "participates"
  | "exemptionReason"
  | "bonus"
  | "penalty"
  | "veto"
  | "vetoConditions"
  | "annex1"
  | "annex2";

export interface Issue {
  /** Stable, e.g. "deduction.notNumber"; see ISSUE_CODES. */
  code: string;
  severity: Severity;
  /** Canonical unit name (or the name as typed when it is unknown). */
  unit: string;
  /** ScoringLine.key, for issues about a scoring line. */
  lineKey?: string;
  field: IssueField;
  /** Column of 附件1 / 附件2, 0-based. */
  index?: number;
  /** zh-CN */
  message: string;
  /** The value to type instead, when it is clear (the half-width form of "０．５" is "0.5"). */
  suggestion?: string;
}

/** Every code the checks use, with its severity. */
export const ISSUE_CODES = {
  "unit.unknown": "error",
  "unit.duplicate": "error",
  "unit.noApplicableLines": "error",
  "unit.noEntries": "error",
  "deduction.notNumber": "error",
  "deduction.negative": "error",
  "deduction.tooPrecise": "error",
  "deduction.exceedsPoints": "error",
  "deduction.ignored": "warning",
  "participates.invalid": "error",
  "exemptionReason.missing": "warning",
  "exemptionReason.unused": "warning",
  "bonus.notNumber": "error",
  "bonus.negative": "error",
  "bonus.tooPrecise": "error",
  "bonus.capped": "warning",
  "penalty.notNumber": "error",
  "penalty.negative": "error",
  "penalty.tooPrecise": "error",
  "veto.invalid": "error",
  "veto.noConditions": "warning",
  "vetoConditions.outOfRange": "warning",
  "vetoConditions.unrecognized": "warning",
  "vetoConditions.withoutVeto": "warning",
  "annex1.notNumber": "error",
  "annex1.tooPrecise": "error",
  "annex1.outOfRange": "error",
  "annex1.extraValue": "warning",
  "annex1.notCounty": "warning",
  "annex1.unitMismatch": "warning",
  "annex2.notNumber": "error",
  "annex2.tooPrecise": "error",
  "annex2.outOfRange": "error",
  "annex2.extraValue": "warning",
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;

export const isError = (issue: Issue): boolean => issue.severity === "error";

/** Where an issue points, besides its unit and field. */
export type IssueDetail = Partial<Pick<Issue, "lineKey" | "index" | "suggestion">>;

/** The one way to make an issue: its severity comes from its code, optional details only when present. */
export function makeIssue(
  unit: string,
  code: IssueCode,
  field: IssueField,
  message: string,
  detail: IssueDetail = {},
): Issue {
  const issue: Issue = { code, severity: ISSUE_CODES[code], unit, field, message };
  if (detail.lineKey !== undefined) issue.lineKey = detail.lineKey;
  if (detail.index !== undefined) issue.index = detail.index;
  if (detail.suggestion !== undefined) issue.suggestion = detail.suggestion;
  return issue;
}

/** The issues of one unit as they are found, errors and warnings apart. */
export class IssueList {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  constructor(private readonly unit: string) {}

  add(code: IssueCode, field: IssueField, message: string, detail: IssueDetail = {}): void {
    const issue = makeIssue(this.unit, code, field, message, detail);
    (issue.severity === "error" ? this.errors : this.warnings).push(issue);
  }
}
