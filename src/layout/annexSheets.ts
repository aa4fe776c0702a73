/** 附件1 (4 scores per county) and 附件2 (5 scores per county): one table each, a row per county. */
import { formatPoints, toHundredths, type Rubric, type Unit } from "../rubric";
import { cellRef, trimText } from "./a1";
import { metaCells } from "./meta";
import type { CellContent, ConditionalFormatPlan, PlacedCell, SheetPlan, TableColumn, ValidationPlan } from "./plan";
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

export function annexSheetPlan(rubric: Rubric, which: "annex1" | "annex2", counties: readonly Unit[]): SheetPlan {
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
    const ref = cellRef(first, col);
    formats.push({
      range,
      formula: `AND(LEN(${trimText(ref)})>0,NOT(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max},ROUND(${ref},2)=${ref})))`,
      fill: INVALID_FILL,
    });
  });
  const lastCol = columns.length;
  const title = isOne ? rubric.rules.annex1.title : rubric.rules.annex2.title;
  const cells: PlacedCell[] = [
    ...metaCells({ role: which, rulesId: rubric.id, rulesVersion: rubric.version }),
    { row: 2, col: 1, value: `${ANNEX_SHEET_NAMES[which]}：${title}`, style: STYLE.title },
  ];
  return {
    name: ANNEX_SHEET_NAMES[which],
    meta: { role: which, rulesId: rubric.id, rulesVersion: rubric.version },
    columnWidths: {},
    cells,
    merges: [{ top: 2, left: 1, bottom: 2, right: lastCol }],
    tables: counties.length === 0 ? [] : [{ name: isOne ? "Annex1" : "Annex2", top: header, left: 1, columns, rows }],
    validations,
    conditionalFormats: formats,
    hiddenRows: [1],
    protect: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: { from: header, to: header },
      header: ANNEX_SHEET_NAMES[which],
      fitToWidth: true,
    },
    freezeRows: header,
  };
}
