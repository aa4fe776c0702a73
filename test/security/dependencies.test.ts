/** Dependencies: every one pinned to an exact version that package-lock.json records. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

/** An exact version: major.minor.patch with an optional pre-release and build; no range, tag, git or URL spec. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

type Deps = Record<string, string>;
const sections = {
  dependencies: (pkg.dependencies ?? {}) as Deps,
  devDependencies: (pkg.devDependencies ?? {}) as Deps,
};
const all = (): [string, string, string][] =>
  Object.entries(sections).flatMap(([section, deps]) =>
    Object.entries(deps).map(([name, spec]): [string, string, string] => [section, name, spec]),
  );

describe("dependencies are pinned", () => {
  test("the exactness check itself: exact versions pass, ranges, tags, git and URL specs do not", () => {
    for (const ok of ["1.2.3", "0.0.1", "10.20.30", "1.0.0-beta.2", "1.0.0+build.5"]) expect(ok).toMatch(EXACT);
    for (const bad of [
      "^1.2.3",
      "~1.2.3",
      ">=1.2.3",
      "<2",
      "1.2.x",
      "1.x",
      "*",
      "",
      "latest",
      "next",
      "1.2",
      "1.2.3 - 1.4.0",
      "1.2.3 || 2.0.0",
      "=1.2.3",
      "v1.2.3",
    ])
      expect(bad).not.toMatch(EXACT);
    for (const bad of [
      "git+https://github.com/a/b.git",
      "github:a/b",
      "a/b",
      "https://example.com/a.tgz",
      "file:../a",
      "npm:a@1.2.3",
      "workspace:*",
    ])
      expect(bad).not.toMatch(EXACT);
  });

  test("every version in package.json dependencies and devDependencies is exact", () => {
    expect(all().length).toBeGreaterThan(0);
    expect(
      all()
        .filter(([, , spec]) => !EXACT.test(spec))
        .map(([section, name, spec]) => `${section}: ${name}@${spec}`),
    ).toEqual([]);
  });

  test("overrides, if any, are exact versions too", () => {
    const loose: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node === "string") {
        if (!EXACT.test(node)) loose.push(`${path}: ${node}`);
      } else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    };
    walk(pkg.overrides ?? {}, "overrides");
    expect(loose).toEqual([]);
  });

  test("each equals the version package-lock.json records at node_modules/<name>", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const differ = all()
      .map(([section, name, spec]) => {
        const entry = lock.packages?.[`node_modules/${name}`];
        if (!entry) return `${section}: ${name} is not in package-lock.json`;
        if (entry.link) return `${section}: ${name} is a link in package-lock.json`;
        if (entry.version !== spec) return `${section}: ${name}@${spec}, package-lock.json has ${entry.version}`;
        if (section === "dependencies" && entry.dev) return `${section}: ${name} is marked dev in package-lock.json`;
        return undefined;
      })
      .filter(Boolean);
    expect(differ).toEqual([]);
  });

  test("package-lock.json's root entry lists the same dependencies and devDependencies", () => {
    const rootEntry = lock.packages?.[""];
    expect(rootEntry).toBeDefined();
    expect([lock.name, rootEntry.name, rootEntry.version]).toEqual([pkg.name, pkg.name, pkg.version]);
    expect(rootEntry.dependencies ?? {}).toEqual(sections.dependencies);
    expect(rootEntry.devDependencies ?? {}).toEqual(sections.devDependencies);
  });
});
