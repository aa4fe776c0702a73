/**
 * One assessed unit's score sheet, in the form of 附件6: (一) for a county; (二) common part and (三) individual part
 * for a member unit. Only the lines that concern the unit, with the unit's points on each. Under the tables: the
 * adjustments table (加分, 减分, 一票否优) and the unit's totals as formulas.
 */
import { formatPoints, fromHundredths, type Rubric, type ScoringLine, type Unit } from "../rubric";
import { vetoConditionRange } from "../scoring";
import { cellRef, trimText } from "./a1";
import {
  ADJUST_COLUMNS,
  ADJUST_LEFT,
  ADJUST_ROWS,
  COL,
  LINE_COLUMNS,
  LINE_WIDTHS,
  NO,
  TOTAL_LABELS,
  TOTAL_ORDER,
  YES,
  type TotalKey,
} from "./columns";
import * as f from "./formulas";
import { unitTableName } from "./names";
import type {
  CellContent,
  CellStyle,
  ConditionalFormatPlan,
  PlacedCell,
  Range,
  SheetPlan,
  TablePlan,
  ValidationPlan,
} from "./plan";
import { metaCells } from "./meta";
import { INVALID_FILL, MISSING_FILL, STYLE } from "./styles";

/** Where the figures of a unit sheet are: what the reader and the summary refer to. */
export interface UnitSheetMap {
  readonly tables: readonly {
    name: string;
    part: "county" | "common" | "individual";
    header: number;
    first: number;
    last: number;
  }[];
  readonly adjustHeader: number;
  readonly adjustRows: { readonly bonus: number; readonly penalty: number; readonly veto: number };
  /** The column of the adjustments' 分数 (加分, 减分, 是/否 of 一票否优). */
  readonly adjustScoreCol: number;
  readonly totals: Readonly<Record<TotalKey, { row: number; col: number }>>;
}

export function unitSheetPlan(rubric: Rubric, unit: Unit, sheetName: string): { sheet: SheetPlan; map: UnitSheetMap } {
  const { rules } = rubric;
  const form = rules.scoreSheet;
  const lines = rubric.linesFor(unit);
  const cells: PlacedCell[] = [
    ...metaCells({ role: "unit", unit: unit.name, rulesId: rubric.id, rulesVersion: rubric.version }),
  ];
  const merges: Range[] = [];
  const tables: TablePlan[] = [];
  const validations: ValidationPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const lastCol: number = LINE_COLUMNS.length;
  const banner = (row: number, value: CellContent, style: CellStyle, left = 1, right = lastCol) => {
    cells.push({ row, col: left, value, style });
    if (right > left) merges.push({ top: row, left, bottom: row, right });
  };

  banner(2, form.title, STYLE.title);
  banner(3, unit.kind === "county" ? form.countySubtitle : form.memberCommonTitle, STYLE.subtitle);
  const [stamp, leader, assessors, chief] = form.signatures;
  banner(4, `${stamp} ${unit.name}`, STYLE.signature, 1, 3);
  banner(4, leader ?? "", STYLE.signature, 4, lastCol);
  banner(5, assessors ?? "", STYLE.signature, 1, 3);
  banner(5, chief ?? "", STYLE.signature, 4, lastCol);

  const parts = unit.kind === "county" ? (["county"] as const) : (["common", "individual"] as const);
  let row = 7;
  const tableMap: {
    name: string;
    part: "county" | "common" | "individual";
    header: number;
    first: number;
    last: number;
  }[] = [];
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
    addLineChecks(first, last, validations, conditionalFormats);
    row = last + 2;
  }

  // Adjustments table and the note under the form, side by side.
  const adjustHeader = row;
  const adjustRows = { bonus: row + 1, penalty: row + 2, veto: row + 3 };
  const { bonus, penalty } = rubric.adjustments(unit.kind);
  const cap = rubric.bonusCap(unit.kind);
  tables.push({
    name: unitTableName(unit.order, "Adjust"),
    top: adjustHeader,
    left: ADJUST_LEFT,
    columns: ADJUST_COLUMNS.map((name, i) => ({
      name,
      width: LINE_WIDTHS[ADJUST_LEFT - 1 + i],
      style: [STYLE.label, STYLE.inputNumber, STYLE.input][i],
    })),
    rows: [
      [ADJUST_ROWS.bonus, null, null],
      [ADJUST_ROWS.penalty, null, null],
      [ADJUST_ROWS.veto, NO, null],
    ],
  });
  const scoreCol = ADJUST_LEFT + 1;
  validations.push(
    {
      range: { top: adjustRows.bonus, left: scoreCol, bottom: adjustRows.bonus, right: scoreCol },
      rule: { kind: "decimal", min: 0, max: cap === null ? undefined : fromHundredths(cap) },
      allowBlank: true,
      errorTitle: "加分超出范围",
      errorMessage: `加分请填写 0 至 ${cap === null ? "" : formatPoints(cap)} 之间的数字（每个单位最高加 ${cap === null ? "" : formatPoints(cap)} 分）。`,
      prompt: bonus ? "填写加分合计；说明栏写明表彰或采用情况。" : undefined,
    },
    {
      range: { top: adjustRows.penalty, left: scoreCol, bottom: adjustRows.penalty, right: scoreCol },
      rule: { kind: "decimal", min: 0 },
      allowBlank: true,
      errorTitle: "减分无效",
      errorMessage: "减分请填写不小于 0 的数字（减分不设上限）。",
      prompt: penalty ? "填写减分合计；说明栏写明通报批评、约谈等情况。" : undefined,
    },
    {
      range: { top: adjustRows.veto, left: scoreCol, bottom: adjustRows.veto, right: scoreCol },
      rule: { kind: "list", values: [YES, NO] },
      allowBlank: true,
      errorTitle: "一票否优",
      errorMessage: `请选择「是」或「否」；为「是」时在说明栏写明属于哪一种情形${vetoConditionRange(rules.vetoConditions.length)}。`,
    },
  );
  for (const r of [adjustRows.bonus, adjustRows.penalty]) {
    const ref = cellRef(r, scoreCol);
    conditionalFormats.push({
      range: { top: r, left: scoreCol, bottom: r, right: scoreCol },
      formula: `AND(LEN(${trimText(ref)})>0,NOT(AND(ISNUMBER(${ref}),${ref}>=0,ROUND(${ref},2)=${ref})))`,
      fill: INVALID_FILL,
    });
  }
  const vetoRef = cellRef(adjustRows.veto, scoreCol);
  conditionalFormats.push({
    range: { top: adjustRows.veto, left: scoreCol, bottom: adjustRows.veto, right: scoreCol },
    formula: `AND(${trimText(vetoRef)}<>"${YES}",${trimText(vetoRef)}<>"${NO}",LEN(${trimText(vetoRef)})>0)`,
    fill: INVALID_FILL,
  });
  cells.push({ row: adjustHeader, col: 1, value: form.note, style: STYLE.note });
  merges.push({ top: adjustHeader, left: 1, bottom: adjustHeader + 2, right: 5 });

  // Totals block: label in G, formula in H.
  const totals = {} as Record<TotalKey, { row: number; col: number }>;
  let r = adjustRows.veto + 2;
  for (const key of TOTAL_ORDER) totals[key] = { row: r++, col: scoreCol };
  const at = (k: TotalKey) => cellRef(totals[k].row, totals[k].col);
  const spans = tableMap.map((t) => ({ first: t.first, last: t.last }));
  const formulas: Record<TotalKey, string> = {
    itemsScore: f.itemsScoreFormula(spans, COL.score),
    applicableTotal: f.applicableTotalFormula(spans, COL),
    normalized: f.normalizedFormula(at("itemsScore"), at("applicableTotal")),
    bonus: f.bonusFormula(cellRef(adjustRows.bonus, scoreCol), cap === null ? null : fromHundredths(cap)),
    penalty: f.penaltyFormula(cellRef(adjustRows.penalty, scoreCol)),
    finalScore: f.finalScoreFormula(at("normalized"), at("bonus"), at("penalty")),
    grade: f.gradeFormula(at("finalScore"), vetoRef, rubric.grades, rules.vetoCapGrade),
  };
  if (spans.length === 0) formulas.itemsScore = formulas.applicableTotal = "=0";
  for (const key of TOTAL_ORDER) {
    cells.push({ row: totals[key].row, col: ADJUST_LEFT, value: TOTAL_LABELS[key], style: STYLE.label });
    cells.push({ row: totals[key].row, col: scoreCol, value: { formula: formulas[key] }, style: STYLE.total });
  }

  const firstHeader = tableMap[0]?.header ?? adjustHeader;
  const sheet: SheetPlan = {
    name: sheetName,
    meta: { role: "unit", unit: unit.name, rulesId: rubric.id, rulesVersion: rubric.version },
    columnWidths: Object.fromEntries(LINE_WIDTHS.map((w, i) => [i + 1, w])),
    cells,
    merges,
    tables,
    validations,
    conditionalFormats,
    hiddenRows: [1],
    protect: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: { from: firstHeader, to: firstHeader },
      header: unit.name,
      fitToWidth: true,
    },
    freezeRows: firstHeader,
  };
  return { sheet, map: { tables: tableMap, adjustHeader, adjustRows, adjustScoreCol: scoreCol, totals } };
}

function linesTable(name: string, header: number, lines: readonly ScoringLine[]): TablePlan {
  const rows: CellContent[][] = [];
  let previousItem = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const row = header + 1 + i;
    // A sub-item's first line carries its item's wording too, so the printed sheet reads like 附件6.
    const text =
      line.subNo !== undefined && line.itemNo !== previousItem ? `${line.itemText}\n${line.text}` : line.text;
    previousItem = line.itemNo;
    const section = line.scoredBy === "safetyOffice" ? `${line.sectionTitle}\n（市安委办负责打分）` : line.sectionTitle;
    rows.push([
      line.label,
      section,
      text,
      fromHundredths(line.maxPoints),
      null,
      { formula: f.lineScoreFormula(row, COL) },
      null,
      YES,
      null,
    ]);
  }
  const styles: CellStyle[] = [
    { ...STYLE.text, align: "center", numberFormat: "@" },
    STYLE.text,
    STYLE.text,
    STYLE.points,
    STYLE.inputNumber,
    STYLE.score,
    STYLE.input,
    { ...STYLE.input, align: "center" },
    STYLE.input,
  ];
  return {
    name,
    top: header,
    left: 1,
    columns: LINE_COLUMNS.map((c, i) => ({ name: c, width: LINE_WIDTHS[i], style: styles[i] })),
    rows,
  };
}

function addLineChecks(first: number, last: number, validations: ValidationPlan[], formats: ConditionalFormatPlan[]) {
  const span = (c: number): Range => ({ top: first, left: c, bottom: last, right: c });
  validations.push(
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
  );
  const d = cellRef(first, COL.deduction);
  const p = cellRef(first, COL.points);
  const h = `${trimText(cellRef(first, COL.participates))}`;
  const i = cellRef(first, COL.reason);
  formats.push(
    {
      range: span(COL.deduction),
      formula: `AND(LEN(${trimText(d)})>0,NOT(AND(ISNUMBER(${d}),${d}>=0,${d}<=${p},ROUND(${d},2)=${d})))`,
      fill: INVALID_FILL,
    },
    { range: span(COL.participates), formula: `AND(${h}<>"${YES}",${h}<>"${NO}",LEN(${h})>0)`, fill: INVALID_FILL },
    { range: span(COL.reason), formula: `AND(${h}="${NO}",LEN(${trimText(i)})=0)`, fill: MISSING_FILL },
  );
}
