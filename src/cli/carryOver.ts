/**
 * `generate --force` over a workbook that holds entries: the entries of each unit the new workbook has go into its
 * new sheet (fillUnitSheet, as 导出本单位工作簿 does), and whatever else anyone typed — 附件1/附件2 scores, units the
 * new workbook leaves out, notes beside the tables, a number typed over a formula, 变更记录, sheets of their own — is
 * listed, so that the command refuses rather than lose it.
 *
 * What counts as typed: every value (not formula) of an old sheet that the sheet it is replaced by does not hold as
 * well, compared as a multiset so that rows someone moved still match. The sheet it is replaced by is the unit's new
 * sheet with its entries, or, for a sheet with no place in the new workbook, the sheet as generated blank; the
 * summary is left out, being made anew from the entries.
 */
import type { Rubric } from "../rubric";
import { isEmptyCell, type UnitEntries } from "../scoring";
import {
  buildWorkbookPlan,
  cellRef,
  fillUnitSheet,
  planToGrid,
  readMeta,
  readWorkbook,
  type GridCell,
  type GridSheet,
  type SheetPlan,
  type WorkbookPlan,
} from "../layout";

export interface CarriedOver {
  /** The new plan, with the carried entries in their cells. */
  plan: WorkbookPlan;
  /** Units with entries, which went into the new workbook. */
  carried: string[];
  /** What would be lost, by sheet: the first cell and how many values. */
  lost: { sheet: string; cell: string; count: number }[];
}

const literalKey = (cell: GridCell | undefined): string | undefined => {
  if (cell === null || cell === undefined || typeof cell === "object") return undefined;
  if (typeof cell === "string" && cell.trim() === "") return undefined;
  return `${typeof cell}:${String(cell).trim()}`;
};

/** Values of `old` that `replacement` does not hold: the first one's cell and how many. */
function leftOver(old: GridSheet, replacement: GridSheet | undefined) {
  const held = new Map<string, number>();
  for (const row of replacement?.cells ?? [])
    for (const cell of row) {
      const key = literalKey(cell);
      if (key !== undefined) held.set(key, (held.get(key) ?? 0) + 1);
    }
  let first: string | undefined;
  let count = 0;
  old.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const key = literalKey(cell);
      if (key === undefined) return;
      const left = held.get(key) ?? 0;
      if (left > 0) {
        held.set(key, left - 1);
        return;
      }
      first ??= cellRef(r + 1, c + 1);
      count++;
    }),
  );
  return first === undefined ? undefined : { sheet: old.name, cell: first, count };
}

export function carryOver(rubric: Rubric, plan: WorkbookPlan, oldSheets: readonly GridSheet[]): CarriedOver {
  const read = readWorkbook(rubric, oldSheets);
  const gridOf = new Map(oldSheets.map((s) => [s.name, s]));
  const carried: string[] = [];
  const sheets: SheetPlan[] = plan.sheets.map((sheet) => {
    const from = sheet.meta.role === "unit" ? read.units.find((u) => u.entries.unit === sheet.meta.unit) : undefined;
    if (!from) return sheet;
    if (typedAnything(from.entries)) carried.push(from.entries.unit);
    return fillUnitSheet(rubric, sheet, from, gridOf.get(from.sheet)!);
  });
  const newGrid = (role: string, unit: string | undefined) => {
    const sheet = sheets.find((s) => s.meta.role === role && s.meta.unit === unit);
    return sheet ? planToGrid(sheet) : undefined;
  };
  const lost: CarriedOver["lost"] = [];
  for (const old of oldSheets) {
    const meta = readMeta(old.cells[0]);
    // A summary is made anew; the carried rules are the program's own copy, nothing a person typed.
    if (meta?.role === "summary" || meta?.role === "rules") continue;
    let replacement: GridSheet | undefined;
    // A sheet of other rules has no counterpart: all it holds would go.
    if (meta && meta.rulesId === rubric.id && meta.rulesVersion === rubric.version) {
      const from = read.units.find(
        (u) => u.sheet === old.name && sheets.some((s) => s.meta.role === "unit" && s.meta.unit === u.entries.unit),
      );
      if (from) replacement = newGrid("unit", from.entries.unit);
      else if (meta.role === "annex1" || meta.role === "annex2")
        replacement = newGrid(meta.role, undefined) ?? blankAnnex(rubric, meta.role);
      else if (meta.role === "unit" && meta.unit) replacement = blankUnit(rubric, meta.unit);
    }
    const left = leftOver(old, replacement);
    if (left) lost.push(left);
  }
  return { plan: { ...plan, sheets }, carried, lost };
}

/** Whether anything differs from a sheet as generated (是 for 是否参与打分, 否 for 一票否优, the rest empty). */
function typedAnything(entries: UnitEntries): boolean {
  const lines = Object.values(entries.lines).some(
    (l) =>
      !isEmptyCell(l.deduction) ||
      !isEmptyCell(l.exemptionReason) ||
      !isEmptyCell(l.findings) ||
      !(isEmptyCell(l.participates) || l.participates === "是"),
  );
  return (
    lines ||
    !isEmptyCell(entries.bonus) ||
    !isEmptyCell(entries.penalty) ||
    !isEmptyCell(entries.vetoConditions) ||
    !(isEmptyCell(entries.veto) || entries.veto === "否")
  );
}

/** The sheet of `unit` as generated, with nothing typed. */
function blankUnit(rubric: Rubric, unit: string): GridSheet | undefined {
  const u = rubric.findUnit(unit);
  const sheet = u && buildWorkbookPlan(rubric, [u]).plan.sheets.find((s) => s.meta.role === "unit");
  return sheet ? planToGrid(sheet) : undefined;
}

function blankAnnex(rubric: Rubric, role: "annex1" | "annex2"): GridSheet | undefined {
  const sheet = buildWorkbookPlan(rubric, rubric.registry.counties).plan.sheets.find((s) => s.meta.role === role);
  return sheet ? planToGrid(sheet) : undefined;
}
