/**
 * The rules as a workbook a person edits in Excel or WPS (`scorecard rules --xlsx`, 导出规则): 基本信息, 被考核单位,
 * 考核细则 (a row per item, sub-item and split of a sub-item), 考核对象, 附件1附件2 and 说明. Pure: a plan rendered by
 * the existing adapters. Reading it back is read.ts; the two round-trip to the same rules (a test holds them to it).
 */
import type { CellContent, CellStyle, SheetPlan, WorkbookPlan } from "../layout";
import { fitSheet } from "../layout/fit";
import type { PartKey, RubricPart, RulesFile } from "../rubric";
import { bookPrint, placeBlocks, type BlockColumn, type BlockSpec } from "./blocks";
import * as L from "./labels";
import { notesSheetPlan } from "./notes";

const text: CellStyle = { wrap: true, verticalAlign: "top", border: true, numberFormat: "@" };
const key: CellStyle = { ...text, bold: true };
// General format: points show as the source prints them (2, 0.5), not 2.0.
const points: CellStyle = { align: "center", verticalAlign: "top", border: true };
const whole: CellStyle = { numberFormat: "0", align: "center", verticalAlign: "top", border: true };
const decimal = { kind: "decimal", min: 0 } as const;
const list = (values: Record<string, string>) => ({ kind: "list", values: Object.values(values) }) as const;

const col = (header: string, style: CellStyle, extra: Partial<BlockColumn> = {}): BlockColumn => ({
  header,
  style,
  ...extra,
});

export const PART_OF: Record<PartKey, (r: RulesFile) => RubricPart> = {
  county: (r) => r.county,
  common: (r) => r.member.common,
  individual: (r) => r.member.individual,
};
export const PART_KEYS: readonly PartKey[] = ["county", "common", "individual"];

const HINT =
  "各表的行可以修改、插入、删除；改完后用 scorecard rules --lint --rules 本文件 检查，或在任务窗格“载入其他规则文件”中载入。";

function sheet(name: string, heading: string, blocks: readonly BlockSpec[], widths: Record<number, number>): SheetPlan {
  const placed = placeBlocks(blocks, 4);
  const firstHeader = Math.min(...Object.values(placed.headers));
  return fitSheet({
    name,
    meta: { role: "rulesBook", rulesId: "", rulesVersion: "" },
    columnWidths: widths,
    cells: [
      { row: 1, col: 1, value: heading, style: { bold: true, size: 14 } },
      { row: 2, col: 1, value: HINT, style: { size: 10 } },
      ...placed.cells,
    ],
    merges: [],
    tables: placed.tables,
    validations: placed.validations,
    conditionalFormats: [],
    hiddenRows: [],
    protect: false,
    rowHeights: {},
    // One table repeats its header on every printed page; a sheet of several tables has no one header.
    print: bookPrint(blocks.length === 1 ? { from: firstHeader, to: firstHeader } : undefined),
    freezeRows: blocks.length === 1 ? firstHeader : undefined,
  });
}

function infoSheet(r: RulesFile): SheetPlan {
  const d = r.units.declaredCounts ?? {};
  const settings: [L.SettingKey, CellContent | undefined][] = [
    ["id", r.id],
    ["version", r.version],
    ["year", r.year],
    ["name", r.name],
    ["source", r.source],
    ["vetoCapGrade", r.vetoCapGrade],
    ["annex1Title", r.annex1.title],
    ["annex2Title", r.annex2.title],
    ["sheetTitle", r.scoreSheet.title],
    ["countySubtitle", r.scoreSheet.countySubtitle],
    ["memberCommonTitle", r.scoreSheet.memberCommonTitle],
    ["memberIndividualTitle", r.scoreSheet.memberIndividualTitle],
    ["sheetNote", r.scoreSheet.note],
    ["declaredCounties", d.counties],
    ["declaredSupervisory", d.supervisory],
    ["declaredOther", d.other],
  ];
  const rows = settings.filter(([, v]) => v !== undefined).map(([k, v]) => [L.SETTINGS[k], v ?? null]);
  const adjust = (a: RubricPart["bonus"]) => (a ? [a.text, a.method, a.cap] : [null, null, null]);
  const blocks: BlockSpec[] = [
    {
      title: L.BLOCKS.rules,
      table: "RulesSettings",
      columns: [col(L.SETTING_HEADERS[0], key), col(L.SETTING_HEADERS[1], text)],
      rows,
    },
    {
      title: L.BLOCKS.grades,
      table: "RulesGrades",
      columns: [col(L.GRADE_HEADERS[0], text), col(L.GRADE_HEADERS[1], points, { rule: decimal })],
      rows: r.grades.map((g) => [g.grade, g.min]),
      room: 5,
    },
    {
      title: L.BLOCKS.veto,
      table: "RulesVeto",
      columns: [col(L.VETO_HEADERS[0], whole), col(L.VETO_HEADERS[1], text)],
      rows: r.vetoConditions.map((c, i) => [i + 1, c]),
    },
    {
      title: L.BLOCKS.parts,
      table: "RulesParts",
      columns: L.PART_HEADERS.map((h, i) =>
        col(h, [2, 6, 9].includes(i) ? points : i === 0 ? key : text, {
          rule: i === 0 ? list(L.PART_LABELS) : [2, 6, 9].includes(i) ? decimal : undefined,
          prompt: i === 6 || i === 9 ? "空白表示不设上限" : undefined,
        }),
      ),
      rows: PART_KEYS.map((k) => {
        const p = PART_OF[k](r);
        return [
          L.PART_LABELS[k],
          p.title,
          p.points,
          p.defaultTargets ?? null,
          ...adjust(p.bonus),
          ...adjust(p.penalty),
        ];
      }),
    },
    {
      title: L.BLOCKS.partNotes,
      table: "RulesPartNotes",
      columns: [col(L.PART_NOTE_HEADERS[0], key, { rule: list(L.PART_LABELS) }), col(L.PART_NOTE_HEADERS[1], text)],
      rows: PART_KEYS.flatMap((k) => PART_OF[k](r).notes.map((n) => [L.PART_LABELS[k], n])),
      room: 10,
    },
    {
      title: L.BLOCKS.signatures,
      table: "RulesSignatures",
      columns: [col(L.SIGNATURE_HEADERS[0], whole), col(L.SIGNATURE_HEADERS[1], text)],
      rows: r.scoreSheet.signatures.map((s, i) => [i + 1, s]),
    },
  ];
  return sheet(L.BOOK_SHEETS.info, `${r.name}：基本信息`, blocks, widths([28, 60, 8, 16, 40, 16, 8, 40, 16, 8]));
}

function unitsSheet(r: RulesFile): SheetPlan {
  const rows = (["counties", "supervisory", "other"] as const).flatMap((group) =>
    r.units[group].map((u) => [
      L.CATEGORY_LABELS[group === "counties" ? "county" : group],
      u.name,
      u.aliases.join(L.ALIAS_SEPARATOR) || null,
    ]),
  );
  const block: BlockSpec = {
    title: L.BLOCKS.units,
    table: "RulesUnits",
    columns: [
      col(L.UNIT_HEADERS[0], text, { rule: list(L.CATEGORY_LABELS) }),
      col(L.UNIT_HEADERS[1], key),
      col(L.UNIT_HEADERS[2], text, { prompt: "别名之间用顿号“、”分隔" }),
    ],
    rows,
    room: 40,
  };
  return sheet(L.BOOK_SHEETS.units, `${r.name}：被考核单位`, [block], widths([28, 28, 60]));
}

function linesSheet(r: RulesFile): SheetPlan {
  const rows: CellContent[][] = [];
  for (const k of PART_KEYS) {
    for (const s of PART_OF[k](r).sections) {
      const head = [L.PART_LABELS[k], s.title, s.points];
      for (const item of s.items) {
        rows.push([
          ...head,
          item.no,
          null,
          null,
          item.text,
          item.scoringRule,
          item.method,
          item.points,
          item.targets ?? null,
          L.SCORED_BY_LABELS[item.scoredBy],
        ]);
        for (const si of item.subItems ?? []) {
          rows.push([
            ...head,
            item.no,
            si.no,
            null,
            si.text,
            si.scoringRule ?? null,
            null,
            si.points,
            si.targets ?? null,
            null,
          ]);
          for (const p of si.parts ?? []) {
            rows.push([...head, item.no, si.no, p.label, null, p.scoringRule, null, p.points, p.targets, null]);
          }
        }
      }
    }
  }
  const styleOf: Partial<Record<L.LineHeader, BlockColumn>> = {
    部分: col("部分", text, { rule: list(L.PART_LABELS) }),
    项目分值: col("项目分值", points, { rule: decimal }),
    序号: col("序号", whole, { rule: { kind: "decimal", min: 1 } }),
    子项: col("子项", { ...text, align: "center" }),
    分组: col("分组", { ...text, align: "center" }),
    分值: col("分值", points, { rule: decimal }),
    考核对象: col("考核对象", text, {
      prompt:
        "单位名称或简称、考核对象类别（见“考核对象”表），用顿号分隔；“X（除Y）”表示除去；空白表示本部分的默认考核对象",
    }),
    打分: col("打分", text, { rule: list(L.SCORED_BY_LABELS) }),
  };
  const block: BlockSpec = {
    title: L.BLOCKS.lines,
    table: "RulesLines",
    columns: L.LINE_HEADERS.map((h) => styleOf[h] ?? col(h, text)),
    rows,
    room: 60,
  };
  return sheet(L.BOOK_SHEETS.lines, `${r.name}：考核细则`, [block], widths([10, 28, 9, 6, 6, 6, 40, 50, 24, 7, 22, 9]));
}

function targetsSheet(r: RulesFile): SheetPlan {
  const blocks: BlockSpec[] = [
    {
      title: L.BLOCKS.groups,
      table: "RulesGroups",
      columns: [col(L.GROUP_HEADERS[0], key), col(L.GROUP_HEADERS[1], text, { rule: list(L.GROUP_LABELS) })],
      rows: Object.entries(r.targetGroups).map(([phrase, g]) => [phrase, L.GROUP_LABELS[g]]),
      room: 20,
    },
    {
      title: L.BLOCKS.misprints,
      table: "RulesMisprints",
      columns: [col(L.MISPRINT_HEADERS[0], key), col(L.MISPRINT_HEADERS[1], text)],
      rows: Object.entries(r.knownMisprints).map(([m, meaning]) => [m, meaning]),
      room: 10,
    },
  ];
  return sheet(L.BOOK_SHEETS.targets, `${r.name}：考核对象`, blocks, widths([36, 28]));
}

function annexSheet(r: RulesFile): SheetPlan {
  const blocks: BlockSpec[] = [
    {
      title: L.BLOCKS.annex1,
      table: "RulesAnnex1",
      columns: [
        col(L.ANNEX1_HEADERS[0], whole, { rule: { kind: "decimal", min: 1 } }),
        col(L.ANNEX1_HEADERS[1], text),
        col(L.ANNEX1_HEADERS[2], points, { rule: decimal }),
        col(L.ANNEX1_HEADERS[3], text),
      ],
      rows: r.annex1.items.map((i) => [i.no, i.title, i.points, i.method]),
      room: 5,
    },
    {
      title: L.BLOCKS.annex2,
      table: "RulesAnnex2",
      columns: [
        col(L.ANNEX2_HEADERS[0], text),
        col(L.ANNEX2_HEADERS[1], text),
        col(L.ANNEX2_HEADERS[2], points, { rule: decimal }),
      ],
      rows: r.annex2.columns.map((c) => [c.department, c.title, c.points]),
      room: 5,
    },
  ];
  return sheet(L.BOOK_SHEETS.annexes, `${r.name}：附件1、附件2`, blocks, widths([16, 40, 8, 40]));
}

const widths = (list: readonly number[]) => Object.fromEntries(list.map((w, i) => [i + 1, w]));

/** The rules workbook. */
export function rulesWorkbookPlan(rules: RulesFile): WorkbookPlan {
  return {
    rulesId: rules.id,
    rulesVersion: rules.version,
    sheets: [
      infoSheet(rules),
      unitsSheet(rules),
      linesSheet(rules),
      targetsSheet(rules),
      annexSheet(rules),
      notesSheetPlan(rules),
    ],
  };
}
