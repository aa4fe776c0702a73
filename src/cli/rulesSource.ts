/** Where the command line gets its rules: the embedded default, or a rules file given with --rules. */
import { readFileSync } from "node:fs";
import { defaultRulesJson, loadRubric, RulesError, type Rubric } from "../rubric";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

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

export function loadRulesFrom(file: string | undefined): Rubric {
  const json = readRulesJson(file);
  try {
    return loadRubric(json);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(`${file ?? "内置规则"}：${err.message}`, 2);
    throw err;
  }
}

