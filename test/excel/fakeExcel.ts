import { readXlsx } from "../../src/xlsx/read";

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

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** Header row and first column of the table, and the number of rows (header included). */
  top: number;
  left: number;
  rows: number;
}

export class FakeSheet {
  readonly grid = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  /** What Excel would show in formula cells (the double computes nothing itself). */
  readonly computed = new Map<string, unknown>();
  /** Handlers registered on this sheet's own onChanged (ExcelApi 1.7). */
  readonly changeHandlers: ((event: unknown) => Promise<void>)[] = [];
  visibility = "Visible";
  constructor(public name: string) {}
  cell(address: string) {
    return this.grid.get(address) ?? "";
  }
}

const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string =>
  n <= 0 ? "" : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

function cellsOf(address: string): { top: number; left: number; rows: number; cols: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return undefined;
  const top = Number(m[2]);
  const left = colNum(m[1]);
  return { top, left, rows: (m[4] ? Number(m[4]) : top) - top + 1, cols: (m[3] ? colNum(m[3]) : left) - left + 1 };
}

export class FakeExcel {
  syncs = 0;
  /** Simulated time of one round trip (Excel on the web: about 100 ms); 0 in tests. */
  latencyMs = 0;
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
      apply: (_t, _this, args: unknown[]) => {
        // Method calls are recorded too (with their arguments), as they travel in the request.
        this.writes.push({ sheet: sheet.name, address, path: `${path}()`, value: args, sync: this.syncs });
        return this.recorder(sheet, address, `${path}()`);
      },
    });
  }

  private range(sheet: FakeSheet, address: string): any {
    const base = this.recorder(sheet, address, "range");
    return new Proxy(base, {
      get: (target, prop) => {
        if (prop === "address") return address;
        if (prop === "values") {
          const c = cellsOf(address)!;
          return Array.from({ length: c.rows }, (_, i) =>
            Array.from({ length: c.cols }, (_, j) => sheet.cell(`${colLetters(c.left + j)}${c.top + i}`)),
          );
        }
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        const c = cellsOf(address);
        if ((prop === "formulas" || prop === "values") && c) {
          // Excel keeps at most 32,767 characters in a cell ("Excel specifications and limits"): longer fails the batch.
          if ((value as unknown[][]).some((row) => row.some((v) => typeof v === "string" && v.length > 32767))) {
            this.pendingError ??= Object.assign(
              new Error("The argument is invalid or missing or has an incorrect format."),
              {
                code: "InvalidArgument",
              },
            );
            return true;
          }
          (value as unknown[][]).forEach((row, i) =>
            row.forEach((v, j) => sheet.grid.set(`${colLetters(c.left + j)}${c.top + i}`, v)),
          );
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
        if (prop === "isNullObject") return false;
        if (prop === "position") return this.sheets.indexOf(sheet);
        if (prop === "visibility") return sheet.visibility;
        if (prop === "getRange") return (address: string) => this.range(sheet, address);
        if (prop === "getUsedRange") return () => this.usedRange(sheet);
        if (prop === "tables") return { add: (range: { address: string }) => this.addTable(sheet, range.address) };
        if (prop === "delete")
          return () => {
            // Excel refuses to delete the last visible sheet (the whole batch fails at sync).
            if (!this.sheets.some((x) => x !== sheet && x.visibility === "Visible")) {
              this.pendingError ??= Object.assign(
                new Error("A workbook must contain at least one visible worksheet."),
                { code: "InvalidOperation" },
              );
              return;
            }
            this.writes.push({
              sheet: sheet.name,
              address: "",
              path: "worksheet.delete()",
              value: undefined,
              sync: this.syncs,
            });
            this.sheets.splice(this.sheets.indexOf(sheet), 1);
          };
        if (prop === "activate") return () => (this.active = sheet.name);
        if (prop === "onChanged")
          return {
            add: (handler: (event: unknown) => Promise<void>) => {
              sheet.changeHandlers.push(handler);
              return {
                context: this.context,
                remove: () => sheet.changeHandlers.splice(sheet.changeHandlers.indexOf(handler), 1),
              };
            },
          };
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        if (prop === "position") {
          this.sheets.splice(this.sheets.indexOf(sheet), 1);
          this.sheets.splice(value as number, 0, sheet);
        }
        if (prop === "visibility") sheet.visibility = value as string;
        return Reflect.set(target, prop, value);
      },
    });
  }

  /** The sheet made active last (by the add-in or a selection). */
  active: string | undefined;
  /** The cell selected last, "Sheet!A1". */
  selected: string | undefined;

  private addTable(sheet: FakeSheet, address: string): any {
    const c = cellsOf(address)!;
    const table: FakeTable = {
      name: `Table${this.sheets.flatMap((s) => s.tables).length + 1}`,
      sheet,
      top: c.top,
      left: c.left,
      rows: c.rows,
    };
    sheet.tables.push(table);
    return this.tableProxy(table);
  }

  private tableProxy(table: FakeTable): any {
    const rec = this.recorder(table.sheet, "table", "table");
    return new Proxy(rec, {
      get: (target, prop) => {
        if (prop === "isNullObject") return false;
        if (prop === "name") return table.name;
        if (prop === "rows")
          return {
            add: (_index: unknown, values: unknown[][]) => {
              values.forEach((row, i) =>
                row.forEach((v, j) =>
                  table.sheet.grid.set(`${colLetters(table.left + j)}${table.top + table.rows + i}`, v),
                ),
              );
              this.writes.push({
                sheet: table.sheet.name,
                address: "table",
                path: "table.rows.add()",
                value: values,
                sync: this.syncs,
              });
              table.rows += values.length;
            },
          };
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        if (prop === "name") table.name = value as string;
        return Reflect.set(target, prop, value);
      },
    });
  }

  /** What an *OrNullObject method gives when there is nothing: its properties throw once synced, as in Excel. */
  private nullObject(): any {
    return { isNullObject: true, load: () => undefined };
  }

  /** Work the next sync does first (inserting sheets from a file is asynchronous here). */
  private pendingTasks: (() => Promise<void>)[] = [];
  /** Workbooks the add-in asked Excel to open (Excel.createWorkbook), base64. */
  readonly openedWorkbooks: string[] = [];

  /** insertWorksheetsFromBase64: the file's sheets as cells (formulas as "=…" text), renamed "X (2)" on a clash. */
  private insertFromBase64(base64: string, options: { sheetNamesToInsert?: string[] } = {}) {
    this.writes.push({
      sheet: "",
      address: "",
      path: "workbook.insertWorksheetsFromBase64()",
      value: options,
      sync: this.syncs,
    });
    this.pendingTasks.push(async () => {
      const grids = await readXlsx(Buffer.from(base64, "base64"));
      for (const grid of grids) {
        if (options.sheetNamesToInsert && !options.sheetNamesToInsert.includes(grid.name)) continue;
        let name = grid.name;
        for (let n = 2; this.sheets.some((x) => x.name === name); n++) name = `${grid.name} (${n})`;
        const sheet = this.addSheet(name);
        grid.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === null) return;
            // A text cell that starts like a formula is held the way Excel shows it typed: with an apostrophe.
            const text = typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
            sheet.grid.set(`${colLetters(j + 1)}${i + 1}`, typeof v === "object" ? v.formula : text);
          }),
        );
      }
    });
  }

  /** An error the next sync throws (Excel reports a missing item at sync time, not when the call is queued). */
  private pendingError: Error | undefined;

  /** The used range from A1, as Excel would load it: formulas (text of formulas, else the value) and values. */
  private usedRange(sheet: FakeSheet): any {
    let rows = 0;
    let cols = 0;
    for (const key of sheet.grid.keys()) {
      const c = cellsOf(key)!;
      rows = Math.max(rows, c.top);
      cols = Math.max(cols, c.left);
    }
    const address = (i: number, j: number) => `${colLetters(j + 1)}${i + 1}`;
    const grid = (f: (v: unknown, a: string) => unknown) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => f(sheet.cell(address(i, j)), address(i, j))),
      );
    return {
      load: () => undefined,
      rowIndex: 0,
      columnIndex: 0,
      formulas: grid((v) => v),
      values: grid((v, a) =>
        typeof v === "string" && v.startsWith("=")
          ? (sheet.computed.get(a) ?? "")
          : typeof v === "string" && v.startsWith("'")
            ? v.slice(1)
            : v,
      ),
    };
  }

  /** Handlers registered with worksheets.onChanged. */
  readonly changeHandlers: ((event: unknown) => Promise<void>)[] = [];
  /** ExcelApi versions the fake host supports. */
  apiVersion = "1.14";

  /** A person (or a co-author) changes cells: the values go into the grid and the change event fires. */
  async personTypes(
    sheetName: string,
    cells: Record<string, unknown>,
    event: Record<string, unknown> = {},
  ): Promise<void> {
    const sheet = this.sheets.find((s) => s.name === sheetName)!;
    for (const [address, value] of Object.entries(cells)) sheet.grid.set(address, value);
    const boxes = Object.keys(cells).map((a) => cellsOf(a)!);
    const top = Math.min(...boxes.map((b) => b.top));
    const left = Math.min(...boxes.map((b) => b.left));
    const bottom = Math.max(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.left));
    const address =
      top === bottom && left === right
        ? `${colLetters(left)}${top}`
        : `${colLetters(left)}${top}:${colLetters(right)}${bottom}`;
    for (const h of [...this.changeHandlers, ...sheet.changeHandlers])
      await h({ worksheetId: sheet.name, address, source: "Local", triggerSource: "Unknown", ...event });
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.addedSinceSync.push(s);
    return s;
  }

  /** Handlers registered with worksheets.onAdded; they run after the sync that added sheets. */
  readonly addedHandlers: ((event: unknown) => Promise<void>)[] = [];
  private addedSinceSync: FakeSheet[] = [];
  private context: unknown;

  install(): void {
    const sheets = () => this.sheets.map((s) => this.worksheet(s));
    const add = (name: string) => this.worksheet(this.addSheet(name));
    const context = {
      sync: async () => {
        this.syncs++;
        if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
        for (const task of this.pendingTasks.splice(0)) await task();
        const error = this.pendingError;
        this.pendingError = undefined;
        if (error) throw error;
        const added = this.addedSinceSync.splice(0);
        for (const sheet of added) for (const h of this.addedHandlers) await h({ worksheetId: sheet.name });
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      workbook: {
        insertWorksheetsFromBase64: (base64: string, options?: { sheetNamesToInsert?: string[] }) =>
          this.insertFromBase64(base64, options),
        tables: {
          getItemOrNullObject: (name: string) => {
            const table = this.sheets.flatMap((x) => x.tables).find((t) => t.name === name);
            return table ? this.tableProxy(table) : this.nullObject();
          },
        },
        worksheets: {
          load: () => undefined,
          getItem: (nameOrId: string) => {
            const sheet = this.sheets.find((x) => x.name === nameOrId);
            if (sheet) return this.worksheet(sheet);
            this.pendingError ??= Object.assign(new Error(`ItemNotFound: ${nameOrId}`), { code: "ItemNotFound" });
            return this.worksheet(new FakeSheet(nameOrId));
          },
          getItemOrNullObject: (name: string) => {
            const sheet = this.sheets.find((x) => x.name === name);
            return sheet ? this.worksheet(sheet) : this.nullObject();
          },
          onChanged: {
            add: (handler: (event: unknown) => Promise<void>) => {
              this.changeHandlers.push(handler);
              return { context, remove: () => this.changeHandlers.splice(this.changeHandlers.indexOf(handler), 1) };
            },
          },
          onAdded: {
            add: (handler: (event: unknown) => Promise<void>) => {
              this.addedHandlers.push(handler);
              return { context, remove: () => this.addedHandlers.splice(this.addedHandlers.indexOf(handler), 1) };
            },
          },
          getActiveWorksheet: () => this.worksheet(this.sheets.find((x) => x.name === this.active) ?? this.sheets[0]),
          get items() {
            return sheets();
          },
          add,
        },
      },
    };
    this.context = context;
    const versionAtLeast = (v: string) => Number(v.split(".")[1]) <= Number(this.apiVersion.split(".")[1]);
    (globalThis as any).Office = {
      context: { requirements: { isSetSupported: (_set: string, v: string) => versionAtLeast(v) } },
    };
    (globalThis as any).Excel = {
      run: async (a: unknown, b?: (c: unknown) => Promise<unknown>) =>
        typeof a === "function" ? a(context) : b!(context),
      EventTriggerSource: { thisLocalAddin: "ThisLocalAddin", unknown: "Unknown" },
      DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
      DataValidationAlertStyle: { stop: "Stop" },
      ConditionalFormatType: { custom: "Custom" },
      SheetVisibility: { hidden: "Hidden", visible: "Visible", veryHidden: "VeryHidden" },
      PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
      PaperType: { a4: "A4" },
      createWorkbook: async (base64: string) => {
        this.openedWorkbooks.push(base64);
      },
      WorksheetPositionType: { end: "End" },
      ChartType: { barClustered: "BarClustered" },
      ChartSeriesBy: { columns: "Columns" },
    };
  }

  /** Bytes written in one sync, as the JSON request would carry them (roughly). */
  requestBytes(sync: number): number {
    return JSON.stringify(this.writes.filter((w) => w.sync === sync)).length;
  }
}
