/**
 * The sign-offs under a 附件 table: a row naming each party over its column(s) (打分单位), then its 考核人员,
 * 已完成评分 and 完成日期, labels in column B (县（市、区）). 附件1 has one party (两个行动专班) over its four items;
 * 附件2 one per department, 市应急局 over its two columns.
 */
import type { Rubric } from "../rubric";
import { ANNEX1_TASK_FORCE, annex2Parties } from "../rubric/parties";
import type { PlacedCell, Range, ValidationPlan } from "./plan";
import {
  ANNEX_SIGNOFF_LABELS as L,
  ANNEX_SIGNOFF_PARTY,
  ASSESSOR_STYLE,
  COMPLETED_STYLE,
  completedValidation,
  DATE_STYLE,
  dateValidation,
  type SignoffCells,
} from "./signoff";
import { STYLE } from "./styles";

/** The parties of a 附件 sheet with their 0-based score columns, from the rules. */
export function annexParties(rubric: Rubric, which: "annex1" | "annex2"): { party: string; columns: number[] }[] {
  if (which === "annex2") return annex2Parties(rubric);
  return [{ party: ANNEX1_TASK_FORCE, columns: rubric.rules.annex1.items.map((_, i) => i) }];
}

export const ANNEX_LABEL_COL = 2;

/**
 * `top`: the 打分单位 row; `scoreLeft`: the sheet column of the first score column. A party's cells span its columns
 * when they are side by side, else sit under its first one.
 */
export function annexSignoffBlock(
  parties: readonly { party: string; columns: readonly number[] }[],
  top: number,
  scoreLeft: number,
): {
  cells: PlacedCell[];
  merges: Range[];
  validations: ValidationPlan[];
  firstInput: number;
  lastInput: number;
  map: SignoffCells[];
} {
  const rows = { party: top, assessor: top + 1, completed: top + 2, completedOn: top + 3 };
  const cells: PlacedCell[] = [
    { row: rows.party, col: ANNEX_LABEL_COL, value: ANNEX_SIGNOFF_PARTY, style: STYLE.label },
    { row: rows.assessor, col: ANNEX_LABEL_COL, value: L.assessor, style: STYLE.label },
    { row: rows.completed, col: ANNEX_LABEL_COL, value: L.completed, style: STYLE.label },
    { row: rows.completedOn, col: ANNEX_LABEL_COL, value: L.completedOn, style: STYLE.label },
  ];
  const merges: Range[] = [];
  const validations: ValidationPlan[] = [];
  const map: SignoffCells[] = [];
  for (const { party, columns } of parties) {
    const left = scoreLeft + columns[0];
    const sideBySide = columns.every((c, i) => c === columns[0] + i);
    const right = sideBySide ? scoreLeft + columns[columns.length - 1] : left;
    const put = (row: number, value: string | null, style: PlacedCell["style"]) => {
      for (let col = left; col <= right; col++) cells.push({ row, col, value: col === left ? value : null, style });
      if (right > left) merges.push({ top: row, left, bottom: row, right });
    };
    put(rows.party, party, { ...STYLE.label, align: "center" });
    put(rows.assessor, null, ASSESSOR_STYLE);
    put(rows.completed, null, COMPLETED_STYLE);
    put(rows.completedOn, null, DATE_STYLE);
    validations.push(
      completedValidation(rows.completed, left, `${party}${L.completed}`, `${party}打分完毕时填「是」。`),
      dateValidation(rows.completedOn, left, `${party}${L.completedOn}`),
    );
    map.push({
      party,
      assessor: { row: rows.assessor, col: left },
      completed: { row: rows.completed, col: left },
      completedOn: { row: rows.completedOn, col: left },
    });
  }
  return { cells, merges, validations, firstInput: rows.assessor, lastInput: rows.completedOn, map };
}
