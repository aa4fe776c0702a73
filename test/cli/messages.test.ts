/**
 * Every message of the command line is plain Chinese: help, --version, and each of commander's parse errors (which
 * it prints in English unless told otherwise), with what to do instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** English words commander would print: none may reach a user. */
const ENGLISH = /error:|Usage|Options|Commands|Arguments|display help|unknown|required|missing|argument|Did you mean/;

describe("commander's errors, in Chinese", () => {
  test.each([
    [["gen"], "没有「gen」这个命令。是不是要用 generate？"],
    [["totl", "a.xlsx"], "没有「totl」这个命令。是不是要用 total？"],
    [["generate"], "缺少必需的选项 --out <文件.xlsx>"],
    [["generate", "--out"], "选项 --out <文件.xlsx> 后面缺少内容"],
    [["generate", "--out", "a.xlsx", "石楼"], "scorecard generate 不接受文件名等参数（收到了 1 个）"],
    [["generate", "--out", "a.xlsx", "--unit", "石楼"], "没有「--unit」这个选项。是不是要用 --units？"],
    [["rules", "--jsn"], "没有「--jsn」这个选项。是不是要用 --json？"],
    [["total"], "缺少要处理的文件，例如 scorecard total 交城县.xlsx 石楼县.xlsx"],
    [["total", "--rules"], "选项 --rules <文件> 后面缺少内容"],
    [["--bogus"], "没有「--bogus」这个选项"],
  ])("scorecard %j", async (args, says) => {
    const { code, out, err } = await run(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(says);
    expect(err).toMatch(/运行 scorecard( \w+)? --help 查看/);
    expect(err).not.toMatch(ENGLISH);
  });
});

describe("help and version", () => {
  test("--version prints the package's version", async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
    for (const flag of ["--version", "-V"])
      expect(await run([flag])).toEqual({ code: 0, out: `scorecard ${pkg.version}`, err: "" });
  });

  test.each([[["--help"]], [["help"]], [["generate", "--help"]], [["help", "total"]], [["rules", "-h"]]])(
    "scorecard %j is in Chinese",
    async (args) => {
      const { code, out } = await run(args);
      expect(code).toBe(0);
      expect(out).toMatch(/^用法： scorecard/);
      expect(out).toContain("选项：");
      expect(out).toContain("显示帮助");
      expect(out).not.toMatch(ENGLISH);
      expect(out).not.toContain("[options]");
    },
  );

  test("the overview lists every command with examples", async () => {
    const { out } = await run(["--help"]);
    for (const command of [
      "rules [选项]",
      "generate --out <文件.xlsx> [选项]",
      "total <工作簿.xlsx...> [选项]",
      "help [命令]",
    ])
      expect(out).toContain(command);
    expect(out).toContain("scorecard total 交城.xlsx 石楼.xlsx --out 汇总.xlsx");
  });

  test("help columns line up for Chinese text (two columns per character)", async () => {
    const { out } = await run(["generate", "--help"]);
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const starts = out
      .split("\n")
      .filter((l) => /^ {2}-/.test(l))
      .map((l) => width(/^ {2}\S.*?\s{2,}/.exec(l)![0]));
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(starts).size).toBe(1);
  });
});
