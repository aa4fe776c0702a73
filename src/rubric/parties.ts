/**
 * Who scores what, as the rules say: the assessment teams (考核组) score a unit's lines on site, 市安委办 the lines
 * marked 市安委办负责打分 and its own 附件2 column, each department named over a 附件2 column scores that column for
 * every county, and the 两个行动专班 scores 附件1. Each party returns its part; totalling shows which parts are in.
 */
import type { Rubric, ScoringLine } from "./model";
import type { Unit } from "./units";

export const TEAM = "考核组";
export const SAFETY_OFFICE = "市安委办";
export const ANNEX1_TASK_FORCE = "两个行动专班";

/** One party's part of one unit's score: the lines and 附件 columns it fills. */
export interface PartyShare {
  /** The party's name: 考核组, 市安委办, 两个行动专班, or a department such as 市住建局. */
  readonly party: string;
  /** ScoringLine keys; the team's part also holds 加分, 减分 and 一票否优. */
  readonly lineKeys: ReadonlySet<string>;
  readonly adjustments: boolean;
  /** 0-based 附件1 / 附件2 columns. */
  readonly annex1: readonly number[];
  readonly annex2: readonly number[];
}

export const lineParty = (line: Pick<ScoringLine, "scoredBy">): string =>
  line.scoredBy === "safetyOffice" ? SAFETY_OFFICE : TEAM;

/** The parties of 附件2, in the order of their first column (a department may own several columns). */
export function annex2Parties(rubric: Rubric): { party: string; columns: number[] }[] {
  const out: { party: string; columns: number[] }[] = [];
  rubric.rules.annex2.columns.forEach((c, i) => {
    const found = out.find((p) => p.party === c.department);
    if (found) found.columns.push(i);
    else out.push({ party: c.department, columns: [i] });
  });
  return out;
}

/** The parts of a unit's score, one per party that has a share in it, in a stable order (team first). */
export function partsOf(rubric: Rubric, unit: Unit): PartyShare[] {
  const parts = new Map<string, { lineKeys: Set<string>; adjustments: boolean; annex1: number[]; annex2: number[] }>();
  const part = (party: string) => {
    let p = parts.get(party);
    if (!p) parts.set(party, (p = { lineKeys: new Set(), adjustments: false, annex1: [], annex2: [] }));
    return p;
  };
  part(TEAM).adjustments = true;
  for (const line of rubric.linesFor(unit)) part(lineParty(line)).lineKeys.add(line.key);
  if (unit.kind === "county") {
    part(ANNEX1_TASK_FORCE).annex1.push(...rubric.rules.annex1.items.map((_, i) => i));
    for (const { party, columns } of annex2Parties(rubric)) part(party).annex2.push(...columns);
  }
  return [...parts].map(([party, p]) => ({ party, ...p }));
}

/** Every party of these rules, in the order a progress table shows them. */
export function allParties(rubric: Rubric): string[] {
  const names = new Set<string>();
  for (const unit of rubric.registry.all) for (const p of partsOf(rubric, unit)) names.add(p.party);
  return [...names];
}
