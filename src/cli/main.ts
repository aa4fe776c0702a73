/**
 * The `scorecard` command line: the same rules, workbook and scoring as the add-in, without Excel.
 * Exit codes: 0 fine, 1 the input has errors (rules errors, entries with errors), 2 a file cannot be read or used.
 * Each command's modules load when it runs: start-up is part of what a user waits for (npm run bench).
 */
import { Command, CommanderError } from "commander";
import { CliError } from "./errors";
import type { Output } from "./rulesCommand";

const stdio: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: readonly string[], io: Output = stdio): Promise<number> {
  let exitCode = 0;
  const program = new Command("scorecard")
    .description("考核打分助手命令行：生成打分工作簿、汇总回收的工作簿、查看与检查考核规则")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command("rules")
    .description("列出每个被考核单位涉及的考核项目和实际涉及总分；--lint 检查规则")
    .option("--rules <file>", "规则文件（JSON 或规则工作簿 .xlsx），默认使用内置的 2022 年吕梁市规则")
    .option("--json", "以 JSON 输出")
    .option("--lint", "检查规则：分值合计、子项分值、考核对象，以及原文自身的不一致（警告）")
    .option("--dump", "输出完整的规则文件（JSON，可作为来年规则的模板）")
    .option("--xlsx <file>", "把规则写成可在 Excel、WPS 中修改的规则工作簿（.xlsx），作为来年规则的模板")
    .action(async (options) => {
      const { runRules } = await import("./rulesCommand");
      exitCode = await runRules(options, io);
    });

  program
    .command("generate")
    .description("生成打分工作簿：附件1、附件2、各单位打分表（附件6）和汇总表")
    .requiredOption("--out <file>", "输出的 .xlsx 文件")
    .option(
      "--units <units>",
      "all（默认）、counties、members，或以逗号分隔的单位名称（可用简称，如 交城,市交通运输局）",
      "all",
    )
    .option("--rules <file>", "规则文件（JSON 或规则工作簿 .xlsx）")
    .action(async (options) => {
      const { runGenerate } = await import("./generateCommand");
      exitCode = await runGenerate(options, io);
    });

  program
    .command("total")
    .description("汇总交回的工作簿：逐项校验、折算、计入加减分和一票否优、评定等次并排名")
    .argument("<files...>", "交回的 .xlsx 工作簿")
    .option("--json", "以 JSON 输出成绩和问题清单")
    .option("--out <file>", "把汇总表写入 .xlsx 文件")
    .option("--progress", "列出每个单位各方（考核组、市安委办、各部门、专班）打分的交回情况")
    .option("--rules <file>", "规则文件（JSON 或规则工作簿 .xlsx）；默认使用交回的工作簿中保存的规则")
    .action(async (files: string[], options) => {
      const { runTotal } = await import("./totalCommand");
      exitCode = await runTotal(files, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    throw err;
  }
  return exitCode;
}
