/**
 * One sheet plan as a worksheet part and its table parts, for the direct writer. The cells are laid out as the
 * exceljs writer (write.ts) lays them: the plan's cells, then each table's header (bold, centred, blue) and rows
 * (column style, then the row's), written over them; a merge keeps its first cell's value and gives every cell it
 * covers that cell's style, as exceljs's mergeCells does. Column widths: each table's, in order, then the plan's own.
 * Element order follows ECMA-376 Part 1, 18.3.1.99 (CT_Worksheet).
 */
import { cellRef, columnLetter, isFormula, type CellContent, type CellStyle, type SheetPlan } from "../layout";
import type { SharedStrings } from "./ooxmlText";
import { escapeXml } from "./ooxmlText";
import type { StyleTable } from "./ooxmlStyles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, align: "center", border: true, fill: "#DDEBF7" };

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
    t.columns.forEach((col, j) => put(t.top, t.left + j, col.name, HEADER_STYLE));
    t.rows.forEach((row, i) =>
      row.forEach((value, j) => {
        const style = { ...t.columns[j].style, ...(t.rowStyles?.[i] ?? {}) };
        put(t.top + 1 + i, t.left + j, value, Object.keys(style).length ? style : undefined);
      }),
    );
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
  if (isFormula(value)) return `<c ${attrs}><f>${escapeXml(value.formula.replace(/^=/, ""))}</f></c>`;
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
  const hiddenCols = new Set<number>();
  for (const t of plan.tables)
    t.columns.forEach((c, i) => {
      if (c.width > 0) widths.set(t.left + i, c.width);
      if (c.hidden) hiddenCols.add(t.left + i);
    });
  for (const [col, width] of Object.entries(plan.columnWidths)) widths.set(Number(col), width);
  const hiddenRows = new Set(plan.hiddenRows);
  const rowNumbers = [...new Set([...rows.keys(), ...hiddenRows])].sort((a, b) => a - b);
  let lastCol = 1;
  const sheetData = rowNumbers.map((r) => {
    const cells = rows.get(r) ?? new Map<number, Placed>();
    const cols = [...cells.keys()].sort((a, b) => a - b);
    lastCol = Math.max(lastCol, cols[cols.length - 1] ?? 1);
    const body = cols.map((c) => cellXml(`${columnLetter(c)}${r}`, cells.get(c)!, styles, strings)).join("");
    return `<row r="${r}"${hiddenRows.has(r) ? ' hidden="1"' : ""}>${body}</row>`;
  });
  const lastRow = rowNumbers[rowNumbers.length - 1] ?? 1;
  const colXml = [...new Set([...widths.keys(), ...hiddenCols])]
    .sort((a, b) => a - b)
    .map((c) => {
      const width = widths.get(c);
      return `<col min="${c}" max="${c}"${width ? ` width="${width}" customWidth="1"` : ""}${hiddenCols.has(c) ? ' hidden="1"' : ""}/>`;
    })
    .join("");
  const frozen = plan.freezeRows
    ? `<pane ySplit="${plan.freezeRows}" topLeftCell="A${plan.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : "";
  const { print } = plan;
  const header = print.header
    ? `<headerFooter><oddHeader>${escapeXml(`&C${print.header.replace(/&/g, "&&")}`)}</oddHeader></headerFooter>`
    : "";
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}"/>`).join("")}</mergeCells>`
    : "";
  const tableParts = plan.tables.length
    ? `<tableParts count="${plan.tables.length}">${plan.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  const sheetXml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="A1:${cellRef(lastRow, lastCol)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    colXml ? `<cols>${colXml}</cols>` : "",
    `<sheetData>${sheetData.join("")}</sheetData>`,
    merges,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
    header,
    tableParts,
    "</worksheet>",
  ].join("");
  return { sheetXml, tables: plan.tables.map((_, i) => tableXml(plan, i, firstTableId + i)) };
}
