/**
 * Runs in the page before the task pane's bundle (page.addInitScript): the recording Excel double of
 * test/excel/fakeExcel.ts as the `Excel` and `Office` globals, with what office.js would add in Excel — onReady with
 * host Excel, HostType, the display language — and a record of the cells the pane selects. The test reaches it as
 * `window.__excel`.
 */
import { FakeExcel } from "../excel/fakeExcel";

export interface PaneTestConfig {
  displayLanguage: string;
  /** Simulated time of one round trip. */
  latencyMs: number;
}

export interface PageDouble {
  fake: FakeExcel;
  /** "Sheet!A1" for every range the pane selected. */
  selections: string[];
  /** Sheets the pane activated. */
  activations: string[];
  /** Holds every context.sync() until release(): the pane's progress can be seen for sure. */
  hold(): void;
  release(): void;
}

const g = globalThis as any;
const config: PaneTestConfig = { displayLanguage: "zh-CN", latencyMs: 0, ...g.__paneTestConfig };
const fake = new FakeExcel();
fake.latencyMs = config.latencyMs;
fake.install();
let gate: Promise<void> = Promise.resolve();
let open = () => undefined as void;
const double: PageDouble = {
  fake,
  selections: [],
  activations: [],
  hold: () => void (gate = new Promise((resolve) => (open = resolve))),
  release: () => open(),
};
g.__excel = double;

const info = { host: "Excel", platform: "OfficeOnline" };
Object.assign(g.Office, {
  HostType: { Excel: "Excel", Word: "Word" },
  onReady: (callback?: (i: typeof info) => void) =>
    new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    ),
});
g.Office.context.displayLanguage = config.displayLanguage;

/** Delegates everything, records activate() and getRange(address).select() on the sheets the pane gets by name. */
function spySheet(ws: any, name: string): any {
  return new Proxy(ws, {
    get(target, prop) {
      if (prop === "activate") return () => (double.activations.push(name), target.activate());
      if (prop === "getRange")
        return (address: string) =>
          new Proxy(target.getRange(address), {
            get: (range, p) =>
              p === "select"
                ? () => (double.selections.push(`${name}!${address}`), range.select())
                : Reflect.get(range, p),
          });
      return Reflect.get(target, prop);
    },
  });
}

function spyContext(context: any): any {
  const worksheets = new Proxy(context.workbook.worksheets, {
    get: (target, prop) =>
      prop === "getItem" ? (name: string) => spySheet(target.getItem(name), name) : Reflect.get(target, prop),
  });
  const workbook = new Proxy(context.workbook, {
    get: (target, prop) => (prop === "worksheets" ? worksheets : Reflect.get(target, prop)),
  });
  const sync = async () => {
    await gate;
    return context.sync();
  };
  return new Proxy(context, {
    get: (target, prop) => (prop === "workbook" ? workbook : prop === "sync" ? sync : Reflect.get(target, prop)),
  });
}

const run = g.Excel.run;
g.Excel.run = (a: any, b?: any) =>
  typeof a === "function"
    ? run((context: any) => a(spyContext(context)))
    : run(a, (context: any) => b(spyContext(context)));
