/** Where an assessor types, found in a built workbook plan: a line's input cells and a county's 附件 cells. */
import { ANNEX_HEADER_ROW, type BuiltWorkbook } from "../../src/layout";

export function planCells(built: BuiltWorkbook) {
  const counties = built.units.filter((u) => u.unit.kind === "county").map((u) => u.unit.name);
  return {
    /** A county's 附件1/附件2 cell: its row under the header, the score columns from C on (index 0-based). */
    annex(county: string, index: number): string {
      const row = counties.indexOf(county);
      if (row < 0) throw new Error(`${county} is not in this plan's 附件 tables`);
      return `${String.fromCharCode(67 + index)}${ANNEX_HEADER_ROW + 1 + row}`;
    },
    /** The 扣分 (E), 存在的问题 (G), 是否参与打分 (H) or 不参与说明 (I) cell of a line on a unit's sheet. */
    line(unit: string, label: string, col: "E" | "G" | "H" | "I", part?: "county" | "common" | "individual"): string {
      const u = built.units.find((x) => x.unit.name === unit);
      if (!u) throw new Error(`${unit} is not in this plan`);
      const table = part ? u.map.tables.find((t) => t.part === part)! : u.map.tables[0];
      const rows = built.plan.sheets
        .find((s) => s.name === u.sheetName)!
        .tables.find((t) => t.name === table.name)!.rows;
      const i = rows.findIndex((r) => r[0] === label);
      if (i < 0) throw new Error(`${unit} has no line ${label}`);
      return `${col}${table.first + i}`;
    },
  };
}
