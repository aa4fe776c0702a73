/**
 * The cell styles and highlight fills shared by the generated sheets (unit sheets, 附件, 汇总), so that every sheet
 * prints alike and an input cell looks the same wherever it is.
 */
import type { CellStyle } from "./plan";

export const STYLE = {
  title: { bold: true, size: 16, align: "center", verticalAlign: "middle" } as CellStyle,
  subtitle: { size: 12, align: "center", verticalAlign: "middle" } as CellStyle,
  signature: { size: 11, verticalAlign: "top" } as CellStyle,
  note: { size: 10, wrap: true, verticalAlign: "top" } as CellStyle,
  caption: { bold: true, size: 12 } as CellStyle,
  text: { wrap: true, verticalAlign: "top", border: true } as CellStyle,
  points: { numberFormat: "0.0#", align: "center", verticalAlign: "top", border: true } as CellStyle,
  score: { numberFormat: "0.00", align: "center", verticalAlign: "top", border: true } as CellStyle,
  rank: { numberFormat: "0", align: "center", verticalAlign: "top", border: true } as CellStyle,
  input: { wrap: true, verticalAlign: "top", border: true, input: true, fill: "#FFFDE7" } as CellStyle,
  inputNumber: {
    numberFormat: "0.00",
    align: "center",
    verticalAlign: "top",
    border: true,
    input: true,
    fill: "#FFFDE7",
  } as CellStyle,
  label: { bold: true, border: true } as CellStyle,
  total: { bold: true, numberFormat: "0.00", align: "center", border: true } as CellStyle,
};

/** Fill of an entry the core would reject (conditional format). */
export const INVALID_FILL = "#F8CBAD";
/** Fill of an entry that is missing (a 不参与 line without its written reason). */
export const MISSING_FILL = "#FFE699";
/** Fill of an input cell another party scores, locked in a party's workbook (SheetPlan.closed). */
export const CLOSED_FILL = "#D9D9D9";
