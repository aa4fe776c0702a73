/**
 * Over random choices of units: sheet and table names are valid and unique, and every formula refers only to
 * sheets that exist and to cells the plan fills (no reference into nowhere, which would silently count as 0).
 */
import fc from "fast-check";
import {
  buildWorkbookPlan,
  isFormula,
  isValidSheetName,
  isValidTableName,
  planToGrid,
  type SheetPlan,
} from "../../src/layout";
import { luliang2022 } from "../support/rules";

const rubric = luliang2022;
const all = rubric.registry.all;

const REF = /(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Formula text without its string literals, so "是" or "待更正" are not mistaken for references. */
const code = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');
const FUNCTIONS =
  /\b(IF|AND|OR|NOT|SUM|SUMPRODUCT|ROUND|TRIM|LEN|ISNUMBER|ISERROR|ISBLANK|IFERROR|NA|MIN|COUNT|COUNTIF)\(/g;

function references(plan: { sheets: readonly SheetPlan[] }) {
  const out: { from: string; sheet: string; row: number; col: number }[] = [];
  for (const sheet of plan.sheets) {
    const formulas = [
      ...sheet.cells.filter((c) => isFormula(c.value)).map((c) => (c.value as { formula: string }).formula),
      ...sheet.tables.flatMap((t) =>
        t.rows
          .flat()
          .filter(isFormula)
          .map((f) => f.formula),
      ),
      ...sheet.conditionalFormats.map((c) => c.formula),
    ];
    for (const f of formulas) {
      for (const m of code(f).replace(FUNCTIONS, "(").matchAll(REF)) {
        const target = m[1] ? m[1].replace(/''/g, "'") : sheet.name;
        out.push({ from: `${sheet.name}: ${f}`, sheet: target, row: Number(m[3]), col: colNumber(m[2]) });
        if (m[4]) out.push({ from: `${sheet.name}: ${f}`, sheet: target, row: Number(m[5]), col: colNumber(m[4]) });
      }
    }
  }
  return out;
}

test("random unit choices give valid, unique names and formulas that reference only filled cells", () => {
  fc.assert(
    fc.property(fc.subarray(all as never[], { minLength: 1, maxLength: 12 }), (chosen) => {
      const { plan } = buildWorkbookPlan(rubric, chosen);
      const names = plan.sheets.map((s) => s.name);
      expect(names.every(isValidSheetName)).toBe(true);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      const tables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
      expect(tables.every(isValidTableName)).toBe(true);
      expect(new Set(tables).size).toBe(tables.length);
      const grids = new Map(plan.sheets.map((s) => [s.name, planToGrid(s)]));
      for (const ref of references(plan)) {
        const grid = grids.get(ref.sheet);
        expect([ref.from, grid ? "sheet ok" : "no such sheet"]).toEqual([ref.from, "sheet ok"]);
        const filled = grid!.cells[ref.row - 1]?.[ref.col - 1];
        // Input cells start empty (null) but exist inside a table; anything outside every table and block is wrong.
        const inTable = plan.sheets
          .find((s) => s.name === ref.sheet)!
          .tables.some(
            (t) =>
              ref.row >= t.top &&
              ref.row <= t.top + t.rows.length &&
              ref.col >= t.left &&
              ref.col < t.left + t.columns.length,
          );
        expect([ref.from, ref.row, ref.col, filled !== undefined || inTable]).toEqual([
          ref.from,
          ref.row,
          ref.col,
          true,
        ]);
      }
    }),
    { numRuns: 25 },
  );
});
