/**
 * The file adapter's writer: a workbook plan → .xlsx bytes, with exceljs. Browser-safe (no Node APIs): the command
 * line writes the bytes to a file, the task pane can offer them as a download.
 */
import type ExcelJS from "exceljs";
import {
  cellRef,
  isFormula,
  META_ROW,
  type CellContent,
  type CellStyle,
  type Range,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "../layout";

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

/** A literal is written as what it is: a string stays a string even when it starts with "=" (never a formula). */
function setValue(cell: ExcelJS.Cell, value: CellContent) {
  if (isFormula(value)) cell.value = { formula: bare(value.formula) } as ExcelJS.CellFormulaValue;
  else cell.value = value; // exceljs stores a string as a shared string: text, whatever it starts with
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan) {
  const ws = workbook.addWorksheet(plan.name, {
    state: plan.veryHidden ? "veryHidden" : plan.hidden ? "hidden" : "visible",
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows }] : undefined,
    pageSetup: {
      paperSize: 9,
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: plan.print.fitToWidth ? 1 : undefined,
      fitToHeight: plan.print.fitToWidth ? 0 : undefined,
      printTitlesRow: plan.print.titleRows ? `${plan.print.titleRows.from}:${plan.print.titleRows.to}` : undefined,
    },
    headerFooter: plan.print.header ? { oddHeader: `&C${plan.print.header.replace(/&/g, "&&")}` } : undefined,
  });
  for (const t of plan.tables) t.columns.forEach((c, i) => c.width > 0 && (ws.getColumn(t.left + i).width = c.width));
  for (const [col, width] of Object.entries(plan.columnWidths)) ws.getColumn(Number(col)).width = width;

  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    setValue(cell, c.value);
    applyStyle(cell, c.style);
  }
  for (const t of plan.tables) {
    t.columns.forEach((col, j) => {
      const cell = ws.getCell(t.top, t.left + j);
      cell.value = col.name;
      applyStyle(cell, { bold: true, wrap: true, align: "center", border: true, fill: "#DDEBF7" });
      if (col.hidden) ws.getColumn(t.left + j).hidden = true;
    });
    t.rows.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = ws.getCell(t.top + 1 + i, t.left + j);
        setValue(cell, value);
        applyStyle(cell, { ...t.columns[j].style, ...(t.rowStyles?.[i] ?? {}) });
      }),
    );
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of plan.hiddenRows) ws.getRow(r).hidden = true;
  if (plan.hiddenRows.includes(META_ROW)) ws.getRow(META_ROW).height = 0;

  for (const v of plan.validations) {
    for (let row = v.range.top; row <= v.range.bottom; row++) {
      for (let col = v.range.left; col <= v.range.right; col++) {
        ws.getCell(row, col).dataValidation = dataValidation(v, row - v.range.top);
      }
    }
  }
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
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
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
      columns: t.columns.map((c) => ({ name: c.name })),
      rows: t.rows.map((r) => r.map((v) => (isFormula(v) ? { formula: bare(v.formula) } : v))) as unknown[][],
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
}

function dataValidation(v: ValidationPlan, rowOffset: number): ExcelJS.DataValidation {
  // A formula bound relative to the range's first cell ("=D8") moves down with each row, as Excel would.
  const formula = (x: number | { formula: string }) =>
    typeof x === "number" ? x : shiftRows(bare(x.formula), rowOffset);
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

export async function planToXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  // Loaded on first use: reading and the task pane's start do not pay for exceljs.
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  workbook.creator = "考核打分助手";
  workbook.title = `${plan.rulesId} ${plan.rulesVersion}`;
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
