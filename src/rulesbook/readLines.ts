/**
 * 考核细则 back to sections, items, sub-items and their splits. A row whose 子项 and 分组 are blank is an item; a
 * row with a 子项 is a sub-item of the item above it; a row with a 分组 too is a split of that sub-item. The rows of
 * a section are those in a run with the same 考核项目, in each part.
 */
import type { GridCell, GridSheet } from "../layout";
import type { PartKey } from "../rubric";
import { cellText, type ReadRow } from "./blocks";
import * as L from "./labels";
import { num, PART_PATH, str, type Json, type Path, type Reader } from "./reader";

interface Open {
  readonly json: Json;
  readonly path: Path;
  readonly row: number;
}

type State = { section?: Open & { title?: string; points: unknown }; item?: Open & { no: unknown }; sub?: Open };

/** Columns that only an item row uses, and only a sub-item row. */
const ITEM_ONLY: readonly L.LineHeader[] = ["考核方式", "打分"];
const SPLIT_UNUSED: readonly L.LineHeader[] = ["考核细则", "考核方式", "打分"];

export function readLines(r: Reader, sheets: ReadonlyMap<string, GridSheet>, parts: Record<PartKey, Json>) {
  const sheet = L.BOOK_SHEETS.lines;
  const block = r.block(sheets, sheet, L.BLOCKS.lines, L.LINE_HEADERS);
  if (!block) return;
  const get = (row: ReadRow, h: L.LineHeader): GridCell | undefined => row.cells[block.columns.get(h)! - 1];
  const field = (row: ReadRow, h: L.LineHeader, path: Path) => r.field(block, row, h, path);
  const at = (row: ReadRow, column?: L.LineHeader) => ({ sheet, row: row.row, column });
  const state: Record<PartKey, State> = { county: {}, common: {}, individual: {} };
  const unused = (row: ReadRow, headers: readonly L.LineHeader[], what: string) => {
    for (const h of headers) {
      if (cellText(get(row, h)).trim() !== "") {
        r.problems.push({
          severity: "warning",
          code: "book.unusedCell",
          at: at(row, h),
          message: `${what}不使用「${h}」（只在细则行填写），未读取`,
        });
      }
    }
  };

  for (const row of block.rows) {
    const label = cellText(get(row, "部分")).trim();
    const part = L.keyOfLabel(L.PART_LABELS, label);
    if (!part) {
      r.error(
        at(row, "部分"),
        "book.unknownPart",
        `部分「${label}」不是 ${Object.values(L.PART_LABELS).join("、")} 之一`,
      );
      continue;
    }
    const st = state[part];
    const subNo = str(get(row, "子项"))?.trim();
    const split = str(get(row, "分组"))?.trim();
    if (subNo === undefined && split === undefined) {
      const title = str(get(row, "考核项目"));
      if (!st.section || st.section.title !== title) {
        const sections = parts[part].sections as Json[];
        const path = [...PART_PATH[part], "sections", sections.length];
        r.place(path, at(row));
        const json: Json = {
          title: str(field(row, "考核项目", [...path, "title"])),
          points: num(field(row, "项目分值", [...path, "points"])),
          items: [],
        };
        sections.push(json);
        st.section = { json, path, row: row.row, title, points: json.points };
      } else if (num(get(row, "项目分值")) !== st.section.points) {
        r.error(
          at(row, "项目分值"),
          "book.sectionPoints",
          `与本考核项目第 ${st.section.row} 行的项目分值 ${String(st.section.points ?? "（空）")} 不同`,
        );
      }
      const items = st.section.json.items as Json[];
      const path = [...st.section.path, "items", items.length];
      r.place(path, at(row));
      const json: Json = {
        no: num(field(row, "序号", [...path, "no"])),
        text: str(field(row, "考核细则", [...path, "text"])),
        scoringRule: str(field(row, "评分标准", [...path, "scoringRule"])) ?? "",
        method: str(field(row, "考核方式", [...path, "method"])) ?? "",
        points: num(field(row, "分值", [...path, "points"])),
      };
      const targets = str(field(row, "考核对象", [...path, "targets"]));
      if (targets !== undefined) json.targets = targets;
      const by = str(field(row, "打分", [...path, "scoredBy"]))?.trim();
      json.scoredBy = by === undefined ? "assessors" : (L.keyOfLabel(L.SCORED_BY_LABELS, by) ?? by);
      items.push(json);
      st.item = { json, path, row: row.row, no: json.no };
      st.sub = undefined;
      continue;
    }
    if (split === undefined) {
      if (!st.item || num(get(row, "序号")) !== st.item.no) {
        r.error(
          at(row, "子项"),
          "book.orphanSubItem",
          st.item
            ? `子项行的序号与上方细则（第 ${st.item.row} 行，序号 ${String(st.item.no)}）不同：子项行须紧跟在所属细则之后`
            : "子项行上方没有所属的细则行",
        );
        st.sub = undefined;
        continue;
      }
      unused(row, ITEM_ONLY, "子项行");
      const subs = ((st.item.json.subItems as Json[] | undefined) ?? (st.item.json.subItems = [])) as Json[];
      const path = [...st.item.path, "subItems", subs.length];
      r.place(path, at(row));
      const json: Json = {
        no: str(field(row, "子项", [...path, "no"]))?.trim(),
        text: str(field(row, "考核细则", [...path, "text"])),
        points: num(field(row, "分值", [...path, "points"])),
      };
      const targets = str(field(row, "考核对象", [...path, "targets"]));
      if (targets !== undefined) json.targets = targets;
      const rule = str(field(row, "评分标准", [...path, "scoringRule"]));
      if (rule !== undefined) json.scoringRule = rule;
      subs.push(json);
      st.sub = { json, path, row: row.row };
      continue;
    }
    if (!st.sub || str(get(row, "子项"))?.trim() !== (st.sub.json.no as string | undefined)) {
      r.error(
        at(row, "分组"),
        "book.orphanSplit",
        st.sub
          ? `分组行的子项与上方子项（第 ${st.sub.row} 行）不同：分组行须紧跟在所属子项之后`
          : "分组行上方没有所属的子项行",
      );
      continue;
    }
    unused(row, SPLIT_UNUSED, "分组行");
    const splits = ((st.sub.json.parts as Json[] | undefined) ?? (st.sub.json.parts = [])) as Json[];
    const path = [...st.sub.path, "parts", splits.length];
    r.place(path, at(row));
    splits.push({
      label: str(field(row, "分组", [...path, "label"]))?.trim(),
      points: num(field(row, "分值", [...path, "points"])),
      targets: str(field(row, "考核对象", [...path, "targets"])),
      scoringRule: str(field(row, "评分标准", [...path, "scoringRule"])),
    });
  }
}
