/**
 * commander in Chinese. Its help titles go through Help.styleTitle, its option and command descriptions are ours,
 * and its parse errors (English, e.g. "error: unknown command 'gen'") are not printed (outputError) but turned,
 * by their code, into a Chinese message with what to do instead.
 */
import { stripVTControlCharacters } from "node:util";
import type { Command, CommanderError, HelpConfiguration } from "commander";

const TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** Characters a terminal shows two columns wide (CJK, full-width forms): commander pads by .length. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

export const chineseHelp: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  displayWidth: (text) => stripVTControlCharacters(text).length + (text.match(WIDE)?.length ?? 0),
  // commander's own term says "[options]": each command's usage says it in Chinese.
  subcommandTerm: (cmd) => (cmd.name() === "help" ? "help [命令]" : `${cmd.name()} ${cmd.usage()}`),
  // commander would add "(default: 0)" in English: defaults are said in our own descriptions.
  optionDescription: (option) => option.description,
};

/** Gives every command of `program` Chinese help: titles, the help option and the help command. */
export function useChineseHelp(program: Command): void {
  for (const cmd of [program, ...program.commands]) {
    cmd.configureHelp(chineseHelp);
    cmd.helpOption("-h, --help", "显示帮助");
  }
  program.helpCommand("help [命令]", "显示某个命令的帮助");
}

/** commander adds "\n(Did you mean generate?)" to some errors: the suggestion alone. */
const didYouMean = (message: string) => /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
const quoted = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? "";

/** A Chinese message for one of commander's parse errors; `command` is the subcommand typed, if any. */
export function chineseError(err: CommanderError, command: string | undefined, commands: readonly string[]): string {
  const help = command ? `scorecard ${command} --help` : "scorecard --help";
  const also = (word: string | undefined) => (word ? `是不是要用 ${word}？` : "");
  const m = err.message;
  switch (err.code) {
    case "commander.unknownCommand": {
      // commander suggests only close spellings: "gen" is the start of generate.
      const typed = quoted(m);
      const near = didYouMean(m) ?? commands.find((c) => typed.length >= 2 && c.startsWith(typed.toLowerCase()));
      return `没有「${typed}」这个命令。${also(near)}可用的命令：generate（生成打分工作簿）、total（汇总交回的工作簿）、rules（查看与检查考核规则）。运行 scorecard --help 查看用法。`;
    }
    case "commander.unknownOption":
      return `没有「${quoted(m)}」这个选项。${also(didYouMean(m))}运行 ${help} 查看可用的选项。`;
    case "commander.missingMandatoryOptionValue":
      return `缺少必需的选项 ${quoted(m)}，例如 scorecard generate --out 考核打分表.xlsx。运行 ${help} 查看用法。`;
    case "commander.optionMissingArgument":
      return `选项 ${quoted(m)} 后面缺少内容。运行 ${help} 查看用法。`;
    case "commander.missingArgument":
      return `缺少要处理的文件，例如 scorecard total 交城县.xlsx 石楼县.xlsx。运行 ${help} 查看用法。`;
    case "commander.excessArguments": {
      const expected = /Expected (\d+)/.exec(m)?.[1] ?? "0";
      const got = /got (\d+)/.exec(m)?.[1] ?? "";
      return expected === "0"
        ? `scorecard ${command ?? ""} 不接受文件名等参数（收到了 ${got} 个）；输出文件请用 --out 指定，含空格的名称请加引号。运行 ${help} 查看用法。`
        : `参数太多：最多 ${expected} 个，收到了 ${got} 个；含空格的名称请加引号。运行 ${help} 查看用法。`;
    }
    case "commander.conflictingOption":
      return `这两个选项不能同时使用。运行 ${help} 查看用法。`;
    case "commander.invalidArgument":
    case "commander.invalidOptionArgument":
      return `选项的值无效。运行 ${help} 查看用法。`;
    default:
      return `命令行有误。运行 ${help} 查看用法。`;
  }
}
