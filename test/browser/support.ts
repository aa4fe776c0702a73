/**
 * What the browser tests share: a production build of the task pane in a temporary folder, a tiny static server for
 * it on 127.0.0.1, Debian's chromium driven by playwright-core, and pages that block (and remember) every request to
 * another origin and collect console errors and page errors.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `npm run build` into a temporary folder (dist/ may be in use by someone else). */
export function buildPane(): string {
  const out = mkdtempSync(join(tmpdir(), "pane-dist-"));
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  return out;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  /** Paths asked for, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requested.push(path);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
      res
        .writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" })
        .end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One chromium for a test file, with a fresh profile; no network beyond what the pages' routes let through. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "pane-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "zh-CN",
    viewport: { width: 360, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The production pane built, served from its own origin and a browser launched, once per test file, and all of it
 * gone afterwards: call at the top of a file, use `pane.server` and `pane.browser` inside its tests.
 */
export function paneInBrowser(): { readonly server: StaticServer; readonly browser: Browser } {
  let dist: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dist = buildPane();
    server = await serve(dist);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error("the pane is not served yet");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not launched yet");
      return browser;
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests to anywhere but the add-in's origin (all blocked). */
  outside: string[];
}

/** A new page on which only `origin` is reachable; `routes` may answer some of its paths instead of the server. */
export async function openPage(
  context: BrowserContext,
  origin: string,
  options: { initScript?: string; routes?: Record<string, string> } = {},
): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      outside.push(url.href);
      await route.abort("blockedbyclient");
      return;
    }
    const body = options.routes?.[url.pathname];
    if (body !== undefined) await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
    else await route.continue();
  });
  if (options.initScript) await page.addInitScript({ content: options.initScript });
  return { page, errors, outside };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

/** Reads until `done` holds or the time is up, and gives the last value read (for the assertion that follows). */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
