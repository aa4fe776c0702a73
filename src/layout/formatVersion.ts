/**
 * The workbook format's versions. The marker in A1 of every generated sheet names the format it was made in
 * ("scorecard/1"). The reader knows each version it can read: a sheet of an older one is upgraded in memory, step
 * by step, to the current layout before it is read (the file itself is left as it is, so nothing a person typed is
 * touched); a sheet of a newer one, or of a version no longer known, is refused with a word on what to do.
 *
 * To change the layout in a way the reader sees (a column added, a row moved): raise CURRENT_FORMAT, add a step
 * whose `upgrade` turns a sheet of the previous version into one of the new, and describe both versions in
 * docs/workbook-format.md. Last year's returned workbooks then still read.
 */
import { cellRef, parseCellRef } from "./a1";
import type { GridCell, GridSheet } from "./grid";
import type { SheetMeta } from "./plan";

/** What every marker starts with; the version number follows. */
export const MARKER_PREFIX = "scorecard/";

export interface FormatStep {
  /** The version this step makes: it reads a sheet of version `to - 1`. */
  readonly to: number;
  /** What changed in the layout, in a few words (for people). */
  readonly change: string;
  /** The sheet as if it had been made in version `to`. Pure: returns a new grid. */
  readonly upgrade: (sheet: GridSheet, meta: SheetMeta) => GridSheet;
  /**
   * Where a cell of the upgraded sheet is in the sheet as it was (issues must name the cell a person sees in the
   * file); the same cell when left out.
   */
  readonly cellBefore?: (at: { row: number; col: number }) => { row: number; col: number };
}

export interface WorkbookFormats {
  /** The version new sheets are made in. */
  readonly current: number;
  /** The oldest version still read. */
  readonly oldest: number;
  /** One step per version after `oldest`, up to `current`. */
  readonly steps: readonly FormatStep[];
}

/** The versions this program reads. Format 1 is the first and current one: there is nothing to upgrade yet. */
export const WORKBOOK_FORMATS: WorkbookFormats = { current: 1, oldest: 1, steps: [] };

/** The marker new sheets carry. */
export const markerOf = (formats: WorkbookFormats = WORKBOOK_FORMATS): string => `${MARKER_PREFIX}${formats.current}`;

/** The version a marker names ("scorecard/1" → 1), or undefined when the cell is no marker of this program. */
export function formatVersion(marker: unknown): number | undefined {
  if (typeof marker !== "string" || !marker.startsWith(MARKER_PREFIX)) return undefined;
  const digits = marker.slice(MARKER_PREFIX.length);
  return /^[1-9]\d{0,5}$/.test(digits) ? Number(digits) : undefined;
}

/**
 * Problems of a sheet the program made but does not read (other rules, a format newer or older than it reads): a
 * file of only such sheets is still the program's, and the problem says why nothing of it was read.
 */
export const UNREAD_SHEET_CODES: ReadonlySet<string> = new Set([
  "sheet.otherRules",
  "sheet.newerFormat",
  "sheet.oldFormat",
]);

export type Upgraded =
  | {
      readonly ok: true;
      readonly sheet: GridSheet;
      readonly from: number;
      /** The address in the file of an address in `sheet` ("E12" → "D12" after a column was inserted before D). */
      readonly cellInFile: (address: string) => string;
    }
  | { readonly ok: false; readonly code: "sheet.newerFormat" | "sheet.oldFormat"; readonly message: string };

/**
 * A generated sheet in the current layout: as it is when it was made in the current format, upgraded step by step
 * when it was made in an older one that is still known; refused otherwise.
 */
export function upgradeSheet(sheet: GridSheet, meta: SheetMeta, formats: WorkbookFormats = WORKBOOK_FORMATS): Upgraded {
  const from = formatVersion(sheet.cells[0]?.[0]);
  if (from === undefined) throw new Error(`${sheet.name} has no marker`); // readMeta found one before this is called
  if (from > formats.current) {
    return {
      ok: false,
      code: "sheet.newerFormat",
      message: `工作表「${sheet.name}」由更新版本的考核打分助手生成（格式 ${MARKER_PREFIX}${from}），本版本只能读取格式 ${formats.oldest} 至 ${formats.current}，未读取；请更新加载项或命令行后再校验`,
    };
  }
  if (from < formats.oldest) {
    return {
      ok: false,
      code: "sheet.oldFormat",
      message: `工作表「${sheet.name}」是旧版考核打分助手的格式（${MARKER_PREFIX}${from}），本版本只能读取格式 ${formats.oldest} 至 ${formats.current}，未读取；请用当前规则重新生成该表并录入`,
    };
  }
  let out = sheet;
  const applied: FormatStep[] = [];
  for (let version = from + 1; version <= formats.current; version++) {
    const step = formats.steps.find((s) => s.to === version);
    if (!step) throw new Error(`no upgrade to workbook format ${version}`);
    out = step.upgrade(out, meta);
    applied.unshift(step);
  }
  const cellInFile = (address: string): string => {
    let at = applied.length === 0 ? undefined : parseCellRef(address);
    if (!at) return address;
    for (const step of applied) at = step.cellBefore ? step.cellBefore(at) : at;
    return cellRef(at.row, at.col);
  };
  return { ok: true, sheet: out, from, cellInFile };
}

/** A sheet read from an upgraded grid (a ReadUnitSheet) with every address as it is in the file. */
export function addressesInFile<
  T extends {
    readonly cells: ReadonlyMap<string, string>;
    readonly shownTotals: Readonly<Partial<Record<string, { readonly cell: string }>>>;
    readonly shownScores: ReadonlyMap<string, { readonly cell: string }>;
  },
>(read: T, cellInFile: (address: string) => string): T {
  const moved = <V extends { readonly cell: string }>(v: V): V => ({ ...v, cell: cellInFile(v.cell) });
  return {
    ...read,
    cells: new Map([...read.cells].map(([key, cell]) => [key, cellInFile(cell)])),
    shownTotals: Object.fromEntries(Object.entries(read.shownTotals).map(([key, v]) => [key, v && moved(v)])),
    shownScores: new Map([...read.shownScores].map(([key, v]) => [key, moved(v)])),
  };
}

/**
 * The usual step for a column added: a column inserted before `col` (1-based) in every row, as Excel's 插入列
 * would (cells from `col` on move one to the right), `value(row, cells)` filling the new cell of each row (1-based
 * row number, the row's cells before the insert); cells right of it map back one column to the left. The marker row
 * stays as it is.
 */
export function columnInserted(
  to: number,
  change: string,
  col: number,
  value: (row: number, cells: readonly GridCell[]) => GridCell = () => null,
): FormatStep {
  return {
    to,
    change,
    upgrade: (sheet) => ({
      ...sheet,
      cells: sheet.cells.map((r, i) => {
        const row = [...r];
        // Row 1 is the marker row, not the layout: its cells keep their places whatever the version.
        if (i === 0 || row.length < col - 1) return row; // nor does a row that ends before the new column move
        row.splice(col - 1, 0, value(i + 1, r));
        return row;
      }),
    }),
    cellBefore: (at) => (at.col > col ? { row: at.row, col: at.col - 1 } : at),
  };
}
