/**
 * The assessed units and every way of writing their names. A unit's canonical name is its id everywhere: in the
 * workbook's metadata, on the command line, in the summary.
 */
import type { RulesFile } from "./schema";

export type UnitKind = "county" | "member";
/** County, or the member unit's group in 附件4: 负有安全生产监管职责的单位 / 其他单位. */
export type UnitCategory = "county" | "supervisory" | "other";

export interface Unit {
  readonly name: string;
  readonly kind: UnitKind;
  readonly category: UnitCategory;
  readonly aliases: readonly string[];
  /** Position in the source's lists (counties first): the order of sheets and of the summary. */
  readonly order: number;
}

/** Spaces and full-width spaces never matter in a name. */
export function normalizeName(name: string): string {
  return name.replace(/[\s\u3000]+/g, "");
}

export class UnitRegistry {
  readonly all: readonly Unit[];
  readonly counties: readonly Unit[];
  readonly members: readonly Unit[];
  private readonly byName = new Map<string, Unit>();

  constructor(rules: Pick<RulesFile, "units">) {
    const all: Unit[] = [];
    const add = (category: UnitCategory, entries: RulesFile["units"]["counties"]) => {
      for (const entry of entries) {
        all.push({
          name: entry.name,
          kind: category === "county" ? "county" : "member",
          category,
          aliases: entry.aliases,
          order: all.length,
        });
      }
    };
    add("county", rules.units.counties);
    add("supervisory", rules.units.supervisory);
    add("other", rules.units.other);
    this.all = all;
    this.counties = all.filter((u) => u.kind === "county");
    this.members = all.filter((u) => u.kind === "member");
    for (const unit of all) {
      for (const name of [unit.name, ...unit.aliases]) {
        const key = normalizeName(name);
        const clash = this.byName.get(key);
        if (clash && clash !== unit) {
          throw new Error(`单位名称「${name}」同时指向「${clash.name}」和「${unit.name}」`);
        }
        this.byName.set(key, unit);
      }
    }
  }

  /** The unit a name or alias means, or undefined. */
  find(name: string): Unit | undefined {
    return this.byName.get(normalizeName(name));
  }
}
