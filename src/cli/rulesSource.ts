/**
 * Where the command line gets its rules: the embedded default, or a file given with --rules — a rules file (JSON), a
 * rules workbook (基本信息, 考核细则 …, as `scorecard rules --xlsx` writes it) or any generated workbook, which
 * carries the rules it was made from.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { GridSheet } from "../layout";
import { defaultRubric, defaultRulesJson, loadRubric, RulesError, rubricFromParsed, type Rubric } from "../rubric";
import { CliError } from "./errors";
import { fsReason } from "./fsErrors";

export { CliError };

/** What a --rules file holds: the JSON of a rules file, or a workbook's sheets. */
export type RulesSource =
  | { readonly kind: "json"; readonly json: unknown }
  | { readonly kind: "workbook"; readonly sheets: readonly GridSheet[]; readonly name: string };

const ZIP = [0x50, 0x4b]; // "PK": an .xlsx is a zip

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new CliError(`无法读取规则文件「${file}」：${fsReason(err, "read")}`, 2);
  }
}

/** The rules file's JSON or the workbook's sheets (the default's JSON without a file), without checking the rules. */
export async function readRulesSource(file: string | undefined): Promise<RulesSource> {
  if (!file) return { kind: "json", json: defaultRulesJson };
  const bytes = readBytes(file);
  const name = basename(file);
  if (bytes[0] === ZIP[0] && bytes[1] === ZIP[1]) {
    // Loaded only for a workbook: a JSON rules file does not pay for the reader.
    const { readXlsxNode: readXlsx } = await import("../xlsx/nodeRead");
    try {
      return { kind: "workbook", sheets: await readXlsx(bytes, name), name };
    } catch (err) {
      throw new CliError(`规则文件 ${(err as Error).message}`, 2);
    }
  }
  const text = bytes.toString("utf8");
  try {
    return { kind: "json", json: JSON.parse(text.replace(/^\uFEFF/, "")) };
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
 * The rubric of a rules file or workbook, or the embedded default. `checked` parses the default with the schema as a
 * rules file would be (`scorecard rules` prints what the parse gives); otherwise the default is used as embedded,
 * which spares loading zod on start (the tests check that both are the same rules).
 */
export async function loadRulesFrom(file: string | undefined, checked = false): Promise<Rubric> {
  if (!file && !checked) return defaultRubric();
  const source = await readRulesSource(file);
  try {
    if (source.kind === "json") return loadRubric(source.json);
    const { rulesFromWorkbook } = await import("../rulesbook/source");
    return rubricFromParsed(rulesFromWorkbook(source.sheets, source.name));
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(`${file ?? "内置规则"}：${err.message}`, 2);
    throw err;
  }
}
