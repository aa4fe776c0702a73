/**
 * Microsoft's own Office.js client for Excel (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, the
 * script Excel on the web loads) running in a Node `vm` realm with the few browser globals it touches. Its
 * request contexts are pointed at a made-up URL, so every context.sync() goes through
 * OfficeExtension.HttpUtility.sendRequest, where setCustomSendRequestFunc hands us the exact request body Office
 * would send (the same JSON: ObjectPaths and Actions). The double (fakeExcel.ts) mirrors each call the adapter makes
 * onto one of these contexts: the sizes it reports and refuses are Office's own serialization, not an estimate, and
 * whatever the client itself refuses (a wrong argument, a property set on a read-only one) fails the same way.
 */
import { readFileSync } from "node:fs";
import { createContext, Script } from "node:vm";

export interface CapturedRequest {
  /** UTF-8 bytes of the request body as the client serializes it. */
  readonly bytes: number;
  /** Number of actions (each property set, method call, load) in the request. */
  readonly actions: number;
  /** The request flags in the URL (delayForCellEdit sets 64, as Excel on the web reads it). */
  readonly flags: number;
}

export interface OfficeClient {
  /** The client's Excel namespace (RequestContext, run, enums). */
  readonly Excel: any;
  /** Requests sent since the last take(), oldest first. */
  take(): CapturedRequest[];
}

const SCRIPT = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
/** Not a real host: the client only needs a URL that is not "local document" to use sendRequest. */
const DOUBLE_URL = "https://excel-double.invalid";

let loaded: OfficeClient | undefined;

/** The client, loaded once per test process (about 0.3 s: a 3 MB script). */
export function officeClient(): OfficeClient {
  if (loaded) return loaded;
  const noop = () => undefined;
  const window: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", search: "", hash: "" },
    document: {
      readyState: "complete",
      addEventListener: noop,
      getElementsByTagName: () => [],
      createElement: () => ({}),
    },
    addEventListener: noop,
  };
  window.window = window;
  window.self = window;
  new Script(readFileSync(SCRIPT, "utf8"), { filename: "excel-web-16.00.debug.js" }).runInContext(
    createContext(window),
  );
  const Excel = window.Excel as any;
  const OfficeExtension = window.OfficeExtension as any;
  OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = DOUBLE_URL;
  const sent: CapturedRequest[] = [];
  OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request: { url: string; body: unknown }) => {
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    const parsed = JSON.parse(text) as { Actions?: unknown[] };
    const flags = Number(/flags=(\d+)/.exec(request.url)?.[1] ?? 0);
    sent.push({ bytes: Buffer.byteLength(text, "utf8"), actions: parsed.Actions?.length ?? 0, flags });
    // The double answers the adapter itself; the client only needs a well-formed empty reply.
    return { statusCode: 200, headers: {}, body: JSON.stringify({ Results: [] }) };
  });
  loaded = { Excel, take: () => sent.splice(0) };
  return loaded;
}

const TWIN = "__realTwin";
const FAKE = "__fakeTwin";

/** Event registration lives in the double only: the client would register through a host this realm has not. */
const DOUBLE_ONLY = new Set(["onChanged", "onAdded", "onActivated", "context", "then", "isNullObject"]);

/**
 * The adapter's view of one double object and its twin in the real client: every method call and property set goes
 * to both (the client first, so that what it refuses never reaches the double); what the adapter reads comes from
 * the double, which holds the workbook.
 */
export function mirror(fake: any, real: any): any {
  if (real === null || real === undefined || typeof real !== "object" || Array.isArray(real)) return fake;
  if (fake === null || fake === undefined || (typeof fake !== "object" && typeof fake !== "function")) return fake;
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === TWIN) return real;
        if (prop === FAKE) return fake;
        const f = fake[prop];
        if (typeof prop === "symbol" || DOUBLE_ONLY.has(prop)) return f;
        let r: any;
        try {
          r = real[prop];
        } catch {
          r = undefined; // a scalar the client has not loaded: the double answers
        }
        if (prop === "items" && Array.isArray(f) && typeof real.getItem === "function")
          return f.map((item: any) => mirror(item, real.getItem(item.name)));
        if (typeof r === "function" && typeof f === "function")
          return (...args: unknown[]) => {
            const twin = (a: unknown, side: string) => (a && typeof a === "object" && (a as any)[side]) || a;
            const rr = Reflect.apply(
              r,
              real,
              args.map((a) => twin(a, TWIN)),
            );
            return mirror(
              Reflect.apply(
                f,
                fake,
                args.map((a) => twin(a, FAKE)),
              ),
              rr,
            );
          };
        return r && typeof r === "object" && !Array.isArray(r) ? mirror(f, r) : f;
      },
      set(_t, prop, value) {
        real[prop] = value;
        fake[prop] = value;
        return true;
      },
    },
  );
}
