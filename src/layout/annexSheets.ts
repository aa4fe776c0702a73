/**
 * 附件1 (4 scores per county) and 附件2 (5 scores per county): one table each, a row per county, and under it a
 * sign-off for each party column (signoff.ts).
 */
import { formatPoints, toHundredths, type Rubric, type Unit } from "../rubric";
import { cellRef } from "./a1";
import { annexSignoffBlock, annexParties } from "./annexSignoff";
import { partyLegend } from "./closedCells";
import { fitSheet, landscapePrint } from "./fit";
import { invalidAmountTest } from "./formulas";
import { metaCells } from "./meta";
import type {
  CellContent,
  ConditionalFormatPlan,
  PlacedCell,
  Range,
  SheetMeta,
  SheetPlan,
  TableColumn,
  ValidationPlan,
} from "./plan";
import { INVALID_FILL, STYLE } from "./styles";

export const ANNEX_SHEET_NAMES = { annex1: "附件1", annex2: "附件2" } as const;
export const ANNEX_KEY_COLUMNS = ["序号", "县（市、区）"] as const;
export const ANNEX1_TOTAL = "合计";
export const ANNEX_HEADER_ROW = 4;

export function annex1Header(rubric: Rubric): string[] {
  return rubric.rules.annex1.items.map((i) => i.title);
}

export function annex2Header(rubric: Rubric): string[] {
  return rubric.rules.annex2.columns.map(
    (c) => `${c.department}（${c.title},${formatPoints(toHundredths(c.points))}分）`,
  );
}

/** `party`: the sheet of a party's workbook, where only that party's columns are open (unitSheet.ts says the same). */
export function annexSheetPlan(
  rubric: Rubric,
  which: "annex1" | "annex2",
  counties: readonly Unit[],
  party?: string,
): SheetPlan {
  const isOne = which === "annex1";
  const titles = isOne ? annex1Header(rubric) : annex2Header(rubric);
  const maxima = isOne
    ? rubric.rules.annex1.items.map((i) => i.points)
    : rubric.rules.annex2.columns.map((c) => c.points);
  const header = ANNEX_HEADER_ROW;
  const first = header + 1;
  const last = header + counties.length;
  const scoreLeft = 3;
  const columns: TableColumn[] = [
    { name: ANNEX_KEY_COLUMNS[0], width: 6, style: { ...STYLE.text, align: "center" } },
    { name: ANNEX_KEY_COLUMNS[1], width: 12, style: STYLE.text },
    ...titles.map((name) => ({ name, width: isOne ? 18 : 22, style: STYLE.inputNumber })),
  ];
  if (isOne) columns.push({ name: ANNEX1_TOTAL, width: 10, style: STYLE.score });
  const rows: CellContent[][] = counties.map((county, i) => {
    const row = first + i;
    const scores: CellContent[] = titles.map(() => null);
    const total: CellContent[] = isOne
      ? [
          {
            formula: `=IF(COUNT(${cellRef(row, scoreLeft)}:${cellRef(row, scoreLeft + titles.length - 1)})<${titles.length},"",SUM(${cellRef(row, scoreLeft)}:${cellRef(row, scoreLeft + titles.length - 1)}))`,
            result: "", // nothing entered yet
          },
        ]
      : [];
    return [i + 1, county.name, ...scores, ...total];
  });
  const validations: ValidationPlan[] = [];
  const formats: ConditionalFormatPlan[] = [];
  maxima.forEach((max, i) => {
    const col = scoreLeft + i;
    if (counties.length === 0) return;
    const range = { top: first, left: col, bottom: last, right: col };
    validations.push({
      range,
      rule: { kind: "decimal", min: 0, max },
      allowBlank: true,
      errorTitle: "分数超出范围",
      errorMessage: `「${titles[i]}」请填写 0 至 ${max} 之间的数字，最多两位小数。`,
    });
    formats.push({ range, formula: invalidAmountTest(cellRef(first, col), max), fill: INVALID_FILL });
  });
  const lastCol = columns.length;
  const title = isOne ? rubric.rules.annex1.title : rubric.rules.annex2.title;
  const meta: SheetMeta = {
    role: which,
    rulesId: rubric.id,
    rulesVersion: rubric.version,
    ...(party !== undefined ? { party } : {}),
  };
  const cells: PlacedCell[] = [
    ...metaCells(meta),
    { row: 2, col: 1, value: `${ANNEX_SHEET_NAMES[which]}：${title}`, style: { ...STYLE.title, wrap: true } },
  ];
  const merges: Range[] = [{ top: 2, left: 1, bottom: 2, right: lastCol }];
  const closed: Range[] = [];
  const parties = annexParties(rubric, which);
  if (counties.length > 0) {
    // A blank row under the table ends it for every reader (readAnnex.ts stops at an empty 县（市、区）).
    const signoff = annexSignoffBlock(parties, last + 2, scoreLeft);
    cells.push(...signoff.cells);
    merges.push(...signoff.merges);
    validations.push(...signoff.validations);
    if (party !== undefined) {
      const others = parties.filter((p) => p.party !== party);
      if (others.length > 0) {
        cells.push({
          row: 3,
          col: 1,
          value: partyLegend(
            party,
            others.map((p) => p.party),
          ),
          style: STYLE.note,
        });
        merges.push({ top: 3, left: 1, bottom: 3, right: lastCol });
      }
      // The other parties' columns, and their sign-offs under them.
      for (const p of others) {
        for (const c of p.columns) {
          const col = scoreLeft + c;
          closed.push({ top: first, left: col, bottom: last, right: col });
          closed.push({ top: signoff.firstInput, left: col, bottom: signoff.lastInput, right: col });
        }
      }
    }
  }
  return fitSheet({
    name: ANNEX_SHEET_NAMES[which],
    meta,
    columnWidths: {},
    cells,
    merges,
    tables: counties.length === 0 ? [] : [{ name: isOne ? "Annex1" : "Annex2", top: header, left: 1, columns, rows }],
    validations,
    conditionalFormats: formats,
    hiddenRows: [1],
    rowHeights: {},
    protect: true,
    print: landscapePrint(ANNEX_SHEET_NAMES[which], header),
    freezeRows: header,
    ...(closed.length > 0 ? { closed } : {}),
  });
}
