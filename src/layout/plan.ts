/**
 * The workbook plan: everything a generated workbook holds, as data. The Office.js adapter (src/excel) and the
 * file adapter (src/xlsx) only render a plan, so the workbook made in Excel and the one made by the command line are
 * the same workbook. Addresses are 1-based (row, column); formulas are A1-style Excel formulas in English function
 * names, starting with "=", limited to what Excel 2019, WPS and LibreOffice all compute.
 */

/** A literal cell value. Strings are always written as text, never interpreted as formulas. */
export type Literal = string | number | boolean | null;
/**
 * A formula cell. `result` is what the scoring core computes for it: the file writer stores it as the cell's cached
 * value, so a workbook opened in Protected View or a previewer (which do not calculate) shows the figures.
 */
export interface Formula {
  readonly formula: string;
  readonly result?: Literal;
}
export type CellContent = Literal | Formula;

export const isFormula = (c: CellContent): c is Formula => typeof c === "object" && c !== null && "formula" in c;

export type HorizontalAlign = "left" | "center" | "right";

export interface CellStyle {
  readonly bold?: boolean;
  /** Font size in points; default 11. */
  readonly size?: number;
  readonly wrap?: boolean;
  readonly align?: HorizontalAlign;
  readonly verticalAlign?: "top" | "middle";
  /** Excel number format, e.g. "0.00", "0.0", "@" (text). */
  readonly numberFormat?: string;
  /** Fill colour, "#RRGGBB". */
  readonly fill?: string;
  readonly border?: boolean;
  /** Unlocked: a person types here; everything else is protected. */
  readonly input?: boolean;
}

export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellContent;
  readonly style?: CellStyle;
}

/** An inclusive rectangle. */
export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableColumn {
  /** Header text, e.g. "扣分". */
  readonly name: string;
  /** Character width of the sheet column. */
  readonly width: number;
  readonly style?: CellStyle;
}

/** The look of every table's header row, the same in both adapters. */
export const TABLE_HEADER_STYLE: CellStyle = {
  bold: true,
  wrap: true,
  align: "center",
  verticalAlign: "middle",
  border: true,
  fill: "#DDEBF7",
};

/** The label Excel would put in a table's total row, should someone switch it on ("Total" otherwise). */
export const TOTAL_ROW_LABEL = "合计";

/** An Excel table (ListObject): header row at `top` (styled TABLE_HEADER_STYLE), data rows below, no totals row. */
export interface TablePlan {
  /** Valid and unique in the workbook: ASCII letter first, then letters, digits, underscore. */
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly columns: readonly TableColumn[];
  /** Data rows; each row has one entry per column, styled by its column. */
  readonly rows: readonly (readonly CellContent[])[];
}

export type ValidationRule =
  | { readonly kind: "decimal"; readonly min: number | Formula; readonly max?: number | Formula }
  | { readonly kind: "list"; readonly values: readonly string[] };

export interface ValidationPlan {
  readonly range: Range;
  readonly rule: ValidationRule;
  readonly allowBlank: boolean;
  /** Stop alert shown when a typed value breaks the rule (zh-CN). */
  readonly errorTitle: string;
  readonly errorMessage: string;
  /** Input prompt (zh-CN), optional. */
  readonly prompt?: string;
}

export interface ConditionalFormatPlan {
  readonly range: Range;
  /** A formula relative to the range's top-left cell, true where the cell must be highlighted. */
  readonly formula: string;
  readonly fill: string;
}

export interface PrintPlan {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /** Rows repeated at the top of every printed page (the table header). */
  readonly titleRows?: { readonly from: number; readonly to: number };
  /** Centre page header, e.g. the unit's name (plain text: the adapters escape "&"). */
  readonly header?: string;
  /** Centre page footer with Excel's codes, e.g. "第 &P 页 共 &N 页" (&P page, &N pages). */
  readonly footer?: string;
  /**
   * Print scale in percent that fits the columns to the page width (see fit.ts). A fixed scale rather than Excel's
   * "fit to 1 page wide": Excel ignores manual page breaks under "fit to" (support.microsoft.com, "Insert, move, or
   * delete page breaks in a worksheet"), and the breaks below keep a form's blocks together.
   */
  readonly scale: number;
  /** Manual page breaks: a new page starts after each of these rows. */
  readonly breaksAfter: readonly number[];
  /** Margins in points. */
  readonly margins: PageMargins;
}

export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * "rules": the hidden copy of the rules a workbook was made from (src/rulesbook/embed.ts); "rulesBook": a sheet of
 * the rules workbook a person edits (never carries the metadata row).
 */
export type SheetRole = "annex1" | "annex2" | "unit" | "summary" | "changeLog" | "rules" | "rulesBook";

/**
 * What ties a sheet to its unit and rules, readable by both adapters and surviving a rename: written into the
 * sheet's hidden first row (see META_ROW), which the sheet's protection keeps from being typed over.
 */
export interface SheetMeta {
  readonly role: SheetRole;
  readonly unit?: string;
  readonly rulesId: string;
  readonly rulesVersion: string;
  /**
   * The party the sheet's workbook was made for (rubric/parties.ts: 考核组, 市安委办, a 附件2 department, 两个行动专班),
   * in F1; undefined for a workbook for everyone. Only that party's cells are open for input in such a workbook.
   */
  readonly party?: string;
}

/**
 * A bar chart of one column of a table against another (unit names against final scores), each bar filled with its
 * own colour. Only the Excel adapter draws charts: exceljs cannot write them, so files from the command line carry
 * the table alone.
 */
export interface ChartPlan {
  readonly title: string;
  readonly seriesName: string;
  /** One column of category labels and one of values, over the same rows. */
  readonly categories: Range;
  readonly values: Range;
  /** Fill colour ("#RRGGBB") of each bar, in row order. */
  readonly pointColors: readonly string[];
  /** The cells the chart covers. */
  readonly anchor: Range;
}

export interface SheetPlan {
  readonly name: string;
  readonly meta: SheetMeta;
  /** Widths by column index (1-based) for columns outside tables, or overriding them. */
  readonly columnWidths: Readonly<Record<number, number>>;
  readonly cells: readonly PlacedCell[];
  readonly merges: readonly Range[];
  readonly tables: readonly TablePlan[];
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Rows to hide (the metadata row). */
  readonly hiddenRows: readonly number[];
  /**
   * Row heights in points, fitted to the texts at the column widths (fit.ts), so that wrapped cells show in full in
   * programs that do not fit rows themselves (LibreOffice and WPS keep rows one line high otherwise).
   */
  readonly rowHeights: Readonly<Record<number, number>>;
  /** Protect the sheet (no password): only cells styled `input` can be changed. */
  readonly protect: boolean;
  readonly print: PrintPlan;
  /** Hidden so that only a program can show it again (Excel's "very hidden"): the embedded rules. */
  readonly veryHidden?: boolean;
  /** Fixed rows at the top while scrolling (through the table header). */
  readonly freezeRows?: number;
  readonly charts?: readonly ChartPlan[];
  /**
   * Input cells closed in a party's workbook (src/layout/partyBook.ts): another party scores them, so they are locked
   * and filled CLOSED_FILL (styles.ts) on top of the tables' column styles. Written after the tables by both adapters.
   */
  readonly closed?: readonly Range[];
}

export interface WorkbookPlan {
  readonly rulesId: string;
  readonly rulesVersion: string;
  readonly sheets: readonly SheetPlan[];
}

/** The hidden metadata row: A = marker, B = role, C = unit, D = rules id, E = rules version. */
export const META_ROW = 1;
export const META_MARKER = "scorecard/1";
