/** Where the command line gets its rules: the embedded default, or a rules file given with --rules. */
import { readFileSync } from "node:fs";
import { defaultRubric, defaultRulesJson, loadRubric, RulesError, type Rubric } from "../rubric";
import { CliError } from "./errors";

export { CliError };

/** The rules file's JSON (or the default's), without checking it. */
export function readRulesJson(file: string | undefined): unknown {
  if (!file) return defaultRulesJson;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`无法读取规则文件 ${file}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new CliError(`规则文件 ${file} 不是有效的 JSON：${(err as Error).message}`, 2);
  }
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
