/**
 * `scorecard generate-units --out-dir 目录`: one workbook per unit, in one process, as the office sends them out —
 * each the same workbook `scorecard generate --units <unit>` makes (the unit's sheet; a county's also 附件1, 附件2;
 * 汇总). One process instead of one per unit: exceljs and the rules load once (npm run bench compares both).
 * Nothing is overwritten: when a file of the same name is already in the folder, no file is written. With --party
 * (考核组, or 市安委办), each file is that party's workbook of its unit (layout/partyBook.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildWorkbookPlan, chooseUnits, partyWorkbookPlan, shareOf } from "../layout";
import type { Unit } from "../rubric";
import { planToXlsx } from "../xlsx";
import { fsError } from "./fsErrors";
import type { Output } from "./rulesCommand";
import { choosePartyUnits } from "./partyChoice";
import { CliError, loadRulesFrom } from "./rulesSource";

export interface GeneratePerUnitOptions {
  outDir: string;
  units?: string;
  /** Each file the party's workbook of its unit; the workbook for everyone when left out. */
  party?: string;
  rules?: string;
}

/** A unit's name as a file name: characters Windows refuses in a name (and control characters) become "_". */
export function unitFileName(unit: string): string {
  const safe = Array.from(unit, (c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? "_" : c)).join("");
  return `${safe.trim() || "_"}.xlsx`;
}

export async function runGeneratePerUnit(options: GeneratePerUnitOptions, io: Output): Promise<number> {
  const rubric = await loadRulesFrom(options.rules);
  let units: readonly Unit[];
  const party = options.party === undefined ? undefined : choosePartyUnits(rubric, options.party, options.units);
  if (party) {
    // A party that scores no unit sheet (a 附件2 department, the 专班) has one workbook for all counties.
    units = (party.units ?? rubric.registry.all).filter((u) => {
      const share = shareOf(rubric, u, party.party);
      return share !== undefined && (share.lineKeys.size > 0 || share.adjustments);
    });
    if (units.length === 0)
      throw new CliError(
        `「${party.party}」不为单位打分表打分，只有附件中的一张表：请用 scorecard generate --party ${party.party} --out 文件.xlsx 生成一个工作簿。`,
        2,
      );
  } else {
    const chosen = chooseUnits(rubric, options.units ?? "all");
    if (chosen.unknown.length > 0) {
      throw new CliError(
        `不认识的单位：${chosen.unknown.join("、")}。可用 all、counties、members，或单位名称（如 交城、市交通运输局），用逗号分隔。`,
        2,
      );
    }
    units = chosen.units;
  }
  if (units.length === 0) throw new CliError("没有选择任何单位。", 2);
  const dir = options.outDir;
  const files = units.map((u) => ({ unit: u, path: join(dir, unitFileName(u.name)) }));
  const taken = files.filter((f) => existsSync(f.path)).map((f) => unitFileName(f.unit.name));
  if (taken.length > 0) {
    throw new CliError(
      `文件夹「${dir}」中已有同名工作簿：${taken.slice(0, 5).join("、")}${taken.length > 5 ? ` 等 ${taken.length} 个` : ""}。为免覆盖已填写的内容，未生成任何文件；请换一个空文件夹。`,
      2,
    );
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw fsError(err, dir, "write");
  }
  for (const { unit, path } of files) {
    const plan = party
      ? partyWorkbookPlan(rubric, { party: party.party, units: [unit] })
      : buildWorkbookPlan(rubric, [unit]).plan;
    const bytes = await planToXlsx(plan);
    try {
      writeFileSync(path, bytes, { flag: "wx" }); // "wx": never replace a file that appeared meanwhile
    } catch (err) {
      throw fsError(err, path, "write");
    }
  }
  const counties = units.filter((u) => u.kind === "county").length;
  io.out(
    `已在「${dir}」生成 ${units.length} 个${party ? `「${party.party}」的` : ""}工作簿，每个单位一个（县（市、区）${counties} 个，成员单位 ${units.length - counties} 个）。`,
  );
  return 0;
}
