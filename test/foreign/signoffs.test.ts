/**
 * Sign-offs typed in LibreOffice Calc (through its own API, as a person would) and saved with both of its xlsx
 * filters read back as typed: 考核人员 as text, 已完成评分 as 是, 完成日期 as the date's serial number. The
 * workbook is 市安委办's, so the file also says whose it is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { partyWorkbookPlan, readWorkbook } from "../../src/layout";
import { SAFETY_OFFICE } from "../../src/rubric/parties";
import { planToXlsx, readXlsx } from "../../src/xlsx";
import { luliang2022 as rubric } from "../support/rules";
import { libreOffice, LO_FILTERS, programsAvailable, type LibreOfficeJob } from "./programs";

const dir = mkdtempSync(join(tmpdir(), "foreign-signoff-"));
const path = (name: string) => join(dir, name);
const units = [rubric.findUnit("石楼")!];
const DATE = 44915; // 2022-12-20

test("sign-offs typed and saved in LibreOffice (both filters) read back, with the party", async () => {
  const available = programsAvailable();
  if (!available.libreoffice || !available.uno)
    throw new Error(`run npm run test:setup first (LibreOffice, python3-uno): ${JSON.stringify(available)}`);
  const plan = partyWorkbookPlan(rubric, { party: SAFETY_OFFICE, units });
  const blank = path("blank.xlsx");
  writeFileSync(blank, await planToXlsx(plan));
  // Where the cells are, from the blank file as the reader sees it.
  const fresh = readWorkbook(rubric, await readXlsx(readFileSync(blank), "blank.xlsx"));
  const unit = fresh.signoffs.find((s) => s.party === SAFETY_OFFICE && s.unit === "石楼县")!;
  const annex = fresh.signoffs.find((s) => s.party === SAFETY_OFFICE && s.annex)!;
  const jobs: LibreOfficeJob[] = Object.entries(LO_FILTERS).map(([tag, filter]) => ({
    in: blank,
    out: path(`${tag}.xlsx`),
    filter,
    ops: [
      ["set", unit.sheet, unit.cells.assessor!, "王五"],
      ["set", unit.sheet, unit.cells.completed!, "是"],
      ["set", unit.sheet, unit.cells.completedOn!, DATE],
      ["set", annex.sheet, annex.cells.assessor!, "赵六"],
      ["set", annex.sheet, annex.cells.completedOn!, DATE],
    ],
  }));
  libreOffice(jobs);
  for (const job of jobs) {
    const read = readWorkbook(rubric, await readXlsx(readFileSync(job.out), job.out));
    expect(read.party).toBe(SAFETY_OFFICE);
    expect(read.problems).toEqual([]);
    const mine = read.signoffs.filter((s) => s.party === SAFETY_OFFICE);
    expect(mine.map((s) => [s.sheet, s.assessor, s.completed, s.completedOn])).toEqual([
      [annex.sheet, "赵六", null, DATE],
      [unit.sheet, "王五", "是", DATE],
    ]);
  }
});
