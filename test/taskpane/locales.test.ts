import { en } from "../../src/taskpane/locales/en";
import { format, pickMessages } from "../../src/taskpane/locales";
import { zhCN } from "../../src/taskpane/locales/zh-CN";

test.each([
  ["zh-CN", "考核打分助手"],
  ["zh-cn", "考核打分助手"],
  ["zh_CN", "考核打分助手"],
  ["zh-Hans-CN", "考核打分助手"],
  ["zh", "考核打分助手"],
  ["zh-TW", "考核打分助手"],
  ["en-US", "Assessment Scoring Assistant"],
  ["fr-FR", "Assessment Scoring Assistant"],
  ["", "Assessment Scoring Assistant"],
  [undefined, "Assessment Scoring Assistant"],
])("display language %s shows %s", (tag, name) => {
  expect(pickMessages(tag).appName).toBe(name);
});

test("English has every key of Chinese and the same placeholders", () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
    const holes = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    expect([key, holes(en[key])]).toEqual([key, holes(zhCN[key])]);
  }
});

test("format fills placeholders", () => {
  expect(format(zhCN.generated, { count: 57 })).toBe("已生成 57 张工作表");
});
