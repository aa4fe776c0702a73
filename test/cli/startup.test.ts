/**
 * Start-up of the command line: `generate` and `total` with the embedded rules do not load zod (some 70 ms of the
 * 0.3 s a total over 57 files takes), so the embedded rules they use must be exactly what the schema makes of them.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { main } from "../../src/cli/main";
import { defaultRubric, defaultRulesJson } from "../../src/rubric";

jest.mock("zod", () => {
  throw new Error("zod was loaded");
});

test("the embedded rules, used without the schema, are what the schema makes of them", () => {
  // parseRules needs zod: the real one, in a module registry of its own.
  let parsed: unknown;
  jest.isolateModules(() => {
    jest.unmock("zod");
    parsed = (jest.requireActual("../../src/rubric/load") as typeof import("../../src/rubric/load")).parseRules(
      defaultRulesJson,
    );
  });
  expect(isDeepStrictEqual(defaultRubric().rules, parsed)).toBe(true);
});

test("generate and total with the embedded rules run without loading zod", async () => {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-startup-"));
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  expect(await main(["generate", "--out", join(dir, "交城.xlsx"), "--units", "交城"], io)).toBe(0);
  expect(await main(["total", join(dir, "交城.xlsx"), "--json"], io)).toBe(0);
  // Nothing entered yet: 未评分, not 100 (issue 17).
  expect(JSON.parse(out[1]).units[0]).toMatchObject({ unit: "交城县", grade: "未评分" });
});
