/**
 * What assessors type, as read from a sheet: one record per assessed unit, and the two per-county annex tables.
 * Values are cells as read (number, text, boolean or empty); nothing here is validated: src/scoring/parse.ts reads
 * them and the scoring modules (line.ts, adjustments.ts, annex.ts) report what cannot be scored.
 */

/** A cell as read (dates arrive as numbers or strings). `undefined` is accepted wherever a cell is, and means empty. */
export type CellValue = number | string | boolean | null;

/** One scoring line of one unit's sheet. A missing entry (or missing field) is an empty cell. */
export interface LineEntry {
  /** 扣分, as typed. Empty = 0. */
  deduction?: CellValue;
  /** 是否参与打分: "是" | "否" | empty (= 是). */
  participates?: CellValue;
  /** 不参与说明 (the written explanation that takes the line out of the denominator). */
  exemptionReason?: CellValue;
  /** 存在的问题: free text, carried through to the result, never checked. */
  findings?: CellValue;
}

export interface UnitEntries {
  /** Canonical unit name (Unit.name); an alias is accepted and resolved. */
  unit: string;
  /** By ScoringLine.key ("county:13.3", "common:11", "individual:69"); keys that are not the unit's lines are ignored. */
  lines: Record<string, LineEntry>;
  /** 加分 (total of the unit's bonus points, before the cap). */
  bonus?: CellValue;
  /** 减分 (no cap). */
  penalty?: CellValue;
  /** 一票否优: "是" | "否" | empty (= 否). */
  veto?: CellValue;
  /** Which of the rules' conditions, as typed: "（一）（三）", "1,3", "一、三" … */
  vetoConditions?: CellValue;
}

/** 附件1 (4 scores) and 附件2 (5 scores) of one county, in the order of the rules file. */
export interface CountyAnnexEntries {
  unit: string;
  annex1: CellValue[];
  annex2: CellValue[];
}

/** Empty cells: null, undefined, "" and whitespace only (full-width spaces included). */
export function isEmptyCell(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A cell as text for messages: trimmed text, numbers as JavaScript prints them, booleans as TRUE/FALSE. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return value.trim();
}
