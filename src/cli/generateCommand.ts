/**
 * `scorecard generate`: the same workbook the add-in makes, as an .xlsx file. It never destroys a workbook: an
 * existing file is left alone unless --force is given; --force carries the entries of the units the new workbook
 * has into it, and refuses when anything else typed would be lost, unless --force is given twice. With --party, the
 * workbook of one party (layout/partyBook.ts): only that party's cells open for input.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { buildWorkbookPlan, chooseUnits, partyWorkbookPlan, type WorkbookPlan } from "../layout";
import type { Rubric, Unit } from "../rubric";
import { planToXlsx, readXlsx } from "../xlsx";
import { carryOver } from "./carryOver";
import { fsError } from "./fsErrors";
import { checkXlsxName, freeName, writeFileSafely } from "./outputFile";
import type { Output } from "./rulesCommand";
import { CliError, loadRulesFrom } from "./rulesSource";
import { choosePartyUnits } from "./partyChoice";
import { unknownUnitMessage } from "./suggest";

export interface GenerateOptions {
  out: string;
  units?: string;
  /** The party the workbook is for (考核组, 市安委办, 市住建局…); a workbook for everyone when left out. */
  party?: string;
  rules?: string;
  /** How many times --force was given. */
  force?: number;
}

export async function runGenerate(options: GenerateOptions, io: Output): Promise<number> {
  const out = options.out;
  checkXlsxName(out);
  const rubric = await loadRulesFrom(options.rules);
  let plan: WorkbookPlan;
  let units: readonly Unit[];
  if (options.party !== undefined) {
    const choice = choosePartyUnits(rubric, options.party, options.units);
    plan = partyWorkbookPlan(rubric, choice);
    units = plan.sheets.filter((s) => s.meta.role === "unit").map((s) => rubric.findUnit(s.meta.unit!)!);
  } else {
    const chosen = chooseUnits(rubric, options.units ?? "all");
    if (chosen.unknown.length > 0) throw new CliError(unknownUnitMessage(rubric, chosen.unknown), 2);
    if (chosen.units.length === 0)
      throw new CliError("没有选择任何单位：--units 后请写单位名称，或 all、counties、members。", 2);
    units = chosen.units;
    plan = buildWorkbookPlan(rubric, units).plan;
  }
  const force = options.force ?? 0;
  let carried: string[] = [];
  if (existsSync(out)) {
    if (force === 0) {
      throw new CliError(
        `「${out}」已存在，未改动。要另存一份，请换一个文件名（例如 --out ${freeName(out)}）；要替换它，请加 --force（其中各单位已填写的内容会带入新工作簿）。`,
        2,
      );
    }
    if (force === 1) ({ plan, carried } = await replacing(rubric, plan, out));
  }
  writeFileSafely(out, await planToXlsx(plan));
  const counties = units.filter((u) => u.kind === "county").length;
  const sheetCount = plan.sheets.filter((s) => !s.veryHidden).length;
  if (options.party !== undefined) {
    const party = plan.sheets[0].meta.party;
    const what = plan.sheets
      .filter((s) => !s.veryHidden)
      .map((s) => s.name)
      .filter((n) => n === "附件1" || n === "附件2");
    const parts = [
      ...what,
      ...(units.length > 0
        ? [`${units.length} 个单位的打分表（县（市、区）${counties} 个，成员单位 ${units.length - counties} 个）`]
        : []),
    ];
    io.out(
      `已生成 ${out}：「${party}」的打分工作簿，${parts.join("、")}，共 ${sheetCount} 张工作表；只有${party}打分的格可以填写，其余格已锁定（灰色）。`,
    );
    if (carried.length > 0) io.out(`原文件中 ${carried.join("、")} 已填写的内容已带入新工作簿。`);
    return 0;
  }
  io.out(
    `已生成 ${out}：${units.length} 个单位的打分表（县（市、区）${counties} 个，成员单位 ${units.length - counties} 个），共 ${sheetCount} 张工作表。`,
  );
  if (carried.length > 0) io.out(`原文件中 ${carried.join("、")} 已填写的内容已带入新工作簿。`);
  return 0;
}

/** The plan with the old workbook's entries in it, or a refusal naming what would be lost. */
async function replacing(rubric: Rubric, plan: WorkbookPlan, out: string) {
  const name = basename(out);
  const twice = "确定要丢弃，请给两次 --force（--force --force）";
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(out);
  } catch (err) {
    throw fsError(err, out, "read");
  }
  let sheets;
  try {
    sheets = await readXlsx(bytes, name);
  } catch (err) {
    throw new CliError(
      `「${out}」无法读取（${(err as Error).message}），不能确认其中没有填写的内容，未改动。请换一个文件名；${twice}。`,
      2,
    );
  }
  const result = carryOver(rubric, plan, sheets);
  if (result.lost.length > 0) {
    const where = result.lost.map((l) => `工作表「${l.sheet}」${l.cell}${l.count > 1 ? ` 等 ${l.count} 处` : ""}`);
    throw new CliError(
      `「${out}」中有填写的内容不能带入新工作簿：${where.join("；")}。文件未改动。要保留它们，请换一个文件名（例如 --out ${freeName(out)}），或在 --units 中加上这些单位；${twice}。`,
      2,
    );
  }
  return result;
}
