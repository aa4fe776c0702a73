/**
 * One assessed unit's score sheet, in the form of 附件6: (一) for a county; (二) common part and (三) individual part
 * for a member unit. Only the lines that concern the unit, with the unit's points on each. Under the tables, kept
 * on one printed page: the adjustments table (加分, 减分, 一票否优), the unit's totals as formulas, 已完成评分 and
 * the signature lines.
 */
import { formatPoints, fromHundredths, type Rubric, type Unit } from "../rubric";
import { lineParty, TEAM } from "../rubric/parties";
import { vetoConditionRange } from "../scoring";
import { cellRef, trimText } from "./a1";
import { closedUnitCells } from "./closedCells";
import {
  ADJUST_FIELDS,
  ADJUST_LEFT,
  ADJUST_ROWS,
  COL,
  COMPLETED_LABEL,
  LINE_FIELDS,
  NO,
  TOTAL_LABELS,
  TOTAL_ORDER,
  YES,
  type TotalKey,
} from "./columns";
import { landscapePrint } from "./fit";
import * as f from "./formulas";
import { lineChecks, linesTable } from "./lineTable";
import { metaCells } from "./meta";
import { unitTableName } from "./names";
import type {
  CellContent,
  CellStyle,
  ConditionalFormatPlan,
  PlacedCell,
  Range,
  SheetMeta,
  SheetPlan,
  TablePlan,
  ValidationPlan,
} from "./plan";
import { unitSignoffBlock } from "./signoff";
import { INVALID_FILL, STYLE } from "./styles";
import { finishUnitSheet } from "./unitSheetFinish";
import type { UnitSheetMap } from "./unitSheetMap";

export { finishUnitSheet };
export type { UnitSheetMap };

/** The adjustments table's columns, by key: positions from ADJUST_FIELDS, widths from the sheet's columns. */
const ADJUST_STYLE: Readonly<Record<(typeof ADJUST_FIELDS)[number]["key"], CellStyle>> = {
  label: STYLE.label,
  amount: STYLE.inputNumber,
  note: STYLE.input,
};
const widthOfColumn = (col: number) => LINE_FIELDS[col - 1]?.width ?? 10;
const LAST_COL: number = LINE_FIELDS.length;
/** The signature lines sit left of the totals, under the note: columns A to 考核细则. */
const SIGN_RIGHT = COL.text;

/**
 * `party`: the sheet of a party's workbook (partyBook.ts), named in its marker, where the input cells of the other
 * parties are closed; undefined for the sheet of a workbook for everyone.
 */
export function unitSheetPlan(
  rubric: Rubric,
  unit: Unit,
  sheetName: string,
  party?: string,
): { sheet: SheetPlan; map: UnitSheetMap } {
  const { rules } = rubric;
  const form = rules.scoreSheet;
  const lines = rubric.linesFor(unit);
  const meta: SheetMeta = {
    role: "unit",
    unit: unit.name,
    rulesId: rubric.id,
    rulesVersion: rubric.version,
    ...(party !== undefined ? { party } : {}),
  };
  const cells: PlacedCell[] = [...metaCells(meta)];
  const merges: Range[] = [];
  const tables: TablePlan[] = [];
  const validations: ValidationPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const banner = (row: number, value: CellContent, style: CellStyle, left = 1, right = LAST_COL, bottom = row) => {
    cells.push({ row, col: left, value, style });
    if (right > left || bottom > row) merges.push({ top: row, left, bottom, right });
  };

  banner(2, form.title, STYLE.title);
  banner(3, unit.kind === "county" ? form.countySubtitle : form.memberCommonTitle, STYLE.subtitle);
  const [stamp, ...signatures] = form.signatures;
  banner(4, `${stamp} ${unit.name}`, STYLE.signature);

  const parts = unit.kind === "county" ? (["county"] as const) : (["common", "individual"] as const);
  let row = 6;
  const tableMap: UnitSheetMap["tables"][number][] = [];
  for (const part of parts) {
    const partLines = lines.filter((l) => l.part === part);
    if (part === "individual") {
      banner(row, form.memberIndividualTitle, STYLE.subtitle);
      row += 1;
    }
    if (partLines.length === 0) {
      banner(row, "（本单位不涉及单独考核内容）", STYLE.note);
      row += 2;
      continue;
    }
    const name = unitTableName(unit.order, part === "individual" ? "Individual" : "Lines");
    const header = row;
    const first = header + 1;
    const last = header + partLines.length;
    tables.push(linesTable(name, header, partLines));
    tableMap.push({ name, part, header, first, last });
    const checks = lineChecks(first, last);
    validations.push(...checks.validations);
    conditionalFormats.push(...checks.formats);
    row = last + 2;
  }

  // Adjustments table, with the note beside it.
  const adjustHeader = row;
  const adjustRows = { bonus: row + 1, penalty: row + 2, veto: row + 3 };
  const { bonus, penalty } = rubric.adjustments(unit.kind);
  const cap = rubric.bonusCap(unit.kind);
  tables.push({
    name: unitTableName(unit.order, "Adjust"),
    top: adjustHeader,
    left: ADJUST_LEFT,
    columns: ADJUST_FIELDS.map((c, i) => ({
      name: c.header,
      width: widthOfColumn(ADJUST_LEFT + i),
      style: ADJUST_STYLE[c.key],
    })),
    rows: [
      [ADJUST_ROWS.bonus, null, null],
      [ADJUST_ROWS.penalty, null, null],
      [ADJUST_ROWS.veto, NO, null],
    ],
  });
  const scoreCol = ADJUST_LEFT + ADJUST_FIELDS.findIndex((c) => c.key === "amount");
  const noteCol = ADJUST_LEFT + ADJUST_FIELDS.findIndex((c) => c.key === "note");
  const single = (r: number, c = scoreCol): Range => ({ top: r, left: c, bottom: r, right: c });
  const capText = cap === null ? "" : formatPoints(cap);
  validations.push(
    {
      range: single(adjustRows.bonus),
      rule: { kind: "decimal", min: 0, max: cap === null ? undefined : fromHundredths(cap) },
      allowBlank: true,
      errorTitle: "加分超出范围",
      errorMessage: `加分请填写 0 至 ${capText} 之间的数字（每个单位最高加 ${capText} 分）。`,
      prompt: bonus ? "填写加分合计；说明栏写明表彰或采用情况。" : undefined,
    },
    {
      range: single(adjustRows.penalty),
      rule: { kind: "decimal", min: 0 },
      allowBlank: true,
      errorTitle: "减分无效",
      errorMessage: "减分请填写不小于 0 的数字（减分不设上限）。",
      prompt: penalty ? "填写减分合计；说明栏写明通报批评、约谈等情况。" : undefined,
    },
    {
      range: single(adjustRows.veto),
      rule: { kind: "list", values: [YES, NO] },
      allowBlank: true,
      errorTitle: "一票否优",
      errorMessage: `请选择「是」或「否」；为「是」时在说明栏写明属于哪一种情形${vetoConditionRange(rules.vetoConditions.length)}。`,
    },
  );
  for (const r of [adjustRows.bonus, adjustRows.penalty]) {
    conditionalFormats.push({
      range: single(r),
      formula: f.invalidAmountTest(cellRef(r, scoreCol)),
      fill: INVALID_FILL,
    });
  }
  const vetoRef = cellRef(adjustRows.veto, scoreCol);
  conditionalFormats.push({
    range: single(adjustRows.veto),
    formula: `AND(${trimText(vetoRef)}<>"${YES}",${trimText(vetoRef)}<>"${NO}",LEN(${trimText(vetoRef)})>0)`,
    fill: INVALID_FILL,
  });
  banner(adjustHeader, form.note, STYLE.note, 1, SIGN_RIGHT, adjustRows.veto);

  // Totals: label under 项目, formula under 分数; then 已完成评分; the signature lines to their left.
  const totals = {} as Record<TotalKey, { row: number; col: number }>;
  let r = adjustRows.veto + 2;
  for (const key of TOTAL_ORDER) totals[key] = { row: r++, col: scoreCol };
  const completed = { row: r, col: scoreCol };
  const completedRef = cellRef(completed.row, completed.col);
  const at = (k: TotalKey) => cellRef(totals[k].row, totals[k].col);
  const spans = tableMap.map((t) => ({ first: t.first, last: t.last }));
  const unscored = f.unscoredTest({
    spans,
    cols: COL,
    bonus: cellRef(adjustRows.bonus, scoreCol),
    penalty: cellRef(adjustRows.penalty, scoreCol),
    veto: vetoRef,
    vetoConditions: cellRef(adjustRows.veto, noteCol),
    completed: completedRef,
  });
  const formulas: Record<TotalKey, string> = {
    itemsScore: spans.length === 0 ? "=0" : f.itemsScoreFormula(spans, COL.score),
    applicableTotal: spans.length === 0 ? "=0" : f.applicableTotalFormula(spans, COL),
    normalized: f.normalizedFormula(at("itemsScore"), at("applicableTotal")),
    bonus: f.bonusFormula(cellRef(adjustRows.bonus, scoreCol), cap === null ? null : fromHundredths(cap)),
    penalty: f.penaltyFormula(cellRef(adjustRows.penalty, scoreCol)),
    finalScore: f.finalScoreFormula(at("normalized"), at("bonus"), at("penalty")),
    grade: f.gradeFormula(at("finalScore"), vetoRef, rubric.grades, rules.vetoCapGrade, unscored),
  };
  for (const key of TOTAL_ORDER) {
    cells.push({ row: totals[key].row, col: ADJUST_LEFT, value: TOTAL_LABELS[key], style: STYLE.label });
    cells.push({ row: totals[key].row, col: scoreCol, value: { formula: formulas[key] }, style: STYLE.total });
  }
  cells.push(
    { row: completed.row, col: ADJUST_LEFT, value: COMPLETED_LABEL, style: STYLE.label },
    { row: completed.row, col: scoreCol, value: null, style: { ...STYLE.input, align: "center" } },
    {
      row: completed.row,
      col: noteCol,
      value: "考核完毕填「是」",
      style: { ...STYLE.note, border: true },
    },
  );
  validations.push({
    range: single(completed.row),
    rule: { kind: "list", values: [YES, NO] },
    allowBlank: true,
    errorTitle: COMPLETED_LABEL,
    errorMessage: "请选择「是」或「否」。",
    prompt: "考核组考核完毕时填「是」（本单位无任何扣分时也须填「是」，否则视为未评分）。",
  });
  // The sign-offs: the team's 考核人员 and 完成日期 under its 已完成评分, then each other party's three rows.
  const otherParties = [...new Set(lines.map(lineParty))].filter((p) => p !== TEAM);
  const signoff = unitSignoffBlock(completed, noteCol, otherParties);
  cells.push(...signoff.cells);
  merges.push(...signoff.merges);
  validations.push(...signoff.validations);
  signatures.forEach((text, i) => {
    const top = totals.itemsScore.row + 2 * i;
    banner(top, text, STYLE.signature, 1, SIGN_RIGHT, top + 1);
  });

  const closing =
    party === undefined
      ? undefined
      : closedUnitCells({ party, lines, tables: tableMap, adjustRows, scoreCol, noteCol, signoffs: signoff.map });
  if (closing?.legend) banner(5, closing.legend, STYLE.note);
  const closed = closing?.closed ?? [];

  const firstHeader = tableMap[0]?.header ?? adjustHeader;
  const draft: SheetPlan = {
    name: sheetName,
    meta,
    columnWidths: Object.fromEntries(LINE_FIELDS.map((c, i) => [i + 1, c.width])),
    cells,
    merges,
    tables,
    validations,
    conditionalFormats,
    hiddenRows: [1],
    rowHeights: {},
    protect: true,
    print: landscapePrint(unit.name, firstHeader),
    freezeRows: firstHeader,
    ...(closed.length > 0 ? { closed } : {}),
  };
  const sheet = finishUnitSheet(rubric, draft);
  return {
    sheet,
    map: {
      tables: tableMap,
      adjustHeader,
      adjustRows,
      adjustScoreCol: scoreCol,
      totals,
      completed,
      signoffs: signoff.map,
    },
  };
}
