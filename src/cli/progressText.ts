/** The progress of the parties' parts as `scorecard total` prints it: a line per party, or the whole table. */
import { allParties, type Rubric } from "../rubric";
import { partText, type UnitProgress } from "../totalling";

/** One line per party: how many units' parts are in, and which are missing or in conflict. */
export function progressSummary(rubric: Rubric, progress: readonly UnitProgress[]): string[] {
  const lines = ["各方交回情况（--progress 列出每个单位）："];
  for (const party of allParties(rubric)) {
    const parts = progress.flatMap((u) =>
      u.parts.filter((p) => p.party === party).map((p) => ({ unit: u.unit, ...p })),
    );
    const count = (s: string) => parts.filter((p) => p.status === s).length;
    const conflict = parts.filter((p) => p.status === "conflict").map((p) => p.unit);
    const complete = count("complete");
    lines.push(
      `  ${party}：${parts.length} 个单位中已交 ${count("received") + complete + conflict.length} 个` +
        (complete > 0 ? `（其中已完成 ${complete} 个）` : "") +
        `，未交 ${count("missing")} 个` +
        (conflict.length > 0 ? `，有冲突：${conflict.join("、")}` : ""),
    );
  }
  return lines;
}

/**
 * Units × parties: 已交（files）, 已完成（考核人员 date；files）, 未交, 有冲突, or — where the party has no share in
 * the unit. A sign-off on a part not yet in is shown too (未交（考核人员 …）), so a slip is seen.
 */
export function progressTable(rubric: Rubric, progress: readonly UnitProgress[]): string[] {
  const parties = allParties(rubric);
  const lines = ["各方交回情况：", ["单位", ...parties].join("\t")];
  for (const u of progress) {
    const cells = parties.map((party) =>
      partText(
        u.parts.find((x) => x.party === party),
        true,
      ),
    );
    lines.push([u.unit, ...cells].join("\t"));
  }
  return lines;
}
