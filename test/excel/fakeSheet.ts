/** One sheet of the Excel double (fakeExcel.ts): its cells, number formats, tables, protection and handlers. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** Header row and first column of the table, and the number of rows (header included). */
  top: number;
  left: number;
  rows: number;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
export const colLetters = (n: number): string =>
  n <= 0 ? "" : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** "E12", "E12:G40", whole columns "A:F" and whole rows "5:5". */
export function boxOf(address: string): Box | undefined {
  const a = address.replace(/\$/g, "").replace(/^.*!/, "");
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
  if (m) {
    const top = Number(m[2]);
    const left = colNum(m[1]);
    return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? colNum(m[3]) : left };
  }
  m = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (m) return { top: 1, left: colNum(m[1]), bottom: MAX_ROW, right: colNum(m[2]) };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COL };
  return undefined;
}

export function cellsIn(box: Box): string[] {
  const out: string[] = [];
  for (let r = box.top; r <= box.bottom; r++)
    for (let c = box.left; c <= box.right; c++) out.push(`${colLetters(c)}${r}`);
  return out;
}

const inside = (inner: Box, outer: Box) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

export class FakeSheet {
  readonly grid = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  /** What Excel would show in formula cells (the double computes nothing itself). */
  readonly computed = new Map<string, unknown>();
  /** Handlers registered on this sheet's own onChanged (ExcelApi 1.7). */
  readonly changeHandlers: ((event: unknown) => Promise<void>)[] = [];
  /** Number formats by cell, and whole rows or columns formatted at once. */
  readonly formats = new Map<string, string>();
  readonly formatBoxes: { box: Box; format: string }[] = [];
  visibility = "Visible";
  protected = false;
  /** The options the sheet was protected with (Excel.WorksheetProtectionOptions). */
  protectionOptions: { allowFormatRows?: boolean; allowFormatColumns?: boolean } = {};
  /** Row heights in points set by the add-in (RangeFormat.rowHeight), by row. */
  readonly rowHeights = new Map<number, number>();
  /** Ranges whose cells were unlocked (format.protection.locked = false) before the sheet was protected. */
  readonly unlocked: Box[] = [];
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(address: string) {
    return this.grid.get(address) ?? "";
  }

  set(address: string, value: unknown) {
    if (value === undefined) this.grid.delete(address);
    else this.grid.set(address, value);
  }

  formatOf(address: string): string | undefined {
    const own = this.formats.get(address);
    if (own !== undefined || this.formatBoxes.length === 0) return own;
    const b = boxOf(address)!;
    return [...this.formatBoxes].reverse().find((f) => inside(b, f.box))?.format;
  }

  isUnlocked(box: Box): boolean {
    return cellsIn(box).every((a) => this.unlocked.some((u) => inside(boxOf(a)!, u)));
  }

  /** The values of a rectangle, as `range.values` gives them. */
  block(box: Box): unknown[][] {
    return Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
      Array.from({ length: box.right - box.left + 1 }, (_, j) =>
        this.shown(`${colLetters(box.left + j)}${box.top + i}`),
      ),
    );
  }

  private shown(a: string): unknown {
    const v = this.cell(a);
    if (typeof v === "string" && v.startsWith("=")) return this.computed.get(a) ?? "";
    if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
    return v;
  }

  /** The used range from A1: formulas (text of formulas, else the value) and values. */
  used(): { formulas: unknown[][]; values: unknown[][] } {
    let rows = 0;
    let cols = 0;
    for (const key of this.grid.keys()) {
      const c = boxOf(key)!;
      rows = Math.max(rows, c.top);
      cols = Math.max(cols, c.left);
    }
    const box = { top: 1, left: 1, bottom: rows, right: cols };
    const formulas = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => this.cell(`${colLetters(j + 1)}${i + 1}`)),
    );
    return { formulas, values: rows === 0 ? [] : this.block(box) };
  }
}
