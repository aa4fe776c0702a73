/**
 * The columns of 汇总's result tables as records (key, header, width, style); the live 汇总 (formulas) and the
 * computed one (values) each say what a column holds by key, and every position is derived from this list.
 */
import type { Rubric } from "../rubric";
import type { TotalKey } from "./columns";
import type { CellContent, CellStyle, TableColumn } from "./plan";
import { STYLE } from "./styles";

export type SummaryKey =
  | "rank"
  | "unit"
  | Exclude<TotalKey, "grade">
  | "veto"
  | "grade"
  | "errors"
  | "warnings"
  | "annex1Total"
  | `annex2:${number}`;

export interface SummaryField {
  readonly key: SummaryKey;
  readonly header: string;
  readonly width: number;
  readonly style: CellStyle;
}

/** The figures shown from each unit sheet's totals, in order. */
export const SUMMARY_FIGURES: readonly { key: Exclude<TotalKey, "grade">; header: string }[] = [
  { key: "itemsScore", header: "现场得分" },
  { key: "applicableTotal", header: "实际涉及总分" },
  { key: "normalized", header: "折算得分" },
  { key: "bonus", header: "加分" },
  { key: "penalty", header: "减分" },
];

const figure = (key: SummaryKey, header: string): SummaryField => ({ key, header, width: 9, style: STYLE.score });

/** The result table's columns; counties also get the 附件1 total and the 附件2 scores. */
export function summaryFields(rubric: Rubric, isCounty: boolean, textWidth: number): SummaryField[] {
  const text = (key: SummaryKey, header: string): SummaryField => ({
    key,
    header,
    width: textWidth,
    style: STYLE.text,
  });
  return [
    { key: "rank", header: "排名", width: 6, style: STYLE.rank },
    { key: "unit", header: "单位", width: 20, style: STYLE.text },
    ...SUMMARY_FIGURES.map((c) => figure(c.key, c.header)),
    figure("finalScore", "最终成绩"),
    { key: "veto", header: "一票否优", width: 7, style: { ...STYLE.text, align: "center" } },
    { key: "grade", header: "等次", width: 8, style: { ...STYLE.text, align: "center" } },
    text("errors", "错误"),
    text("warnings", "警告"),
    ...(isCounty
      ? [
          figure("annex1Total", "附件1合计"),
          ...rubric.rules.annex2.columns.map((c, i) => figure(`annex2:${i}`, `附件2-${i + 1} ${c.department}`)),
        ]
      : []),
  ];
}

/** The sheet column (1-based, tables start in column A) of a field. */
export function columnOf(fields: readonly SummaryField[], key: SummaryKey): number {
  const i = fields.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no summary column ${key}`);
  return i + 1;
}

export const tableColumns = (fields: readonly SummaryField[]): TableColumn[] =>
  fields.map((c) => ({ name: c.header, width: c.width, style: c.style }));

/** A row by key: each field's value from `value`. */
export const rowOf = (fields: readonly SummaryField[], value: (key: SummaryKey) => CellContent): CellContent[] =>
  fields.map((c) => value(c.key));
