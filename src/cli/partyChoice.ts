/**
 * `--party` and `--units` of the generate commands, turned into a party's choice (layout/partyBook.ts) or refused
 * with a zh-CN message: an unknown party with the closest names, a unit the rules do not know with the closest
 * names, a unit outside the party's share with what the party does score.
 */
import { distance } from "fastest-levenshtein";
import { chooseUnits, findParty, partyChoiceProblem, shareOf, unitsOfParty, type PartyChoice } from "../layout";
import type { Rubric } from "../rubric";
import { allParties } from "../rubric/parties";
import { CliError } from "./rulesSource";
import { nearestUnits, unknownUnitMessage } from "./suggest";

/** Up to three parties close to `word`: containing it or contained in it, else within a third of its length. */
export function nearestParties(rubric: Rubric, word: string): string[] {
  const parties = allParties(rubric);
  const containing = parties.filter((p) => p.includes(word) || (p.length >= 2 && word.includes(p)));
  if (containing.length > 0) return containing.slice(0, 3);
  const limit = Math.max(1, Math.ceil(word.length / 3));
  return parties
    .map((p) => ({ p, d: distance(word, p) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.p);
}

/** What a party scores, in a few words: "13 个县（市、区）" or "2 个县（市、区）、44 个成员单位". */
function shareWords(rubric: Rubric, party: string): string {
  const units = unitsOfParty(rubric, party);
  const counties = units.filter((u) => u.kind === "county").length;
  const members = units.length - counties;
  return [counties > 0 ? `${counties} 个县（市、区）` : "", members > 0 ? `${members} 个成员单位` : ""]
    .filter(Boolean)
    .join("、");
}

export function choosePartyUnits(rubric: Rubric, partyWord: string, unitsWord: string | undefined): PartyChoice {
  const party = findParty(rubric, partyWord);
  if (!party) {
    const near = nearestParties(rubric, partyWord.trim());
    throw new CliError(
      `不认识的打分单位「${partyWord}」${near.length > 0 ? `（是不是 ${near.join("、")}？）` : ""}。可用：${allParties(rubric).join("、")}。`,
      2,
    );
  }
  if (unitsWord === undefined) return { party };
  const { units, unknown } = chooseUnits(rubric, unitsWord);
  if (unknown.length > 0) throw new CliError(unknownUnitMessage(rubric, unknown), 2);
  if (units.length === 0)
    throw new CliError("没有选择任何单位：--units 后请写单位名称，或 all、counties、members。", 2);
  // "all", "counties", "members" mean those of the party's share; a unit named outside it is refused.
  const named = unitsWord.split(/[,，、;；\s]+/).some((w) => !["all", "counties", "members"].includes(w));
  const chosen = named ? units : units.filter((u) => shareOf(rubric, u, party));
  const outside = chosen.filter((u) => !shareOf(rubric, u, party));
  if (outside.length > 0) {
    const near = outside.flatMap((u) =>
      nearestUnits(rubric, u.name).filter((n) => shareOf(rubric, rubric.findUnit(n)!, party)),
    );
    throw new CliError(
      `${outside.map((u) => `「${u.name}」`).join("、")}不在「${party}」的打分范围内（${party}为 ${shareWords(rubric, party)}打分）${near.length > 0 ? `；是不是 ${[...new Set(near)].join("、")}？` : ""}。去掉 --units 即生成${party}的全部打分表。`,
      2,
    );
  }
  const choice = { party, units: chosen };
  const problem = partyChoiceProblem(rubric, choice);
  if (problem) throw new CliError(`${problem}。`, 2);
  return choice;
}
