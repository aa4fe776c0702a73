/**
 * The rules the open workbook carries (src/rulesbook/embed.ts), read when the pane starts so that it uses the rules
 * the workbook's sheets were made from, not the embedded 2022 rules. Two round trips: the sheets' names, then the
 * copies' cells and every sheet's marker row (to choose between copies when there are several).
 *
 * Very hidden sheets are part of `workbook.worksheets` and their cells read like any sheet's (Excel JavaScript API,
 * Worksheet.visibility, ExcelApi 1.1: "VeryHidden" only hides them from the user interface).
 */
import { readMeta, type GridSheet } from "../layout";
import { rubricFromParsed, parseRules, RulesError, type Rubric } from "../rubric";
import { workbookRules } from "../rulesbook/embed";
import { run as countedRun, usedRangeToGrid } from "./session";

export interface CarriedRules {
  /** The rules the workbook carries, ready to use; undefined when it carries none or they cannot be used. */
  readonly rubric?: Rubric;
  /** Why carried rules cannot be used (zh-CN), to tell the user. */
  readonly problem?: string;
  readonly syncs: number;
}

export async function readCarriedRules(): Promise<CarriedRules> {
  const counter = { syncs: 0 };
  const grids = await countedRun(counter, async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const queued = sheets.items.map((ws) => {
      const head = ws.getRange("A1:E1");
      head.load("values");
      // The copies are found by their marker row; their names say which sheets may be copies worth reading whole.
      const used = ws.name.startsWith("规则数据_") ? ws.getUsedRange() : undefined;
      used?.load(["formulas", "values", "rowIndex", "columnIndex"]);
      return { name: ws.name, head, used };
    });
    await sync();
    return queued.map(({ name, head, used }): GridSheet =>
      used && readMeta(head.values[0])?.role === "rules"
        ? usedRangeToGrid(name, used.rowIndex, used.columnIndex, used.formulas, used.values)
        : { name, cells: [head.values[0] as GridSheet["cells"][number]] },
    );
  });
  const carried = workbookRules(grids);
  if (!carried) return { syncs: counter.syncs };
  if (carried.problem || carried.json === undefined) return { problem: carried.problem, syncs: counter.syncs };
  try {
    return { rubric: rubricFromParsed(parseRules(carried.json)), syncs: counter.syncs };
  } catch (err) {
    const why = err instanceof RulesError ? err.problems.slice(0, 3).join("；") : (err as Error).message;
    return {
      problem: `本工作簿保存的考核规则（${carried.rulesId} ${carried.rulesVersion}）无法使用：${why}`,
      syncs: counter.syncs,
    };
  }
}
