/**
 * How the reader names and takes an entry: the key an entry's cell is filed under, and a cell's value as the core
 * sees it. Shared by the readers of unit sheets and of 附件 sheets, and by totalling to find an entry's cell.
 */
import type { CellValue } from "../scoring";
import type { GridCell } from "./grid";

export const entryCellKey = (lineKey: string | undefined, field: string, index?: number) =>
  `${lineKey ?? ""}|${field}${index === undefined ? "" : `#${index}`}`;

/** A cell as an entry: literals as they are; a formula typed into an input is text for the core to reject. */
export function entryValue(cell: GridCell | undefined): CellValue {
  if (cell === undefined) return null;
  if (cell !== null && typeof cell === "object") return cell.formula;
  return cell;
}

export const cellTextOf = (cell: GridCell | undefined): string => {
  const v = entryValue(cell);
  return v === null ? "" : String(v).trim();
};
