// The 57 returned one-unit workbooks the file benchmarks read: generated once per bench run with the project's own
// code (buildWorkbookPlan, then the entries typed into the unit sheet's cells through planToGrid/withEntries and
// fillUnitSheet, as test/support/filledWorkbook.ts does), filled as an assessor would. Deterministic: the same files
// every run, so the figures compare between runs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FINDINGS = ["台账不全", "未按要求开展隐患排查", "培训记录缺失", "应急预案未演练", "会议纪要未存档"];

/**
 * What the assessor of unit number `u` types on its sheet: a deduction and a finding on about one line in four,
 * 不参与 on about one line in eleven (every other one with its written reason, the rest without: a warning), 加分,
 * 减分 and 一票否优 on some units, and on a few units an entry the core refuses (a deduction over the line's points,
 * a deduction typed as words): those units are 待更正, as in a real round of returns.
 */
function entriesFor(u, sheet, map) {
  const cells = {};
  let n = 0;
  for (const t of map.tables) {
    const rows = sheet.tables.find((x) => x.name === t.name).rows;
    rows.forEach((row, i) => {
      const r = t.first + i;
      const points = typeof row[3] === "number" ? row[3] : 0;
      n++;
      if ((n + u) % 11 === 0) {
        cells[`H${r}`] = "否";
        if ((n + u) % 22 === 0) cells[`I${r}`] = "本单位无此项工作，已书面说明";
      } else if ((n + u) % 4 === 0 && points >= 0.5) {
        cells[`E${r}`] = Math.min(points, ((n * 7 + u) % 5) / 10 + 0.1);
        cells[`G${r}`] = `${FINDINGS[(n + u) % FINDINGS.length]}（抽查第${(n % 9) + 1}项）`;
      }
    });
  }
  const first = map.tables[0];
  if (u % 10 === 3) cells[`E${first.first}`] = 99; // more than the line's points: an error
  if (u % 10 === 7) cells[`E${first.first + 1}`] = "半分"; // not a number: an error
  const { bonus, penalty, veto } = map.adjustRows;
  const col = String.fromCharCode(64 + map.adjustScoreCol);
  if (u % 3 === 0) cells[`${col}${bonus}`] = u % 2 ? 2.5 : 6; // 6 is capped at 5 for a county
  if (u % 4 === 1) cells[`${col}${penalty}`] = 1.5;
  if (u % 7 === 2) {
    cells[`${col}${veto}`] = "是";
    if (u % 2 === 0) cells[`${String.fromCharCode(65 + map.adjustScoreCol)}${veto}`] = "（二）发生较大生产安全责任事故";
  }
  return cells;
}

/** Writes one filled workbook per unit into `dir`; returns the paths. */
export async function writeReturnedWorkbooks(lib, dir) {
  const { rubric, layout, planToXlsx } = lib;
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [u, unit] of rubric.registry.all.entries()) {
    const built = layout.buildWorkbookPlan(rubric, [unit]);
    const { sheetName, map } = built.units[0];
    const sheets = built.plan.sheets.map((sheet) => {
      if (sheet.name !== sheetName) return sheet;
      const grid = layout.withEntries(layout.planToGrid(sheet), entriesFor(u, sheet, map));
      return layout.fillUnitSheet(rubric, sheet, layout.readWorkbook(rubric, [grid]).units[0], grid);
    });
    const file = join(dir, `${unit.name}.xlsx`);
    writeFileSync(file, await planToXlsx({ ...built.plan, sheets }));
    files.push(file);
  }
  return files;
}
