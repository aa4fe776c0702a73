/**
 * A scoring table of a unit sheet (附件6): one row per scoring line, its columns as records by key (what the cell
 * holds, how it looks); positions come from LINE_FIELDS. 考核项目 is printed once per section, as the merged cell of
 * 附件6 reads on paper (Excel tables cannot hold merged cells, so the section's first row carries it).
 */
import { fromHundredths, type ScoringLine } from "../rubric";
import { cellRef, trimText } from "./a1";
import { COL, LINE_FIELDS, NO, YES, type LineField } from "./columns";
import * as f from "./formulas";
import type { CellContent, CellStyle, ConditionalFormatPlan, Range, TablePlan, ValidationPlan } from "./plan";
import { INVALID_FILL, MISSING_FILL, STYLE } from "./styles";

interface LineRow {
  readonly line: ScoringLine;
  readonly row: number;
  /** The first line of its section (or of the section's lines scored by 市安委办). */
  readonly opensSection: boolean;
  /** The first line of a sub-item's item. */
  readonly opensItem: boolean;
}

interface LineCell {
  readonly style: CellStyle;
  readonly value: (r: LineRow) => CellContent;
}

/**
 * A label that reads as a number is written as one ("1", "13.2"), so Excel shows no "number stored as text"
 * triangle; the reader reads numbers and texts alike.
 */
const labelValue = (label: string): CellContent => (String(Number(label)) === label ? Number(label) : label);

const LINE_CELLS: Readonly<Record<LineField, LineCell>> = {
  label: { style: { ...STYLE.text, align: "center" }, value: (r) => labelValue(r.line.label) },
  section: {
    style: STYLE.text,
    value: (r) =>
      !r.opensSection
        ? null
        : r.line.scoredBy === "safetyOffice"
          ? `${r.line.sectionTitle}\n（市安委办负责打分）`
          : r.line.sectionTitle,
  },
  // A sub-item's first line carries its item's wording too, so the printed sheet reads like 附件6.
  text: { style: STYLE.text, value: (r) => (r.opensItem ? `${r.line.itemText}\n${r.line.text}` : r.line.text) },
  points: { style: STYLE.points, value: (r) => fromHundredths(r.line.maxPoints) },
  deduction: { style: STYLE.inputNumber, value: () => null },
  score: { style: STYLE.score, value: (r) => ({ formula: f.lineScoreFormula(r.row, COL) }) },
  findings: { style: STYLE.input, value: () => null },
  participates: { style: { ...STYLE.input, align: "center" }, value: () => YES },
  reason: { style: STYLE.input, value: () => null },
};

export function linesTable(name: string, header: number, lines: readonly ScoringLine[]): TablePlan {
  const rows = lines.map((line, i): LineRow => {
    const before = lines[i - 1];
    return {
      line,
      row: header + 1 + i,
      opensSection: !before || before.sectionTitle !== line.sectionTitle || before.scoredBy !== line.scoredBy,
      opensItem: line.subNo !== undefined && before?.itemNo !== line.itemNo,
    };
  });
  return {
    name,
    top: header,
    left: 1,
    columns: LINE_FIELDS.map((c) => ({ name: c.header, width: c.width, style: LINE_CELLS[c.key].style })),
    rows: rows.map((r) => LINE_FIELDS.map((c) => LINE_CELLS[c.key].value(r))),
  };
}

/** Validation and highlighting of a scoring table's input columns: one validation per range. */
export function lineChecks(
  first: number,
  last: number,
): { validations: ValidationPlan[]; formats: ConditionalFormatPlan[] } {
  const span = (c: number): Range => ({ top: first, left: c, bottom: last, right: c });
  const validations: ValidationPlan[] = [
    {
      range: span(COL.deduction),
      rule: { kind: "decimal", min: 0, max: { formula: `=${cellRef(first, COL.points)}` } },
      allowBlank: true,
      errorTitle: "扣分超出范围",
      errorMessage: "扣分须为不小于 0、不超过本项分值的数字，最多两位小数。",
      prompt: "填写本项扣分（0 至本项分值）。",
    },
    {
      range: span(COL.participates),
      rule: { kind: "list", values: [YES, NO] },
      allowBlank: true,
      errorTitle: "是否参与打分",
      errorMessage: "请选择「是」或「否」。不参与打分的项目须在「不参与说明」中写明书面说明。",
    },
  ];
  const participates = trimText(cellRef(first, COL.participates));
  const formats: ConditionalFormatPlan[] = [
    {
      range: span(COL.deduction),
      formula: f.invalidAmountTest(cellRef(first, COL.deduction), cellRef(first, COL.points)),
      fill: INVALID_FILL,
    },
    {
      range: span(COL.participates),
      formula: `AND(${participates}<>"${YES}",${participates}<>"${NO}",LEN(${participates})>0)`,
      fill: INVALID_FILL,
    },
    {
      range: span(COL.reason),
      formula: `AND(${participates}="${NO}",LEN(${trimText(cellRef(first, COL.reason))})=0)`,
      fill: MISSING_FILL,
    },
  ];
  return { validations, formats };
}
