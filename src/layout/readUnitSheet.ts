/**
 * A unit's score sheet → its entries: each scoring table found by its header row (rows a person inserted or sorted
 * still read right), the 加分/减分/一票否优 block by its labels, every entry with its cell so an issue can point at it,
 * and the totals its formulas show for the tamper check.
 */
import type { Rubric } from "../rubric";
import type { UnitEntries } from "../scoring";
import { cellRef } from "./a1";
import { ADJUST_COLUMNS, ADJUST_ROWS, COL, COMPLETED_LABEL, LINE_COLUMNS, TOTAL_LABELS, TOTAL_ORDER } from "./columns";
import type { GridCell, GridSheet } from "./grid";
import { REPAIR_HINT } from "./messages";
import type { SheetMeta } from "./plan";
import { cellTextOf, entryCellKey, entryValue } from "./readCells";
import type { ReadUnitSheet, SheetProblem } from "./readTypes";
import { readUnitSignoffs, signoffCellKey } from "./readSignoffs";
import { findHeaderRows, grouped, type RowProblem } from "./sheetChecks";
import { isTextAmount } from "./stale";

/** Each line's entry fields and their columns (once, not an array literal for every line of 57 sheets). */
const ENTRY_COLUMNS = [
  ["deduction", COL.deduction],
  ["participates", COL.participates],
  ["exemptionReason", COL.reason],
  ["findings", COL.findings],
] as const;

export function readUnitSheet(
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
  const adjust = findHeaderRows(sheet, ADJUST_COLUMNS, COL.findings)[0];
  const adjustHeader = adjust ?? sheet.cells.length + 1;
  const inputCols = [COL.deduction, COL.findings, COL.participates, COL.reason];
  headers.slice(0, wantedParts.length).forEach((header, t) => {
    const part = wantedParts[t];
    // A table runs to the next table's header (or the adjustments table): rows a person inserted inside it, blank
    // or not, do not end it early.
    const end = Math.min(headers[t + 1] ?? Infinity, adjustHeader) - 1;
    for (let r = header + 1; r <= Math.min(end, sheet.cells.length); r++) {
      const row = sheet.cells[r - 1] ?? [];
      const label = cellTextOf(row[COL.label - 1]);
      if (!/^\d+(\.\d+)?$/.test(label)) {
        // A banner, a blank or inserted row: only worth a word if someone typed entries into it. A deduction or a
        // participation there would change the score if it were meant for a line: the unit waits until it is moved.
        const typed = inputCols.filter((c) => cellTextOf(row[c - 1]) !== "");
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
      for (let i = 0; i < ENTRY_COLUMNS.length; i++)
        cells.set(entryCellKey(key, ENTRY_COLUMNS[i][0]), cellRef(r, ENTRY_COLUMNS[i][1]));
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
      const label = cellTextOf(row[COL.findings - 1]);
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
  const signoffs = readUnitSignoffs(rubric, sheet, unitName);
  for (const s of signoffs)
    for (const field of ["assessor", "completed", "completedOn"] as const) {
      const cell = s.cells[field];
      if (cell) cells.set(signoffCellKey(s.party, field), cell);
    }
  return { sheet: sheet.name, meta, entries, cells, shownTotals, shownScores, signoffs };
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
