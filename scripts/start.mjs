// `npm start`: serve the task pane on https://localhost:3000 and sideload it into Excel where Excel exists
// (Windows, macOS: office-addin-debugging does both). Elsewhere, keep serving and say how to sideload into Excel on
// the web.
//
// Stopping: one Ctrl+C, or ending the npm process in any way (kill, closing the terminal, even kill -9), stops
// everything started here. The server runs in a process group of its own, which is ended whole: npx, webpack and
// whatever they start. The terminal's Ctrl+C reaches this process and the group alike; a parent killed outright
// sends nothing, so the parent is watched too.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { platform } from "node:os";

const require = createRequire(import.meta.url);
const windows = platform() === "win32";
const port = process.env.DEV_SERVER_PORT || "3000";
const sideloading = platform() === "win32" || platform() === "darwin";
let child;
let stopping = false;

/** Ends the child and everything it started. */
function stopAll(signal = "SIGTERM") {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  if (windows) {
    // No process groups on Windows: taskkill ends the tree.
    spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function stop(signal, code) {
  if (stopping) return;
  stopping = true;
  // office-addin-debugging registered the add-in with Excel: take it off again (it ends its dev server too).
  if (sideloading)
    spawnSync(windows ? "npx.cmd" : "npx", ["office-addin-debugging", "stop", "manifest.xml"], { stdio: "inherit" });
  stopAll(signal);
  // webpack's dev server closes within a second; whatever is left after that is ended outright.
  const hard = setTimeout(() => {
    stopAll("SIGKILL");
    process.exit(code);
  }, 3000);
  hard.unref();
  if (child) child.once("exit", () => process.exit(code));
  else process.exit(code);
}

function run(command, args) {
  child = spawn(command, args, {
    stdio: "inherit",
    detached: !windows,
    env: { ...process.env, DEV_SERVER_PORT: port },
  });
  child.on("exit", (code, signal) => {
    // The server ended by itself (an error): end what it may have left behind, with its exit code.
    if (stopping) return;
    stopping = true;
    stopAll("SIGKILL");
    process.exit(code ?? (signal ? 1 : 0));
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal, 0));
  process.on("exit", () => stopAll("SIGKILL"));
  // A parent killed outright (kill -9 of npm) sends no signal. npm runs this script through a shell, which outlives
  // npm: watch npm as well as the shell.
  const watched = [process.ppid, ...(process.env.npm_lifecycle_event ? [parentOf(process.ppid)] : [])].filter(
    (pid) => pid && pid > 1,
  );
  setInterval(() => {
    if (process.ppid === 1 || watched.some((pid) => !alive(pid))) stop("SIGTERM", 0);
  }, 500).unref();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** The parent of a process: from /proc on Linux, from ps on macOS; undefined where neither answers (Windows). */
function parentOf(pid) {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" });
    const ppid = Number(ps.stdout?.trim());
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  }
}

const linuxCertificateSteps = [
  "若浏览器提示证书不受信任（开发证书的根证书在 ~/.office-addin-dev-certs/ca.crt）：",
  "  Chrome / Chromium / Edge：sudo apt-get install libnss3-tools，然后",
  '    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n office-addin-dev-ca -i ~/.office-addin-dev-certs/ca.crt',
  "  Firefox：设置 → 隐私与安全 → 证书 → 查看证书 → 证书颁发机构 → 导入 ca.crt，勾选“信任由此证书颁发机构来标识网站”",
  "  整个系统（Debian / Ubuntu）：sudo cp ~/.office-addin-dev-certs/ca.crt /usr/local/share/ca-certificates/office-addin-dev-ca.crt",
  "    && sudo update-ca-certificates",
  "  之后重新打开浏览器。",
];

if (sideloading) {
  run(windows ? "npx.cmd" : "npx", [
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    port,
  ]);
} else {
  console.log(
    [
      `本机没有桌面版 Excel，只启动任务窗格服务：https://localhost:${port}/（即 https://localhost:${port}/taskpane.html）`,
      "在网页版 Excel 中试用：打开一个工作簿 → 开始 → 加载项 → 更多设置 → 上传我的加载项 → 选择本目录的 manifest.xml",
      "（“上传我的加载项”需要 Microsoft 365 账户）。",
      ...linuxCertificateSteps,
      "(No desktop Excel here: serving the task pane only. In Excel on the web: Home → Add-ins → More settings →",
      " Upload My Add-in → choose manifest.xml from this folder.)",
      "按 Ctrl+C 停止。",
    ].join("\n"),
  );
  run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"]);
}
