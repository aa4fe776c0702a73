/** Ranking: counties and member units each by final score, ties sharing a rank; units with errors unranked. */
import type { Rubric } from "../rubric";
import type { UnitResult } from "./results";

/**
 * Ranks results by finalScore, best first; equal finals share a rank and the next rank skips (1, 1, 3). Units with
 * an error get rank null. Returns new objects sorted by rank, then by the units' order in the rules (units with
 * errors last).
 */
export function rankResults(rubric: Rubric, results: readonly UnitResult[]): UnitResult[] {
  const order = (r: UnitResult) => rubric.findUnit(r.unit)?.order ?? Number.MAX_SAFE_INTEGER;
  const rankable = (r: UnitResult) => r.errors.length === 0 && r.finalScore !== null;
  const ranked = results
    .filter(rankable)
    .sort((a, b) => (b.finalScore ?? 0) - (a.finalScore ?? 0) || order(a) - order(b) || a.unit.localeCompare(b.unit));
  const out: UnitResult[] = [];
  ranked.forEach((r, i) => {
    const rank = i > 0 && ranked[i - 1].finalScore === r.finalScore ? (out[i - 1].rank as number) : i + 1;
    out.push({ ...r, rank });
  });
  const unranked = results
    .filter((r) => !rankable(r))
    .sort((a, b) => order(a) - order(b) || a.unit.localeCompare(b.unit))
    .map((r) => ({ ...r, rank: null }));
  return [...out, ...unranked];
}
