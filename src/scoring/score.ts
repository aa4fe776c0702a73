/**
 * Scoring: lines, totals, normalization, bonus and penalty, veto, grade, rank. Integer hundredths throughout.
 *
 * For one unit (the source's 成绩计算说明 and DESIGN.md):
 *   score of a line      = points − deduction (a 不参与 line scores 0)
 *   itemsScore           = Σ line scores
 *   applicableTotal      = Σ points of the unit's lines, minus lines marked 不参与 with a written reason
 *   normalized           = itemsScore / applicableTotal × 100, rounded half-up to hundredths (integer arithmetic)
 *   finalScore           = normalized + min(bonus, cap) − penalty (the penalty has no cap)
 *   grade                = the rules' grade of finalScore, capped at rules.vetoCapGrade under 一票否优;
 *                          "待更正" while the unit has any error
 */
import { formatHundredths, toHundredths, type Hundredths, type Rubric, type ScoringLine, type Unit } from "../rubric";
import {
  cellText,
  isEmptyCell,
  type CellValue,
  type CountyAnnexEntries,
  type LineEntry,
  type UnitEntries,
} from "./entries";
import { ISSUE_CODES, type Issue, type IssueCode, type IssueField } from "./issues";
import { isUnscored, UNSCORED_GRADE } from "./unscored";
import { parseAmount, parseVetoConditions, parseYesNo, type ParsedAmount } from "./parse";

/** The grade of a unit with an error. */
export const PENDING_GRADE = "待更正";

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

/**
 * Round half-up of numerator / denominator (positive denominator; halves go away from zero), exact: integer
 * division with a correction step, so no float quotient is ever rounded. Falls back to BigInt only for figures
 * beyond 2^53 (never reached by real scores; BigInt is called, not written as literals, so older engines parse it).
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!(denominator > 0)) throw new RangeError("denominator must be positive");
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) throw new RangeError("integers only");
  const sign = numerator < 0 ? -1 : 1;
  const a = 2 * Math.abs(numerator) + denominator; // round half-up of n/d = floor((2n + d) / 2d)
  const b = 2 * denominator;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(a + b)) {
    let q = Math.floor(a / b);
    while (q * b > a) q--;
    while ((q + 1) * b <= a) q++;
    return sign * q + 0;
  }
  const big = BigInt(2) * BigInt(Math.abs(numerator)) + BigInt(denominator);
  return sign * Number(big / (BigInt(2) * BigInt(denominator))) + 0;
}

/** itemsScore / applicableTotal × 100, in hundredths, rounded half-up. */
export function normalize(itemsScore: Hundredths, applicableTotal: Hundredths): Hundredths {
  return divideRoundHalfUp(itemsScore * 10000, applicableTotal);
}

/** How a line is named in messages: "第13.3项" (counties), "共性第5项", "单独第69项" (member units). */
export function lineName(line: Pick<ScoringLine, "part" | "label">): string {
  const prefix = line.part === "common" ? "共性" : line.part === "individual" ? "单独" : "";
  return `${prefix}第${line.label}项`;
}

const fmt = formatHundredths;
const quoted = (value: CellValue | undefined) => `「${cellText(value)}」`;

class IssueList {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  constructor(private readonly unit: string) {}

  add(
    code: IssueCode,
    field: IssueField,
    message: string,
    extra: Partial<Pick<Issue, "lineKey" | "index" | "suggestion">> = {},
  ) {
    const severity = ISSUE_CODES[code];
    const issue: Issue = { code, severity, unit: this.unit, field, message };
    if (extra.lineKey !== undefined) issue.lineKey = extra.lineKey;
    if (extra.index !== undefined) issue.index = extra.index;
    if (extra.suggestion !== undefined) issue.suggestion = extra.suggestion;
    (severity === "error" ? this.errors : this.warnings).push(issue);
  }
}

/** Why an amount could not be read, in words. `what` names the cell ("第5项扣分", "加分"); `range` the allowed span. */
function amountMessage(
  what: string,
  value: CellValue | undefined,
  parsed: Extract<ParsedAmount, { ok: false }>,
  range: string,
): string {
  switch (parsed.reason) {
    case "notNumber":
      return parsed.suggestion !== undefined
        ? `${what}${quoted(value)}不是数字，请改为半角数字 ${parsed.suggestion}`
        : `${what}${quoted(value)}不是数字，请填写${range}的数字`;
    case "negative":
      return `${what}${quoted(value)}是负数，请填写${range}的数字`;
    case "tooPrecise":
      return `${what}${quoted(value)}超过两位小数，最多填写两位小数`;
  }
}

function scoreLine(line: ScoringLine, entry: LineEntry | undefined, issues: IssueList): LineResult {
  const name = lineName(line);
  const key = line.key;
  const reasonText = isEmptyCell(entry?.exemptionReason) ? "" : cellText(entry?.exemptionReason);
  const findings = isEmptyCell(entry?.findings) ? "" : cellText(entry?.findings);
  // Results are built as whole literals (no spread of a shared base): this runs for every line of every unit, and
  // V8's object spread was most of the scoring time.
  const result = (
    deduction: Hundredths,
    score: Hundredths,
    participates: boolean,
    exempted: boolean,
    hasError: boolean,
  ): LineResult => ({
    key,
    label: line.label,
    maxPoints: line.maxPoints,
    deduction,
    score,
    participates,
    exempted,
    exemptionReason: reasonText,
    findings,
    hasError,
  });

  const participatesCell = entry?.participates;
  let participates = parseYesNo(participatesCell, true);
  let hasError = false;
  if (participates === undefined) {
    hasError = true;
    issues.add(
      "participates.invalid",
      "participates",
      `${name}「是否参与打分」填写为${quoted(participatesCell)}，只能填「是」或「否」（空白按「是」）`,
      { lineKey: key },
    );
    participates = true; // scored as participating, but the unit is 待更正 until this is fixed
  }

  const deductionCell = entry?.deduction;
  const range = `0 至 ${fmt(line.maxPoints)} 之间`;
  if (!participates) {
    const parsed = parseAmount(deductionCell);
    if (!isEmptyCell(deductionCell) && !(parsed.ok && parsed.value === 0)) {
      issues.add("deduction.ignored", "deduction", `${name}不参与打分，填写的扣分${quoted(deductionCell)}不计`, {
        lineKey: key,
      });
    }
    const exempted = reasonText !== "";
    if (!exempted) {
      issues.add(
        "exemptionReason.missing",
        "exemptionReason",
        `${name}标为不参与打分但没有不参与说明：未提供书面说明的不得分，该项得 0 分，分值 ${fmt(line.maxPoints)} 仍计入实际涉及项目总分`,
        { lineKey: key },
      );
    }
    return result(0, 0, false, exempted, hasError);
  }

  if (reasonText !== "") {
    issues.add(
      "exemptionReason.unused",
      "exemptionReason",
      `${name}填写了不参与说明，但「是否参与打分」不是「否」，该项仍参与打分`,
      { lineKey: key },
    );
  }
  const parsed = parseAmount(deductionCell);
  let deduction = 0;
  if (!parsed.ok) {
    hasError = true;
    const code = `deduction.${parsed.reason}` as const;
    issues.add(code, "deduction", amountMessage(`${name}扣分`, deductionCell, parsed, range), {
      lineKey: key,
      ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
    });
  } else if (parsed.value !== null) {
    deduction = parsed.value;
    if (deduction > line.maxPoints) {
      hasError = true;
      issues.add(
        "deduction.exceedsPoints",
        "deduction",
        `${name}扣分 ${fmt(deduction)} 超过该项分值 ${fmt(line.maxPoints)}`,
        {
          lineKey: key,
        },
      );
    }
  }
  const score = Math.max(0, line.maxPoints - deduction);
  return result(deduction, score, true, false, hasError);
}

/** Reads the bonus or the penalty; null when it cannot be read (an error is reported). */
function readAdjustment(
  field: "bonus" | "penalty",
  value: CellValue | undefined,
  issues: IssueList,
): Hundredths | null {
  const parsed = parseAmount(value);
  if (parsed.ok) return parsed.value ?? 0;
  const what = field === "bonus" ? "加分" : "减分";
  issues.add(`${field}.${parsed.reason}`, field, amountMessage(what, value, parsed, "不小于 0 "), {
    ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
  });
  return null;
}

/** Scores 附件1 or 附件2 cells against their maxima. */
function scoreAnnex(
  field: "annex1" | "annex2",
  cells: readonly CellValue[] | undefined,
  columns: readonly { name: string; max: Hundredths }[],
  issues: IssueList,
): (Hundredths | null)[] {
  const title = field === "annex1" ? "附件1" : "附件2";
  const values = cells ?? [];
  const scores = columns.map((column, index) => {
    const value = values[index];
    const what = `${title}${column.name}得分`;
    const range = `0 至 ${fmt(column.max)} 之间`;
    const parsed = parseAmount(value);
    if (!parsed.ok) {
      // A negative score is outside 0..max like one above max: both are annexN.outOfRange.
      const code =
        parsed.reason === "negative" ? (`${field}.outOfRange` as const) : (`${field}.${parsed.reason}` as const);
      const message =
        parsed.reason === "negative"
          ? `${what}${quoted(value)}超出范围，应在${range}`
          : amountMessage(what, value, parsed, range);
      issues.add(code, field, message, {
        index,
        ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
      });
      return null;
    }
    if (parsed.value !== null && parsed.value > column.max) {
      issues.add(`${field}.outOfRange`, field, `${what} ${fmt(parsed.value)} 超出范围，应在${range}`, { index });
      return null;
    }
    return parsed.value;
  });
  for (let index = columns.length; index < values.length; index++) {
    if (!isEmptyCell(values[index])) {
      issues.add(
        `${field}.extraValue`,
        field,
        `${title}只有 ${columns.length} 列，第 ${index + 1} 列的${quoted(values[index])}不计`,
        { index },
      );
    }
  }
  return scores;
}

/** Σ scores when every score is entered and valid, else null. */
function annexTotal(scores: readonly (Hundredths | null)[]): Hundredths | null {
  let total = 0;
  for (const s of scores) {
    if (s === null) return null;
    total += s;
  }
  return total;
}

function annexColumns(rubric: Rubric) {
  return {
    annex1: rubric.rules.annex1.items.map((item) => ({
      name: `第${item.no}项（${item.title}）`,
      max: toHundredths(item.points),
    })),
    annex2: rubric.rules.annex2.columns.map((column, i) => ({
      name: `第${i + 1}列（${column.department} ${column.title}）`,
      max: toHundredths(column.points),
    })),
  };
}

function emptyResult(unit: string, kind: "county" | "member", issues: IssueList): UnitResult {
  return {
    unit,
    kind,
    lines: [],
    itemsScore: 0,
    applicableTotal: 0,
    normalized: null,
    bonusEntered: 0,
    bonus: 0,
    penalty: 0,
    finalScore: null,
    veto: false,
    vetoConditions: [],
    gradeBeforeVeto: null,
    grade: PENDING_GRADE,
    errors: issues.errors,
    warnings: issues.warnings,
    rank: null,
  };
}

/** The grade after 一票否优: no better than rules.vetoCapGrade (grades are listed best first). */
function capGrade(rubric: Rubric, grade: string): string {
  const order = rubric.grades.map((g) => g.grade);
  const cap = rubric.rules.vetoCapGrade;
  const capIndex = order.indexOf(cap);
  const index = order.indexOf(grade);
  return capIndex >= 0 && index >= 0 && index < capIndex ? cap : grade;
}

/**
 * Scores one unit. Never throws on entries: an unknown unit name gives a result with the error "unit.unknown".
 * `annex` is only read for counties (for a member unit it is ignored with a warning).
 */
export function scoreUnit(rubric: Rubric, entries: UnitEntries, annex?: CountyAnnexEntries): UnitResult {
  const unit: Unit | undefined = rubric.findUnit(entries.unit);
  if (!unit) {
    const issues = new IssueList(entries.unit);
    issues.add("unit.unknown", "unit", `「${entries.unit}」不是本考核规则中的被考核单位，无法打分`);
    return emptyResult(entries.unit, annex ? "county" : "member", issues);
  }
  const issues = new IssueList(unit.name);

  // Lines.
  const entryLines = entries.lines ?? {};
  const lines = rubric
    .linesFor(unit)
    .map((line) =>
      scoreLine(
        line,
        Object.prototype.hasOwnProperty.call(entryLines, line.key) ? entryLines[line.key] : undefined,
        issues,
      ),
    );
  const itemsScore = lines.reduce((sum, l) => sum + l.score, 0);
  const applicableTotal = lines.reduce((sum, l) => sum + (l.exempted ? 0 : l.maxPoints), 0);
  const linesOk = lines.every((l) => !l.hasError);
  if (applicableTotal === 0) {
    issues.add(
      "unit.noApplicableLines",
      "unit",
      `${unit.name}没有实际涉及的考核项目（全部标为不参与并有说明），无法计算最终成绩`,
    );
  }
  const normalized = linesOk && applicableTotal > 0 ? normalize(itemsScore, applicableTotal) : null;

  // Bonus and penalty.
  const bonusRead = readAdjustment("bonus", entries.bonus, issues);
  const penaltyRead = readAdjustment("penalty", entries.penalty, issues);
  const bonusEntered = bonusRead ?? 0;
  const cap = rubric.bonusCap(unit.kind);
  const bonus = cap === null ? bonusEntered : Math.min(bonusEntered, cap);
  if (bonus < bonusEntered) {
    issues.add("bonus.capped", "bonus", `加分 ${fmt(bonusEntered)} 超过上限 ${fmt(cap ?? 0)}，按 ${fmt(bonus)} 计`);
  }
  const penalty = penaltyRead ?? 0;
  const finalScore =
    normalized !== null && bonusRead !== null && penaltyRead !== null ? normalized + bonus - penalty : null;

  // 一票否优.
  const vetoRead = parseYesNo(entries.veto, false);
  if (vetoRead === undefined) {
    issues.add("veto.invalid", "veto", `一票否优填写为${quoted(entries.veto)}，只能填「是」或「否」（空白按「否」）`);
  }
  const veto = vetoRead === true;
  const parsedConditions = parseVetoConditions(entries.vetoConditions);
  const conditionCount = rubric.rules.vetoConditions.length;
  const conditionRange = `（一）至（${"一二三四五六七八九十"[conditionCount - 1] ?? conditionCount}）`;
  const conditions = parsedConditions.conditions.filter((n) => n <= conditionCount);
  const outOfRange = [
    ...parsedConditions.outOfRange,
    ...parsedConditions.conditions.filter((n) => n > conditionCount).map(String),
  ];
  if (outOfRange.length > 0) {
    issues.add(
      "vetoConditions.outOfRange",
      "vetoConditions",
      `一票否优情形${quoted(entries.vetoConditions)}中的「${outOfRange.join("、")}」不存在，情形只有${conditionRange}`,
    );
  }
  if (parsedConditions.unrecognized !== "") {
    issues.add(
      "vetoConditions.unrecognized",
      "vetoConditions",
      `一票否优情形${quoted(entries.vetoConditions)}中的「${parsedConditions.unrecognized}」无法识别，请填写情形序号，如「（一）（三）」`,
    );
  }
  if (veto && conditions.length === 0) {
    issues.add("veto.noConditions", "veto", `一票否优为「是」，但未注明属于${conditionRange}中的哪种情形`);
  }
  if (!veto && vetoRead !== undefined && !isEmptyCell(entries.vetoConditions)) {
    issues.add(
      "vetoConditions.withoutVeto",
      "vetoConditions",
      `填写了一票否优情形${quoted(entries.vetoConditions)}，但一票否优不是「是」，未按一票否优处理`,
    );
  }

  // Annexes (counties).
  let annex1: AnnexResult | undefined;
  let annex2: (Hundredths | null)[] | undefined;
  const columns = annexColumns(rubric);
  if (annex && unit.kind !== "county") {
    issues.add("annex1.notCounty", "annex1", `附件1、附件2只适用于县（市、区），${unit.name}的附件得分不计`);
  } else if (annex && rubric.findUnit(annex.unit) !== unit) {
    issues.add("annex1.unitMismatch", "annex1", `附件得分属于「${annex.unit}」，不是${unit.name}，不计`);
  }
  if (unit.kind === "county") {
    const mine = annex && rubric.findUnit(annex.unit) === unit ? annex : undefined;
    const scores = scoreAnnex("annex1", mine?.annex1, columns.annex1, issues);
    annex1 = { scores, total: annexTotal(scores) };
    annex2 = scoreAnnex("annex2", mine?.annex2, columns.annex2, issues);
  }

  const gradeBeforeVeto = finalScore === null ? null : rubric.gradeOf(finalScore);
  const hasErrors = issues.errors.length > 0;
  const grade =
    hasErrors || gradeBeforeVeto === null
      ? PENDING_GRADE
      : isUnscored(entries)
        ? UNSCORED_GRADE
        : veto
          ? capGrade(rubric, gradeBeforeVeto)
          : gradeBeforeVeto;

  const result: UnitResult = {
    unit: unit.name,
    kind: unit.kind,
    lines,
    itemsScore,
    applicableTotal,
    normalized,
    bonusEntered,
    bonus,
    penalty,
    finalScore,
    veto,
    vetoConditions: conditions,
    gradeBeforeVeto,
    grade,
    errors: issues.errors,
    warnings: issues.warnings,
    rank: null,
  };
  if (annex1 && annex2) {
    result.annex1 = annex1;
    result.annex2 = annex2;
  }
  return result;
}

/**
 * Ranks results by finalScore, best first; equal finals share a rank and the next rank skips (1, 1, 3). Units with
 * an error get rank null. Returns new objects sorted by rank, then by the units' order in the rules (units with
 * errors last).
 */
export function rankResults(rubric: Rubric, results: readonly UnitResult[]): UnitResult[] {
  const order = (r: UnitResult) => rubric.findUnit(r.unit)?.order ?? Number.MAX_SAFE_INTEGER;
  const rankable = (r: UnitResult) => r.errors.length === 0 && r.finalScore !== null && r.grade !== UNSCORED_GRADE;
  const ranked = results
    .filter(rankable)
    .sort((a, b) => (b.finalScore ?? 0) - (a.finalScore ?? 0) || order(a) - order(b) || a.unit.localeCompare(b.unit));
  const out: UnitResult[] = [];
  ranked.forEach((r, i) => {
    const rank = i > 0 && ranked[i - 1].finalScore === r.finalScore ? (out[i - 1].rank as number) : i + 1;
    out.push({ ...r, rank });
  });
  const unranked = results
    .filter((r) => !rankable(r))
    .sort((a, b) => order(a) - order(b) || a.unit.localeCompare(b.unit))
    .map((r) => ({ ...r, rank: null }));
  return [...out, ...unranked];
}

export interface ScoreAllResult {
  counties: UnitResult[];
  members: UnitResult[];
  /** Results that belong to neither list: unknown unit names, and 附件 entries of counties that have no score sheet. */
  others: UnitResult[];
}

/**
 * Scores and ranks every unit. Counties and member units are ranked separately. A unit entered twice gets the
 * error "unit.duplicate" on both results (neither is ranked); 附件 entries are matched to counties by name.
 */
export function scoreAll(
  rubric: Rubric,
  entries: readonly UnitEntries[],
  annexes: readonly CountyAnnexEntries[] = [],
): ScoreAllResult {
  // 附件 entries by county; a county whose 附件 is entered twice gets an error and neither copy is used.
  const annexGroups = new Map<string, CountyAnnexEntries[]>();
  const others: UnitResult[] = [];
  for (const annex of annexes) {
    const unit = rubric.findUnit(annex.unit);
    if (!unit) {
      const issues = new IssueList(annex.unit);
      issues.add("unit.unknown", "unit", `附件得分中的「${annex.unit}」不是本考核规则中的被考核单位`);
      others.push(emptyResult(annex.unit, "county", issues));
      continue;
    }
    annexGroups.set(unit.name, [...(annexGroups.get(unit.name) ?? []), annex]);
  }
  const annexByUnit = new Map<string, CountyAnnexEntries>();
  for (const [name, group] of annexGroups) if (group.length === 1) annexByUnit.set(name, group[0]);
  const annexDuplicate = (name: string): Issue => ({
    code: "unit.duplicate",
    severity: ISSUE_CODES["unit.duplicate"],
    unit: name,
    field: "annex1",
    message: `${name}的附件得分录入了 ${annexGroups.get(name)?.length ?? 0} 份，请只保留一份`,
  });

  const count = new Map<string, number>();
  for (const e of entries) {
    const name = rubric.findUnit(e.unit)?.name ?? e.unit;
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  const counties: UnitResult[] = [];
  const members: UnitResult[] = [];
  const scored = new Set<string>();
  for (const e of entries) {
    const unit = rubric.findUnit(e.unit);
    const annex = unit ? annexByUnit.get(unit.name) : undefined;
    const result = scoreUnit(rubric, e, annex);
    if (!unit) {
      others.push(result);
      continue;
    }
    scored.add(unit.name);
    if ((annexGroups.get(unit.name)?.length ?? 0) > 1) {
      result.errors = [...result.errors, annexDuplicate(unit.name)];
      result.grade = PENDING_GRADE;
    }
    if ((count.get(unit.name) ?? 0) > 1) {
      const duplicate: Issue = {
        code: "unit.duplicate",
        severity: ISSUE_CODES["unit.duplicate"],
        unit: unit.name,
        field: "unit",
        message: `${unit.name}的打分表录入了 ${count.get(unit.name)} 份，请只保留一份`,
      };
      result.errors = [duplicate, ...result.errors];
      result.grade = PENDING_GRADE;
    }
    (unit.kind === "county" ? counties : members).push(result);
  }
  for (const [name, group] of annexGroups) {
    if (scored.has(name)) continue;
    const unit = rubric.findUnit(name);
    const issues = new IssueList(name);
    issues.add("unit.noEntries", "unit", `有${name}的附件得分，但没有${name}的打分表`);
    const result = emptyResult(name, unit?.kind ?? "county", issues);
    if (group.length > 1) result.errors.push(annexDuplicate(name));
    else if (unit?.kind === "county") {
      const columns = annexColumns(rubric);
      const scores = scoreAnnex("annex1", group[0].annex1, columns.annex1, issues);
      result.annex1 = { scores, total: annexTotal(scores) };
      result.annex2 = scoreAnnex("annex2", group[0].annex2, columns.annex2, issues);
    }
    others.push(result);
  }
  return { counties: rankResults(rubric, counties), members: rankResults(rubric, members), others };
}

/**
 * Errors found outside the core — in a workbook's structure: a unit's sheet twice, lines deleted, a total formula
 * typed over — make their unit 待更正 and unranked, like any error: which figures are right is for a person to say.
 * Returns the results with those errors added (so each result explains its grade), ranked again.
 */
export function withOutsideErrors(rubric: Rubric, all: ScoreAllResult, outside: readonly Issue[]): ScoreAllResult {
  const byUnit = new Map<string, Issue[]>();
  for (const e of outside) if (e.severity === "error" && e.unit) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  const apply = (r: UnitResult): UnitResult => {
    const extra = byUnit.get(r.unit);
    return extra ? { ...r, errors: [...r.errors, ...extra], grade: PENDING_GRADE, rank: null } : r;
  };
  return {
    counties: rankResults(rubric, all.counties.map(apply)),
    members: rankResults(rubric, all.members.map(apply)),
    others: all.others.map(apply),
  };
}
