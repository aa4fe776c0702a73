/** The nearest unit names for one the rules do not know: `--units 应急局` → 市应急局. */
import { distance } from "fastest-levenshtein";
import type { Rubric } from "../rubric";

/**
 * Up to three units for `word`: those whose name or short name contains it or is contained in it (应急局 ⊂ 市应急局,
 * 石楼县城 ⊃ 石楼), else those within a third of the word's length in edits (市交通运输局 → 市交通局).
 */
export function nearestUnits(rubric: Rubric, word: string): string[] {
  const units = rubric.registry.all;
  const names = (u: (typeof units)[number]) => [u.name, ...u.aliases];
  const containing = units.filter((u) => names(u).some((n) => n.includes(word) || (n.length >= 2 && word.includes(n))));
  if (containing.length > 0) return containing.slice(0, 3).map((u) => u.name);
  const limit = Math.max(1, Math.ceil(word.length / 3));
  return units
    .map((u) => ({ name: u.name, d: Math.min(...names(u).map((n) => distance(word, n))) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.name);
}

export function unknownUnitMessage(rubric: Rubric, unknown: readonly string[]): string {
  const each = unknown.map((word) => {
    const near = nearestUnits(rubric, word);
    return near.length > 0 ? `「${word}」（是不是 ${near.join("、")}？）` : `「${word}」`;
  });
  return `不认识的单位：${each.join("、")}。可用 all、counties、members，或单位名称（如 交城、市交通运输局），用逗号分隔；scorecard rules 列出全部单位。`;
}
