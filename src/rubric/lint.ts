/**
 * The rules linter (`scorecard rules --lint`). Errors make a rules file unusable: a section that does not add up,
 * sub-items that do not partition their item, a target that names no known unit. Warnings report the source's own
 * inconsistencies, which the data keep verbatim because the sheets must print the published wording.
 */
import { formatPoints, toHundredths, type Hundredths } from "./hundredths";
import { parseRules, RulesError } from "./load";
import { PART_PATHS, Rubric } from "./model";
import type { Item, RubricPart, RulesFile } from "./schema";

export type LintSeverity = "error" | "warning";

export interface LintFinding {
  readonly severity: LintSeverity;
  /** Stable code, e.g. "section.total", "target.unknown", "source.strayFigure". */
  readonly code: string;
  /** Where in the rules, in words: "附件3 第13项". */
  readonly where: string;
  /** zh-CN */
  readonly message: string;
  /** The field concerned, as a path into the rules file: a rules workbook turns it into sheet, row and column. */
  readonly path?: readonly PropertyKey[];
}

const PART_NAMES = { county: "附件3", common: "附件4 共性", individual: "附件4 单独" } as const;
type PartName = keyof typeof PART_NAMES;

const sum = (values: readonly Hundredths[]) => values.reduce((a, b) => a + b, 0);
const pts = (v: Hundredths) => `${formatPoints(v)}分`;

export function lintRules(json: unknown): LintFinding[] {
  let rules: RulesFile;
  try {
    rules = parseRules(json);
  } catch (err) {
    if (err instanceof RulesError) {
      if (err.located.length > 0) {
        return err.located.map(({ path, message }) => ({
          severity: "error",
          code: "schema",
          where: "规则文件",
          message,
          path,
        }));
      }
      return err.problems.map((message) => ({ severity: "error", code: "schema", where: "规则文件", message }));
    }
    throw err;
  }
  const findings: LintFinding[] = [];
  const add: Add = (severity, code, where, message, path) => findings.push({ severity, code, where, message, path });

  let rubric: Rubric | undefined;
  try {
    rubric = new Rubric(rules);
  } catch (err) {
    add("error", "units.duplicate", "单位名单", (err as Error).message, unitPath(rules, (err as Error).message));
  }
  for (const p of rubric?.problems ?? []) add("error", "target.unknown", p.where, p.message, p.path);

  const parts: [PartName, RubricPart][] = [
    ["county", rules.county],
    ["common", rules.member.common],
    ["individual", rules.member.individual],
  ];
  for (const [name, part] of parts) lintPart(name, part, add);

  // The 2022 rules: member units are scored out of common (50) + individual (50) = 100, like counties.
  const memberTotal = toHundredths(rules.member.common.points) + toHundredths(rules.member.individual.points);
  if (memberTotal !== toHundredths(rules.county.points)) {
    add(
      "warning",
      "part.total",
      "附件4",
      `成员单位共性与单独部分合计 ${pts(memberTotal)}，与县（市、区）总分 ${pts(toHundredths(rules.county.points))} 不同`,
      ["member", "individual", "points"],
    );
  }

  lintGrades(rules, add);
  lintUnits(rules, add);
  lintMisprints(rules, parts, add);
  return findings;
}

type Path = readonly PropertyKey[];
type Add = (severity: LintSeverity, code: string, where: string, message: string, path?: Path) => void;

/** The unit entry a clash message names last (the second unit holding the name). */
function unitPath(rules: RulesFile, message: string): Path | undefined {
  const names = [...message.matchAll(/「([^」]+)」/g)].map((m) => m[1]);
  for (const group of ["counties", "supervisory", "other"] as const) {
    const i = rules.units[group].findIndex((u) => u.name === names[names.length - 1]);
    if (i >= 0) return ["units", group, i, "aliases"];
  }
  return undefined;
}

function lintPart(name: PartName, part: RubricPart, add: Add) {
  const label = PART_NAMES[name];
  const base = PART_PATHS[name];
  const sections = part.sections.map((s) => toHundredths(s.points));
  if (sum(sections) !== toHundredths(part.points)) {
    add(
      "error",
      "part.total",
      label,
      `各考核项目分值合计 ${pts(sum(sections))}，应为 ${pts(toHundredths(part.points))}`,
      [...base, "points"],
    );
  }
  const seen = new Set<number>();
  part.sections.forEach((section, s) => {
    const sectionPath = [...base, "sections", s];
    const items = section.items.map((i) => toHundredths(i.points));
    if (sum(items) !== toHundredths(section.points)) {
      add(
        "error",
        "section.total",
        `${label}「${section.title}」`,
        `各细则分值合计 ${pts(sum(items))}，应为 ${pts(toHundredths(section.points))}`,
        [...sectionPath, "points"],
      );
    }
    section.items.forEach((item, i) => {
      const where = `${label} 第${item.no}项`;
      const itemPath = [...sectionPath, "items", i];
      if (seen.has(item.no)) add("error", "item.duplicate", where, `序号 ${item.no} 重复`, [...itemPath, "no"]);
      seen.add(item.no);
      lintItem(item, where, add, itemPath);
    });
  });
}

function lintItem(item: Item, where: string, add: Add, path: Path) {
  const itemPoints = toHundredths(item.points);
  if (item.subItems && item.subItems.length > 0) {
    const subs = item.subItems.map((s) => toHundredths(s.points));
    if (sum(subs) !== itemPoints) {
      add("error", "subItems.partition", where, `子项分值合计 ${pts(sum(subs))}，与该项分值 ${pts(itemPoints)} 不符`, [
        ...path,
        "points",
      ]);
    }
    item.subItems.forEach((sub, j) => {
      if (!sub.parts) return;
      const parts = sub.parts.map((p) => toHundredths(p.points));
      if (sum(parts) !== toHundredths(sub.points)) {
        add(
          "error",
          "parts.partition",
          `${where}（${sub.no}）`,
          `分组分值合计 ${pts(sum(parts))}，与子项分值 ${pts(toHundredths(sub.points))} 不符`,
          [...path, "subItems", j, "points"],
        );
      }
    });
  }
  // A single deduction larger than the whole line cannot be applied as written (individual item 62: 扣0.7 on 0.5).
  for (const match of item.scoringRule.matchAll(/扣\s*(\d+(?:\.\d+)?)\s*分/g)) {
    const amount = toHundredths(Number(match[1]));
    if (amount > itemPoints) {
      add(
        "warning",
        "source.deductionAbovePoints",
        where,
        `评分标准「${match[0]}」大于该项分值 ${pts(itemPoints)}（原文照录，扣分以分值为上限）`,
        [...path, "scoringRule"],
      );
    }
  }
  const texts: [string, Path][] = [
    [item.text, [...path, "text"]],
    [item.scoringRule, [...path, "scoringRule"]],
    [item.method, [...path, "method"]],
    ...(item.subItems ?? []).map((s, j): [string, Path] => [s.text, [...path, "subItems", j, "text"]]),
  ];
  for (const [text, at] of texts) {
    for (const m of text.matchAll(/(\d+\.\d)\1/g)) {
      add(
        "warning",
        "source.strayFigure",
        where,
        `原文「…${context(text, m.index, m[0].length)}…」中有重复的数字「${m[0]}」（原文照录）`,
        at,
      );
    }
    // List numbering never starts at 0: "0." before a character is a figure left over from editing.
    for (const m of text.matchAll(/(?<![\d.])0\.(?=[\u4e00-\u9fff])/g)) {
      add(
        "warning",
        "source.strayFigure",
        where,
        `原文「…${context(text, m.index, 2)}…」中有多余的「0.」（原文照录）`,
        at,
      );
    }
    for (const m of text.matchAll(/\[bookmark:[^\]]*\]/g)) {
      add("warning", "source.wordResidue", where, `原文中有 Word 残留标记「${m[0]}」（原文照录）`, at);
    }
  }
}

function context(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 4), index + length + 4);
}

function lintGrades(rules: RulesFile, add: Add) {
  const mins = rules.grades.map((g) => toHundredths(g.min));
  for (let i = 1; i < mins.length; i++) {
    if (mins[i] >= mins[i - 1]) add("error", "grades.order", "等次", "等次下限应从高到低排列", ["grades", i, "min"]);
  }
  if (mins[mins.length - 1] !== 0)
    add("error", "grades.floor", "等次", "最低等次的下限应为 0", ["grades", mins.length - 1, "min"]);
  if (!rules.grades.some((g) => g.grade === rules.vetoCapGrade)) {
    add("error", "grades.vetoCap", "一票否优", `一票否优的最高等次「${rules.vetoCapGrade}」不在等次列表中`, [
      "vetoCapGrade",
    ]);
  }
}

function lintUnits(rules: RulesFile, add: Add) {
  const declared = rules.units.declaredCounts ?? {};
  const groups = [
    ["counties", "县（市、区）"],
    ["supervisory", "负有安全生产监管职责的单位"],
    ["other", "其他单位"],
  ] as const;
  for (const [key, name] of groups) {
    const count = declared[key];
    const listed = rules.units[key].length;
    if (count !== undefined && count !== listed) {
      add(
        "warning",
        "source.unitCount",
        name,
        `原文标题称「${name}（${count}个）」，名单实列 ${listed} 个；以名单为准，共 ${listed} 个`,
        ["units", "declaredCounts", key],
      );
    }
  }
}

function lintMisprints(rules: RulesFile, parts: [PartName, RubricPart][], add: Add) {
  for (const [misprint, meaning] of Object.entries(rules.knownMisprints)) {
    for (const [name, part] of parts) {
      part.sections.forEach((section, s) =>
        section.items.forEach((item, i) => {
          const fields = [
            ["text", item.text],
            ["targets", item.targets ?? ""],
            ["scoringRule", item.scoringRule],
            ["method", item.method],
          ] as const;
          const found = fields.find(([, t]) => t.includes(misprint));
          if (found) {
            add(
              "warning",
              "source.misprint",
              `${PART_NAMES[name]} 第${item.no}项`,
              `「${misprint}」疑为「${meaning}」的笔误，按「${meaning}」理解（原文照录）`,
              [...PART_PATHS[name], "sections", s, "items", i, found[0]],
            );
          }
        }),
      );
    }
  }
}
