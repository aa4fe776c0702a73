// `npm start`: serve the task pane on https://localhost:3000 and sideload it into Excel where Excel exists
// (Windows, macOS: office-addin-debugging does both). Elsewhere, keep serving and say how to sideload into Excel on
// the web.
import { spawn } from "node:child_process";
import { platform } from "node:os";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const run = (args) => {
  const child = spawn(npx, args, { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
};

if (platform() === "win32" || platform() === "darwin") {
  run([
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ]);
} else {
  console.log(
    [
      "本机没有桌面版 Excel，只启动任务窗格服务：https://localhost:3000/taskpane.html",
      "在网页版 Excel 中试用：打开一个工作簿 → 开始 → 加载项 → 更多设置 → 上传我的加载项 → 选择本目录的 manifest.xml。",
      "(No desktop Excel here: serving the task pane only. In Excel on the web: Home → Add-ins → More settings →",
      " Upload My Add-in → choose manifest.xml from this folder.)",
      "按 Ctrl+C 停止。",
    ].join("\n"),
  );
  run(["webpack", "serve", "--mode", "development"]);
}
