/**
 * The inverse of the plan: the cells of a workbook → entries for the scoring core. Tables are found by their header
 * rows, not by fixed addresses, so rows a person inserted or sorted still read right; every entry remembers its cell
 * so that an issue can point at it. Formula results are never trusted: only entries are read, and the core
 * recomputes every figure.
 */
import type { Rubric } from "../rubric";
import type { CellValue, CountyAnnexEntries, Issue, UnitEntries } from "../scoring";
import { cellRef } from "./a1";
import { ANNEX_KEY_COLUMNS, annex1Header, annex2Header } from "./annexSheets";
import { ADJUST_COLUMNS, ADJUST_ROWS, COL, COMPLETED_LABEL, LINE_COLUMNS, TOTAL_LABELS, TOTAL_ORDER } from "./columns";
import type { GridCell, GridSheet } from "./grid";
import { addressesInFile, upgradeSheet, WORKBOOK_FORMATS, type WorkbookFormats } from "./formatVersion";
import { readMeta } from "./meta";
import { REPAIR_HINT } from "./messages";
import type { SheetMeta } from "./plan";
import { findHeaderRows, grouped, lostMarker, unitMismatch, type RowProblem } from "./sheetChecks";
import type { ReadUnitSheet, SheetProblem } from "./readTypes";
import { isTextAmount } from "./stale";
import { workbookRules, type EmbeddedRules } from "../rulesbook/embed";

// The grid types moved to grid.ts; named here too for code that still imports them from the reader.
export type { GridCell, GridSheet };
export type { ReadUnitSheet, SheetProblem };

export type EntryField =
  | "deduction"
  | "participates"
  | "exemptionReason"
  | "findings"
  | "bonus"
  | "penalty"
  | "veto"
  | "vetoConditions"
  | "annex1"
  | "annex2";

/**
 * Whether a problem keeps its unit from being graded (待更正). A sheet of other rules is only left out: the unit may
 * well have a current sheet beside it.
 */
export const holdsUnitBack = (p: Pick<SheetProblem, "code" | "severity">): boolean =>
  p.severity === "error" && p.code !== "sheet.otherRules";

export interface ReadWorkbook {
  readonly units: ReadUnitSheet[];
  readonly annexes: CountyAnnexEntries[];
  readonly annexCells: ReadonlyMap<string, string>;
  readonly annexSheets: Partial<Record<"annex1" | "annex2", string>>;
  readonly problems: SheetProblem[];
  /** The rules the workbook carries (src/rulesbook/embed.ts), checked against the rules in use by totalling. */
  readonly carriedRules?: EmbeddedRules;
}

export const entryCellKey = (lineKey: string | undefined, field: string, index?: number) =>
  `${lineKey ?? ""}|${field}${index === undefined ? "" : `#${index}`}`;

/** A cell as an entry: literals as they are; a formula typed into an input is text for the core to reject. */
export function entryValue(cell: GridCell | undefined): CellValue {
  if (cell === undefined) return null;
  if (cell !== null && typeof cell === "object") return cell.formula;
  return cell;
}

const text = (cell: GridCell | undefined): string => {
  const v = entryValue(cell);
  return v === null ? "" : String(v).trim();
};

/** `formats`: the workbook format's versions this reader knows (tests pass others to try an upgrade). */
export function readWorkbook(
  rubric: Rubric,
  sheets: readonly GridSheet[],
  formats: WorkbookFormats = WORKBOOK_FORMATS,
): ReadWorkbook {
  const out: ReadWorkbook = {
    units: [],
    annexes: [],
    annexCells: new Map(),
    annexSheets: {},
    problems: [],
    carriedRules: workbookRules(sheets),
  };
  const seen = new Map<string, string>();
  const annex = new Map<string, CountyAnnexEntries>();
  for (const asFound of sheets) {
    const meta = readMeta(asFound.cells[0]);
    // The carried rules are no score sheet (src/rulesbook/embed.ts reads them).
    if (meta?.role === "rules") continue;
    if (!meta) {
      // A score sheet that lost its marker row is named, not skipped.
      const lost = lostMarker(rubric, asFound);
      if (lost) out.problems.push(lost);
      continue;
    }
    const upgraded = upgradeSheet(asFound, meta, formats);
    if (!upgraded.ok) {
      out.problems.push({
        sheet: asFound.name,
        code: upgraded.code,
        severity: "error",
        message: upgraded.message,
        unit: meta.unit,
      });
      continue;
    }
    const sheet = upgraded.sheet;
    if (meta.rulesId !== rubric.id || meta.rulesVersion !== rubric.version) {
      out.problems.push({
        sheet: sheet.name,
        code: "sheet.otherRules",
        severity: "error",
        message: `工作表「${sheet.name}」按另一版考核规则生成（${meta.rulesId} ${meta.rulesVersion}），当前规则为 ${rubric.id} ${rubric.version}，未读取`,
        unit: meta.unit,
      });
      continue;
    }
    if (meta.role === "unit" && meta.unit) {
      const unit = rubric.findUnit(meta.unit);
      if (!unit) {
        out.problems.push({
          sheet: sheet.name,
          code: "sheet.unknownUnit",
          severity: "error",
          message: `工作表「${sheet.name}」标记的单位「${meta.unit}」不在考核规则的单位名单中`,
        });
        continue;
      }
      const before = seen.get(unit.name);
      if (before !== undefined) {
        out.problems.push({
          sheet: sheet.name,
          code: "sheet.duplicateUnit",
          severity: "error",
          unit: unit.name,
          message: `「${unit.name}」的打分表出现了两次（工作表「${before}」和「${sheet.name}」），请只保留一张`,
        });
        continue;
      }
      seen.set(unit.name, sheet.name);
      const problems: SheetProblem[] = [];
      const mismatch = unitMismatch(rubric, sheet, unit.name);
      if (mismatch) problems.push(mismatch);
      const read = readUnitSheet(
        rubric,
        sheet,
        meta,
        unit.name,
        unit.kind === "county" ? ["county"] : ["common", "individual"],
        problems,
      );
      out.units.push(upgraded.from === formats.current ? read : addressesInFile(read, upgraded.cellInFile));
      out.problems.push(...problems.map((p) => (p.cell ? { ...p, cell: upgraded.cellInFile(p.cell) } : p)));
    } else if (meta.role === "annex1" || meta.role === "annex2") {
      out.annexSheets[meta.role] = sheet.name;
      const problems: SheetProblem[] = [];
      const cells = new Map<string, string>();
      readAnnex(rubric, sheet, meta.role, annex, cells, problems);
      for (const [key, cell] of cells) (out.annexCells as Map<string, string>).set(key, upgraded.cellInFile(cell));
      out.problems.push(...problems.map((p) => (p.cell ? { ...p, cell: upgraded.cellInFile(p.cell) } : p)));
    }
  }
  out.annexes.push(...annex.values());
  return out;
}

function readUnitSheet(
  rubric: Rubric,
  sheet: GridSheet,
  meta: SheetMeta,
  unitName: string,
  parts: readonly ("county" | "common" | "individual")[],
  problems: SheetProblem[],
): ReadUnitSheet {
  const unit = rubric.findUnit(unitName)!;
  const expected = new Map(rubric.linesFor(unit).map((l) => [l.key, l]));
  const entries: UnitEntries = { unit: unitName, lines: {} };
  const cells = new Map<string, string>();
  const headers = findHeaderRows(sheet, LINE_COLUMNS, 1);
  const wantedParts = parts.filter((p) => [...expected.values()].some((l) => l.part === p));
  if (headers.length !== wantedParts.length) {
    problems.push({
      sheet: sheet.name,
      code: "sheet.tablesMissing",
      severity: "error",
      unit: unitName,
      message: `工作表「${sheet.name}」应有 ${wantedParts.length} 个打分表（表头：${LINE_COLUMNS.join("、")}），找到 ${headers.length} 个；表头被改动或删除`,
    });
  }
  const found = new Set<string>();
  const rowProblems: RowProblem[] = [];
  const shownScores = new Map<string, { cell: string; value: GridCell }>();
  const adjustHeader = findHeaderRows(sheet, ADJUST_COLUMNS, COL.findings)[0] ?? sheet.cells.length + 1;
  const inputCols = [COL.deduction, COL.findings, COL.participates, COL.reason];
  headers.slice(0, wantedParts.length).forEach((header, t) => {
    const part = wantedParts[t];
    // A table runs to the next table's header (or the adjustments table): rows a person inserted inside it, blank
    // or not, do not end it early.
    const end = Math.min(headers[t + 1] ?? Infinity, adjustHeader) - 1;
    for (let r = header + 1; r <= Math.min(end, sheet.cells.length); r++) {
      const row = sheet.cells[r - 1] ?? [];
      const label = text(row[COL.label - 1]);
      if (!/^\d+(\.\d+)?$/.test(label)) {
        // A banner, a blank or inserted row: only worth a word if someone typed entries into it. A deduction or a
        // participation there would change the score if it were meant for a line: the unit waits until it is moved.
        const typed = inputCols.filter((c) => text(row[c - 1]) !== "");
        if (typed.length > 0) {
          const scoring = typed.some((c) => c !== COL.findings);
          rowProblems.push({
            sheet: sheet.name,
            code: "sheet.rowWithoutLine",
            severity: scoring ? "error" : "warning",
            unit: unitName,
            cell: cellRef(r, typed[0]),
            row: r,
            message: scoring
              ? `工作表「${sheet.name}」第 ${r} 行没有序号，不属于任何考核项目，但填了扣分或是否参与打分（${cellRef(r, typed[0])}），未计入，该单位暂不评等次；请把录入移到对应考核项目的行，或删除该行`
              : `工作表「${sheet.name}」第 ${r} 行没有序号，该行的录入不属于任何考核项目，未计入`,
          });
        }
        continue;
      }
      const key = `${part}:${label}`;
      const line = expected.get(key);
      if (!line) {
        problems.push({
          sheet: sheet.name,
          code: "sheet.unknownLine",
          severity: "error",
          unit: unitName,
          cell: cellRef(r, COL.label),
          message: `工作表「${sheet.name}」第 ${r} 行的序号「${label}」不是本单位的考核项目`,
        });
        continue;
      }
      if (found.has(key)) {
        problems.push({
          sheet: sheet.name,
          code: "sheet.duplicateLine",
          severity: "error",
          unit: unitName,
          cell: cellRef(r, COL.label),
          message: `工作表「${sheet.name}」第 ${r} 行：序号「${label}」出现了两次`,
        });
        continue;
      }
      found.add(key);
      shownScores.set(key, { cell: cellRef(r, COL.score), value: row[COL.score - 1] ?? null });
      entries.lines[key] = {
        deduction: entryValue(row[COL.deduction - 1]),
        participates: entryValue(row[COL.participates - 1]),
        exemptionReason: entryValue(row[COL.reason - 1]),
        findings: entryValue(row[COL.findings - 1]),
      };
      const deduction = row[COL.deduction - 1];
      if (isTextAmount(deduction))
        problems.push(textAmount(sheet.name, unitName, cellRef(r, COL.deduction), `第${label}项扣分`, deduction));
      for (const [field, col] of [
        ["deduction", COL.deduction],
        ["participates", COL.participates],
        ["exemptionReason", COL.reason],
        ["findings", COL.findings],
      ] as const) {
        cells.set(entryCellKey(key, field), cellRef(r, col));
      }
    }
  });
  problems.push(
    ...grouped(rowProblems, (head, last, count) =>
      head.severity === "error"
        ? `工作表「${sheet.name}」第 ${head.row}–${last} 行有 ${count} 行没有序号，不属于任何考核项目，却填了扣分或是否参与打分（首个在 ${head.cell}），未计入，该单位暂不评等次；请把录入移到对应考核项目的行，或删除这些行`
        : `工作表「${sheet.name}」第 ${head.row}–${last} 行有 ${count} 行内容不属于任何考核项目（没有序号），未计入`,
    ),
  );
  const missing = [...expected.values()].filter((l) => !found.has(l.key));
  if (missing.length > 0 && headers.length > 0) {
    problems.push({
      sheet: sheet.name,
      code: "sheet.linesMissing",
      severity: "error",
      unit: unitName,
      message: `工作表「${sheet.name}」缺少考核项目 ${missing.map((l) => l.label).join("、")}（行被删除？）；${REPAIR_HINT}（这些项需重新录入）`,
    });
  }

  const shownTotals: ReadUnitSheet["shownTotals"] = {};
  const adjust = findHeaderRows(sheet, ADJUST_COLUMNS, COL.findings)[0];
  if (adjust === undefined) {
    problems.push({
      sheet: sheet.name,
      code: "sheet.adjustMissing",
      severity: "error",
      unit: unitName,
      message: `工作表「${sheet.name}」找不到加分、减分、一票否优表（表头：${ADJUST_COLUMNS.join("、")}）`,
    });
  } else {
    const labels = Object.values(TOTAL_LABELS) as string[];
    const adjustRows = new Map<string, number>();
    for (let r = adjust + 1; r <= sheet.cells.length; r++) {
      const row = sheet.cells[r - 1] ?? [];
      const label = text(row[COL.findings - 1]);
      const score = row[COL.findings];
      const note = row[COL.findings + 1];
      const at = (c: number) => cellRef(r, c);
      const isAdjust = label === ADJUST_ROWS.bonus || label === ADJUST_ROWS.penalty || label === ADJUST_ROWS.veto;
      if (isAdjust && adjustRows.has(label)) {
        // A second 加分 row typed in: which one counts is no guess to make silently.
        problems.push({
          sheet: sheet.name,
          code: "sheet.duplicateAdjust",
          severity: "error",
          unit: unitName,
          cell: at(COL.findings),
          message: `工作表「${sheet.name}」第 ${r} 行又有一行「${label}」（第 ${adjustRows.get(label)} 行已有），只能有一行：请把分数合并到第 ${adjustRows.get(label)} 行并删除第 ${r} 行`,
        });
        continue;
      }
      if (isAdjust) adjustRows.set(label, r);
      if ((label === ADJUST_ROWS.bonus || label === ADJUST_ROWS.penalty) && isTextAmount(score))
        problems.push(textAmount(sheet.name, unitName, at(COL.findings + 1), label, score));
      if (label === ADJUST_ROWS.bonus) {
        entries.bonus = entryValue(score);
        cells.set(entryCellKey(undefined, "bonus"), at(COL.findings + 1));
      } else if (label === ADJUST_ROWS.penalty) {
        entries.penalty = entryValue(score);
        cells.set(entryCellKey(undefined, "penalty"), at(COL.findings + 1));
      } else if (label === ADJUST_ROWS.veto) {
        entries.veto = entryValue(score);
        entries.vetoConditions = entryValue(note);
        cells.set(entryCellKey(undefined, "veto"), at(COL.findings + 1));
        cells.set(entryCellKey(undefined, "vetoConditions"), at(COL.findings + 2));
      } else if (label === COMPLETED_LABEL) {
        entries.completed = entryValue(score);
      } else if (labels.includes(label)) {
        const key = TOTAL_ORDER.find((k) => TOTAL_LABELS[k] === label)!;
        shownTotals[key] = { cell: at(COL.findings + 1), value: score ?? null };
      }
    }
  }
  return { sheet: sheet.name, meta, entries, cells, shownTotals, shownScores };
}

/**
 * An amount stored as text ("0.5" typed into a text cell, or written as a string by a program): the sheet's formulas
 * take only numbers, so the sheet shows 待更正 while the figure looks right. Said as what it is, with the cell.
 */
function textAmount(sheet: string, unit: string, cell: string, what: string, value: string): SheetProblem {
  return {
    sheet,
    code: "sheet.textAmount",
    severity: "error",
    unit,
    cell,
    message: `工作表「${sheet}」${cell}：${what}「${value}」是文本，请改为数字（选中该格，设为“常规”或“数值”后重新输入；表中公式不把文本当数字）`,
  };
}

function readAnnex(
  rubric: Rubric,
  sheet: GridSheet,
  which: "annex1" | "annex2",
  annex: Map<string, CountyAnnexEntries>,
  cells: Map<string, string>,
  problems: SheetProblem[],
) {
  const titles = which === "annex1" ? annex1Header(rubric) : annex2Header(rubric);
  const header = findHeaderRows(sheet, [...ANNEX_KEY_COLUMNS, ...titles], 1)[0];
  if (header === undefined) {
    problems.push({
      sheet: sheet.name,
      code: "sheet.annexHeader",
      severity: "error",
      message: `工作表「${sheet.name}」的表头被改动，无法读取${which === "annex1" ? "附件1" : "附件2"}`,
    });
    return;
  }
  for (let r = header + 1; r <= sheet.cells.length; r++) {
    const row = sheet.cells[r - 1] ?? [];
    const name = text(row[1]);
    if (name === "") break;
    const unit = rubric.findUnit(name);
    if (!unit || unit.kind !== "county") {
      problems.push({
        sheet: sheet.name,
        code: "annex.unknownCounty",
        severity: "error",
        cell: cellRef(r, 2),
        message: `工作表「${sheet.name}」第 ${r} 行的「${name}」不是县（市、区）`,
      });
      continue;
    }
    const entry = annex.get(unit.name) ?? { unit: unit.name, annex1: [], annex2: [] };
    annex.set(unit.name, entry);
    entry[which] = titles.map((_, i) => entryValue(row[2 + i]));
    titles.forEach((_, i) => cells.set(`${unit.name}|${which}#${i}`, cellRef(r, 3 + i)));
  }
}

/** Where an issue of the core points to in the workbook: sheet and cell, when known. */
export function issueLocation(read: ReadWorkbook, issue: Issue): { sheet?: string; cell?: string } {
  if (issue.field === "annex1" || issue.field === "annex2") {
    return {
      sheet: read.annexSheets[issue.field],
      cell: read.annexCells.get(`${issue.unit}|${issue.field}#${issue.index ?? 0}`),
    };
  }
  const sheet = read.units.find((u) => u.entries.unit === issue.unit);
  if (!sheet) return {};
  return { sheet: sheet.sheet, cell: sheet.cells.get(entryCellKey(issue.lineKey, issue.field)) };
}
