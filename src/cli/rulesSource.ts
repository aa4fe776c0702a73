/** Where the command line gets its rules: the embedded default, or a rules file given with --rules. */
import { readFileSync } from "node:fs";
import { defaultRubric, defaultRulesJson, loadRubric, RulesError, type Rubric } from "../rubric";
import { CliError } from "./errors";
import { fsReason } from "./fsErrors";

export { CliError };

/** The rules file's JSON (or the default's), without checking it. */
export function readRulesJson(file: string | undefined): unknown {
  if (!file) return defaultRulesJson;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`无法读取规则文件「${file}」：${fsReason(err, "read")}`, 2);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new CliError(`规则文件「${file}」不是有效的 JSON${jsonWhere(text, err)}，请检查括号、引号和逗号`, 2);
  }
}

/** Where JSON.parse stopped, as "（第 3 行第 5 列附近）": its own message is English. */
function jsonWhere(text: string, err: unknown): string {
  const message = (err as Error).message;
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `（第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列附近）`;
  const position = /position (\d+)/.exec(message);
  if (!position) return "";
  const before = text
    .replace(/^\uFEFF/, "")
    .slice(0, Number(position[1]))
    .split("\n");
  return `（第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列附近）`;
}

/**
 * The rubric of a rules file, or the embedded default. `checked` parses the default with the schema as a rules file
 * would be (`scorecard rules` prints what the parse gives); otherwise the default is used as embedded, which spares
 * loading zod on start (the tests check that both are the same rules).
 */
export function loadRulesFrom(file: string | undefined, checked = false): Rubric {
  if (!file && !checked) return defaultRubric();
  const json = readRulesJson(file);
  try {
    return loadRubric(json);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(`${file ?? "内置规则"}：${err.message}`, 2);
    throw err;
  }
}
