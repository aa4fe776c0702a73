/**
 * The rules, resolved: every scoring line with the units it concerns and its points for each of them.
 *
 * A scoring line is an item, or a sub-item that carries its own points. A line's points may be split between
 * target groups (county item 13(3): 0.7 for 交城县 and 孝义市, 0.3 for every county with a chemical park): a unit's
 * points on the line are the sum of the portions that concern it.
 */
import { toHundredths, type Hundredths } from "./hundredths";
import type { Item, RubricPart, RulesFile } from "./schema";
import { TargetResolver } from "./targets";
import { UnitRegistry, type Unit, type UnitKind } from "./units";

/** The parts of the rules: 附件3 for counties; 附件4 common (共性) and individual (单独) for member units. */
export type PartKey = "county" | "common" | "individual";

export const PARTS_OF_KIND: Record<UnitKind, readonly PartKey[]> = {
  county: ["county"],
  member: ["common", "individual"],
};

export interface Portion {
  readonly points: Hundredths;
  readonly targetsText: string;
  readonly units: ReadonlySet<string>;
  readonly conditional: boolean;
}

export interface RubricLine {
  /** Unique across the rules: "county:13.3", "common:11", "individual:69". */
  readonly key: string;
  readonly part: PartKey;
  /** 序号 as printed on the sheet: "1" … "37", or "13.1", "29.4" for a sub-item. */
  readonly label: string;
  readonly itemNo: number;
  readonly subNo?: string;
  readonly sectionTitle: string;
  /** The item's 考核细则. */
  readonly itemText: string;
  /** The line's own wording: the sub-item's text, or the item's. */
  readonly text: string;
  readonly scoringRule: string;
  readonly method: string;
  readonly targetsText: string;
  readonly scoredBy: "assessors" | "safetyOffice";
  readonly portions: readonly Portion[];
}

/** A line as it concerns one unit. */
export interface ScoringLine extends Omit<RubricLine, "portions"> {
  readonly maxPoints: Hundredths;
  /** The unit is concerned only by default (a conditional target): it may mark the line 不参与 with a reason. */
  readonly conditional: boolean;
}

export interface Grade {
  readonly grade: string;
  readonly min: Hundredths;
}

/** A problem found while resolving the rules (an unknown target name). */
export interface RubricProblem {
  readonly where: string;
  readonly message: string;
  /** The field in the rules file ("county", "sections", 0, "items", 3, "targets"). */
  readonly path: readonly (string | number)[];
}

/** Where each part sits in the rules file. */
export const PART_PATHS: Readonly<Record<PartKey, readonly string[]>> = {
  county: ["county"],
  common: ["member", "common"],
  individual: ["member", "individual"],
};

const NO_LINES: readonly ScoringLine[] = [];

export class Rubric {
  readonly registry: UnitRegistry;
  readonly lines: Readonly<Record<PartKey, readonly RubricLine[]>>;
  readonly grades: readonly Grade[];
  readonly problems: readonly RubricProblem[];
  private readonly byKind: Partial<Record<UnitKind, ReadonlyMap<string, readonly ScoringLine[]>>> = {};

  constructor(readonly rules: RulesFile) {
    this.registry = new UnitRegistry(rules);
    const resolver = new TargetResolver(this.registry, rules);
    const problems: RubricProblem[] = [];
    const build = (part: PartKey, rubric: RubricPart) => buildLines(part, rubric, resolver, problems);
    this.lines = {
      county: build("county", rules.county),
      common: build("common", rules.member.common),
      individual: build("individual", rules.member.individual),
    };
    this.grades = rules.grades.map((g) => ({ grade: g.grade, min: toHundredths(g.min) }));
    this.problems = problems;
  }

  get id(): string {
    return this.rules.id;
  }
  get version(): string {
    return this.rules.version;
  }

  /** The unit a name or alias means ("交城", "市交通运输局" …), or undefined. */
  findUnit(name: string): Unit | undefined {
    return this.registry.find(name);
  }

  /** The lines that concern a unit, in the order of the rules, with the unit's points on each. */
  linesFor(unit: Unit): readonly ScoringLine[] {
    const byUnit = (this.byKind[unit.kind] ??= this.linesByUnit(unit.kind));
    return byUnit.get(unit.name) ?? NO_LINES;
  }

  /**
   * Every unit's lines of one kind, in one pass over the lines: a total asks for all 57 units, and asking the
   * lines one unit at a time went over every line once per unit.
   */
  private linesByUnit(kind: UnitKind): Map<string, ScoringLine[]> {
    const out = new Map<string, ScoringLine[]>();
    for (const part of PARTS_OF_KIND[kind])
      for (const line of this.lines[part]) {
        // The unit's portions of the line, summed: a unit may be named by more than one.
        const mine = new Map<string, { points: Hundredths; conditional: boolean }>();
        for (const p of line.portions)
          for (const name of p.units) {
            const m = mine.get(name);
            if (m) {
              m.points += p.points;
              m.conditional ||= p.conditional;
            } else mine.set(name, { points: p.points, conditional: p.conditional });
          }
        if (mine.size === 0) continue;
        const { portions: _portions, ...rest } = line;
        // Units with the same points on a line share its (read-only) ScoringLine: mostly one or two per line.
        const shared = new Map<string, ScoringLine>();
        for (const [name, m] of mine) {
          const key = `${m.points}|${m.conditional}`;
          let scoring = shared.get(key);
          if (!scoring) shared.set(key, (scoring = { ...rest, maxPoints: m.points, conditional: m.conditional }));
          const lines = out.get(name) ?? [];
          lines.push(scoring);
          out.set(name, lines);
        }
      }
    return out;
  }

  /** The points of all lines that concern the unit (before any 不参与). */
  applicableTotal(unit: Unit): Hundredths {
    return this.linesFor(unit).reduce((sum, line) => sum + line.maxPoints, 0);
  }

  /** The bonus and penalty rules of a unit's kind (member units: those of the common part). */
  adjustments(kind: UnitKind): { bonus?: RubricPart["bonus"]; penalty?: RubricPart["penalty"] } {
    const part = kind === "county" ? this.rules.county : this.rules.member.common;
    return { bonus: part.bonus, penalty: part.penalty };
  }

  /** Largest bonus that counts for a unit of this kind (5 in the 2022 rules); null for no cap. */
  bonusCap(kind: UnitKind): Hundredths | null {
    const cap = this.adjustments(kind).bonus?.cap;
    return cap === undefined || cap === null ? null : toHundredths(cap);
  }

  /** The grade of a final score (before the veto). */
  gradeOf(finalScore: Hundredths): string {
    for (const g of this.grades) if (finalScore >= g.min) return g.grade;
    return this.grades[this.grades.length - 1].grade;
  }
}

function buildLines(part: PartKey, rubric: RubricPart, resolver: TargetResolver, problems: RubricProblem[]) {
  const lines: RubricLine[] = [];
  const resolve = (phrase: string, where: string, path: readonly (string | number)[]) => {
    const resolved = resolver.resolve(phrase);
    for (const name of resolved.unknown) {
      problems.push({ where, path, message: `考核对象中的「${name}」不是已知的单位或单位类别（${phrase}）` });
    }
    return resolved;
  };
  rubric.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const itemPath = [...PART_PATHS[part], "sections", s, "items", i];
      // An item without targets of its own takes the part's: a wrong name is there.
      const itemTargetsPath = item.targets ? [...itemPath, "targets"] : [...PART_PATHS[part], "defaultTargets"];
      const itemTargets = item.targets ?? rubric.defaultTargets ?? "";
      const where = `${part} 第${item.no}项`;
      if (!item.targets && !rubric.defaultTargets) {
        problems.push({ where, path: [...itemPath, "targets"], message: "没有考核对象" });
      }
      const base = lineBase(part, section.title, item);
      if (!item.subItems || item.subItems.length === 0) {
        const t = resolve(itemTargets, where, itemTargetsPath);
        lines.push({
          ...base,
          key: `${part}:${item.no}`,
          label: String(item.no),
          text: item.text,
          scoringRule: item.scoringRule,
          targetsText: itemTargets,
          portions: [
            { points: toHundredths(item.points), targetsText: itemTargets, units: t.units, conditional: t.conditional },
          ],
        });
        return;
      }
      item.subItems.forEach((sub, j) => {
        const label = `${item.no}.${sub.no}`;
        const subWhere = `${part} 第${label}项`;
        const subPath = [...itemPath, "subItems", j];
        const subTargets = sub.targets ?? itemTargets;
        const portions = (sub.parts ?? [{ points: sub.points, targets: subTargets }]).map((p, k) => {
          const path = sub.parts
            ? [...subPath, "parts", k, "targets"]
            : sub.targets
              ? [...subPath, "targets"]
              : itemTargetsPath;
          const t = resolve(p.targets, subWhere, path);
          return { points: toHundredths(p.points), targetsText: p.targets, units: t.units, conditional: t.conditional };
        });
        lines.push({
          ...base,
          key: `${part}:${label}`,
          label,
          subNo: sub.no,
          text: sub.text,
          scoringRule:
            sub.scoringRule ?? (sub.parts ? sub.parts.map((p) => p.scoringRule).join("\n") : item.scoringRule),
          targetsText: sub.parts ? sub.parts.map((p) => p.targets).join("；") : subTargets,
          portions,
        });
      });
    });
  });
  return lines;
}

function lineBase(part: PartKey, sectionTitle: string, item: Item) {
  return {
    part,
    itemNo: item.no,
    sectionTitle,
    itemText: item.text,
    method: item.method,
    scoredBy: item.scoredBy,
  };
}
