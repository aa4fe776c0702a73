/** `scorecard rules`: what the rules say each unit is assessed on, the rules linter, the rules as a workbook. */
import { writeFileSync } from "node:fs";
import { fromHundredths, formatHundredths, lintRules, type LintFinding, type Rubric } from "../rubric";
import { CliError, loadRulesFrom, readRulesSource } from "./rulesSource";

export interface RulesOptions {
  rules?: string;
  json?: boolean;
  lint?: boolean;
  dump?: boolean;
  /** Writes the rules as a workbook to edit (规则.xlsx). */
  xlsx?: string;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Every unit with its applicable lines and applicable total, as data (the --json form). */
export function rulesReport(rubric: Rubric) {
  return {
    rules: { id: rubric.id, version: rubric.version, name: rubric.rules.name, year: rubric.rules.year },
    units: rubric.registry.all.map((unit) => ({
      name: unit.name,
      kind: unit.kind,
      category: unit.category,
      aliases: unit.aliases,
      applicableTotal: fromHundredths(rubric.applicableTotal(unit)),
      lines: rubric.linesFor(unit).map((line) => ({
        key: line.key,
        label: line.label,
        maxPoints: fromHundredths(line.maxPoints),
        conditional: line.conditional,
        scoredBy: line.scoredBy,
      })),
    })),
  };
}

/** The linter's findings on a rules file, a rules workbook (each naming its cell) or the rules a workbook carries. */
async function lintSource(file: string | undefined): Promise<LintFinding[]> {
  const source = await readRulesSource(file);
  if (source.kind === "json") return lintRules(source.json);
  const { isRulesBook, lintRulesBook, workbookRules } = await import("../rulesbook");
  if (isRulesBook(source.sheets)) return lintRulesBook(source.sheets);
  const carried = workbookRules(source.sheets);
  if (!carried || carried.json === undefined) {
    const why = carried?.problem ?? "没有保存生成它所用的考核规则";
    throw new CliError(`「${source.name}」不是规则工作簿（没有“基本信息”“考核细则”工作表），${why}`, 2);
  }
  return lintRules(carried.json);
}

export async function runRules(options: RulesOptions, io: Output): Promise<number> {
  if (options.lint) {
    const findings = await lintSource(options.rules);
    const errors = findings.filter((f) => f.severity === "error");
    if (options.json) {
      io.out(JSON.stringify({ findings }, null, 2));
    } else {
      // Plain Chinese for people; the codes are for programs, in --json.
      for (const f of findings) io.out(`${f.severity === "error" ? "错误" : "警告"} ${f.where}：${f.message}`);
      io.out(`规则检查完成：${errors.length} 个错误，${findings.length - errors.length} 个警告。`);
    }
    return errors.length > 0 ? 1 : 0;
  }
  const rubric = await loadRulesFrom(options.rules, true);
  if (options.xlsx) {
    const [{ rulesWorkbookPlan }, { planToXlsx }] = await Promise.all([import("../rulesbook"), import("../xlsx")]);
    const bytes = await planToXlsx(rulesWorkbookPlan(rubric.rules));
    try {
      writeFileSync(options.xlsx, bytes);
    } catch (err) {
      throw new CliError(
        `无法写入 ${options.xlsx}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        2,
      );
    }
    io.out(
      `已写入规则工作簿 ${options.xlsx}（${rubric.rules.name}，规则 ${rubric.id} 版本 ${rubric.version}）。修改后用 scorecard rules --lint --rules ${options.xlsx} 检查。`,
    );
    return 0;
  }
  if (options.dump) {
    io.out(JSON.stringify(rubric.rules, null, 2));
    return 0;
  }
  if (options.json) {
    io.out(JSON.stringify(rulesReport(rubric), null, 2));
    return 0;
  }
  const { rules, registry } = rubric;
  io.out(`${rules.name}（规则 ${rules.id} 版本 ${rules.version}）`);
  io.out(
    `县（市、区）${registry.counties.length} 个，成员单位 ${registry.members.length} 个，共 ${registry.all.length} 个被考核单位。`,
  );
  for (const unit of registry.all) {
    const lines = rubric.linesFor(unit);
    io.out(`${unit.name}\t${lines.length} 项\t实际涉及总分 ${formatHundredths(rubric.applicableTotal(unit))}`);
  }
  return 0;
}
