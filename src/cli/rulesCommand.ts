/** `scorecard rules`: what the rules say each unit is assessed on, and the rules linter. */
import { fromHundredths, formatHundredths, lintRules, type Rubric } from "../rubric";
import { loadRulesFrom, readRulesJson } from "./rulesSource";

export interface RulesOptions {
  rules?: string;
  json?: boolean;
  lint?: boolean;
  dump?: boolean;
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

export function runRules(options: RulesOptions, io: Output): number {
  if (options.lint) {
    const findings = lintRules(readRulesJson(options.rules));
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
  const rubric = loadRulesFrom(options.rules, true);
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
