/**
 * `npm start` as a developer uses it: the task pane at https://localhost:PORT/, the Linux certificate steps
 * printed, and nothing left serving once npm ends — killed outright (kill -9: no signal reaches its children) or
 * stopped with Ctrl+C (SIGINT to the terminal's whole foreground process group).
 * It runs on a free port (DEV_SERVER_PORT) rather than 3000, so that it can run beside a developer's npm start, and
 * with HOME in a temporary folder, where the development certificates are made.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { get } from "node:https";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.setTimeout(600_000);
const root = join(__dirname, "../..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "localhost" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

const fetchPage = (port: number, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    // The development certificate is not trusted here: what is checked is what the server answers.
    get({ host: "localhost", port, path, rejectUnauthorized: false, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });

async function until(what: string, ok: () => Promise<boolean>, seconds: number) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function npmStart(port: number): { npm: ChildProcess; output: () => string } {
  let output = "";
  const npm = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), "start-home-")), DEV_SERVER_PORT: String(port) },
    detached: true, // its own process group, as a terminal gives it
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout!.on("data", (d) => (output += d));
  npm.stderr!.on("data", (d) => (output += d));
  return { npm, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

describe("npm start", () => {
  test("serves the task pane at /, prints the Linux certificate steps, and stops when npm is killed outright", async () => {
    const port = await freePort();
    const { npm, output } = npmStart(port);
    try {
      await until("the dev server", () => listening(port), 300);
      const page = await fetchPage(port, "/");
      expect(page.status).toBe(200);
      expect(page.body).toContain("考核打分助手");
      expect(page.body).toMatch(/<script[^>]+taskpane\.[0-9a-f]+\.js/);
      expect(output()).toContain("certutil -d sql:$HOME/.pki/nssdb");
      expect(output()).toContain("update-ca-certificates");
      process.kill(npm.pid!, "SIGKILL");
      await exited(npm);
      await until("the port to be free", async () => !(await listening(port)), 20);
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  test("one Ctrl+C (SIGINT to the process group) stops everything", async () => {
    const port = await freePort();
    const { npm } = npmStart(port);
    try {
      await until("the dev server", () => listening(port), 300);
      process.kill(-npm.pid!, "SIGINT");
      await exited(npm);
      await until("the port to be free", async () => !(await listening(port)), 20);
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});
