/**
 * The rules file format ("scorecard-rules/1"): the assessment rules as data.
 *
 * Points are written as decimal numbers with at most one decimal (tenths), exactly as the source prints them.
 * Every text field is the source's wording verbatim, typos and stray figures included: the sheets print it and
 * the signed paper must match the published rules. Inconsistencies are reported by the linter, never fixed here.
 *
 * Documented for people in docs/rules-format.md.
 */
import { z } from "zod";

/** Points as printed: a non-negative number with at most one decimal. */
export const pointsSchema = z
  .number()
  .nonnegative()
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { message: "分值最多一位小数（如 0.5、3）" });

/**
 * 考核对象 as the source writes it, e.g. "县级政府（除石楼县）", "交城县、孝义市", "市住建局、市交通局".
 * Resolved to units by src/rubric/targets.ts; an unknown name is an error.
 */
export const targetsSchema = z.string().min(1);

/** A part of a sub-item whose points are split between target groups (county item 13(3): 0.7 + 0.3). */
export const partSchema = z.object({
  label: z.string().min(1),
  points: pointsSchema,
  targets: targetsSchema,
  scoringRule: z.string().min(1),
});

/** A sub-item that carries its own points: a scoring line of its own. */
export const subItemSchema = z.object({
  /** "1", "2" … as numbered in the source; the line id becomes "<item>.<no>". */
  no: z.string().regex(/^[0-9]+$/),
  /** The sub-item's wording, verbatim, including its "（0.5分）". */
  text: z.string().min(1),
  points: pointsSchema,
  /** Only where the sub-item concerns fewer units than its item (its own targets cell, or units its text names). */
  targets: targetsSchema.optional(),
  /** Only where the source gives the sub-item a scoring rule of its own (county item 13). */
  scoringRule: z.string().optional(),
  /** Only where the points are split between target groups. */
  parts: z.array(partSchema).optional(),
});

export const itemSchema = z.object({
  /** 1 … 37 (county), 1 … 12 (member common), 1 … 74 (member individual). */
  no: z.number().int().positive(),
  /** 考核细则, verbatim, including its "（2分）". */
  text: z.string().min(1),
  points: pointsSchema,
  /** 评分标准, verbatim (all its numbered rules, with line breaks as "\n"). */
  scoringRule: z.string(),
  /** 考核方式, verbatim; "" where the source leaves it empty. */
  method: z.string(),
  /** 考核对象, verbatim; absent where the part's defaultTargets apply. */
  targets: targetsSchema.optional(),
  /** "safetyOffice" where the source says 市安委办负责打分. */
  scoredBy: z.enum(["assessors", "safetyOffice"]).default("assessors"),
  /** Sub-items that carry their own points, in order. Absent: the item is one scoring line. */
  subItems: z.array(subItemSchema).optional(),
});

export const sectionSchema = z.object({
  /** 考核项目 as printed, e.g. "一、学习贯彻习近平总书记关于安全生产重要论述（9分）" (line breaks of the PDF removed). */
  title: z.string().min(1),
  points: pointsSchema,
  items: z.array(itemSchema).min(1),
});

export const adjustmentSchema = z.object({
  /** The rule's text, verbatim. */
  text: z.string().min(1),
  /** 考核方式 / who provides the evidence, verbatim; "" if none. */
  method: z.string(),
  /** Largest total that counts; null for no cap (the penalty). */
  cap: pointsSchema.nullable(),
});

export const rubricSchema = z.object({
  /** The attachment's heading, verbatim. */
  title: z.string().min(1),
  /** Total points of the part (county 100, member common 50, member individual 50). */
  points: pointsSchema,
  /** 考核对象 of items that name none (member common items concern every member unit). */
  defaultTargets: targetsSchema.optional(),
  sections: z.array(sectionSchema).min(1),
  /** 加分项 (absent where the part has none: the member individual part). */
  bonus: adjustmentSchema.optional(),
  /** 减分项 */
  penalty: adjustmentSchema.optional(),
  /** The notes printed under the table (成绩计算说明 …), verbatim. */
  notes: z.array(z.string()),
});

/** A unit's name becomes a sheet name and a cell in every summary: nothing that Excel would take for a formula. */
const unitNameSchema = z
  .string()
  .min(1)
  .refine((v) => !/^[=+\-@\s]/.test(v), { message: "单位名称不能以 = + - @ 或空白开头（Excel 会当作公式）" });

export const unitSchema = z.object({
  /** The canonical name, used as the unit's id everywhere (sheet metadata, command line, summary). */
  name: unitNameSchema,
  /** Every other way the source (or a user) writes the unit: "交城", "市交通运输局", "市邮政管理局" … */
  aliases: z.array(unitNameSchema),
});

export const gradeSchema = z.object({
  grade: z.string().min(1),
  /** Lower bound, inclusive. */
  min: pointsSchema,
});

export const rulesSchema = z.object({
  format: z.literal("scorecard-rules/1"),
  /** Stable id written into every generated workbook, e.g. "luliang-2022". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Bumped whenever the data change; a workbook remembers id and version. */
  version: z.string().min(1),
  year: z.number().int(),
  /** Human title, e.g. "2022年度吕梁市安全生产和消防工作考核". */
  name: z.string().min(1),
  /** Where the data come from (document title, date). */
  source: z.string(),
  /** Grades from best to worst; the last one has min 0. */
  grades: z.array(gradeSchema).min(2),
  /** The best grade a unit under 一票否优 can get. */
  vetoCapGrade: z.string().min(1),
  /** The conditions of 一票否优 (five in 2022), verbatim, "（一）…" first; scoring and the sheets count them. */
  vetoConditions: z.array(z.string().min(1)).min(1),
  units: z.object({
    counties: z.array(unitSchema).min(1),
    /** 负有安全生产监管职责的单位 */
    supervisory: z.array(unitSchema),
    /** 其他单位 */
    other: z.array(unitSchema),
    /** The counts the source's headings announce ("其他单位（20个）"), checked by the linter against the lists. */
    declaredCounts: z
      .object({ counties: z.number().int(), supervisory: z.number().int(), other: z.number().int() })
      .partial()
      .optional(),
  }),
  /**
   * Phrases of 考核对象 that mean a group of units rather than one unit, each with what it means:
   * "allCounties", "allMembers", "allSupervisory", "conditionalCounties" (applies to every county by default; a
   * county that does not qualify marks the line 不参与 with a reason).
   */
  targetGroups: z.record(z.string(), z.enum(["allCounties", "allMembers", "allSupervisory", "conditionalCounties"])),
  /** Misprints of the source that are kept verbatim, with what they mean ("具级政府" → "县级政府"); the linter warns. */
  knownMisprints: z.record(z.string(), z.string()).default({}),
  annex1: z.object({
    title: z.string().min(1),
    items: z
      .array(
        z.object({
          no: z.number().int().positive(),
          title: z.string().min(1),
          points: pointsSchema,
          method: z.string(),
        }),
      )
      .min(1),
  }),
  annex2: z.object({
    title: z.string().min(1),
    columns: z
      .array(z.object({ department: z.string().min(1), title: z.string().min(1), points: pointsSchema }))
      .min(1),
  }),
  county: rubricSchema,
  member: z.object({ common: rubricSchema, individual: rubricSchema }),
  /** The form of 附件6: headings, signature lines and the note under each table, verbatim. */
  scoreSheet: z.object({
    title: z.string().min(1),
    countySubtitle: z.string().min(1),
    memberCommonTitle: z.string().min(1),
    memberIndividualTitle: z.string().min(1),
    signatures: z.array(z.string().min(1)).min(1),
    note: z.string().min(1),
  }),
});

/** zod's messages in Chinese, for parseRules. */
export const zhCN = z.locales.zhCN();

export type RulesFile = z.infer<typeof rulesSchema>;
export type RubricPart = z.infer<typeof rubricSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type SubItem = z.infer<typeof subItemSchema>;
export type Part = z.infer<typeof partSchema>;
export type UnitEntry = z.infer<typeof unitSchema>;
export type TargetGroup = RulesFile["targetGroups"][string];
