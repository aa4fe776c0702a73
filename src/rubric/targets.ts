/**
 * 考核对象: which units a line concerns. The source writes targets as prose ("县级政府（除石楼县）",
 * "交城、文水、汾阳、孝义", "市应急局（防震减灾中心）、民政局、气象局、自然资源局等部门"); this turns a phrase into a
 * set of units, or says which names it does not know.
 */
import type { RulesFile, TargetGroup } from "./schema";
import { normalizeName, type Unit, type UnitRegistry } from "./units";

export interface ResolvedTargets {
  readonly units: ReadonlySet<string>;
  /** Applies by default but may not concern a unit (it then marks the line 不参与 with a reason). */
  readonly conditional: boolean;
  /** Names that are neither a unit nor a group: an error in the rules. */
  readonly unknown: readonly string[];
}

const EXCEPT = /^(.+?)（除(.+?)）$/;

/** Trailing punctuation and "等部门" carry no meaning for applicability. */
function trimPhrase(phrase: string): string {
  return normalizeName(phrase)
    .replace(/[。、，,；;]+$/, "")
    .replace(/等(部门|单位)?$/, "");
}

export class TargetResolver {
  private readonly groups = new Map<string, TargetGroup>();

  constructor(
    private readonly registry: UnitRegistry,
    rules: Pick<RulesFile, "targetGroups">,
  ) {
    for (const [phrase, group] of Object.entries(rules.targetGroups)) this.groups.set(trimPhrase(phrase), group);
  }

  resolve(phrase: string): ResolvedTargets {
    const units = new Set<string>();
    const unknown: string[] = [];
    let conditional = false;
    const text = trimPhrase(phrase);
    const except = EXCEPT.exec(text);
    if (except) {
      const base = this.resolve(except[1]);
      const removed = this.resolve(except[2]);
      for (const u of base.units) if (!removed.units.has(u)) units.add(u);
      return { units, conditional: base.conditional, unknown: [...base.unknown, ...removed.unknown] };
    }
    // A whole phrase may be a group even if it contains "、" (县级党委、政府).
    const pieces = this.groups.has(text)
      ? [text]
      : text
          .split("、")
          .map(trimPhrase)
          .filter((p) => p.length > 0);
    for (const piece of pieces) {
      const group = this.groups.get(piece);
      if (group) {
        if (group === "conditionalCounties") conditional = true;
        for (const u of this.groupUnits(group)) units.add(u.name);
        continue;
      }
      const unit = this.registry.find(piece);
      if (unit) units.add(unit.name);
      else unknown.push(piece);
    }
    return { units, conditional, unknown };
  }

  private groupUnits(group: TargetGroup): readonly Unit[] {
    switch (group) {
      case "allCounties":
      case "conditionalCounties":
        return this.registry.counties;
      case "allMembers":
        return this.registry.members;
      case "allSupervisory":
        return this.registry.members.filter((u) => u.category === "supervisory");
    }
  }
}
