/**
 * A party's sign-off on its part, in the sheet, for people without the add-in: 考核人员 (typed), 已完成评分 (是/否,
 * a drop-down list) and 完成日期 (a date, checked by the sheet). A unit sheet has one under its totals for the team
 * (whose 已完成评分 is the sheet's existing completion mark, which also tells 未评分 from 100) and one for each other
 * party with lines in it (市安委办); 附件1 and 附件2 have one per party column under the table. The reader finds them
 * by these labels (readSignoffs.ts), so they are part of the workbook format (docs/workbook-format.md).
 */
import { TEAM } from "../rubric/parties";
import { COMPLETED_LABEL, NO, YES } from "./columns";
import type { CellStyle, PlacedCell, Range, ValidationPlan } from "./plan";
import { STYLE } from "./styles";

export interface SignoffLabels {
  readonly assessor: string;
  readonly completed: string;
  readonly completedOn: string;
}

/** The team's labels are the plain ones (its 已完成评分 is the one every sheet had); another party's name leads. */
export function signoffLabels(party: string): SignoffLabels {
  if (party === TEAM) return { assessor: "考核人员", completed: COMPLETED_LABEL, completedOn: "完成日期" };
  return { assessor: `${party}考核人员`, completed: `${party}${COMPLETED_LABEL}`, completedOn: `${party}完成日期` };
}

/** The labels of a 附件 sign-off block, in column B under the table: the party row, then the three. */
export const ANNEX_SIGNOFF_PARTY = "打分单位";
export const ANNEX_SIGNOFF_LABELS: SignoffLabels = {
  assessor: "考核人员",
  completed: COMPLETED_LABEL,
  completedOn: "完成日期",
};

/** Where one party's sign-off is: 1-based cells, the value cells may be merged to the right. */
export interface SignoffCells {
  readonly party: string;
  readonly assessor: { readonly row: number; readonly col: number };
  readonly completed: { readonly row: number; readonly col: number };
  readonly completedOn: { readonly row: number; readonly col: number };
}

export const ASSESSOR_STYLE: CellStyle = STYLE.input;
export const COMPLETED_STYLE: CellStyle = { ...STYLE.input, align: "center" };
/** Shown as 2022-12-20 in every program; what is stored is the date's serial number. */
export const DATE_STYLE: CellStyle = { ...STYLE.input, align: "center", numberFormat: "yyyy-mm-dd" };

const single = (row: number, col: number): Range => ({ top: row, left: col, bottom: row, right: col });

export function completedValidation(row: number, col: number, title: string, prompt: string): ValidationPlan {
  return {
    range: single(row, col),
    rule: { kind: "list", values: [YES, NO] },
    allowBlank: true,
    errorTitle: title,
    errorMessage: "请选择「是」或「否」。",
    prompt,
  };
}

/**
 * A date: Excel, WPS and LibreOffice store a typed date ("2022-12-20", "2022/12/20", "12月20日") as its serial
 * number and check a decimal rule against that number, so a decimal rule between two DATE()s takes any date of
 * these years and refuses text. (The plan's rules are decimal and list; both adapters write them natively.)
 */
export function dateValidation(row: number, col: number, title: string): ValidationPlan {
  return {
    range: single(row, col),
    rule: { kind: "decimal", min: { formula: "=DATE(2000,1,1)" }, max: { formula: "=DATE(2099,12,31)" } },
    allowBlank: true,
    errorTitle: title,
    errorMessage: "请填写日期，例如 2022-12-20。",
    prompt: "填写完成评分的日期，例如 2022-12-20。",
  };
}

/**
 * The sign-off rows of a unit sheet, under 已完成评分 (`completed`: its value cell, in the adjustments' 分数 column):
 * the team's 考核人员 and 完成日期, then for each other party with lines in the unit its 已完成评分, 考核人员 and
 * 完成日期. Labels left of the values (the adjustments' 项目 column); names and dates span 分数 and 说明.
 */
export function unitSignoffBlock(
  completed: { readonly row: number; readonly col: number },
  noteCol: number,
  otherParties: readonly string[],
): { cells: PlacedCell[]; merges: Range[]; validations: ValidationPlan[]; map: SignoffCells[] } {
  const labelCol = completed.col - 1;
  const valueCol = completed.col;
  const cells: PlacedCell[] = [];
  const merges: Range[] = [];
  const validations: ValidationPlan[] = [];
  const map: SignoffCells[] = [];
  const wide = (row: number, label: string, style: CellStyle) => {
    cells.push({ row, col: labelCol, value: label, style: STYLE.label }, { row, col: valueCol, value: null, style });
    // The merged cell's right part is styled alike, so the box prints whole and its lock agrees.
    cells.push({ row, col: noteCol, value: null, style });
    merges.push({ top: row, left: valueCol, bottom: row, right: noteCol });
  };
  let row = completed.row + 1;
  const rest = (party: string, labels: SignoffLabels, completedAt: { row: number; col: number }) => {
    const assessor = { row: row++, col: valueCol };
    wide(assessor.row, labels.assessor, ASSESSOR_STYLE);
    const completedOn = { row: row++, col: valueCol };
    wide(completedOn.row, labels.completedOn, DATE_STYLE);
    validations.push(dateValidation(completedOn.row, valueCol, labels.completedOn));
    map.push({ party, assessor, completed: completedAt, completedOn });
  };
  rest(TEAM, signoffLabels(TEAM), completed);
  for (const party of otherParties) {
    const labels = signoffLabels(party);
    const at = { row: row++, col: valueCol };
    cells.push(
      { row: at.row, col: labelCol, value: labels.completed, style: STYLE.label },
      { row: at.row, col: valueCol, value: null, style: COMPLETED_STYLE },
      { row: at.row, col: noteCol, value: "考核完毕填「是」", style: { ...STYLE.note, border: true } },
    );
    validations.push(completedValidation(at.row, valueCol, labels.completed, `${party}打分完毕时填「是」。`));
    rest(party, labels, at);
  }
  return { cells, merges, validations, map };
}
