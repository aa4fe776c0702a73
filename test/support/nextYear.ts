/**
 * Next year's rules made as the office would make them: the 2022 rules workbook opened and edited cell by cell
 * (here with exceljs, as a person in Excel or WPS would), saved, and given back to the add-in.
 *
 * The edits: id, version, year and name; new thresholds (优秀 92, 良好 85); county item 37 down from 25 to 20 points
 * and a new item 38 of 5 points after it (section 七 still 30); 现代农业发展服务中心 removed; 吕梁银保监分局 renamed 吕梁金融监管分局 and 孝柳铁路 renamed 孝柳铁路有限责任公司,
 * each keeping its old name as an alias (the 2022 targets name 孝柳铁路, and still find it).
 */
import ExcelJS from "exceljs";

export const NEXT_YEAR = {
  id: "luliang-2023",
  version: "2023.1",
  year: 2023,
  name: "2023年度吕梁市安全生产和消防工作考核",
  newItemText: "38.建立重大事故隐患动态清零工作机制，按月调度销号（5分）",
  newItemRule: "未建立工作机制的扣2分；未按月调度的，每缺一次扣0.5分。",
  removed: "现代农业发展服务中心",
  renamed: [
    ["吕梁银保监分局", "吕梁金融监管分局"],
    ["孝柳铁路", "孝柳铁路有限责任公司"],
  ] as const,
};

const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? "" : String(c.value));

function rowWhere(ws: ExcelJS.Worksheet, test: (row: ExcelJS.Row) => boolean): number {
  for (let r = 1; r <= ws.rowCount; r++) if (test(ws.getRow(r))) return r;
  throw new Error(`no such row in ${ws.name}`);
}

/** The 2022 rules workbook (bytes) edited into next year's. */
export async function editForNextYear(bytes: Uint8Array): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);

  const info = wb.getWorksheet("基本信息")!;
  const setting = (label: string, value: string | number) =>
    (info.getCell(
      rowWhere(info, (r) => text(r.getCell(1)) === label),
      2,
    ).value = value);
  setting("规则编号", NEXT_YEAR.id);
  setting("版本", NEXT_YEAR.version);
  setting("年度", NEXT_YEAR.year);
  setting("名称", NEXT_YEAR.name);
  // 21 other units less one: the heading's count is right again.
  setting("原文所称其他单位个数", 20);
  info.getCell(
    rowWhere(info, (r) => text(r.getCell(1)) === "优秀"),
    2,
  ).value = 92;
  info.getCell(
    rowWhere(info, (r) => text(r.getCell(1)) === "良好"),
    2,
  ).value = 85;

  const units = wb.getWorksheet("被考核单位")!;
  units.spliceRows(
    rowWhere(units, (r) => text(r.getCell(2)) === NEXT_YEAR.removed),
    1,
  );
  for (const [from, to] of NEXT_YEAR.renamed) {
    const r = rowWhere(units, (row) => text(row.getCell(2)) === from);
    const aliases = text(units.getCell(r, 3));
    units.getCell(r, 2).value = to;
    units.getCell(r, 3).value = aliases ? `${aliases}、${from}` : from;
  }

  const lines = wb.getWorksheet("考核细则")!;
  const item = (part: string, no: number) =>
    rowWhere(lines, (r) => text(r.getCell(1)) === part && r.getCell(4).value === no && text(r.getCell(5)) === "");
  const r37 = item("附件3", 37);
  lines.getCell(r37, 10).value = 20;
  lines.getCell(r37, 7).value = text(lines.getCell(r37, 7)).replace("（25分）", "（20分）");
  const copy = lines.getRow(r37).values as ExcelJS.CellValue[];
  lines.spliceRows(r37 + 1, 0, [
    ...copy.slice(1, 4), // 部分, 考核项目, 项目分值
    38,
    null,
    null,
    NEXT_YEAR.newItemText,
    NEXT_YEAR.newItemRule,
    "查阅资料",
    5,
    "县级政府",
    "考核组",
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
