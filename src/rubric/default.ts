/**
 * The embedded default: the 2022 Lüliang rules, kept as data in src/rubric/data/luliang-2022/ (one file per
 * attachment, so each can be checked against the source on its own) and assembled here into one rules file.
 */
import meta from "./data/luliang-2022/meta.json";
import county from "./data/luliang-2022/county.json";
import memberCommon from "./data/luliang-2022/member-common.json";
import memberIndividual from "./data/luliang-2022/member-individual.json";
import { rubricFromParsed } from "./load";
import type { Rubric } from "./model";
import type { RubricPart, RulesFile } from "./schema";

/** The default rules as one rules-file object (what `scorecard rules --dump` writes). */
export const defaultRulesJson: unknown = {
  ...meta,
  county,
  member: { common: memberCommon, individual: memberIndividual },
};

/**
 * The default rules as parseRules gives them: the data with the schema's two defaults filled in. The embedded data
 * are not checked again at each start (zod alone takes some 70 ms to load); test/cli/startup.test.ts checks
 * that this equals the schema's parse of them.
 */
function parsedDefault(): RulesFile {
  const rules = defaultRulesJson as RulesFile;
  const part = (p: RubricPart): RubricPart => ({
    ...p,
    sections: p.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, scoredBy: i.scoredBy ?? "assessors" })),
    })),
  });
  return {
    ...rules,
    knownMisprints: rules.knownMisprints ?? {},
    county: part(rules.county),
    member: { common: part(rules.member.common), individual: part(rules.member.individual) },
  };
}

let cached: Rubric | undefined;

export function defaultRubric(): Rubric {
  cached ??= rubricFromParsed(parsedDefault());
  return cached;
}
