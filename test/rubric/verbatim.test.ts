/**
 * The sheets print the rules, and the printed paper must match the published document: every text of the rules
 * data must stand in the source document word for word (PDF line wrapping aside).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { luliang2022 } from "../support/rules";

const squeeze = (s: string) => s.replace(/\s+/g, "");
const source = squeeze(readFileSync(join(__dirname, "../../docs/source/luliang-2022-rules.txt"), "utf8"));

function textsOf(): [string, string][] {
  const { rules } = luliang2022;
  const out: [string, string][] = [];
  const parts = { county: rules.county, common: rules.member.common, individual: rules.member.individual };
  for (const [name, part] of Object.entries(parts)) {
    out.push([`${name} title`, part.title], ...part.notes.map((n, i): [string, string] => [`${name} note ${i}`, n]));
    if (part.bonus) out.push([`${name} bonus`, part.bonus.text]);
    if (part.penalty) out.push([`${name} penalty`, part.penalty.text]);
    for (const section of part.sections) {
      out.push([`${name} section`, section.title]);
      for (const item of section.items) {
        const at = `${name} ${item.no}`;
        out.push([`${at} text`, item.text], [`${at} rule`, item.scoringRule], [`${at} method`, item.method]);
        if (item.targets) out.push([`${at} targets`, item.targets]);
        for (const sub of item.subItems ?? []) {
          out.push([`${at}.${sub.no} text`, sub.text]);
          if (sub.targets) out.push([`${at}.${sub.no} targets`, sub.targets]);
          if (sub.scoringRule) out.push([`${at}.${sub.no} rule`, sub.scoringRule]);
          for (const p of sub.parts ?? [])
            out.push([`${at}.${sub.no} ${p.label}`, p.scoringRule], [`${at}.${sub.no} ${p.label} targets`, p.targets]);
        }
      }
    }
  }
  for (const c of rules.vetoConditions) out.push(["veto", c]);
  return out;
}

test.each(textsOf())("%s stands in the source verbatim", (_where, text) => {
  // A cell may join rules that the source prints in separate rows (county item 13): each line on its own.
  for (const line of text.split("\n").map(squeeze).filter(Boolean)) {
    expect(source.includes(line) ? "" : line).toBe("");
  }
});
