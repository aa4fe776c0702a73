/**
 * The embedded default: the 2022 Lüliang rules, kept as data in src/rubric/data/luliang-2022/ (one file per
 * attachment, so each can be checked against the source on its own) and assembled here into one rules file.
 */
import meta from "./data/luliang-2022/meta.json";
import county from "./data/luliang-2022/county.json";
import memberCommon from "./data/luliang-2022/member-common.json";
import memberIndividual from "./data/luliang-2022/member-individual.json";
import { loadRubric } from "./load";
import type { Rubric } from "./model";

/** The default rules as one rules-file object (what `scorecard rules --dump` writes). */
export const defaultRulesJson: unknown = {
  ...meta,
  county,
  member: { common: memberCommon, individual: memberIndividual },
};

let cached: Rubric | undefined;

export function defaultRubric(): Rubric {
  cached ??= loadRubric(defaultRulesJson);
  return cached;
}
