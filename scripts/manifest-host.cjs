// The manifest for a deployment: every https://localhost:3000 URL of manifest.xml (the dev server's) becomes the
// address the office serves dist/ from. Used by webpack.config.js (npm run build -- --env host=https://…) and its test.
"use strict";

const DEV = "https://localhost:3000";
const EXAMPLE = "npm run build -- --env host=https://kaohe.example.cn/addin";

/** Hosts that are only ever this computer: another PC opening the add-in would not find the pane there. */
const LOCAL = /^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d+){3}\])$/i;

/**
 * The host as a base URL without a trailing slash ("https://kaohe.example.cn/addin"), or an Error in Chinese saying
 * what is wrong and what to give instead.
 */
function checkHost(host) {
  const fail = (why) =>
    new Error(`--env host=${host} 不能用于部署：${why}。请给出办公室服务器上存放加载项的 HTTPS 地址，例如 ${EXAMPLE}`);
  if (typeof host !== "string" || host.trim() === "") throw fail("没有给出地址");
  let url;
  try {
    url = new URL(host.trim());
  } catch {
    throw fail("这不是一个网址");
  }
  if (url.protocol === "http:") throw fail("Office 只加载 HTTPS 地址的加载项，http:// 不行");
  if (url.protocol !== "https:") throw fail("地址须以 https:// 开头");
  if (LOCAL.test(url.hostname)) throw fail(`${url.hostname} 指的是每台电脑自己，其他电脑上的 Excel 找不到它`);
  if (url.search || url.hash) throw fail("地址中不能有 ? 或 #");
  if (url.username || url.password) throw fail("地址中不能有用户名或密码");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** manifest.xml with every dev-server URL pointing at `base`; AppDomain is the base's origin. */
function manifestForHost(xml, host) {
  const base = checkHost(host);
  const origin = new URL(base).origin;
  const out = xml
    .replace(/<!--[\s\S]*?-->/, `<!-- 考核打分助手 (Assessment Scoring Assistant), deployed from ${base} -->`)
    .replace(`<AppDomain>${DEV}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV}/`)
    .join(`${base}/`);
  if (out.includes("localhost")) throw new Error("manifest.xml 中仍有 localhost 地址：请检查 manifest.xml");
  return out;
}

module.exports = { checkHost, manifestForHost, DEV, EXAMPLE };
