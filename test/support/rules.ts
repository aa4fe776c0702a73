/**
 * The rules the tests score by, named for what they are. Most tests pin figures of the 2022 Lüliang rules (its 57
 * units, its points, its five 一票否优 conditions); they take the rules from here rather than from the program's
 * built-in default, so that a test says which rules its figures belong to, and a new year's rules become the
 * default without silently changing what these tests mean.
 */
import { defaultRubric, defaultRulesJson, type Rubric } from "../../src/rubric";

/** The 2022 rules of 吕梁市 (docs/source/luliang-2022-rules.txt), as a rubric. */
export const luliang2022: Rubric = defaultRubric();

/** The same rules as a rules file (JSON), for tests that change or write them. */
export const luliang2022Json: unknown = defaultRulesJson;

/** A fresh, deep copy of the 2022 rules file, free to be broken by a test. */
export const luliang2022Copy = (): any => JSON.parse(JSON.stringify(defaultRulesJson));
