/**
 * The `scorecard` command line: the same rules, workbook and scoring as the add-in, without Excel.
 * Exit codes: 0 fine, 1 the input has errors (rules errors, entries with errors), 2 a file cannot be read or used.
 * Each command's modules load when it runs: start-up is part of what a user waits for (npm run bench).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { chineseError, useChineseHelp } from "./commanderChinese";
import { CliError } from "./errors";
import type { Output } from "./rulesCommand";

const stdio: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The package's version: lib/cli and src/cli are both two folders below package.json. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "未知";
  }
}

export async function main(argv: readonly string[], io: Output = stdio): Promise<number> {
  let exitCode = 0;
  const program = new Command("scorecard")
    .description("考核打分助手命令行：生成打分工作簿、汇总回收的工作簿、查看与检查考核规则")
    .usage("<命令> [选项]")
    .version(`scorecard ${version()}`, "-V, --version", "显示版本号")
    .exitOverride()
    // Parse errors are said in Chinese below, from their code; commander's English is not printed.
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: () => undefined,
    });

  program
    .command("rules")
    .usage("[选项]")
    .description("列出每个被考核单位涉及的考核项目和实际涉及总分；--lint 检查规则")
    .option("--rules <文件>", "规则文件（JSON 或规则工作簿 .xlsx），默认使用内置的 2022 年吕梁市规则")
    .option("--json", "以 JSON 输出")
    .option("--lint", "检查规则：分值合计、子项分值、考核对象，以及原文自身的不一致（警告）")
    .option("--dump", "输出完整的规则文件（JSON，可作为来年规则的模板）")
    .option("--xlsx <文件>", "把规则写成可在 Excel、WPS 中修改的规则工作簿（.xlsx），作为来年规则的模板")
    .action(async (options) => {
      const { runRules } = await import("./rulesCommand");
      exitCode = await runRules(options, io);
    });

  program
    .command("generate")
    .usage("--out <文件.xlsx> [选项]")
    .description("生成打分工作簿：附件1、附件2、各单位打分表（附件6）和汇总表")
    .requiredOption("--out <文件.xlsx>", "要生成的工作簿（.xlsx）；已存在的文件不会被替换，除非加 --force")
    .option(
      "--units <单位>",
      "all（默认）、counties、members，或以逗号分隔的单位名称（可用简称，如 交城,市交通运输局）",
    )
    .option(
      "--party <打分单位>",
      "只为一方生成工作簿，只有其打分的格可填写：考核组（配合 --units）、市安委办、两个行动专班，或附件2 的部门（如 市住建局）",
    )
    .option("--rules <文件>", "规则文件（JSON 或规则工作簿 .xlsx）")
    .option(
      "--force",
      "替换已存在的文件，其中各单位已填写的内容带入新工作簿；有内容无法带入时不替换，除非给两次 --force",
      (_value: unknown, previous: number) => previous + 1,
      0,
    )
    .action(async (options) => {
      const { runGenerate } = await import("./generateCommand");
      exitCode = await runGenerate(options, io);
    });

  program
    .command("generate-units")
    .usage("--out-dir <文件夹> [选项]")
    .description("为每个单位各生成一个工作簿（发给各单位填写），一次生成全部")
    .requiredOption("--out-dir <文件夹>", "输出文件夹：每个单位一个 .xlsx 文件，以单位名称命名；已有同名文件时不生成")
    .option("--units <单位>", "all（默认）、counties、members，或以逗号分隔的单位名称（可用简称）")
    .option("--party <打分单位>", "每个文件只为一方生成：考核组 或 市安委办（只有其打分的格可填写）")
    .option("--rules <文件>", "规则文件（JSON）")
    .action(async (options) => {
      const { runGeneratePerUnit } = await import("./generatePerUnit");
      exitCode = await runGeneratePerUnit(options, io);
    });

  program
    .command("total")
    .usage("<工作簿.xlsx...> [选项]")
    .description("汇总交回的工作簿：逐项校验、折算、计入加减分和一票否优、评定等次并排名")
    .argument("<工作簿.xlsx...>", "交回的 .xlsx 工作簿（可以有多个）")
    .option("--json", "以 JSON 输出成绩和问题清单")
    .option("--out <文件.xlsx>", "把汇总表写入 .xlsx 文件（不能是要汇总的工作簿之一）")
    .option("--progress", "列出每个单位各方（考核组、市安委办、各部门、专班）打分的交回情况")
    .option(
      "--newer-replaces",
      "同一方交回的几份文件不一致时，以最后保存的一份为准（按文件自身记录的保存时间；被替换的内容逐项列出）",
    )
    .option("--rules <文件>", "规则文件（JSON 或规则工作簿 .xlsx）；默认使用交回的工作簿中保存的规则")
    .action(async (files: string[], options) => {
      const { runTotal } = await import("./totalCommand");
      exitCode = await runTotal(files, options, io);
    });

  useChineseHelp(program);
  program.addHelpText(
    "after",
    [
      "",
      "例如：",
      "  scorecard generate --out 考核打分表.xlsx",
      "  scorecard generate --out 交城.xlsx --units 交城,市交通运输局",
      "  scorecard generate --party 市住建局 --out 附件2-市住建局.xlsx",
      "  scorecard generate-units --party 考核组 --units 交城,石楼 --out-dir 第一考核组",
      "  scorecard total 交城.xlsx 石楼.xlsx --out 汇总.xlsx",
      "  scorecard rules --lint",
      "运行 scorecard <命令> --help 查看该命令的选项。",
    ].join("\n"),
  );

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and the version are printed already; a parse error is said here, in Chinese.
      if (err.exitCode === 0 || err.code === "commander.help" || err.code === "commander.helpDisplayed")
        return err.exitCode === 0 ? 0 : 2;
      const typed = argv.find((a) => program.commands.some((c) => c.name() === a));
      io.err(
        chineseError(
          err,
          typed,
          program.commands.map((c) => c.name()),
        ),
      );
      return 2;
    }
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    throw err;
  }
  return exitCode;
}
