/**
 * Rules from any workbook: a rules workbook (基本信息, 考核细则 …) is read and checked cell by cell; a generated
 * workbook gives the rules it carries. And the check every reader of a returned workbook makes: are the rules it
 * carries the rules in use, and if not, what differs.
 */
import type { GridSheet } from "../layout";
import { diffRules, parseRules, RulesError, type RulesFile } from "../rubric";
import { isRulesBook, rulesFromBook } from "./check";
import { workbookRules, type EmbeddedRules } from "./embed";

/** The rules a workbook holds or carries; throws RulesError (with the places of the problems) otherwise. */
export function rulesFromWorkbook(sheets: readonly GridSheet[], fileName = "工作簿"): RulesFile {
  if (isRulesBook(sheets)) return rulesFromBook(sheets);
  const carried = workbookRules(sheets);
  if (!carried) {
    throw new RulesError([
      `「${fileName}」不是规则工作簿（没有“基本信息”“考核细则”工作表），也没有保存生成它所用的考核规则`,
    ]);
  }
  if (carried.problem) throw new RulesError([carried.problem]);
  return parseRules(carried.json);
}

export interface RulesMismatch {
  readonly code: "rules.differ" | "rules.damaged";
  /** The same id and version with other contents is an error: the sheets would be read by rules they were not made from. */
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly differences: readonly string[];
  readonly sheet: string;
}

/** How many differences a message lists; the rest are counted. */
export const LISTED_DIFFERENCES = 12;

/**
 * Whether a returned workbook carries other rules than `inUse`, and what differs ("附件3 第13.3项 分值：1 → 1.5").
 * Undefined when it carries the same rules or none (a workbook made before rules were carried).
 */
export function compareCarriedRules(
  inUse: RulesFile,
  carried: EmbeddedRules | undefined,
  fileName: string,
): RulesMismatch | undefined {
  if (!carried) return undefined;
  if (carried.text !== undefined && carried.text === JSON.stringify(inUse)) return undefined;
  const it = `「${fileName}」保存的考核规则（${carried.rulesId} ${carried.rulesVersion}）`;
  if (carried.problem || carried.json === undefined) {
    return {
      code: "rules.damaged",
      severity: "warning",
      message: carried.problem ?? it,
      differences: [],
      sheet: carried.sheet,
    };
  }
  let theirs: RulesFile;
  try {
    theirs = parseRules(carried.json);
  } catch (err) {
    const why = err instanceof RulesError ? err.problems.slice(0, 3).join("；") : (err as Error).message;
    return {
      code: "rules.damaged",
      severity: "warning",
      message: `${it}无法使用：${why}`,
      differences: [],
      sheet: carried.sheet,
    };
  }
  const differences = diffRules(inUse, theirs);
  if (differences.length === 0) return undefined;
  const listed = differences.slice(0, LISTED_DIFFERENCES).join("；");
  const more =
    differences.length > LISTED_DIFFERENCES ? `；另有 ${differences.length - LISTED_DIFFERENCES} 处不同` : "";
  const sameName = carried.rulesId === inUse.id && carried.rulesVersion === inUse.version;
  return {
    code: "rules.differ",
    severity: "error",
    message: `${it}与当前使用的规则（${inUse.id} ${inUse.version}）不同${sameName ? "（编号和版本相同，内容却不同）" : ""}（当前规则 → 工作簿中的规则）：${listed}${more}`,
    differences,
    sheet: carried.sheet,
  };
}
