/**
 * The file adapter's writer: a workbook plan → .xlsx bytes, with exceljs. Browser-safe (no Node APIs): the command
 * line writes the bytes to a file, the task pane can offer them as a download.
 */
import type ExcelJS from "exceljs";
import {
  cellRef,
  CLOSED_FILL,
  isFormula,
  META_ROW,
  type CellContent,
  type CellStyle,
  type Range,
  type SheetPlan,
  TABLE_HEADER_STYLE,
  TOTAL_ROW_LABEL,
  type ValidationPlan,
  type WorkbookPlan,
} from "../layout";
import { repackWithFreeRows } from "./freeRows";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const rangeRef = (r: Range) => `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
/** Formulas are stored without their leading "=". */
const bare = (formula: string) => formula.replace(/^=/, "");

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined) {
  if (!style) return;
  if (style.bold || style.size) cell.font = { name: "宋体", bold: style.bold, size: style.size ?? 11 };
  if (style.wrap || style.align || style.verticalAlign) {
    cell.alignment = { wrapText: style.wrap, horizontal: style.align, vertical: style.verticalAlign };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FF999999" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.input) cell.protection = { locked: false };
}

/**
 * A literal is written as what it is: a string stays a string even when it starts with "=" (never a formula). A
 * formula carries the core's result as its cached value, so it shows where nothing calculates (Protected View).
 */
function setValue(cell: ExcelJS.Cell, value: CellContent) {
  if (isFormula(value)) cell.value = cellFormula(value);
  else cell.value = typeof value === "string" ? escapeText(value) : value; // a shared string: text, whatever it starts with
}

/**
 * A text that holds "_x0041_" would be read by Excel as "A" (ST_Xstring escapes, ECMA-376 Part 1, 22.9.2.19):
 * its underscore is written as _x005F_, so the text comes back as typed.
 */
const escapeText = (text: string) => text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");

// An empty text result is left out: a cell without a cached value shows blank too, and readers differ on <v></v>.
const cellFormula = (value: { formula: string; result?: string | number | boolean | null }) =>
  (value.result === undefined || value.result === null || value.result === ""
    ? { formula: bare(value.formula) }
    : { formula: bare(value.formula), result: value.result }) as ExcelJS.CellFormulaValue;

/** Inches, as exceljs and the file store margins, from the plan's points. */
const inches = (points: number) => points / 72;

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const { print } = plan;
  const ws = workbook.addWorksheet(plan.name, {
    state: plan.veryHidden ? "veryHidden" : plan.hidden ? "hidden" : "visible",
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows }] : undefined,
    pageSetup: {
      paperSize: 9,
      orientation: print.orientation,
      // A fixed scale, not "fit to": Excel ignores manual page breaks under "fit to".
      fitToPage: false,
      scale: print.scale,
      printTitlesRow: print.titleRows ? `${print.titleRows.from}:${print.titleRows.to}` : undefined,
      margins: {
        left: inches(print.margins.left),
        right: inches(print.margins.right),
        top: inches(print.margins.top),
        bottom: inches(print.margins.bottom),
        header: inches(print.margins.header),
        footer: inches(print.margins.footer),
      },
    },
    headerFooter: {
      oddHeader: print.header ? `&C${print.header.replace(/&/g, "&&")}` : undefined,
      oddFooter: print.footer ? `&C${print.footer}` : undefined,
    },
  });
  for (const t of plan.tables) t.columns.forEach((c, i) => c.width > 0 && (ws.getColumn(t.left + i).width = c.width));
  for (const [col, width] of Object.entries(plan.columnWidths)) ws.getColumn(Number(col)).width = width;
  // A whole column's format (<col style>), before its cells are made: cells and rows added later take it too.
  for (const [col, format] of Object.entries(plan.columnFormats ?? {})) ws.getColumn(Number(col)).numFmt = format;
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = height;

  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    setValue(cell, c.value);
    applyStyle(cell, c.style);
  }
  for (const t of plan.tables) {
    t.columns.forEach((col, j) => {
      const cell = ws.getCell(t.top, t.left + j);
      cell.value = col.name;
      applyStyle(cell, TABLE_HEADER_STYLE);
    });
    t.rows.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = ws.getCell(t.top + 1 + i, t.left + j);
        setValue(cell, value);
        applyStyle(cell, t.columns[j].style);
      }),
    );
  }
  // Another party's input cells in a party's workbook: locked and grey, over the tables' column styles.
  for (const r of plan.closed ?? [])
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row, col);
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(CLOSED_FILL) } };
        cell.protection = { locked: true };
      }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of plan.hiddenRows) ws.getRow(r).hidden = true;
  if (plan.hiddenRows.includes(META_ROW)) ws.getRow(META_ROW).height = 0;

  // One validation per range, keyed by the range: exceljs leaves a range key as it is, whereas cell by cell it
  // squeezes alike cells into ranges after sorting addresses as text ("H10" before "H8") and writes overlapping
  // ranges (exceljs issue 2820). A relative formula ("=D8") is relative to the range's first cell, as in Excel.
  // exceljs's typings omit the worksheet's dataValidations (lib/doc/data-validations.js), which the writer reads.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of plan.validations) validations.add(rangeRef(v.range), dataValidation(v));
  for (const after of print.breaksAfter) ws.getRow(after).addPageBreak();
  plan.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: rangeRef(cf.range),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [bare(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
          },
        },
      ],
    }),
  );
  for (const t of plan.tables) {
    // The cells are written above; the table only declares the range, header names and style.
    ws.addTable({
      name: t.name,
      ref: cellRef(t.top, t.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight1", showRowStripes: false },
      // The label Excel shows should someone switch the total row on.
      columns: t.columns.map((c, i) =>
        i === 0 ? { name: c.name, totalsRowLabel: TOTAL_ROW_LABEL } : { name: c.name },
      ),
      // exceljs writes these rows into the cells again: the same values as setValue gives them.
      rows: t.rows.map((r) =>
        r.map((v) => (isFormula(v) ? cellFormula(v) : typeof v === "string" ? escapeText(v) : v)),
      ) as unknown[][],
    });
  }
  if (plan.protect) {
    // exceljs sets the protection synchronously inside the promise it returns (Worksheet.protect), so nothing waits.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
    });
  }
  return ws;
}

function dataValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const formula = (x: number | { formula: string }) => (typeof x === "number" ? x : bare(x.formula));
  const validation: ExcelJS.DataValidation =
    v.rule.kind === "list"
      ? { type: "list", allowBlank: v.allowBlank, formulae: [`"${v.rule.values.join(",")}"`] }
      : v.rule.max === undefined
        ? { type: "decimal", operator: "greaterThanOrEqual", allowBlank: v.allowBlank, formulae: [formula(v.rule.min)] }
        : {
            type: "decimal",
            operator: "between",
            allowBlank: v.allowBlank,
            formulae: [formula(v.rule.min), formula(v.rule.max)],
          };
  Object.assign(validation, {
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.errorTitle,
    error: v.errorMessage,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  });
  return validation;
}

/** Moves the relative row references of a formula down by `offset` rows (absolute $ rows stay). */
export function shiftRows(formula: string, offset: number): string {
  if (offset === 0) return formula;
  return formula.replace(/("(?:[^"]|"")*")|(\$?[A-Z]{1,3})(\$?)(\d+)/g, (m, str, col, dollar, row) =>
    str ? str : dollar ? m : `${col}${Number(row) + offset}`,
  );
}

/** Packs exceljs's uncompressed package with the free rows' fixed heights taken off (freeRows.ts). */
export type Repack = (stored: Uint8Array, sheets: ReadonlyMap<string, SheetPlan>) => Promise<Uint8Array>;

/** The workbook of a plan, repacked with JSZip (browser-safe); Node's entry (./index) repacks with node:zlib. */
export function planToXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  return planToXlsxWith(plan, repackWithFreeRows);
}

export async function planToXlsxWith(plan: WorkbookPlan, repack: Repack): Promise<Uint8Array> {
  // Loaded on first use: reading and the task pane's start do not pay for exceljs.
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  workbook.creator = "考核打分助手";
  workbook.title = `${plan.rulesId} ${plan.rulesVersion}`;
  // Every program recalculates on opening: the cached values are the core's, the figures are the formulas'.
  workbook.calcProperties = { fullCalcOnLoad: true };
  // exceljs names each sheet's part after the worksheet's id (xlsx.js: `xl/worksheets/sheet${worksheet.id}.xml`).
  const parts = new Map(
    plan.sheets.map((sheet) => [`xl/worksheets/sheet${writeSheet(workbook, sheet).id}.xml`, sheet]),
  );
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
  // A Buffer in Node (a Uint8Array already: no copy), an ArrayBuffer in the browser.
  const bytes = stored as unknown as Uint8Array | ArrayBuffer;
  return repack(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), parts);
}
