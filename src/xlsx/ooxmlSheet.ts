/**
 * One sheet plan as a worksheet part and its table parts, for the direct writer. The cells are laid out as the
 * exceljs writer (write.ts) lays them: the plan's cells, then each table's header (TABLE_HEADER_STYLE) and rows
 * (the column's style), written over them; a merge keeps its first cell's value and gives every cell it
 * covers that cell's style, as exceljs's mergeCells does. Column widths: each table's, in order, then the plan's own.
 * Element order follows ECMA-376 Part 1, 18.3.1.99 (CT_Worksheet).
 */
import {
  cellRef,
  columnLetter,
  isFormula,
  META_ROW,
  TABLE_HEADER_STYLE,
  type CellContent,
  type CellStyle,
  type SheetPlan,
} from "../layout";
import { heldRows } from "../layout/fit";
import type { SharedStrings } from "./ooxmlText";
import { escapeXml } from "./ooxmlText";
import type { StyleTable } from "./ooxmlStyles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Placed {
  value: CellContent;
  style: CellStyle | undefined;
}

export interface SheetParts {
  readonly sheetXml: string;
  /** Each table's XML, in the order of the sheet's tableParts (rId1, rId2, …). */
  readonly tables: readonly string[];
}

function layOut(plan: SheetPlan): Map<number, Map<number, Placed>> {
  const rows = new Map<number, Map<number, Placed>>();
  const put = (row: number, col: number, value: CellContent, style: CellStyle | undefined) => {
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, { value, style });
  };
  for (const c of plan.cells) put(c.row, c.col, c.value, c.style);
  for (const t of plan.tables) {
    t.columns.forEach((col, j) => put(t.top, t.left + j, col.name, TABLE_HEADER_STYLE));
    t.rows.forEach((row, i) => row.forEach((value, j) => put(t.top + 1 + i, t.left + j, value, t.columns[j].style)));
  }
  for (const m of plan.merges) {
    const master = rows.get(m.top)?.get(m.left);
    for (let row = m.top; row <= m.bottom; row++)
      for (let col = m.left; col <= m.right; col++)
        if (row !== m.top || col !== m.left) put(row, col, null, master?.style);
  }
  return rows;
}

function cellXml(ref: string, { value, style }: Placed, styles: StyleTable, strings: SharedStrings): string {
  const s = styles.add(style);
  const attrs = `r="${ref}"${s ? ` s="${s}"` : ""}`;
  if (value === null || value === undefined) return `<c ${attrs}/>`;
  if (isFormula(value)) {
    // The core's result as the cached value, as write.ts stores it (an empty text result is left out).
    const f = `<f>${escapeXml(value.formula.replace(/^=/, ""))}</f>`;
    const r = value.result;
    if (r === undefined || r === null || r === "") return `<c ${attrs}>${f}</c>`;
    if (typeof r === "string") return `<c ${attrs} t="str">${f}<v>${escapeXml(r)}</v></c>`;
    if (typeof r === "boolean") return `<c ${attrs} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    return `<c ${attrs}>${f}<v>${r}</v></c>`;
  }
  if (typeof value === "string") return `<c ${attrs} t="s"><v>${strings.add(value)}</v></c>`;
  if (typeof value === "boolean") return `<c ${attrs} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (!Number.isFinite(value)) throw new Error(`${ref}: ${value} is not a number a workbook can hold`);
  return `<c ${attrs}><v>${value}</v></c>`;
}

function tableXml(plan: SheetPlan, index: number, id: number): string {
  const t = plan.tables[index];
  const ref = `${cellRef(t.top, t.left)}:${cellRef(t.top + Math.max(1, t.rows.length), t.left + t.columns.length - 1)}`;
  // Filter buttons hidden, as the exceljs writer leaves them: the summary is read and printed, not filtered.
  const filters = t.columns.map((_, j) => `<filterColumn colId="${j}" hiddenButton="1"/>`).join("");
  const columns = t.columns.map((c, j) => `<tableColumn id="${j + 1}" name="${escapeXml(c.name)}"/>`).join("");
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<table xmlns="${MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">`,
    `<autoFilter ref="${ref}">${filters}</autoFilter>`,
    `<tableColumns count="${t.columns.length}">${columns}</tableColumns>`,
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>',
    "</table>",
  ].join("");
}

/** `firstTableId`: tables are numbered across the workbook. */
export function sheetParts(
  plan: SheetPlan,
  styles: StyleTable,
  strings: SharedStrings,
  firstTableId: number,
): SheetParts {
  if (plan.validations.length || plan.conditionalFormats.length || plan.protect)
    throw new Error(
      `${plan.name}: the direct writer writes values and styles only (no validation, highlighting or protection)`,
    );
  const rows = layOut(plan);
  const widths = new Map<number, number>();
  for (const t of plan.tables)
    t.columns.forEach((c, i) => {
      if (c.width > 0) widths.set(t.left + i, c.width);
    });
  for (const [col, width] of Object.entries(plan.columnWidths)) widths.set(Number(col), width);
  // exceljs 4.4 leaves out a column whose width is 9 (its default), so the program's own default width applies;
  // the direct writer does the same, so that both writers make the same workbook.
  for (const [col, width] of widths) if (width === 9) widths.delete(col);
  const hiddenRows = new Set(plan.hiddenRows);
  const heights = new Map(Object.entries(plan.rowHeights).map(([r, h]) => [Number(r), h]));
  // The hidden marker row is also 0 high, as write.ts makes it (a program that ignores "hidden" still hides it).
  if (plan.hiddenRows.includes(META_ROW)) heights.set(META_ROW, 0);
  const held = heldRows(plan);
  const rowNumbers = [...new Set([...rows.keys(), ...hiddenRows, ...heights.keys()])].sort((a, b) => a - b);
  let lastCol = 1;
  const sheetData = rowNumbers.map((r) => {
    const cells = rows.get(r) ?? new Map<number, Placed>();
    const cols = [...cells.keys()].sort((a, b) => a - b);
    lastCol = Math.max(lastCol, cols[cols.length - 1] ?? 1);
    const body = cols.map((c) => cellXml(`${columnLetter(c)}${r}`, cells.get(c)!, styles, strings)).join("");
    const height = heights.get(r);
    return `<row r="${r}"${height !== undefined ? ` ht="${height}"${held.has(r) ? ' customHeight="1"' : ""}` : ""}${hiddenRows.has(r) ? ' hidden="1"' : ""}>${body}</row>`;
  });
  const lastRow = rowNumbers[rowNumbers.length - 1] ?? 1;
  const colXml = [...widths.keys()]
    .sort((a, b) => a - b)
    .map((c) => `<col min="${c}" max="${c}" width="${widths.get(c)}" customWidth="1"/>`)
    .join("");
  const frozen = plan.freezeRows
    ? `<pane ySplit="${plan.freezeRows}" topLeftCell="A${plan.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : "";
  const { print } = plan;
  // The header is plain text ("&" doubled); the footer carries Excel's codes (&P, &N) as they are.
  const oddHeader = print.header ? `<oddHeader>${escapeXml(`&C${print.header.replace(/&/g, "&&")}`)}</oddHeader>` : "";
  const oddFooter = print.footer ? `<oddFooter>${escapeXml(`&C${print.footer}`)}</oddFooter>` : "";
  const header = oddHeader || oddFooter ? `<headerFooter>${oddHeader}${oddFooter}</headerFooter>` : "";
  const breaks = print.breaksAfter.length
    ? `<rowBreaks count="${print.breaksAfter.length}" manualBreakCount="${print.breaksAfter.length}">${print.breaksAfter.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  const inches = (points: number) => points / 72;
  const m = print.margins;
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}"/>`).join("")}</mergeCells>`
    : "";
  const tableParts = plan.tables.length
    ? `<tableParts count="${plan.tables.length}">${plan.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  const sheetXml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    `<dimension ref="A1:${cellRef(lastRow, lastCol)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    colXml ? `<cols>${colXml}</cols>` : "",
    `<sheetData>${sheetData.join("")}</sheetData>`,
    merges,
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`,
    // A fixed scale, not "fit to": Excel ignores manual page breaks under "fit to" (see PrintPlan.scale).
    `<pageSetup paperSize="9" scale="${print.scale}" orientation="${print.orientation}"/>`,
    header,
    breaks,
    tableParts,
    "</worksheet>",
  ].join("");
  return { sheetXml, tables: plan.tables.map((_, i) => tableXml(plan, i, firstTableId + i)) };
}
