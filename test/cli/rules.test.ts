import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { luliang2022Json } from "../support/rules";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = mkdtempSync(join(tmpdir(), "scorecard-rules-"));

describe("scorecard rules", () => {
  test("--json lists every unit with its applicable lines and applicable total", async () => {
    const { code, out } = await run(["rules", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.rules).toMatchObject({ id: "luliang-2022", year: 2022 });
    expect(report.units).toHaveLength(57);
    const shilou = report.units.find((u: { name: string }) => u.name === "石楼县");
    expect(shilou.applicableTotal).toBe(92);
    expect(shilou.lines).toHaveLength(73);
    expect(shilou.lines.find((l: { label: string }) => l.label === "13.3")).toMatchObject({
      maxPoints: 0.3,
      conditional: true,
    });
    const sport = report.units.find((u: { name: string }) => u.name === "市体育局");
    expect(sport.applicableTotal).toBe(52.1);
  });

  test("without options prints a readable list in Chinese", async () => {
    const { code, out } = await run(["rules"]);
    expect(code).toBe(0);
    expect(out).toContain("共 57 个被考核单位");
    expect(out).toMatch(/石楼县\t73 项\t实际涉及总分 92\.00/);
  });

  test("--lint on the real rules: warnings only, exit 0", async () => {
    const { code, out } = await run(["rules", "--lint"]);
    expect(code).toBe(0);
    expect(out).toContain("0 个错误，6 个警告");
    expect(out).toContain("[bookmark: _GoBack]");
  });

  test("--lint on a rules file with an error: exit 1 and the error", async () => {
    const rules = JSON.parse(JSON.stringify(luliang2022Json));
    rules.county.sections[6].items[1].points = 26;
    const file = join(tmp, "bad-total.json");
    writeFileSync(file, JSON.stringify(rules));
    const { code, out } = await run(["rules", "--lint", "--rules", file]);
    expect(code).toBe(1);
    expect(out).toMatch(/错误 附件3「七、防范遏制事故（30分）」：各细则分值合计 31分，应为 30分/);
    expect(out).not.toMatch(/\[[a-z]+\.[A-Za-z.]+\]/);
    const json = await run(["rules", "--lint", "--json", "--rules", file]);
    expect(JSON.parse(json.out).findings).toContainEqual(expect.objectContaining({ code: "section.total" }));
  });

  test("a rules file that is not JSON, or missing, is refused with exit 2 and a message", async () => {
    const file = join(tmp, "not-json.json");
    writeFileSync(file, "{ 这不是 JSON");
    const bad = await run(["rules", "--rules", file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`规则文件「${file}」不是有效的 JSON（第 1 行第 3 列附近），请检查括号、引号和逗号`);
    const missing = await run(["rules", "--rules", join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`无法读取规则文件「${join(tmp, "nope.json")}」：找不到这个文件（文件名或路径有误？）`);
  });

  test("--dump writes a rules file that loads again with the same result", async () => {
    const { out } = await run(["rules", "--dump"]);
    const file = join(tmp, "dumped.json");
    writeFileSync(file, out);
    const again = await run(["rules", "--json", "--rules", file]);
    const original = await run(["rules", "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(JSON.parse(original.out));
  });

  test("the installed command runs (bin/scorecard.js over the compiled lib/ and its bundle)", () => {
    const root = join(__dirname, "../..");
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root });
    const result = spawnSync(process.execPath, [join(root, "bin/scorecard.js"), "rules", "--json"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).units).toHaveLength(57);
  });
});
