import { readXlsx } from "../../src/xlsx/read";
import { arrayShape, coerceTyped, excelError, PAYLOAD_LIMIT, sheetNameProblem, tableNameProblem } from "./excelRules";
import { Box, boxOf, cellsIn, colLetters, FakeSheet, type FakeTable } from "./fakeSheet";

export { FakeSheet, type FakeTable } from "./fakeSheet";

/**
 * A test double of the part of the Excel API the adapter uses, refusing what Excel refuses (each rule and its source
 * in excelRules.ts). As in Excel, calls are queued on their request context and applied at its context.sync(), in
 * order; the first that fails fails the batch and what came before it stays applied (a batch is no transaction).
 * Where `FakeExcel.client` is set (Node tests, the bench), every call is mirrored onto Microsoft's own Office.js
 * client (officeClient.ts) and each request is measured as Office serializes it and refused over 5 MB.
 */
export interface Write {
  sheet: string;
  address: string;
  path: string;
  value: unknown;
  sync: number;
}

export interface MeasuredRequest {
  readonly sync: number;
  readonly bytes: number;
  readonly actions: number;
}

type Handler = (event: unknown) => Promise<void>;
interface Op {
  readonly apply: () => void | Promise<void>;
  /**
   * Undo (learn.microsoft.com, "Undo capabilities in Excel add-ins"; ExcelApi 1.20 requirement set page; OfficeDev/
   * office-js #3788, #6170): before 1.20 any add-in write clears the undo stack; from 1.20 a write is an undo step
   * (each context.sync() its own group), except sheet visibility, protect, delete and insertWorksheetsFromBase64,
   * which still clear it ("clears").
   */
  readonly undo?: "write" | "clears";
  readonly changed?: { sheet: FakeSheet; box: Box };
}
interface Ctx {
  ops: Op[];
  options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean };
  api: any;
  real?: any;
  undoGroup?: UndoGroup;
}
interface UndoGroup {
  by: "person" | "add-in";
  cells: { sheet: FakeSheet; address: string; before: unknown }[];
}

/** Microsoft's client, for measuring: set by test/excel/withOfficeClient.ts where Node runs the tests. */
export interface MirrorClient {
  context(): any;
  mirror(fake: any, real: any): any;
  take(): { bytes: number; actions: number }[];
}

export class FakeExcel {
  static client: MirrorClient | undefined;
  syncs = 0;
  /** Simulated time of one round trip (Excel on the web: about 100 ms); 0 in tests. */
  latencyMs = 0;
  readonly writes: Write[] = [];
  readonly sheets: FakeSheet[] = [];
  readonly requests: MeasuredRequest[] = [];
  /** UTF-8 bytes of what each sync's loads returned (the JSON of the loaded ranges). */
  readonly responses: { sync: number; bytes: number }[] = [];
  /** ExcelApi versions the fake host supports. */
  apiVersion = "1.14";
  /** The person is typing in a cell (cell-edit mode). */
  private editing: Promise<void> | undefined;
  private endEditing = () => undefined as void;
  private eventsEnabled = true;
  readonly undoStack: UndoGroup[] = [];
  /** The sheet made active last (by the add-in or a selection). */
  active: string | undefined;
  readonly openedWorkbooks: string[] = [];
  /** Handlers registered with worksheets.onChanged (ExcelApi 1.9) and onAdded. */
  readonly changeHandlers: Handler[] = [];
  readonly addedHandlers: Handler[] = [];
  private readonly running = new Set<Promise<void>>();
  /** A step to fail, counted in syncs from now: that batch applies its first half of operations, then fails. */
  private breakAt: number | undefined;
  /** Why Excel.createWorkbook fails, when it should (a blocked pop-up, a policy). */
  createWorkbookError: Error | undefined;

  /** The `n`-th sync from now (1 = the next) fails midway, as a batch does when one of its operations fails. */
  breakSync(n: number): void {
    this.breakAt = this.syncs + n - 1;
  }
  private nextId = 1;

  supports(version: string): boolean {
    return Number(version.split(".")[1]) <= Number(this.apiVersion.split(".")[1]);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(s);
    return s;
  }

  private byNameOrId = (key: string) =>
    this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());

  /** The person enters cell-edit mode; batches fail (or wait, with delayForCellEdit) until `stopEditing`. */
  startEditing(): void {
    this.editing = new Promise((resolve) => (this.endEditing = resolve));
  }
  stopEditing(): void {
    this.editing = undefined;
    this.endEditing();
  }

  /** Ctrl+Z: undoes the top undo group; says whose it was (undefined when the stack is empty). */
  pressUndo(): "person" | "add-in" | undefined {
    const group = this.undoStack.pop();
    for (const c of [...(group?.cells ?? [])].reverse()) c.sheet.set(c.address, c.before);
    return group?.by;
  }

  /** Runs `fn` soon after, as Excel raises events: settle() waits for it. */
  private later(fn: () => void) {
    const run: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(fn)
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Waits until every change handler Excel started has finished (Excel does not wait for them). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** A person (or a co-author) changes cells: the values go into the grid and the change event fires. */
  async personTypes(sheetName: string, cells: Record<string, unknown>, event: Record<string, unknown> = {}) {
    const sheet = this.sheets.find((s) => s.name === sheetName)!;
    const group: UndoGroup = { by: "person", cells: [] };
    for (const [address, value] of Object.entries(cells)) {
      group.cells.push({ sheet, address, before: sheet.grid.get(address) });
      sheet.set(address, value);
    }
    if (event.source !== "Remote") this.undoStack.push(group);
    const boxes = Object.keys(cells).map((a) => boxOf(a)!);
    const box = {
      top: Math.min(...boxes.map((b) => b.top)),
      left: Math.min(...boxes.map((b) => b.left)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
      right: Math.max(...boxes.map((b) => b.right)),
    };
    this.raise(sheet, box, { source: "Local", triggerSource: "Unknown", ...event });
    await this.settle();
  }

  private raise(sheet: FakeSheet, box: Box, event: Record<string, unknown>) {
    const address =
      box.top === box.bottom && box.left === box.right
        ? `${colLetters(box.left)}${box.top}`
        : `${colLetters(box.left)}${box.top}:${colLetters(box.right)}${box.bottom}`;
    for (const h of [...this.changeHandlers, ...sheet.changeHandlers]) {
      const run = h({ worksheetId: sheet.id, address, ...event }).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  private queue(ctx: Ctx, op: Op) {
    ctx.ops.push(op);
  }

  private record(ctx: Ctx, sheet: FakeSheet, address: string, path: string, value: unknown) {
    this.writes.push({ sheet: sheet.name, address, path, value, sync: this.syncs });
    void ctx;
  }

  private async sync(ctx: Ctx): Promise<void> {
    // Writes and requests are filed under the number of syncs before this one (as Write.sync always was).
    const sync = this.syncs++;
    const ops = ctx.ops.splice(0);
    if (ctx.real) {
      await ctx.real.sync();
      for (const r of FakeExcel.client!.take()) this.requests.push({ sync, ...r });
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const largest = Math.max(0, ...this.requests.filter((r) => r.sync === sync).map((r) => r.bytes));
    if (largest > PAYLOAD_LIMIT)
      throw excelError("RequestPayloadSizeLimitExceeded", `The request payload (${largest} bytes) exceeds 5 MB.`);
    if (this.editing) {
      // ExcelApi 1.11: delayForCellEdit holds the batch until the person leaves the cell; without it the batch fails.
      if (!(ctx.options.delayForCellEdit && this.supports("1.11")))
        throw excelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      await this.editing;
    }
    const changed: { sheet: FakeSheet; box: Box; events: boolean }[] = [];
    let undo: "none" | "write" | "clears" = "none";
    const befores: UndoGroup["cells"] = [];
    let failure: unknown;
    const broken = this.breakAt === sync;
    if (broken) this.breakAt = undefined;
    for (const [i, op] of ops.entries()) {
      if (broken && i >= Math.floor(ops.length / 2)) {
        failure = excelError("GeneralException", "An internal error has occurred (the double failed this step).");
        break;
      }
      const snapshot = op.changed ? cellsIn(op.changed.box).map((a) => ({ a, v: op.changed!.sheet.grid.get(a) })) : [];
      try {
        await op.apply();
      } catch (err) {
        failure = err;
        break;
      }
      if (op.undo === "clears" || (op.undo && !this.supports("1.20"))) undo = "clears";
      else if (op.undo === "write" && undo === "none") undo = "write";
      if (op.changed) {
        changed.push({ ...op.changed, events: this.eventsEnabled });
        for (const s of snapshot) befores.push({ sheet: op.changed.sheet, address: s.a, before: s.v });
      }
    }
    if (undo === "clears") this.undoStack.splice(0);
    else if (undo === "write") {
      // Each sync is its own undo group; mergeUndoGroup (1.20) makes one group of every sync in the Excel.run.
      if (ctx.options.mergeUndoGroup && ctx.undoGroup && this.undoStack.includes(ctx.undoGroup))
        ctx.undoGroup.cells.push(...befores);
      else this.undoStack.push((ctx.undoGroup = { by: "add-in", cells: befores }));
    }
    // Change events for the add-in's own writes come after the batch, when Excel gets to them.
    this.later(() => {
      for (const c of changed.filter((x) => x.events && this.sheets.includes(x.sheet)))
        this.raise(c.sheet, c.box, {
          source: "Local",
          triggerSource: this.supports("1.14") ? "ThisLocalAddin" : undefined,
        });
    });
    if (failure) throw failure;
    const bytes = this.responses.filter((r) => r.sync === sync).reduce((a, r) => a + r.bytes, 0);
    if (bytes > PAYLOAD_LIMIT)
      throw excelError("ResponsePayloadSizeLimitExceeded", `The response payload (${bytes} bytes) exceeds 5 MB.`);
  }

  // ----- object model -----

  /** Properties and methods the double does not model: recorded (they travel in the request) and accepted. */
  private recorder(ctx: Ctx, sheet: FakeSheet, address: string, path: string): any {
    return new Proxy(function () {}, {
      get: (_t, prop) => {
        if (prop === "then") return undefined;
        if (prop === "load") return () => undefined;
        return this.recorder(ctx, sheet, address, `${path}.${String(prop)}`);
      },
      set: (_t, prop, value) => {
        this.record(ctx, sheet, address, `${path}.${String(prop)}`, value);
        if (path === "range.format" && prop === "rowHeight") this.setRowHeight(ctx, sheet, address, value);
        else if (path === "range.format.protection" && prop === "locked" && value === false)
          this.queue(ctx, { apply: () => void sheet.unlocked.push(boxOf(address)!) });
        else if (path === "worksheet" || path.startsWith("range")) this.guardProtected(ctx, sheet, address);
        return true;
      },
      apply: (_t, _this, args: unknown[]) => {
        this.record(ctx, sheet, address, `${path}()`, args);
        if (path === "worksheet.protection.protect")
          this.queue(ctx, {
            apply: () => {
              sheet.protected = true;
              sheet.protectionOptions = (args[0] as FakeSheet["protectionOptions"]) ?? {};
            },
            undo: "clears",
          });
        else if (path.startsWith("range")) this.guardProtected(ctx, sheet, address);
        return this.recorder(ctx, sheet, address, `${path}()`);
      },
    });
  }

  /**
   * RangeFormat.rowHeight (ExcelApi 1.2, points) of every row the range spans. Excel keeps a row between 0 and 409
   * points ("Excel specifications and limits": row height 409 points) and refuses another value. A protected sheet
   * lets row heights change only where its protection allows formatting rows (WorksheetProtectionOptions
   * .allowFormatRows, ExcelApi 1.2: "the worksheet protection option allowing formatting of rows"; VBA
   * Protection.AllowFormattingRows), whatever is locked.
   */
  private setRowHeight(ctx: Ctx, sheet: FakeSheet, address: string, value: unknown) {
    this.queue(ctx, {
      undo: "write",
      apply: () => {
        if (typeof value !== "number" || !(value >= 0 && value <= 409))
          throw excelError("InvalidArgument", `The argument is invalid or missing: rowHeight ${String(value)}.`);
        if (sheet.protected && !sheet.protectionOptions.allowFormatRows)
          throw excelError("AccessDenied", `「${sheet.name}」 is protected: rows cannot be formatted.`);
        const box = boxOf(address)!;
        for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, value);
      },
    });
  }

  /** A protected sheet refuses changes to its locked cells. */
  private guardProtected(ctx: Ctx, sheet: FakeSheet, address: string) {
    this.queue(ctx, {
      undo: "write",
      apply: () => {
        if (!sheet.protected) return;
        const box = boxOf(address);
        if (!box || !sheet.isUnlocked(box))
          throw excelError(
            "AccessDenied",
            `「${sheet.name}」 is protected: ${address || "the sheet"} cannot be changed.`,
          );
      },
    });
  }

  private range(ctx: Ctx, sheet: FakeSheet, address: string): any {
    const base = this.recorder(ctx, sheet, address, "range");
    let loaded: unknown[][] | undefined;
    return new Proxy(base, {
      get: (target, prop) => {
        if (prop === "address") return address;
        if (prop === "load")
          return () =>
            this.queue(ctx, {
              apply: () => {
                loaded = sheet.block(boxOf(address)!);
                this.responses.push({ sync: this.syncs - 1, bytes: Buffer.byteLength(JSON.stringify(loaded)) });
              },
            });
        if (prop === "values") return loaded ?? sheet.block(boxOf(address)!);
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        const box = boxOf(address)!;
        if (prop === "formulas" || prop === "values" || prop === "numberFormat") {
          this.record(ctx, sheet, address, `range.${prop}`, value);
          const shape = arrayShape(value);
          const rows = box.bottom - box.top + 1;
          const cols = box.right - box.left + 1;
          this.guardProtected(ctx, sheet, address);
          this.queue(ctx, {
            undo: "write",
            changed: prop === "numberFormat" ? undefined : { sheet, box },
            apply: () => {
              if (shape && (shape.rows !== rows || shape.cols !== cols))
                throw excelError(
                  "InvalidArgument",
                  `The number of rows or columns in the input array doesn't match the size of the range ${address}.`,
                );
              // Excel keeps at most 32,767 characters in a cell ("Excel specifications and limits").
              if (
                shape &&
                (value as unknown[][]).some((row) => row.some((v) => typeof v === "string" && v.length > 32767))
              )
                throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
              if (!shape && prop === "numberFormat" && rows * cols > 100000) {
                sheet.formatBoxes.push({ box, format: String(value) });
                return;
              }
              const at = (i: number, j: number) => (shape ? (value as unknown[][])[i][j] : value);
              for (let r = box.top; r <= box.bottom; r++)
                for (let c = box.left; c <= box.right; c++) {
                  const a = `${colLetters(c)}${r}`;
                  const v = at(r - box.top, c - box.left);
                  // "null input in a two-dimensional array is ignored" (learn.microsoft.com, "Set values or formulas")
                  if (v === null && shape) continue;
                  if (prop === "numberFormat") sheet.formats.set(a, String(v));
                  else sheet.set(a, coerceTyped(v, sheet.formatOf(a)));
                }
            },
          });
          return true;
        }
        return Reflect.set(target, prop, value);
      },
    });
  }

  private worksheet(ctx: Ctx, sheet: FakeSheet): any {
    const rec = this.recorder(ctx, sheet, "", "worksheet");
    return new Proxy(rec, {
      get: (target, prop) => {
        if (prop === "name") return sheet.name;
        if (prop === "id") return sheet.id;
        if (prop === "isNullObject") return false;
        if (prop === "position") return this.sheets.indexOf(sheet);
        if (prop === "visibility") return sheet.visibility;
        if (prop === "getRange") return (address: string) => this.range(ctx, sheet, address);
        if (prop === "getUsedRange") return () => this.usedRange(ctx, sheet);
        if (prop === "protection") {
          // WorksheetProtection (ExcelApi 1.2): protect() as recorded; `protected` and `options` as loaded.
          const protection = Reflect.get(target, prop);
          return new Proxy(protection, {
            get: (t, p) =>
              p === "protected" ? sheet.protected : p === "options" ? sheet.protectionOptions : Reflect.get(t, p),
          });
        }
        if (prop === "tables")
          return {
            add: (range: { address: string }) => this.addTable(ctx, sheet, range.address),
            getItem: (name: string) => {
              const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
              if (table) return this.tableProxy(ctx, table);
              this.queue(ctx, {
                apply: () => {
                  throw excelError("ItemNotFound", `ItemNotFound: table ${name}`);
                },
              });
              return this.nullObject();
            },
          };
        if (prop === "delete")
          return () => {
            this.record(ctx, sheet, "", "worksheet.delete()", undefined);
            this.queue(ctx, {
              undo: "clears",
              apply: () => {
                if (!this.sheets.some((x) => x !== sheet && x.visibility === "Visible"))
                  throw excelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
                this.sheets.splice(this.sheets.indexOf(sheet), 1);
              },
            });
          };
        if (prop === "activate") return () => this.queue(ctx, { apply: () => void (this.active = sheet.name) });
        if (prop === "onChanged")
          return { add: (handler: Handler) => this.register(ctx, sheet.changeHandlers, handler) };
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        if (prop === "name") {
          this.record(ctx, sheet, "", "worksheet.name", value);
          this.queue(ctx, {
            apply: () => {
              const problem = sheetNameProblem(
                String(value),
                this.sheets.filter((s) => s !== sheet).map((s) => s.name),
              );
              if (problem) throw problem;
              sheet.name = String(value);
            },
          });
          return true;
        }
        if (prop === "position") {
          this.queue(ctx, {
            apply: () => {
              this.sheets.splice(this.sheets.indexOf(sheet), 1);
              this.sheets.splice(value as number, 0, sheet);
            },
          });
          return true;
        }
        if (prop === "visibility") {
          this.record(ctx, sheet, "", "worksheet.visibility", value);
          this.queue(ctx, { undo: "clears", apply: () => void (sheet.visibility = value as string) });
          return true;
        }
        return Reflect.set(target, prop, value);
      },
    });
  }

  /** Event handlers are registered at sync; a registration is removed only by a sync of its own context. */
  private register(ctx: Ctx, list: Handler[], handler: Handler) {
    this.queue(ctx, { apply: () => void list.push(handler) });
    return {
      context: ctx.api,
      remove: () =>
        this.queue(ctx, {
          apply: () => {
            const i = list.indexOf(handler);
            if (i >= 0) list.splice(i, 1);
          },
        }),
    };
  }

  private addTable(ctx: Ctx, sheet: FakeSheet, address: string): any {
    const box = boxOf(address)!;
    const table: FakeTable = { name: "", sheet, top: box.top, left: box.left, rows: box.bottom - box.top + 1 };
    this.record(ctx, sheet, address, "worksheet.tables.add()", address);
    this.queue(ctx, {
      undo: "write",
      apply: () => {
        const all = this.sheets.flatMap((s) => s.tables);
        let n = all.length + 1;
        while (all.some((t) => t.name === `Table${n}`)) n++;
        table.name = `Table${n}`;
        sheet.tables.push(table);
      },
    });
    return this.tableProxy(ctx, table);
  }

  private tableProxy(ctx: Ctx, table: FakeTable): any {
    const rec = this.recorder(ctx, table.sheet, "table", "table");
    return new Proxy(rec, {
      get: (target, prop) => {
        if (prop === "isNullObject") return false;
        if (prop === "name") return table.name;
        if (prop === "rows")
          return {
            add: (_index: unknown, values: unknown[][]) => {
              this.record(ctx, table.sheet, "table", "table.rows.add()", values);
              const width = Math.max(...values.map((r) => r.length));
              this.queue(ctx, {
                undo: "write",
                changed: {
                  sheet: table.sheet,
                  box: {
                    top: table.top + table.rows,
                    left: table.left,
                    bottom: table.top + table.rows + values.length - 1,
                    right: table.left + width - 1,
                  },
                },
                apply: () => {
                  values.forEach((row, i) =>
                    row.forEach((v, j) => {
                      const a = `${colLetters(table.left + j)}${table.top + table.rows + i}`;
                      table.sheet.set(a, coerceTyped(v, table.sheet.formatOf(a)));
                    }),
                  );
                  table.rows += values.length;
                },
              });
            },
          };
        return Reflect.get(target, prop);
      },
      set: (target, prop, value) => {
        if (prop !== "name") return Reflect.set(target, prop, value);
        this.record(ctx, table.sheet, "table", "table.name", value);
        this.queue(ctx, {
          apply: () => {
            const problem = tableNameProblem(
              String(value),
              this.sheets.flatMap((s) => s.tables.filter((t) => t !== table).map((t) => t.name)),
            );
            if (problem) throw problem;
            table.name = String(value);
          },
        });
        return true;
      },
    });
  }

  /** What an *OrNullObject method gives when there is nothing. */
  private nullObject(): any {
    return { isNullObject: true, load: () => undefined };
  }

  /** insertWorksheetsFromBase64 (1.13): the file's sheets as cells, renamed "X (2)" on a clash; returns their ids. */
  private insertFromBase64(ctx: Ctx, base64: string, options: { sheetNamesToInsert?: string[] } = {}) {
    this.writes.push({
      sheet: "",
      address: "",
      path: "workbook.insertWorksheetsFromBase64()",
      value: options,
      sync: this.syncs,
    });
    const result: { value?: string[] } = {};
    this.queue(ctx, {
      undo: "clears",
      apply: async () => {
        const grids = await readXlsx(Buffer.from(base64, "base64"));
        result.value = [];
        for (const grid of grids) {
          if (options.sheetNamesToInsert && !options.sheetNamesToInsert.includes(grid.name)) continue;
          let name = grid.name;
          for (let n = 2; this.sheets.some((x) => x.name === name); n++) name = `${grid.name} (${n})`;
          const sheet = this.addSheet(name);
          result.value.push(sheet.id);
          grid.cells.forEach((row, i) =>
            row.forEach((v, j) => {
              if (v === null) return;
              // A text cell that starts like a formula is held the way Excel shows it typed: with an apostrophe.
              const text = typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
              sheet.grid.set(`${colLetters(j + 1)}${i + 1}`, typeof v === "object" ? v.formula : text);
            }),
          );
        }
      },
    });
    return result;
  }

  /** The used range from A1, as Excel would load it: formulas (text of formulas, else the value) and values. */
  private usedRange(ctx: Ctx, sheet: FakeSheet): any {
    const out: Record<string, unknown> = { rowIndex: 0, columnIndex: 0, formulas: [], values: [] };
    out.load = () =>
      this.queue(ctx, {
        apply: () => {
          Object.assign(out, sheet.used(), { rowIndex: 0, columnIndex: 0 });
          const bytes = Buffer.byteLength(JSON.stringify([out.formulas, out.values]));
          this.responses.push({ sync: this.syncs - 1, bytes });
        },
      });
    return out;
  }

  private newContext(options: Ctx["options"]): Ctx {
    const ctx: Ctx = { ops: [], options, api: undefined };
    const w = (s: FakeSheet) => this.worksheet(ctx, s);
    const excel = (): FakeExcel => this;
    const fake = excel();
    ctx.api = {
      sync: () => this.sync(ctx),
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      runtime: {
        set enableEvents(on: boolean) {
          fake.queue(ctx, { apply: () => void (fake.eventsEnabled = on) });
        },
        get enableEvents() {
          return fake.eventsEnabled;
        },
        load: () => undefined,
      },
      workbook: {
        insertWorksheetsFromBase64: (base64: string, options?: { sheetNamesToInsert?: string[] }) =>
          this.insertFromBase64(ctx, base64, options),
        tables: {
          getItemOrNullObject: (name: string) => {
            const table = this.sheets.flatMap((x) => x.tables).find((t) => t.name.toLowerCase() === name.toLowerCase());
            return table ? this.tableProxy(ctx, table) : this.nullObject();
          },
        },
        worksheets: {
          load: () => undefined,
          getItem: (key: string) => {
            const sheet = this.byNameOrId(key);
            if (sheet) return w(sheet);
            this.queue(ctx, {
              apply: () => {
                throw excelError("ItemNotFound", `ItemNotFound: ${key}`);
              },
            });
            return w(new FakeSheet(key, key));
          },
          getItemOrNullObject: (key: string) => {
            const sheet = this.byNameOrId(key);
            return sheet ? w(sheet) : this.nullObject();
          },
          onChanged: { add: (handler: Handler) => this.register(ctx, this.changeHandlers, handler) },
          onAdded: { add: (handler: Handler) => this.register(ctx, this.addedHandlers, handler) },
          getActiveWorksheet: () => w(this.sheets.find((x) => x.name === this.active) ?? this.sheets[0]),
          get items() {
            return fake.sheets.map(w);
          },
          add: (name: string) => {
            const sheet = new FakeSheet(name, `{sheet-${this.nextId++}}`);
            this.record(ctx, sheet, "", "worksheets.add()", name);
            this.queue(ctx, {
              undo: "write",
              apply: () => {
                const problem = sheetNameProblem(
                  name,
                  this.sheets.map((s) => s.name),
                );
                if (problem) throw problem;
                this.sheets.push(sheet);
                this.later(() => {
                  for (const h of this.addedHandlers) {
                    const run = h({ worksheetId: sheet.id }).finally(() => this.running.delete(run));
                    this.running.add(run);
                  }
                });
              },
            });
            return w(sheet);
          },
        },
      },
    };
    return ctx;
  }

  install(): void {
    (globalThis as any).Office = {
      context: { requirements: { isSetSupported: (_set: string, v: string) => this.supports(v) } },
    };
    const contexts = new WeakMap<object, Ctx>();
    const run = async (a: unknown, b?: (c: unknown) => Promise<unknown>) => {
      const body = typeof a === "function" ? (a as (c: unknown) => Promise<unknown>) : b!;
      const existing = a && typeof a === "object" ? contexts.get(a) : undefined;
      const ctx = existing ?? this.newContext(typeof a === "object" && a ? (a as Ctx["options"]) : {});
      if (!existing && FakeExcel.client) ctx.real = FakeExcel.client.context();
      const api = ctx.real ? FakeExcel.client!.mirror(ctx.api, ctx.real) : ctx.api;
      if (!existing) contexts.set(ctx.api, ctx);
      // The registration result's `context` is the double's; a mirror must pass it back as the same context.
      const result = await body(
        ctx.real ? new Proxy(api, { get: (t, p) => (p === "sync" ? ctx.api.sync : t[p]) }) : api,
      );
      if (ctx.ops.length > 0) await this.sync(ctx);
      return result;
    };
    (globalThis as any).Excel = {
      run,
      EventTriggerSource: { thisLocalAddin: "ThisLocalAddin", unknown: "Unknown" },
      DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
      DataValidationAlertStyle: { stop: "Stop" },
      ConditionalFormatType: { custom: "Custom" },
      SheetVisibility: { hidden: "Hidden", visible: "Visible", veryHidden: "VeryHidden" },
      PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
      PaperType: { a4: "A4" },
      createWorkbook: async (base64: string) => {
        if (this.createWorkbookError) throw this.createWorkbookError;
        this.openedWorkbooks.push(base64);
      },
      WorksheetPositionType: { end: "End" },
      ChartType: { barClustered: "BarClustered" },
      ChartSeriesBy: { columns: "Columns" },
      ErrorCodes: { invalidOperationInCellEditMode: "InvalidOperationInCellEditMode" },
    };
  }

  /** Bytes of one sync's request: as Office serialized it when measured, else the JSON of what it carried. */
  requestBytes(sync: number): number {
    const measured = this.requests.filter((r) => r.sync === sync);
    if (measured.length > 0) return Math.max(...measured.map((r) => r.bytes));
    return JSON.stringify(this.writes.filter((w) => w.sync === sync)).length;
  }
}
