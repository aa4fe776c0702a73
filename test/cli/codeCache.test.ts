/**
 * The command line starts from V8's code cache of its bundle (bin/bundle.js, made by npm run build:cli through
 * scripts/warm-cli.cjs), and never runs a cache made from another bundle or a damaged one: V8 itself checks only the
 * source's length, so a bundle rebuilt to the same length with an old cache beside it would run the old code, and
 * nothing of its data, so a damaged cache crashed Node. Each case runs the
 * command as a person does, in a process of its own, from a copy of bin/ and lib/cli/ in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

const root = join(__dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "scorecard-cache-"));
const books = join(tmp, "books");
mkdirSync(books);
const files = ["交城", "市体育局"].map((u) => join(books, `${u}.xlsx`));
const io = { out: () => undefined, err: () => undefined };

/** A copy of the installed command (bin/, lib/cli/scorecard.js and its cache, package.json for --version). */
function install(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(root, "bin"), join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "lib", "cli"), { recursive: true });
  for (const f of ["scorecard.js", "scorecard.cache"])
    copyFileSync(join(root, "lib", "cli", f), join(dir, "lib", "cli", f));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Whether the copy's bundle runs from its cache, as V8 sees it in a process of its own. */
const cacheUsed = (dir: string) =>
  spawnSync(
    process.execPath,
    ["-e", `process.stdout.write(String(require("./bin/bundle.js").loadBundle().cacheUsed))`],
    {
      cwd: dir,
      encoding: "utf8",
    },
  ).stdout;

const total = (dir: string) =>
  spawnSync(process.execPath, [join(dir, "bin", "scorecard.js"), "total", ...files, "--json"], { encoding: "utf8" });

beforeAll(async () => {
  for (const [i, u] of ["交城", "市体育局"].entries())
    expect(await main(["generate", "--out", files[i], "--units", u], io)).toBe(0);
});

test("the built command line runs from the code cache the build made", () => {
  expect(cacheUsed(install("built"))).toBe("true");
});

test("a cache from another bundle of the same length is not used, and the new bundle's code runs", () => {
  const dir = install("rebuilt");
  const bundle = join(dir, "lib", "cli", "scorecard.js");
  // The same length, other code: a message of `total` changed by one character, as a rebuild might.
  const before = readFileSync(bundle, "utf8");
  const after = before.replace("汇总了 ", "合计了 ");
  expect(after).not.toBe(before);
  expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
  writeFileSync(bundle, after);
  expect(cacheUsed(dir)).toBe("false");
  const r = spawnSync(process.execPath, [join(dir, "bin", "scorecard.js"), "total", ...files], { encoding: "utf8" });
  expect(r.stdout).toMatch(/合计了 2 个单位/);
});

test("a damaged or missing cache changes nothing a person sees", () => {
  const expected = total(install("intact"));
  expect(expected.status).toBe(0);
  expect(JSON.parse(expected.stdout).units).toHaveLength(2);

  const damaged = install("damaged");
  const cache = join(damaged, "lib", "cli", "scorecard.cache");
  const bytes = readFileSync(cache);
  // V8's data spoilt past its own header (ours is 16 bytes, V8's some 30): compiled as usual.
  bytes.fill(0x5a, 128);
  writeFileSync(cache, bytes);
  expect(cacheUsed(damaged)).toBe("false");
  const fromDamaged = total(damaged);
  expect(fromDamaged.stderr).toBe("");
  expect([fromDamaged.status, fromDamaged.stdout]).toEqual([expected.status, expected.stdout]);

  const missing = install("missing");
  rmSync(join(missing, "lib", "cli", "scorecard.cache"));
  const fromMissing = total(missing);
  expect([fromMissing.status, fromMissing.stdout]).toEqual([expected.status, expected.stdout]);
});
