/**
 * What differs between two rules, in words a person checks against the published rules: which unit was added,
 * removed or renamed, which item's points, targets or wording changed, which threshold moved. Used when a returned
 * workbook carries other rules than the ones in use.
 */
import { formatPoints, toHundredths } from "./hundredths";
import type { RubricPart, RulesFile, UnitEntry } from "./schema";

const PART_NAMES = { county: "附件3", common: "附件4 共性", individual: "附件4 单独" } as const;
const CATEGORY_NAMES = { counties: "县（市、区）", supervisory: "负有监管职责的单位", other: "其他单位" } as const;

interface FlatLine {
  readonly where: string;
  readonly points: number;
  readonly text: string;
  readonly targets: string;
  readonly scoringRule: string;
  readonly method: string;
  readonly scoredBy: string;
}

const p = (v: number | null | undefined) =>
  v === null || v === undefined ? "不设上限" : formatPoints(toHundredths(v));
const short = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

function flatten(rules: RulesFile): Map<string, FlatLine> {
  const out = new Map<string, FlatLine>();
  const parts: [keyof typeof PART_NAMES, RubricPart][] = [
    ["county", rules.county],
    ["common", rules.member.common],
    ["individual", rules.member.individual],
  ];
  for (const [key, part] of parts) {
    for (const section of part.sections) {
      for (const item of section.items) {
        const targets = item.targets ?? part.defaultTargets ?? "";
        const base = { method: item.method, scoredBy: item.scoredBy ?? "assessors" };
        out.set(`${key}:${item.no}`, {
          ...base,
          where: `${PART_NAMES[key]} 第${item.no}项`,
          points: item.points,
          text: item.text,
          targets,
          scoringRule: item.scoringRule,
        });
        for (const sub of item.subItems ?? []) {
          // 考核方式 and who scores belong to the item: said once, there.
          out.set(`${key}:${item.no}.${sub.no}`, {
            method: "",
            scoredBy: "",
            where: `${PART_NAMES[key]} 第${item.no}.${sub.no}项`,
            points: sub.points,
            text: sub.text,
            targets: sub.parts
              ? sub.parts.map((x) => `${x.targets}（${p(x.points)}分）`).join("；")
              : (sub.targets ?? targets),
            scoringRule:
              sub.scoringRule ?? (sub.parts ? sub.parts.map((x) => x.scoringRule).join("\n") : item.scoringRule),
          });
        }
      }
    }
  }
  return out;
}

function units(rules: RulesFile): Map<string, UnitEntry & { category: keyof typeof CATEGORY_NAMES }> {
  const out = new Map<string, UnitEntry & { category: keyof typeof CATEGORY_NAMES }>();
  for (const category of ["counties", "supervisory", "other"] as const) {
    for (const u of rules.units[category]) out.set(u.name, { ...u, category });
  }
  return out;
}

/**
 * The differences from `inUse` to `other`, each one sentence ("附件3 第13.3项：分值 1 → 1.5"). Empty when the two
 * are the same rules.
 */
export function diffRules(inUse: RulesFile, other: RulesFile): string[] {
  const out: string[] = [];
  const change = (what: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${what}：${String(a)} → ${String(b)}`);
  };
  const grades = (r: RulesFile) => r.grades.map((g) => `${g.grade} ${p(g.min)}`).join("、");
  change("等次及最低分", grades(inUse), grades(other));
  change("一票否优最高等次", inUse.vetoCapGrade, other.vetoCapGrade);
  if (inUse.vetoConditions.join("\n") !== other.vetoConditions.join("\n")) out.push("一票否优情形：文字有改动");
  for (const [key, a, b] of [
    ["county", inUse.county, other.county],
    ["common", inUse.member.common, other.member.common],
    ["individual", inUse.member.individual, other.member.individual],
  ] as const) {
    const name = PART_NAMES[key];
    change(`${name} 总分`, p(a.points), p(b.points));
    change(`${name} 加分上限`, a.bonus ? p(a.bonus.cap) : "无加分项", b.bonus ? p(b.bonus.cap) : "无加分项");
    change(`${name} 减分上限`, a.penalty ? p(a.penalty.cap) : "无减分项", b.penalty ? p(b.penalty.cap) : "无减分项");
  }

  const ua = units(inUse);
  const ub = units(other);
  const renamed = new Set<string>();
  for (const [name, u] of ub) {
    if (ua.has(name)) continue;
    const old = [...ua.keys()].find((n) => !ub.has(n) && (u.aliases.includes(n) || ua.get(n)!.aliases.includes(name)));
    if (old) {
      renamed.add(old);
      out.push(`单位改名：${old} → ${name}`);
    } else out.push(`新增单位：${name}（${CATEGORY_NAMES[u.category]}）`);
  }
  for (const [name, u] of ua) {
    if (ub.has(name) || renamed.has(name)) continue;
    out.push(`删除单位：${name}（${CATEGORY_NAMES[u.category]}）`);
  }
  for (const [name, a] of ua) {
    const b = ub.get(name);
    if (!b) continue;
    change(`单位「${name}」的类别`, CATEGORY_NAMES[a.category], CATEGORY_NAMES[b.category]);
    if (a.aliases.join("、") !== b.aliases.join("、")) {
      out.push(`单位「${name}」的别名：${a.aliases.join("、") || "（无）"} → ${b.aliases.join("、") || "（无）"}`);
    }
  }

  const la = flatten(inUse);
  const lb = flatten(other);
  for (const [key, b] of lb) {
    const a = la.get(key);
    if (!a) {
      out.push(`${b.where}：新增（${p(b.points)}分，${short(b.text)}）`);
      continue;
    }
    change(`${a.where} 分值`, p(a.points), p(b.points));
    if (a.targets !== b.targets) out.push(`${a.where} 考核对象：${a.targets || "（无）"} → ${b.targets || "（无）"}`);
    if (a.scoredBy !== b.scoredBy) out.push(`${a.where}：打分单位有改动`);
    if (a.text !== b.text) out.push(`${a.where}：考核细则文字有改动`);
    if (a.scoringRule !== b.scoringRule) out.push(`${a.where}：评分标准有改动`);
    if (a.method !== b.method) out.push(`${a.where}：考核方式有改动`);
  }
  for (const [key, a] of la) if (!lb.has(key)) out.push(`${a.where}：删除（原 ${p(a.points)}分）`);

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(inUse.annex1, other.annex1)) out.push("附件1 有改动");
  if (!same(inUse.annex2, other.annex2)) out.push("附件2 有改动");
  if (!same(inUse.targetGroups, other.targetGroups)) out.push("考核对象类别有改动");
  if (!same(inUse.scoreSheet, other.scoreSheet)) out.push("打分表的标题、说明或签字栏有改动");
  for (const [key, a, b] of [
    ["county", inUse.county, other.county],
    ["common", inUse.member.common, other.member.common],
    ["individual", inUse.member.individual, other.member.individual],
  ] as const) {
    const words = (x: RubricPart) => [x.title, x.notes, x.bonus?.text, x.penalty?.text, x.sections.map((s) => s.title)];
    if (!same(words(a), words(b))) out.push(`${PART_NAMES[key]}：标题、考核项目名称、加减分项或说明文字有改动`);
  }
  // Last: what a message about other rules names already.
  change("年度", inUse.year, other.year);
  change("名称", inUse.name, other.name);
  change("规则编号", inUse.id, other.id);
  change("版本", inUse.version, other.version);
  if (out.length === 0 && !same(inUse, other)) out.push("规则的其他内容有改动");
  return out;
}
