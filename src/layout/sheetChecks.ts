/**
 * Checks a careful person makes when a unit's sheet comes back: is the unit the sheet shows the unit its hidden
 * marker names; is a sheet that lost its marker row still a score sheet; and many problems of one kind said once.
 */
import type { Rubric } from "../rubric";
import { LINE_COLUMNS } from "./columns";
import type { GridCell, GridSheet } from "./grid";
import type { SheetProblem } from "./readTypes";

const cellText = (cell: GridCell | undefined): string => {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "object") return cell.formula.trim();
  return String(cell).trim();
};

/** Rows (1-based) whose cells from column `left` on read `headers`, trimmed. */
export function findHeaderRows(sheet: GridSheet, headers: readonly string[], left: number): number[] {
  const rows: number[] = [];
  // Plain loops, no closure per row: asked of every unit sheet for each kind of table, over every row.
  for (let i = 0; i < sheet.cells.length; i++) {
    const row = sheet.cells[i];
    let j = 0;
    while (j < headers.length && cellText(row?.[left - 1 + j]) === headers[j]) j++;
    if (j === headers.length) rows.push(i + 1);
  }
  return rows;
}

/**
 * A pattern for the stamp line of the form ("被考核单位(盖章）:"), tolerant of what retyping changes: half- or
 * full-width brackets and colons, blanks anywhere.
 */
function stampPattern(stamp: string): RegExp {
  const CLASSES: Record<string, string> = {
    "(": "[(（]",
    "（": "[(（]",
    ")": "[)）]",
    "）": "[)）]",
    ":": "[:：]",
    "：": "[:：]",
  };
  const parts = [...stamp]
    .filter((ch) => ch.trim() !== "")
    .map((ch) => CLASSES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^\\s*${parts.join("\\s*")}\\s*(.*)$`, "s");
}

/** The unit the sheet shows in its stamp line (被考核单位(盖章）: 石楼县), as typed; "" when none is written. */
export function shownUnit(rubric: Rubric, sheet: GridSheet): { name: string; cell: string } | undefined {
  const pattern = stampPattern(rubric.rules.scoreSheet.signatures[0] ?? "");
  for (let r = 1; r <= Math.min(12, sheet.cells.length); r++) {
    const m = pattern.exec(cellText(sheet.cells[r - 1]?.[0]));
    if (m) return { name: m[1].trim(), cell: `A${r}` };
  }
  return undefined;
}

/** The unit a sheet name names, with Excel's copy suffix " (2)" left out; undefined when it names none. */
function unitOfSheetName(rubric: Rubric, name: string): string | undefined {
  return rubric.findUnit(name.replace(/\s*[(（]\d+[)）]\s*$/, "").trim())?.name;
}

/**
 * A form reused for another unit: the title or the sheet name says one unit, the hidden marker another. Its figures
 * belong to neither until someone says which; the marker's unit is held back.
 */
export function unitMismatch(rubric: Rubric, sheet: GridSheet, markerUnit: string): SheetProblem | undefined {
  const shown = shownUnit(rubric, sheet);
  const titled = shown && shown.name !== "" ? rubric.findUnit(shown.name)?.name : undefined;
  const named = unitOfSheetName(rubric, sheet.name);
  const other = titled !== undefined && titled !== markerUnit ? titled : named !== markerUnit ? named : undefined;
  if (other === undefined) return undefined;
  const where =
    other === titled ? `表头（${shown!.cell}）写的被考核单位是「${shown!.name}」` : `工作表名是「${sheet.name}」`;
  return {
    sheet: sheet.name,
    code: "sheet.unitMismatch",
    severity: "error",
    unit: markerUnit,
    cell: other === titled ? shown!.cell : undefined,
    message:
      `工作表「${sheet.name}」的${where}，但表内隐藏的标记属于「${markerUnit}」：这张表可能是复制「${markerUnit}」的表后改写的，` +
      `分数不能确定属于哪个单位，「${markerUnit}」暂不评等次。请用「${other}」自己的打分表录入（可重新生成），并把「${markerUnit}」的表恢复原样`,
  };
}

/**
 * A sheet laid out as a score sheet (its table headers are there) whose hidden marker row was deleted or cleared:
 * not silently skipped, but named, with the unit it shows when it shows one.
 */
export function lostMarker(rubric: Rubric, sheet: GridSheet): SheetProblem | undefined {
  if (findHeaderRows(sheet, LINE_COLUMNS, 1).length === 0) return undefined;
  const shown = shownUnit(rubric, sheet);
  const unit = (shown && rubric.findUnit(shown.name)?.name) ?? unitOfSheetName(rubric, sheet.name);
  return {
    sheet: sheet.name,
    code: "sheet.markerMissing",
    severity: "error",
    unit,
    message:
      `工作表「${sheet.name}」是考核打分表，但第一行隐藏的标记已被删除或清除，无法确认它属于哪个单位、按哪版规则生成，未读取` +
      `${unit ? `（表头写的是「${unit}」，该单位暂不评等次）` : ""}。请从原发的工作簿复制该单位的打分表，或重新生成，把录入抄过去后重新发送`,
  };
}

/** A problem on one row, before grouping. */
export interface RowProblem extends SheetProblem {
  readonly row: number;
}

/** Beyond this many problems of one kind on a sheet, they are said once, with the rows they span. */
export const GROUP_BEYOND = 5;

/**
 * Many problems of one kind on one sheet in one message: "第 95–100094 行有 100000 行内容不属于任何考核项目".
 * `describe` words a group of `count` rows from the first one's row to `last`.
 */
export function grouped(
  problems: readonly RowProblem[],
  describe: (head: RowProblem, last: number, count: number) => string,
): SheetProblem[] {
  const byCode = new Map<string, RowProblem[]>();
  for (const p of problems) {
    const key = `${p.code}|${p.severity}`;
    const group = byCode.get(key);
    if (group) group.push(p);
    else byCode.set(key, [p]);
  }
  const out: SheetProblem[] = [];
  for (const group of byCode.values()) {
    if (group.length <= GROUP_BEYOND) {
      out.push(...group.map(({ row: _row, ...p }) => p));
      continue;
    }
    const { row: _first, ...head } = group[0];
    out.push({ ...head, message: describe(group[0], group[group.length - 1].row, group.length) });
  }
  return out;
}
