/* eslint-disable */
// Task-pane bundle. ES modules out of ts-loader so that Fluent UI tree-shakes; the dev server runs on https://localhost:3000
// with the Office dev certificates (office-addin-dev-certs); a production build (npm run build) needs no certificates.
// ts-loader only transpiles: types are checked by `npm run typecheck` (part of npm test), which keeps builds quick.
// A deployment gives the address dist/ is served from: `npm run build -- --env host=https://kaohe.example.cn/addin`
// writes it into every URL of dist/manifest.xml (scripts/manifest-host.cjs); http:// and localhost are refused.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { manifestForHost, checkHost, EXAMPLE } = require("./scripts/manifest-host.cjs");

/**
 * The Office dev certificates. Installing their CA needs administrator rights (sudo on Linux); where that fails the
 * certificates are still generated, so serve with them and say how to trust the CA by hand.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const fs = require("fs");
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) throw err;
    console.warn(
      `开发证书的根证书未能自动安装（${err.message.split("\n")[0]}）。请手动信任 ${path.join(dir, "ca.crt")}。`,
    );
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
}

/**
 * Office.js from the add-in's own origin (docs/decisions/0003-office-js-from-own-origin.md): office.js, the Excel host
 * files it loads for each platform, its telemetry helpers and its strings for every display language. The debug
 * builds and the other hosts (Word, Outlook, …) are left out.
 */
function officeJsPatterns() {
  const from = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  const to = "office-js/";
  // Copied as shipped: not minified again (info.minimized keeps Terser off them).
  const info = { minimized: true };
  return [
    {
      from: "*.js",
      context: from,
      to,
      info,
      globOptions: { ignore: ["**/*.debug.js", "**/*-vsdoc.js"] },
      filter: (file) => /[\\/](office|excel[^\\/]*|o15apptofilemappingtable|es6-promise)\.js$/.test(file),
    },
    { from: "{telemetry,ariatelemetry}/*.js", context: from, to, info, globOptions: { ignore: ["**/*.debug.js"] } },
    { from: "*/office_strings.js", context: from, to, info },
  ];
}

/**
 * How manifest.xml goes into dist/: with a host, its URLs rewritten for it (refused at once if the host is http:// or
 * localhost); in development as it is (the dev server); in a production build without a host, not at all — a
 * manifest pointing at localhost would only fail on every other PC — with a note saying how to make one.
 */
function manifestPattern(host, dev) {
  if (host !== undefined) {
    try {
      checkHost(host);
    } catch (err) {
      err.stack = err.message; // webpack-cli prints the stack: the Chinese message alone says all
      throw err;
    }
    return [
      { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestForHost(content.toString(), host) },
    ];
  }
  if (dev) return [{ from: "manifest.xml", to: "manifest.xml" }];
  console.warn(`未指定部署地址，dist/ 中不生成 manifest.xml。部署时请运行：${EXAMPLE}`);
  return [];
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const manifest = manifestPattern(env?.host, dev);
  const config = {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              compilerOptions: { module: "ESNext", noEmit: false },
              onlyCompileBundledFiles: true,
              transpileOnly: true,
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets", to: "assets" }, ...manifest, ...officeJsPatterns()],
      }),
    ],
    performance: { hints: false },
  };
  if (serving) {
    config.devServer = {
      // 3000 is the port of manifest.xml; DEV_SERVER_PORT lets a test serve beside a running npm start.
      port: Number(process.env.DEV_SERVER_PORT || 3000),
      // https://localhost:3000/ opens the task pane (webpack-dev-middleware's index file).
      devMiddleware: { index: "taskpane.html" },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
      static: { directory: path.resolve(__dirname, "assets"), publicPath: "/assets" },
    };
  }
  return config;
};
