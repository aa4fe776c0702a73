/**
 * The rules a workbook carries are its own, whatever was read before it in the same process: `scorecard total`
 * reads 57 workbooks in a row and reuses the copy it read last when the cells are the same.
 */
import { planToGrid, type GridSheet } from "../../src/layout";
import { defaultRubric, type RulesFile } from "../../src/rubric";
import { embeddedRulesSheet, workbookRules } from "../../src/rulesbook/embed";

const rulesA = defaultRubric().rules;
const rulesB: RulesFile = { ...rulesA, name: `${rulesA.name}（修订）` };
const carrying = (rules: RulesFile): GridSheet[] => [planToGrid(embeddedRulesSheet(rules))];

test("workbooks read one after another each give the rules they carry, and a damaged copy is said", () => {
  const a = carrying(rulesA);
  const b = carrying(rulesB);
  // The same rules written again: equal cells, other strings.
  const again = carrying(structuredClone(rulesA));
  const [sheet] = carrying(rulesA);
  const cut = sheet.cells.map((row, r) => (r === 3 ? [(row[0] as string).slice(0, 100), ...row.slice(1)] : row));
  const damaged: GridSheet[] = [{ ...sheet, cells: cut }];

  expect(workbookRules(a)?.json).toEqual(rulesA);
  expect(workbookRules(b)?.json).toEqual(rulesB);
  expect(workbookRules(b)?.text).toBe(JSON.stringify(rulesB));
  expect(workbookRules(again)?.json).toEqual(rulesA);
  expect(workbookRules(again)?.text).toBe(JSON.stringify(rulesA));
  expect(workbookRules(damaged)?.json).toBeUndefined();
  expect(workbookRules(damaged)?.problem).toContain("已损坏");
  expect(workbookRules(a)?.json).toEqual(rulesA);
});
