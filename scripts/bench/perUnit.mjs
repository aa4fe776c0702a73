// One workbook per unit: `scorecard generate-units --out-dir` (one process for all units) beside what an office
// would do without it, one `scorecard generate --units <unit> --out <file>` process per unit, run one after another.
// Each round runs both, alternating which goes first; each is timed from the first spawn to the last exit.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fmt, range, stats, timeProcess } from "./stats.mjs";

export function perUnitBenchmarks({ root, tmp, units, rounds, step }) {
  const node = process.execPath;
  const scorecard = join(root, "bin/scorecard.js");
  const dir = join(tmp, "per-unit");
  const oneProcess = () => {
    rmSync(dir, { recursive: true, force: true });
    return timeProcess(node, [scorecard, "generate-units", "--out-dir", dir]).ms;
  };
  const separate = () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const t = performance.now();
    units.forEach((u, i) => timeProcess(node, [scorecard, "generate", "--units", u, "--out", join(dir, `${i}.xlsx`)]));
    return performance.now() - t;
  };
  step(`one workbook per unit: generate-units beside ${units.length} generate runs, ${rounds} rounds`);
  oneProcess(); // warm the file cache
  const one = [];
  const many = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2) many.push(separate());
    one.push(oneProcess());
    if (round % 2 === 0) many.push(separate());
    step(`round ${round + 1}/${rounds}: generate-units ${fmt(one[round])} ms, separate runs ${fmt(many[round])} ms`);
  }
  rmSync(dir, { recursive: true, force: true });
  const ratios = many.map((m, i) => m / one[i]);
  const rows = [
    [`\`scorecard generate-units --out-dir\`: ${units.length} workbooks, one process`, stats(one), "< 2000 ms"],
    [`${units.length} runs of \`scorecard generate --units <unit> --out <file>\`, one after another`, stats(many), ""],
  ];
  const table = [
    "| one workbook per unit | time, ms | goal |",
    "| --- | ---: | --- |",
    ...rows.map(([name, s, goal]) => `| ${name} | ${range(s)} | ${goal} |`),
    `| ratio: separate runs ÷ one process | ${range(stats(ratios))} × | |`,
  ].join("\n");
  return { table, one: stats(one), many: stats(many) };
}
