/**
 * Dependencies: every one pinned to an exact version that package-lock.json records, and `npm audit` of the
 * production dependencies with no high or critical advisory that README.md's section "## 可靠性 · Reliability" does
 * not explain. The audit asks the registry; when it cannot get an answer, the test fails and says so (an audit not
 * done is not an audit passed).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const readme = readFileSync(join(root, "README.md"), "utf8");

/** An exact version: major.minor.patch with an optional pre-release and build; no range, tag, git or URL spec. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

type Deps = Record<string, string>;
const sections = { dependencies: (pkg.dependencies ?? {}) as Deps, devDependencies: (pkg.devDependencies ?? {}) as Deps };
const all = (): [string, string, string][] =>
  Object.entries(sections).flatMap(([section, deps]) => Object.entries(deps).map(([name, spec]): [string, string, string] => [section, name, spec]));

describe("dependencies are pinned", () => {
  test("the exactness check itself: exact versions pass, ranges, tags, git and URL specs do not", () => {
    for (const ok of ["1.2.3", "0.0.1", "10.20.30", "1.0.0-beta.2", "1.0.0+build.5"]) expect(ok).toMatch(EXACT);
    for (const bad of ["^1.2.3", "~1.2.3", ">=1.2.3", "<2", "1.2.x", "1.x", "*", "", "latest", "next", "1.2", "1.2.3 - 1.4.0", "1.2.3 || 2.0.0", "=1.2.3", "v1.2.3"])
      expect(bad).not.toMatch(EXACT);
    for (const bad of ["git+https://github.com/a/b.git", "github:a/b", "a/b", "https://example.com/a.tgz", "file:../a", "npm:a@1.2.3", "workspace:*"])
      expect(bad).not.toMatch(EXACT);
  });

  test("every version in package.json dependencies and devDependencies is exact", () => {
    expect(all().length).toBeGreaterThan(0);
    expect(all().filter(([, , spec]) => !EXACT.test(spec)).map(([section, name, spec]) => `${section}: ${name}@${spec}`)).toEqual([]);
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

/** README.md's section "## 可靠性 · Reliability", up to the next "## " heading. */
function reliabilitySection(text: string): string | undefined {
  const start = text.search(/^## 可靠性 · Reliability\b.*$/m);
  if (start < 0) return undefined;
  const rest = text.slice(start);
  const next = rest.slice(3).search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next + 3);
}

/** The advisory's id: GHSA-xxxx-xxxx-xxxx from its URL, else npm's numeric source. */
const advisoryId = (via: { url?: string; source?: number }) => via.url?.match(/GHSA(?:-[0-9a-z]{4}){3}/i)?.[0] ?? `npm-${via.source}`;

/**
 * The ids (GHSA-… or npm-<number> for https://www.npmjs.com/advisories/<number>) that the section explains: each on a
 * line with words besides the id and its link.
 */
function explainedAdvisories(section: string): Set<string> {
  const ids = new Set<string>();
  for (const line of section.split("\n")) {
    const found = [
      ...[...line.matchAll(/GHSA(?:-[0-9a-z]{4}){3}/gi)].map((m) => m[0]),
      ...[...line.matchAll(/npmjs\.com\/advisories\/(\d+)/g)].map((m) => `npm-${m[1]}`),
    ];
    const words = line
      .replace(/https?:\/\/\S+/g, "")
      .replace(/GHSA(?:-[0-9a-z]{4}){3}/gi, "")
      .replace(/[\s\-*[\]()`:·,.;|]+/g, " ")
      .trim();
    if (found.length && words.length >= 20) for (const id of found) ids.add(id);
  }
  return ids;
}

interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
  range?: string;
}
interface AuditReport {
  error?: unknown;
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { severity: string; via: (string | AuditVia)[] }>;
  metadata?: { vulnerabilities: Record<string, number> };
}

/** High and critical advisories in an `npm audit --json` report (version 2) that `explained` does not cover. */
function unexplainedSevere(report: AuditReport, explained: Set<string>): string[] {
  const severe = new Map<string, string>();
  for (const vulnerability of Object.values(report.vulnerabilities ?? {}))
    for (const via of vulnerability.via)
      if (typeof via === "object" && (via.severity === "high" || via.severity === "critical"))
        severe.set(advisoryId(via), `${advisoryId(via)} (${via.severity}) ${via.name}@${via.range}: ${via.title} ${via.url ?? ""}`.trim());
  return [...severe].filter(([id]) => !explained.has(id)).map(([, text]) => text);
}

/** `npm audit --omit=dev --json` in the project; fails with a clear message when npm gets no report. */
async function auditProduction(): Promise<AuditReport> {
  const { stdout, stderr, failure } = await new Promise<{ stdout: string; stderr: string; failure?: Error }>((done) =>
    execFile("npm", ["audit", "--omit=dev", "--json"], { cwd: root, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ stdout, stderr, failure: error ?? undefined }),
    ),
  );
  const problem = (why: string) =>
    new Error(
      `npm audit --omit=dev could not audit the production dependencies: ${why}. The audit needs the registry's ` +
        `advisory endpoint (POST /-/npm/v1/security/advisories/bulk); without an answer nothing is known, so this test fails.` +
        (stderr.trim() ? `\nnpm said:\n${stderr.trim()}` : ""),
    );
  if (failure && (failure as { killed?: boolean }).killed) throw problem("no answer within 60 s");
  let report: AuditReport;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw problem(`its output is not JSON (${failure?.message ?? "exit 0"})`);
  }
  if (report.error !== undefined || !report.vulnerabilities || !report.metadata) throw problem(`npm got no report (its JSON: ${JSON.stringify(report.error ?? report)}), see what npm said below`);
  return report;
}

describe("npm audit of the production dependencies", () => {
  const section = reliabilitySection(readme);

  test("README.md has the section that would explain an advisory", () => {
    expect(section).toBeDefined();
    expect(section).toMatch(/^## 可靠性 · Reliability/);
  });

  test("the check itself: a high or critical advisory fails unless the README section explains it by id", () => {
    const report: AuditReport = {
      auditReportVersion: 2,
      vulnerabilities: {
        a: { severity: "high", via: [{ source: 1, name: "a", title: "A", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", severity: "high", range: "<2" }] },
        b: { severity: "critical", via: ["c"] },
        c: { severity: "critical", via: [{ source: 2, name: "c", title: "C", url: "https://github.com/advisories/GHSA-cccc-dddd-eeee", severity: "critical", range: "<1" }] },
        d: { severity: "moderate", via: [{ source: 3, name: "d", title: "D", url: "https://github.com/advisories/GHSA-dddd-eeee-ffff", severity: "moderate", range: "*" }] },
        e: { severity: "high", via: [{ source: 1234, name: "e", title: "E", url: "https://npmjs.com/advisories/1234", severity: "high", range: "*" }] },
      },
      metadata: { vulnerabilities: { high: 2, critical: 2, moderate: 1 } },
    };
    expect(unexplainedSevere(report, new Set())).toHaveLength(3);
    const readmeText = [
      "# x",
      "## 可靠性 · Reliability (what is tried on purpose)",
      "- [GHSA-aaaa-bbbb-cccc](https://github.com/advisories/GHSA-aaaa-bbbb-cccc): a is only reached by the CLI with files the office made itself.",
      "- GHSA-cccc-dddd-eeee",
      "- https://npmjs.com/advisories/1234 — e's vulnerable function is never called by the pane or the CLI.",
      "## 开发 · Development",
      "- GHSA-cccc-dddd-eeee: explained, but outside the section, so it does not count.",
    ].join("\n");
    const explained = explainedAdvisories(reliabilitySection(readmeText)!);
    expect([...explained].sort()).toEqual(["GHSA-aaaa-bbbb-cccc", "npm-1234"]);
    expect(unexplainedSevere(report, explained)).toEqual(["GHSA-cccc-dddd-eeee (critical) c@<1: C https://github.com/advisories/GHSA-cccc-dddd-eeee"]);
  });

  test("reports no high or critical advisory that README.md's Reliability section does not explain", async () => {
    const report = await auditProduction();
    expect(unexplainedSevere(report, explainedAdvisories(section ?? ""))).toEqual([]);
  }, 90_000);
});
