/**
 * The manifest, checked offline: well-formed XML with the fields users and admins see, converted to the JSON form
 * (office-addin-manifest-converter) and validated against the schema bundled with @microsoft/app-manifest.
 * (`office-addin-manifest validate` needs the network, which is not here.)
 */
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { DOMParser } from "@xmldom/xmldom";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const first = (tag: string) => doc.getElementsByTagName(tag)[0];

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
    const out = mkdtempSync(join(tmpdir(), "manifest-json-"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { convert } = require("office-addin-manifest-converter");
    await convert(join(root, "manifest.xml"), out, false, false);
    const file = join(out, "manifest.json");
    expect(existsSync(file)).toBe(true); // a missing converted file is a failure
    const manifest = JSON.parse(readFileSync(file, "utf8"));
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
