/**
 * A recording test double of the part of the Excel API the adapter uses: it counts context.sync() calls, records
 * every write with its sheet, address and property, and keeps a grid of what was written so reads see it.
 * (office-addin-mock is a property bag without a grid or sync semantics.)
 */
export interface Write {
  sheet: string;
  address: string;
  path: string;
  value: unknown;
  sync: number;
}

export class FakeSheet {
  readonly grid = new Map<string, unknown>();
  constructor(public name: string) {}
  cell(address: string) {
    return this.grid.get(address) ?? "";
  }
}

const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n <= 0 ? "" : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function cellsOf(address: string): { top: number; left: number; rows: number; cols: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return undefined;
  const top = Number(m[2]);
  const left = colNum(m[1]);
  return { top, left, rows: (m[4] ? Number(m[4]) : top) - top + 1, cols: (m[3] ? colNum(m[3]) : left) - left + 1 };
}

export class FakeExcel {
  syncs = 0;
  readonly writes: Write[] = [];
  readonly sheets: FakeSheet[] = [];

  private recorder(sheet: FakeSheet, address: string, path: string): any {
    return new Proxy(function () {}, {
      get: (_t, prop) => {
        if (prop === "then") return undefined;
        if (prop === "load") return () => undefined;
        return this.recorder(sheet, address, `${path}.${String(prop)}`);
      },
      set: (_t, prop, value) => {
        this.writes.push({ sheet: sheet.name, address, path: `${path}.${String(prop)}`, value, sync: this.syncs });
        return true;
      },
      apply: () => this.recorder(sheet, address, `${path}()`),
    });
  }

  private range(sheet: FakeSheet, address: string): any {
    const base = this.recorder(sheet, address, "range");
    return new Proxy(base, {
      get: (target, prop) => {
        if (prop === "values") {
          const c = cellsOf(address)!;
          return Array.from({ length: c.rows }, (_, i) => Array.from({ length: c.cols }, (_, j) => sheet.cell(`${colLetters(c.left + j)}${c.top + i}`)));
        }
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        const c = cellsOf(address);
        if ((prop === "formulas" || prop === "values") && c) {
          (value as unknown[][]).forEach((row, i) => row.forEach((v, j) => sheet.grid.set(`${colLetters(c.left + j)}${c.top + i}`, v)));
        }
        return Reflect.set(target, prop, value);
      },
    });
  }

  private worksheet(sheet: FakeSheet): any {
    const rec = this.recorder(sheet, "", "worksheet");
    return new Proxy(rec, {
      get: (target, prop) => {
        if (prop === "name") return sheet.name;
        if (prop === "getRange") return (address: string) => this.range(sheet, address);
        if (prop === "tables") return { add: () => this.recorder(sheet, "table", "table") };
        return Reflect.get(target, prop);
      },
    });
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  install(): void {
    const sheets = () => this.sheets.map((s) => this.worksheet(s));
    const add = (name: string) => this.worksheet(this.addSheet(name));
    const context = {
      sync: async () => {
        this.syncs++;
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      workbook: {
        worksheets: {
          load: () => undefined,
          get items() {
            return sheets();
          },
          add,
        },
      },
    };
    (globalThis as any).Excel = {
      run: async (cb: (c: unknown) => Promise<unknown>) => cb(context),
      DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
      DataValidationAlertStyle: { stop: "Stop" },
      ConditionalFormatType: { custom: "Custom" },
      SheetVisibility: { hidden: "Hidden" },
    };
  }

  /** Bytes written in one sync, as the JSON request would carry them (roughly). */
  requestBytes(sync: number): number {
    return JSON.stringify(this.writes.filter((w) => w.sync === sync)).length;
  }
}
