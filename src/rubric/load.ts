/**
 * Reading a rules file: schema check (messages in zh-CN, with the path to the bad field), then resolution of every
 * target name. A rules file with an error is rejected whole: half a rubric would score units wrongly.
 */
import { Rubric } from "./model";
import type * as Schema from "./schema";
import type { RulesFile } from "./schema";

/** A problem with the field it concerns, as a path into the rules file ("county", "sections", 2, "points"). */
export interface LocatedProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export class RulesError extends Error {
  constructor(
    readonly problems: readonly string[],
    /** The same problems with their paths, where known: a rules workbook names the cell of each. */
    readonly located: readonly LocatedProblem[] = [],
  ) {
    super(`规则文件有误（${problems.length} 处）：\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "RulesError";
  }
}

/**
 * zod and the schema (about 100 modules, some 70 ms to load) are loaded when a rules file is first checked, not
 * on start: the embedded default rules are not checked again at run time (see default.ts).
 */
let schema: typeof Schema | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred load
const loadSchema = (): typeof Schema => (schema ??= require("./schema") as typeof Schema);

/** Where in the file: "county.sections[2].items[3].points". */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "(文件顶层)";
}

/** A required field that is absent (a row or a cell left empty in a rules workbook). */
function missing(issue: { code: string; input?: unknown; message: string }): boolean {
  return issue.code === "invalid_type" && issue.input === undefined;
}

/** Checks the shape of a rules file. Throws RulesError listing every problem. */
export function parseRules(json: unknown): RulesFile {
  const { rulesSchema, zhCN } = loadSchema();
  const result = rulesSchema.safeParse(json, { error: zhCN.localeError, reportInput: true });
  if (!result.success) {
    const issues = result.error.issues;
    throw new RulesError(
      issues.map((i) => `${formatPath(i.path)}：${i.message}`),
      issues.map((i) => ({ path: i.path, message: missing(i) ? "未填写" : i.message })),
    );
  }
  return result.data;
}

/** Parses the text of a rules file (JSON). */
export function parseRulesText(text: string): RulesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RulesError([`不是有效的 JSON：${(err as Error).message}`]);
  }
  return parseRules(json);
}

/** A rubric ready to use; throws RulesError when a target names an unknown unit. */
export function loadRubric(json: unknown): Rubric {
  return build(() => parseRules(json));
}

/** A rubric from rules already in the form parseRules gives (the embedded default); throws RulesError as loadRubric. */
export function rubricFromParsed(rules: RulesFile): Rubric {
  return build(() => rules);
}

function build(rules: () => RulesFile): Rubric {
  let rubric: Rubric;
  try {
    rubric = new Rubric(rules());
  } catch (err) {
    if (err instanceof RulesError) throw err;
    throw new RulesError([(err as Error).message]);
  }
  if (rubric.problems.length > 0) {
    throw new RulesError(
      rubric.problems.map((p) => `${p.where}：${p.message}`),
      rubric.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  return rubric;
}
