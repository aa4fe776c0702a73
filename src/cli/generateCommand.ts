/** `scorecard generate`: the same workbook the add-in makes, as an .xlsx file. */
import { writeFileSync } from "node:fs";
import { buildWorkbookPlan, chooseUnits } from "../layout";
import { planToXlsx } from "../xlsx";
import type { Output } from "./rulesCommand";
import { CliError, loadRulesFrom } from "./rulesSource";

export interface GenerateOptions {
  out: string;
  units?: string;
  rules?: string;
}

export async function runGenerate(options: GenerateOptions, io: Output): Promise<number> {
  const rubric = await loadRulesFrom(options.rules);
  const { units, unknown } = chooseUnits(rubric, options.units ?? "all");
  if (unknown.length > 0) {
    throw new CliError(
      `不认识的单位：${unknown.join("、")}。可用 all、counties、members，或单位名称（如 交城、市交通运输局），用逗号分隔。`,
      2,
    );
  }
  if (units.length === 0) throw new CliError("没有选择任何单位。", 2);
  const { plan } = buildWorkbookPlan(rubric, units);
  const bytes = await planToXlsx(plan);
  try {
    writeFileSync(options.out, bytes);
  } catch (err) {
    throw new CliError(`无法写入 ${options.out}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
  const counties = units.filter((u) => u.kind === "county").length;
  io.out(
    `已生成 ${options.out}：${units.length} 个单位的打分表（县（市、区）${counties} 个，成员单位 ${units.length - counties} 个），共 ${plan.sheets.filter((s) => !s.veryHidden).length} 张工作表。`,
  );
  return 0;
}
