/**
 * The manifest, checked offline: well-formed XML with the fields users and admins see, converted to the JSON form
 * (office-addin-manifest-converter) and validated against the schema bundled with @microsoft/app-manifest.
 * (`office-addin-manifest validate` needs the network, which is not here.)
 */
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { DOMParser } from "@xmldom/xmldom";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const first = (tag: string) => doc.getElementsByTagName(tag)[0];

/** The manifest converted to its JSON form and validated against the schema bundled with @microsoft/app-manifest. */
async function validateAsJson(file: string) {
  const out = mkdtempSync(join(tmpdir(), "manifest-json-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { convert } = require("office-addin-manifest-converter");
  await convert(file, out, false, false);
  const converted = join(out, "manifest.json");
  expect(existsSync(converted)).toBe(true); // a missing converted file is a failure
  const manifest = JSON.parse(readFileSync(converted, "utf8"));
  const schemaFile = join(
    root,
    `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
  );
  expect(existsSync(schemaFile)).toBe(true);
  const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
  delete manifest.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const ok = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  expect(JSON.stringify(manifest)).not.toContain("<TRUNCATED>");
  return { manifest, out };
}

describe("manifest.xml", () => {
  test("is well-formed and asks for ExcelApi 1.8 and only ReadWriteDocument", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    // One Permissions element (the schema allows no more), and its value is ReadWriteDocument alone.
    const permissions = Array.from(doc.getElementsByTagName("Permissions")).map((p) => p.textContent?.trim());
    expect(permissions).toEqual(["ReadWriteDocument"]);
    const set = first("Set");
    expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.8"]);
    expect(first("Host").getAttribute("Name")).toBe("Workbook");
  });

  test("has zh-CN names and descriptions and icons that exist in assets/", () => {
    const override = (tag: string) => first(tag).getElementsByTagName("Override")[0];
    expect(override("DisplayName").getAttribute("Locale")).toBe("zh-CN");
    expect(override("DisplayName").getAttribute("Value")).toBe("考核打分助手");
    expect(override("Description").getAttribute("Value")).toMatch(/考核打分表/);
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[\w-]+\.png)/g)].map((m) => m[1]);
    expect(new Set(icons)).toEqual(
      new Set(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]),
    );
    for (const icon of icons) expect(existsSync(join(root, icon))).toBe(true);
  });

  test("converts to the JSON manifest, which validates against the bundled schema", async () => {
    const { manifest, out } = await validateAsJson(join(root, "manifest.xml"));
    // ReadWriteDocument in the JSON form is this one resource-specific permission, and no other is asked for.
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] },
    });
    expect(JSON.stringify(manifest).match(/"(?:webApplicationInfo|devicePermissions|permissions)"/g)).toEqual([
      '"permissions"',
    ]);
    const zh = JSON.parse(readFileSync(join(out, "zh-cn.json"), "utf8"));
    expect(JSON.stringify(zh)).toContain("考核打分助手");
  });
});

/** webpack.config.js as `npm run build -- --env host=…` calls it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(root, "webpack.config.js")) as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<{ plugins: { patterns?: { to?: string; transform?: (input: Buffer) => string }[] }[] }>;

async function builtManifest(host: string | undefined): Promise<string | undefined> {
  const config = await webpackConfig(host === undefined ? {} : { host }, { mode: "production" });
  const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === "manifest.xml");
  if (!pattern) return undefined;
  return pattern.transform ? pattern.transform(Buffer.from(xml)) : xml;
}

describe("the production manifest (npm run build -- --env host=…)", () => {
  const host = "https://kaohe.example.cn/addin";
  afterEach(() => jest.restoreAllMocks());

  test("every URL points at the host, and the manifest validates against the schema", async () => {
    const built = (await builtManifest(`${host}/`))!;
    expect(built).not.toContain("localhost");
    // Every URL in an attribute or an element, namespaces aside: each dev-server URL, now at the host.
    const urlsOf = (text: string) =>
      [...text.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)]
        .map((m) => m[1] ?? m[2])
        .filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    const urls = urlsOf(built);
    expect(urlsOf(xml).every((u) => u.startsWith("https://localhost:3000"))).toBe(true);
    expect(urls).toEqual(
      urlsOf(xml).map((u) =>
        u === "https://localhost:3000" ? "https://kaohe.example.cn" : u.replace("https://localhost:3000", host),
      ),
    );
    expect(urls).toContain(`${host}/taskpane.html`);
    expect(urls).toContain(`${host}/assets/icon-80.png`);
    const parsed = new DOMParser().parseFromString(built, "text/xml");
    expect(parsed.getElementsByTagName("AppDomain")[0].textContent).toBe("https://kaohe.example.cn");
    const file = join(mkdtempSync(join(tmpdir(), "manifest-prod-")), "manifest.xml");
    writeFileSync(file, built);
    const { manifest } = await validateAsJson(file);
    expect(JSON.stringify(manifest)).toContain(`${host}/taskpane.html`);
    expect(JSON.stringify(manifest)).not.toContain("localhost");
  });

  test.each([
    ["http://kaohe.example.cn/addin", "http:// 不行"],
    ["https://localhost:3000", "localhost 指的是每台电脑自己"],
    ["https://127.0.0.1/addin", "127.0.0.1 指的是每台电脑自己"],
    ["https://[::1]/addin", "指的是每台电脑自己"],
    ["kaohe.example.cn/addin", "这不是一个网址"],
    ["ftp://kaohe.example.cn", "须以 https:// 开头"],
    ["https://kaohe.example.cn/addin?x=1", "不能有 ? 或 #"],
  ])("refuses %s with a message in Chinese", async (bad, says) => {
    await expect(webpackConfig({ host: bad }, { mode: "production" })).rejects.toThrow(says);
    await expect(webpackConfig({ host: bad }, { mode: "production" })).rejects.toThrow(
      "npm run build -- --env host=https://kaohe.example.cn/addin",
    );
  });

  test("a production build without a host writes no manifest, and says how to make one", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await builtManifest(undefined)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("npm run build -- --env host=https://"));
  });
});
