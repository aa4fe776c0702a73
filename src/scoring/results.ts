/** What scoring gives back: a result per line, per 附件, per unit. Integer hundredths throughout. */
import type { Hundredths } from "../rubric";
import type { Issue } from "./issues";

export interface LineResult {
  key: string;
  label: string;
  maxPoints: Hundredths;
  /** The deduction counted (0 on a 不参与 line and where the entry is not a number). */
  deduction: Hundredths;
  /** points − deduction; 0 on a 不参与 line (and never below 0, even under an over-limit deduction error). */
  score: Hundredths;
  participates: boolean;
  /** 不参与 with a reason: the line left the denominator. */
  exempted: boolean;
  /** 不参与说明 as typed (trimmed), "" if none. */
  exemptionReason: string;
  /** 存在的问题 as typed (trimmed), "" if none. */
  findings: string;
  /** The line has an error (its entries cannot be scored). */
  hasError: boolean;
}

export interface AnnexResult {
  scores: (Hundredths | null)[];
  /** Σ scores when all are entered and valid, else null. */
  total: Hundredths | null;
}

export interface UnitResult {
  /** Canonical name (as typed when the unit is unknown). */
  unit: string;
  kind: "county" | "member";
  lines: LineResult[];
  itemsScore: Hundredths;
  applicableTotal: Hundredths;
  /** null when a line cannot be scored or nothing is applicable. */
  normalized: Hundredths | null;
  /** The bonus as entered (0 if empty or not a number). */
  bonusEntered: Hundredths;
  /** The bonus counted: min(bonusEntered, cap). */
  bonus: Hundredths;
  penalty: Hundredths;
  /** null when normalized is null or the bonus or penalty cannot be read. */
  finalScore: Hundredths | null;
  veto: boolean;
  vetoConditions: number[];
  /** The grade of finalScore before 一票否优 (null when there is no finalScore). */
  gradeBeforeVeto: string | null;
  /** "待更正" when the unit has any error. */
  grade: string;
  errors: Issue[];
  warnings: Issue[];
  /** null for units with errors, and before ranking (scoreUnit). */
  rank: number | null;
  /** Counties only. */
  annex1?: AnnexResult;
  /** Counties only. */
  annex2?: (Hundredths | null)[];
}
