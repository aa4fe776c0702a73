/** Each part's progress as a person reads it, the same in `scorecard total`'s table and in 汇总's 各方交回情况. */
import { allParties, type Rubric } from "../rubric";
import type { SummaryParts } from "../layout";
import { PART_STATUS_TEXT, type PartProgress, type UnitProgress } from "./progress";

/** Who signed the part off and when: "王敏 2026-11-30", "" when nobody did. */
export const signedBy = (p: PartProgress): string =>
  p.signoff ? [p.signoff.assessor, p.signoff.completedOn].filter(Boolean).join(" ") : "";

/**
 * 已完成（王敏 2026-11-30；a.xlsx）, 已交（a.xlsx）, 未交, 有冲突（a.xlsx、b.xlsx）, or — where the party has no share;
 * `files` false leaves the files out (汇总, where a column is narrow), putting the sign-off on a line of its own.
 */
export function partText(p: PartProgress | undefined, files: boolean): string {
  if (!p) return "—";
  const text = PART_STATUS_TEXT[p.status];
  const who = signedBy(p);
  if (!files) return who ? `${text}\n${who}` : text;
  const said = [who, p.files.join("、")].filter(Boolean).join("；");
  return said ? `${text}（${said}）` : text;
}

/** 汇总's 各方交回情况: every unit of the progress, every party of the rules. */
export function summaryPartsOf(rubric: Rubric, progress: readonly UnitProgress[]): SummaryParts {
  const parties = allParties(rubric);
  return {
    parties,
    rows: progress.map((u) => ({
      unit: u.unit,
      cells: parties.map((party) =>
        partText(
          u.parts.find((p) => p.party === party),
          false,
        ),
      ),
    })),
  };
}
