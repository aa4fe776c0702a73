/**
 * A rules workbook with mistakes in it: every message names the sheet, the row and the column of the cell to fix,
 * whether the mistake is in the workbook's shape, in a value the schema refuses, or in what the linter checks.
 */
import { planToGrid, withEntries, type GridCell, type GridSheet } from "../../src/layout";
import { parseRules, RulesError } from "../../src/rubric";
import { luliang2022Json } from "../support/rules";
import { lintRulesBook, rulesFromBook, rulesWorkbookPlan } from "../../src/rulesbook";

const sheets = rulesWorkbookPlan(parseRules(luliang2022Json)).sheets.map(planToGrid);
const sheet = (name: string) => sheets.find((s) => s.name === name)!;
const COL = { 部分: 0, 序号: 3, 子项: 4, 分值: 9, 考核对象: 10 } as const;

/** The row (1-based) of a line on 考核细则: an item, or its sub-item. */
function lineRow(part: string, no: number, sub?: string): number {
  const i = sheet("考核细则").cells.findIndex(
    (r) => r[COL.部分] === part && r[COL.序号] === no && (r[COL.子项] ?? null) === (sub ?? null),
  );
  if (i < 0) throw new Error(`no line ${part} ${no} ${sub}`);
  return i + 1;
}
const rowOf = (name: string, test: (r: readonly GridCell[]) => boolean) => sheet(name).cells.findIndex(test) + 1;

/** The workbook with cells of one sheet changed, as a person would type them. */
function edited(name: string, cells: Record<string, GridCell>): GridSheet[] {
  return sheets.map((s) => (s.name === name ? withEntries(s, cells) : s));
}
const errors = (book: GridSheet[]) =>
  lintRulesBook(book)
    .filter((f) => f.severity === "error")
    .map((f) => f.text);

test("sub-items that do not add up to their item: the item's row and its 分值", () => {
  const item = lineRow("附件3", 13);
  const sub = lineRow("附件3", 13, "1");
  const subPoints = sheet("考核细则").cells[sub - 1][COL.分值] as number;
  const itemPoints = sheet("考核细则").cells[item - 1][COL.分值] as number;
  const book = edited("考核细则", { [`J${sub}`]: subPoints + 0.5 });
  expect(errors(book)).toEqual([
    `考核细则 第 ${item} 行 分值：子项分值合计 ${itemPoints + 0.5}分，与该项分值 ${itemPoints}分 不符`,
  ]);
  expect(() => rulesFromBook(book)).toThrow(RulesError);
});

test("an unknown name in 考核对象; points with two decimals, points typed as words", () => {
  const r5 = lineRow("附件3", 5);
  const r6 = lineRow("附件3", 6);
  const r7 = lineRow("附件3", 7);
  expect(errors(edited("考核细则", { [`K${r5}`]: "县级政府、火星县" }))).toEqual([
    `考核细则 第 ${r5} 行 考核对象：考核对象中的「火星县」不是已知的单位或单位类别（县级政府、火星县）`,
  ]);
  // Values the schema refuses are said before the linter looks at what they mean.
  expect(errors(edited("考核细则", { [`J${r6}`]: 0.25, [`J${r7}`]: "三" }))).toEqual([
    `考核细则 第 ${r6} 行 分值：分值最多一位小数（如 0.5、3）`,
    `考核细则 第 ${r7} 行 分值：无效输入：期望 数字，实际接收 string`,
  ]);
});

test("a setting left blank, a setting's row deleted, an unknown category", () => {
  const version = rowOf("基本信息", (r) => r[0] === "版本");
  expect(errors(edited("基本信息", { [`B${version}`]: null }))).toEqual([`基本信息 第 ${version} 行 内容：未填写`]);
  const info = sheet("基本信息");
  const withoutName = sheets.map((s) =>
    s === info ? { ...s, cells: s.cells.filter((r) => r[0] !== "名称").map((r) => [...r]) } : s,
  );
  expect(errors(withoutName)).toEqual(["基本信息「规则」表 名称：未填写"]);
  const unit = rowOf("被考核单位", (r) => r[1] === "石楼县");
  expect(errors(edited("被考核单位", { [`A${unit}`]: "县" }))).toEqual([
    `被考核单位 第 ${unit} 行 类别：类别「县」不是 县（市、区）、负有安全生产监管职责的单位、其他单位 之一`,
  ]);
});

test("a renamed header, a sub-item away from its item, a number used twice, a name given to two units", () => {
  const header = rowOf("考核细则", (r) => r[0] === "部分");
  expect(errors(edited("考核细则", { [`J${header}`]: "分数" }))).toEqual([
    `考核细则 第 ${header} 行：「考核细则」表缺少列：分值（表头被改动或删除）`,
  ]);
  const sub = lineRow("附件3", 13, "1");
  expect(errors(edited("考核细则", { [`D${sub}`]: 14 }))).toEqual(
    expect.arrayContaining([
      `考核细则 第 ${sub} 行 子项：子项行的序号与上方细则（第 ${lineRow("附件3", 13)} 行，序号 13）不同：子项行须紧跟在所属细则之后`,
    ]),
  );
  const r6 = lineRow("附件3", 6);
  expect(errors(edited("考核细则", { [`D${r6}`]: 5 }))).toEqual([`考核细则 第 ${r6} 行 序号：序号 5 重复`]);
  const wenshui = rowOf("被考核单位", (r) => r[1] === "文水县");
  expect(errors(edited("被考核单位", { [`C${wenshui}`]: "文水、石楼" }))).toEqual([
    `被考核单位 第 ${rowOf("被考核单位", (r) => r[1] === "石楼县")} 行 别名：单位名称「石楼」同时指向「文水县」和「石楼县」`,
  ]);
});
