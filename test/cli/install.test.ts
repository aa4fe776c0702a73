/**
 * Installing `scorecard` for everyday use exactly as the README says: `npm pack`, then `npm install -g` of the
 * tarball (here into a temporary prefix), and the command run from another folder. The tarballs come from the npm
 * cache that `npm ci` filled (--prefer-offline); only package metadata is asked of the registry.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.setTimeout(600_000);
const root = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };

test("npm pack's tarball installs with npm install -g and scorecard runs from another folder", () => {
  const tmp = mkdtempSync(join(tmpdir(), "scorecard-install-"));
  const npm = (args: string[], cwd = root) =>
    execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  npm(["pack", "--pack-destination", tmp]);
  const tarball = join(tmp, `${pkg.name}-${pkg.version}.tgz`);
  expect(readdirSync(tmp)).toContain(`${pkg.name}-${pkg.version}.tgz`);

  // What it ships: the command, the compiled code and the rules data; no sources, tests or task pane.
  const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n");
  for (const file of [
    "package/bin/scorecard.js",
    "package/lib/cli/main.js",
    "package/lib/rubric/data/luliang-2022/county.json",
    "package/lib/rubric/data/luliang-2022/member-individual.json",
    "package/package.json",
  ])
    expect(files).toContain(file);
  expect(files.filter((f) => /^package\/(src|test|scripts|dist|assets|node_modules)\//.test(f))).toEqual([]);

  const prefix = join(tmp, "prefix");
  npm(["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", tarball], tmp);
  const scorecard = join(prefix, "bin", "scorecard");
  const elsewhere = join(tmp, "某科室");
  mkdirSync(elsewhere);
  const run = (args: string[]) => spawnSync(scorecard, args, { cwd: elsewhere, encoding: "utf8" });

  expect(run(["--version"]).stdout.trim()).toBe(`scorecard ${pkg.version}`);
  const generated = run(["generate", "--out", "交城.xlsx", "--units", "交城"]);
  expect(generated.stderr).toBe("");
  expect(generated.status).toBe(0);
  const total = run(["total", "交城.xlsx", "--json"]);
  expect(total.status).toBe(0);
  expect(JSON.parse(total.stdout).units[0]).toMatchObject({ unit: "交城县", grade: "优秀" });
  expect(run(["rules", "--lint"]).stdout).toMatch(/规则检查完成：0 个错误/);
});
