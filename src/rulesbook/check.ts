/**
 * A rules workbook checked as a rules file is: the reader's findings about its shape, then the schema and the linter
 * on the rules it holds, each message naming the sheet, row and column of the field concerned
 * ("考核细则 第 48 行 分值：子项分值合计 2.5分，与该项分值 3分 不符").
 */
import type { GridSheet } from "../layout";
import {
  lintRules,
  parseRules,
  RulesError,
  rubricFromParsed,
  type LintFinding,
  type Rubric,
  type RulesFile,
} from "../rubric";
import { pathKey, readRulesBook, type BookLocation } from "./read";

export interface BookFinding extends LintFinding {
  readonly at?: BookLocation;
  /** The message with its place: what a person reads. */
  readonly text: string;
}

/** "考核细则 第 48 行 分值", "基本信息「规则」表 版本", "被考核单位". */
export function describeLocation(at: BookLocation): string {
  const where = at.row !== undefined ? ` 第 ${at.row} 行` : at.block ? `「${at.block}」表` : "";
  return `${at.sheet}${where}${at.column ? ` ${at.column}` : ""}`;
}

/** The place of a field, or of the nearest thing holding it. */
function locate(at: ReadonlyMap<string, BookLocation>, path: readonly PropertyKey[] | undefined) {
  if (!path) return undefined;
  for (let n = path.length; n > 0; n--) {
    const found = at.get(pathKey(path.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** Every finding about a rules workbook, errors and warnings, each with its place. */
export function lintRulesBook(sheets: readonly GridSheet[]): BookFinding[] {
  const read = readRulesBook(sheets);
  const shape: BookFinding[] = read.problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    where: describeLocation(p.at),
    message: p.message,
    at: p.at,
    text: `${describeLocation(p.at)}：${p.message}`,
  }));
  // A row the reader could not take (a table missing, an unknown 类别) leaves the rules incomplete: their own checks
  // would only repeat it in other words (a unit left out is then "unknown" in every 考核对象 naming it).
  if (read.problems.some((p) => p.severity === "error")) return shape;
  const rules = lintRules(read.json).map((f): BookFinding => {
    const at = locate(read.at, f.path);
    return {
      ...f,
      at,
      where: at ? describeLocation(at) : f.where,
      text: `${at ? describeLocation(at) : f.where}：${f.message}`,
    };
  });
  // Sub-items taking their item's 考核对象 report a wrong name once per sub-item: once is enough, in one cell.
  const seen = new Set<string>();
  return [...shape, ...rules].filter((f) => !seen.has(f.text) && Boolean(seen.add(f.text)));
}

/** The rules a rules workbook holds; throws RulesError listing every error with its place. */
export function rulesFromBook(sheets: readonly GridSheet[]): RulesFile {
  const errors = lintRulesBook(sheets).filter((f) => f.severity === "error");
  if (errors.length > 0) throw new RulesError(errors.map((f) => f.text));
  return parseRules(readRulesBook(sheets).json);
}

export function rubricFromBook(sheets: readonly GridSheet[]): Rubric {
  return rubricFromParsed(rulesFromBook(sheets));
}

/** Whether a workbook is a rules workbook (rather than score sheets). */
export function isRulesBook(sheets: readonly GridSheet[]): boolean {
  return sheets.some((s) => s.name === "考核细则") && sheets.some((s) => s.name === "基本信息");
}
