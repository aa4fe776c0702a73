/**
 * The inverse of the plan: the cells of a workbook → entries for the scoring core. Tables are found by their header
 * rows, not by fixed addresses, so rows a person inserted or sorted still read right; every entry remembers its cell
 * so that an issue can point at it. Formula results are never trusted: only entries are read, and the core
 * recomputes every figure.
 */
import type { Rubric } from "../rubric";
import type { CountyAnnexEntries, Issue } from "../scoring";
import type { GridCell, GridSheet } from "./grid";
import { addressesInFile, upgradeSheet, WORKBOOK_FORMATS, type WorkbookFormats } from "./formatVersion";
import { readMeta } from "./meta";
import { readAnnex } from "./readAnnex";
import { entryCellKey } from "./readCells";
import { readAnnexSignoffs } from "./readSignoffs";
import { readUnitSheet } from "./readUnitSheet";
import { lostMarker, unitMismatch } from "./sheetChecks";
import type { PartSignoff, ReadUnitSheet, SheetProblem } from "./readTypes";
import { workbookRules, type EmbeddedRules } from "../rulesbook/embed";

// The grid types moved to grid.ts; named here too for code that still imports them from the reader.
export type { GridCell, GridSheet };
export type { PartSignoff, ReadUnitSheet, SheetProblem };
export { entryCellKey, entryValue } from "./readCells";

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
  /** The party the workbook was made for (F1 of its sheets' marker rows), undefined for a workbook for everyone. */
  readonly party?: string;
  /** Each part's 考核人员 and completion mark as found in the sheets. */
  readonly signoffs: PartSignoff[];
  /** The rules the workbook carries (src/rulesbook/embed.ts), checked against the rules in use by totalling. */
  readonly carriedRules?: EmbeddedRules;
}

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
    signoffs: [],
    carriedRules: workbookRules(sheets),
  };
  const seen = new Map<string, string>();
  const annex = new Map<string, CountyAnnexEntries>();
  for (const asFound of sheets) {
    const meta = readMeta(asFound.cells[0]);
    // The carried rules are no score sheet (src/rulesbook/embed.ts reads them), nor is 变更记录 (whatever rules
    // it was made under).
    if (meta?.role === "rules" || meta?.role === "changeLog") continue;
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
      const signoffs = read.signoffs.map((s) => signoffInFile(s, upgraded.cellInFile));
      out.units.push(
        upgraded.from === formats.current ? read : { ...addressesInFile(read, upgraded.cellInFile), signoffs },
      );
      out.signoffs.push(...signoffs);
      out.problems.push(...problems.map((p) => (p.cell ? { ...p, cell: upgraded.cellInFile(p.cell) } : p)));
    } else if (meta.role === "annex1" || meta.role === "annex2") {
      out.annexSheets[meta.role] = sheet.name;
      const problems: SheetProblem[] = [];
      const cells = new Map<string, string>();
      const header = readAnnex(rubric, sheet, meta.role, annex, cells, problems);
      if (header !== undefined) {
        const found = readAnnexSignoffs(rubric, sheet, meta.role, header + 1);
        out.signoffs.push(...found.map((s) => signoffInFile(s, upgraded.cellInFile)));
      }
      for (const [key, cell] of cells) (out.annexCells as Map<string, string>).set(key, upgraded.cellInFile(cell));
      out.problems.push(...problems.map((p) => (p.cell ? { ...p, cell: upgraded.cellInFile(p.cell) } : p)));
    }
  }
  out.annexes.push(...annex.values());
  // A workbook is one party's when all its score sheets say so; sheets of several parties, or a party's sheets
  // brought into a workbook for everyone (导入回收的工作簿), make a workbook for everyone (each cell's owner is still
  // known from the rules).
  const scoreSheets = sheets
    .map((s) => readMeta(s.cells[0]))
    .filter((m) => m?.role === "unit" || m?.role === "annex1" || m?.role === "annex2");
  const parties = new Set(scoreSheets.map((m) => m!.party));
  const [only] = parties;
  return parties.size === 1 && only !== undefined ? { ...out, party: only } : out;
}

/** A sign-off read from an upgraded grid, with its cells as they are in the file. */
function signoffInFile(s: PartSignoff, cellInFile: (address: string) => string): PartSignoff {
  const moved = (a: string | undefined) => (a === undefined ? undefined : cellInFile(a));
  return {
    ...s,
    cells: {
      assessor: moved(s.cells.assessor),
      completed: moved(s.cells.completed),
      completedOn: moved(s.cells.completedOn),
    },
  };
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
