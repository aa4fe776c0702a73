/**
 * What counts as "nothing written" must be the same for the sheet's formulas (what a reader without the add-in sees)
 * and the scoring core: a 不参与说明 made only of full-width spaces, no-break spaces or line breaks is no reason.
 * Checked in LibreOffice.
 */
import { buildWorkbookPlan } from "../../src/layout";
import { formatHundredths } from "../../src/rubric";
import { luliang2022 } from "../support/rules";
import { scoreUnit } from "../../src/scoring";
import { filledSheets, recalculated } from "../support/filledWorkbook";
import { libreOfficeAvailable } from "../support/libreoffice";

const rubric = luliang2022;

test("a reason of full-width spaces, a no-break space or a line break is no reason, in the sheet as in the core", async () => {
  expect(libreOfficeAvailable()).toBe(true);
  const unit = rubric.findUnit("石楼县")!;
  const sheet = buildWorkbookPlan(rubric, [unit]).plan.sheets.find((s) => s.meta.role === "unit")!;
  const table = sheet.tables[0];
  const row = (label: string) => table.top + 1 + table.rows.findIndex((r) => r[0] === label);
  const entries = {
    [`H${row("5")}`]: "否",
    [`I${row("5")}`]: "\u3000\u3000",
    [`H${row("6")}`]: "否\u3000",
    [`I${row("6")}`]: "\u00A0\n",
    [`H${row("7")}`]: "否",
    [`I${row("7")}`]: "\u3000本县无此项工作\u3000",
  };
  const filled = filledSheets(rubric, [sheet], { [sheet.name]: entries });
  const csv = (await recalculated(rubric, filled))[sheet.name];
  const lines = rubric.linesFor(unit);
  const key = (label: string) => lines.find((l) => l.label === label)!.key;
  const core = scoreUnit(rubric, {
    unit: unit.name,
    lines: {
      [key("5")]: { participates: "否", exemptionReason: "\u3000\u3000" },
      [key("6")]: { participates: "否\u3000", exemptionReason: "\u00A0\n" },
      [key("7")]: { participates: "否", exemptionReason: "\u3000本县无此项工作\u3000" },
    },
  });
  const shown = (label: string) => csv.find((r) => r[6] === label)![7];
  // lines 5 and 6 stay in the denominator and score 0; line 7 leaves it
  expect(Number(shown("实际涉及总分")).toFixed(2)).toBe(formatHundredths(core.applicableTotal));
  expect(Number(shown("现场得分")).toFixed(2)).toBe(formatHundredths(core.itemsScore));
  expect(core.lines.filter((l) => l.exempted).map((l) => l.label)).toEqual(["7"]);
  expect(core.warnings.length + core.errors.length).toBeGreaterThan(0);
}, 120000);
