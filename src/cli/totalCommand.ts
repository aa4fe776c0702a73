/**
 * `scorecard total`: score every unit found in the returned workbooks. Every file is read, even after a bad one;
 * figures come from the entries alone (cached formula results are never trusted).
 * Exit 0 no errors, 1 an entry has errors, 2 a file cannot be read or was made from other rules.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { fromHundredths } from "../rubric";
import {
  readMeta,
  readWorkbook,
  summaryValuesSheets,
  UNREAD_SHEET_CODES,
  type GridSheet,
  type SummaryIssueRow,
} from "../layout";
import { defaultRubric, parseRules, rubricFromParsed, RulesError, type Rubric } from "../rubric";
import { workbookRules } from "../rulesbook/embed";
import { NO, UNSCORED_GRADE, YES, type UnitResult } from "../scoring";
import { summaryPartsOf, totalWithTimes, type ReturnedWorkbook } from "../totalling";
import { progressSummary, progressTable } from "./progressText";
import { READ_LIMITS, readXlsx, WorkbookReadError } from "../xlsx";
import { planToXlsxValues } from "../xlsx/valuesWriter";
import { savedAt } from "../xlsx/savedAt";
import { fsError } from "./fsErrors";
import { checkXlsxName, inputAsOutputError, inputsAt, writeFileSafely } from "./outputFile";
import type { Output } from "./rulesCommand";
import { CliError, loadRulesFrom } from "./rulesSource";

export interface TotalOptions {
  json?: boolean;
  out?: string;
  rules?: string;
  progress?: boolean;
  /** Of a party's files that differ on its part, the one saved last wins (totalling/newer.ts). */
  newerReplaces?: boolean;
}

export interface TotalIssue {
  file: string;
  sheet: string | null;
  cell: string | null;
  unit: string | null;
  line: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
}

const n = (v: number | null) => (v === null ? null : fromHundredths(v));

export async function runTotal(files: readonly string[], options: TotalOptions, io: Output): Promise<number> {
  if (files.length === 0)
    throw new CliError("请给出要汇总的工作簿文件，例如：scorecard total 交城县.xlsx 石楼县.xlsx", 2);
  if (options.out !== undefined) {
    // Before any work: a summary must never replace a returned workbook.
    checkXlsxName(options.out);
    // Only an earlier summary may be replaced: it is left out of the totals anyway, and made anew here.
    for (const input of inputsAt(options.out, files))
      if (!(await isSummaryFile(input))) throw inputAsOutputError(options.out, input);
  }
  const issues: TotalIssue[] = [];
  let unreadable = false;
  const workbooks: ReturnedWorkbook[] = [];
  /** Summaries among the inputs (an earlier total --out, or 汇总 saved on its own): left out, with a note. */
  const skipped: { file: string; message: string }[] = [];

  // Every file read first: the rules to total by may be the ones the returned workbooks carry.
  const grids: { name: string; sheets: GridSheet[] }[] = [];
  /** Each file's path by the name totalling knows it by, to ask a file when it was saved. */
  const paths = new Map<string, string>();
  for (const file of files) {
    const name = basename(file);
    paths.set(name, file);
    try {
      grids.push({ name, sheets: await readXlsx(readInput(file, name), name) });
    } catch (err) {
      unreadable = true;
      const plain = err instanceof WorkbookReadError || err instanceof CliError;
      issues.push({
        file: name,
        sheet: null,
        cell: null,
        unit: null,
        line: null,
        code: "file.unreadable",
        severity: "error",
        message: plain
          ? (err as Error).message
          : `「${name}」无法读取：文件内容不是考核打分表能识别的格式（${(err as Error).message}）`,
      });
    }
  }
  const { rubric, from } = await rulesInUse(options.rules, grids);
  if (from && !options.json)
    io.out(`按「${from}」中保存的考核规则汇总：${rubric.rules.name}（${rubric.id} ${rubric.version}）`);
  for (const { name, sheets } of grids) {
    const fileIssue = (code: string, message: string) =>
      issues.push({ file: name, sheet: null, cell: null, unit: null, line: null, code, severity: "error", message });
    const read = readWorkbook(rubric, sheets);
    if (read.problems.some((p) => UNREAD_SHEET_CODES.has(p.code))) unreadable = true;
    else if (read.units.length === 0 && read.annexes.length === 0 && isSummaryOnly(sheets)) {
      skipped.push({
        file: name,
        message: `「${name}」是汇总表（由 scorecard total --out 或“校验并汇总”生成），不是交回的打分表，已跳过`,
      });
      continue;
    } else if (read.units.length === 0 && read.annexes.length === 0) {
      unreadable = true;
      fileIssue("file.noScoreSheets", `「${name}」中没有考核打分助手生成的打分表（工作表第一行的标记缺失），未汇总`);
    }
    workbooks.push({ file: name, read });
  }

  const {
    result,
    issues: located,
    progress,
  } = await totalWithTimes(rubric, workbooks, { newerReplaces: options.newerReplaces }, async (wb) =>
    savedAt(readFileSync(paths.get(wb.file!)!)),
  );
  issues.push(
    ...located.map((i) => ({
      file: i.file ?? "",
      sheet: i.sheet ?? null,
      cell: i.cell ?? null,
      unit: i.unit || null,
      line: i.line ?? null,
      code: i.code,
      severity: i.severity,
      message: i.message,
    })),
  );
  const all: UnitResult[] = [...result.counties, ...result.members];

  if (options.json) {
    io.out(JSON.stringify({ units: all.map(unitJson), issues, progress, skipped }, null, 2));
  } else {
    for (const s of skipped) io.out(`说明：${s.message}。`);
    for (const [title, group] of [
      ["县（市、区）", result.counties],
      ["成员单位", result.members],
    ] as const) {
      if (group.length === 0) continue;
      io.out(`${title}：`);
      io.out("排名\t单位\t现场得分\t实际涉及总分\t折算得分\t加分\t减分\t最终成绩\t一票否优\t等次");
      for (const r of group) {
        const f = (v: number | null) => (v === null ? "—" : (v / 100).toFixed(2));
        io.out(
          [
            r.rank ?? "—",
            r.unit,
            f(r.itemsScore),
            f(r.applicableTotal),
            f(r.normalized),
            f(r.bonus),
            f(r.penalty),
            f(shownFinal(r)),
            r.veto ? YES : NO,
            r.grade,
          ].join("\t"),
        );
      }
    }
    for (const i of issues) {
      // A message about a whole file names the file itself.
      const where =
        i.sheet === null && i.cell === null && i.file && i.message.includes(i.file)
          ? ""
          : ` ${[i.file, i.sheet, i.cell].filter(Boolean).join(" ")}`;
      io.out(`${i.severity === "error" ? "错误" : "警告"}${where}：${i.message}`);
    }
    for (const line of options.progress ? progressTable(rubric, progress) : progressSummary(rubric, progress))
      io.out(line);
    const errors = issues.filter((i) => i.severity === "error").length;
    io.out(`汇总了 ${all.length} 个单位：${errors} 个错误，${issues.length - errors} 个警告。`);
  }

  if (options.out) {
    const rows: SummaryIssueRow[] = issues.map((i) => ({
      file: i.file,
      sheet: i.sheet ?? undefined,
      cell: i.cell ?? undefined,
      unit: i.unit ?? undefined,
      severity: i.severity,
      message: i.message,
    }));
    const at = new Date().toLocaleString("zh-CN", { hour12: false });
    const sheets = summaryValuesSheets(rubric, result, rows, at, undefined, summaryPartsOf(rubric, progress));
    // Values and styles only: the direct writer, without loading exceljs (npm run bench: total --out vs total).
    writeFileSafely(options.out, planToXlsxValues({ rulesId: rubric.id, rulesVersion: rubric.version, sheets }));
    if (!options.json) io.out(`汇总表已写入 ${options.out}`);
  }

  if (unreadable) return 2;
  return issues.some((i) => i.severity === "error") ? 1 : 0;
}

/**
 * The rules to total by: those given with --rules; otherwise those the first returned workbook carries (the rules
 * its sheets were made from, so next year's workbooks total without the rules file); otherwise the embedded default.
 * A workbook carrying other rules is then reported by totalling, with what differs.
 */
async function rulesInUse(
  file: string | undefined,
  grids: readonly { name: string; sheets: GridSheet[] }[],
): Promise<{ rubric: Rubric; from?: string }> {
  if (file) return { rubric: await loadRulesFrom(file) };
  const embedded = JSON.stringify(defaultRubric().rules);
  for (const { name, sheets } of grids) {
    const carried = workbookRules(sheets);
    if (carried?.json === undefined) continue;
    // Workbooks made from the embedded rules carry them as they are: no need to check them again (nor load zod).
    if (carried.text === embedded) return { rubric: defaultRubric(), from: name };
    try {
      return { rubric: rubricFromParsed(parseRules(carried.json)), from: name };
    } catch (err) {
      if (!(err instanceof RulesError)) throw err;
      // A damaged copy: the next workbook's, or the default; totalling reports this one.
    }
  }
  return { rubric: await loadRulesFrom(undefined) };
}

/** A returned file's bytes; a file that cannot be read, or is far too large to be a workbook, is said so plainly. */
function readInput(file: string, name: string): Uint8Array {
  try {
    const size = statSync(file).size;
    if (size > READ_LIMITS.fileBytes)
      throw new WorkbookReadError(`「${name}」过大（${Math.round(size / 1024 / 1024)} MB），不像考核工作簿，未读取`);
    return readFileSync(file);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw fsError(err, name, "read");
  }
}

async function isSummaryFile(file: string): Promise<boolean> {
  try {
    return isSummaryOnly(await readXlsx(readFileSync(file)));
  } catch {
    return false; // what cannot be read cannot be known to be a summary
  }
}

/** A workbook whose generated sheets are all summaries (the hidden 变更记录 aside): no score sheet to total. */
function isSummaryOnly(sheets: readonly GridSheet[]): boolean {
  const roles = sheets.map((s) => readMeta(s.cells[0])?.role);
  return roles.includes("summary") && roles.every((r) => r === undefined || r === "summary" || r === "changeLog");
}

/** A unit not scored yet has no final score to show, as in 汇总 (its 100 is only the empty sheet's). */
const shownFinal = (r: UnitResult) => (r.grade === UNSCORED_GRADE ? null : r.finalScore);

function unitJson(r: UnitResult) {
  return {
    unit: r.unit,
    kind: r.kind,
    itemsScore: n(r.itemsScore),
    applicableTotal: n(r.applicableTotal),
    normalized: n(r.normalized),
    bonus: n(r.bonus),
    penalty: n(r.penalty),
    final: n(shownFinal(r)),
    veto: r.veto,
    grade: r.grade,
    rank: r.rank,
    errors: r.errors.length,
    warnings: r.warnings.length,
  };
}
