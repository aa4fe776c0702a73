/**
 * Reading a rules workbook back: the sheets' cells → a rules file (the JSON form), with the cell each field came
 * from. The schema and the linter then check the rules as they check a JSON file, and every message is turned into
 * "考核细则 第 48 行 分值：…" through those cells (check.ts). Only the shape of the workbook is checked here: a
 * missing sheet, block or column, a row of unknown kind. Values go into the rules as typed, for the schema to judge.
 */
import type { GridSheet } from "../layout";
import type { PartKey } from "../rubric";
import { cellText, type ReadBlock, type ReadRow } from "./blocks";
import * as L from "./labels";
import { readLines } from "./readLines";
import { num, PART_PATH, Reader, str, type BookLocation, type BookProblem, type Json, type Path } from "./reader";

export type { BookLocation, BookProblem };
export { pathKey } from "./reader";

export interface ReadRulesBook {
  /** The rules in the JSON form of the rules file, to be checked by the schema. */
  readonly json: Record<string, unknown>;
  /** Where each field came from, by path ("county.sections.2.items.3.points"). */
  readonly at: ReadonlyMap<string, BookLocation>;
  readonly problems: readonly BookProblem[];
}

/** Reads a rules workbook. Sheets are found by name; the notes sheet is not read. */
export function readRulesBook(grid: readonly GridSheet[]): ReadRulesBook {
  const r = new Reader();
  const sheets = new Map(grid.map((s) => [s.name, s]));
  for (const name of [
    L.BOOK_SHEETS.info,
    L.BOOK_SHEETS.units,
    L.BOOK_SHEETS.lines,
    L.BOOK_SHEETS.targets,
    L.BOOK_SHEETS.annexes,
  ]) {
    if (!sheets.has(name)) r.error({ sheet: name }, "book.sheetMissing", `规则工作簿缺少工作表「${name}」`);
  }
  const parts = {} as Record<PartKey, Json>;
  for (const k of ["county", "common", "individual"] as const) parts[k] = { sections: [], notes: [] };
  const json: Json = {
    format: "scorecard-rules/1",
    scoreSheet: { signatures: [] },
    annex1: { items: [] },
    annex2: { columns: [] },
    units: { counties: [], supervisory: [], other: [] },
    county: parts.county,
    member: { common: parts.common, individual: parts.individual },
  };
  readInfo(r, sheets, json, parts);
  readUnits(r, sheets, json);
  readLines(r, sheets, parts);
  readTargets(r, sheets, json);
  readAnnexes(r, sheets, json);
  return { json, at: r.at, problems: r.problems };
}

const SETTING_PATHS: Record<L.SettingKey, [Path, "text" | "number"]> = {
  id: [["id"], "text"],
  version: [["version"], "text"],
  year: [["year"], "number"],
  name: [["name"], "text"],
  source: [["source"], "text"],
  vetoCapGrade: [["vetoCapGrade"], "text"],
  annex1Title: [["annex1", "title"], "text"],
  annex2Title: [["annex2", "title"], "text"],
  sheetTitle: [["scoreSheet", "title"], "text"],
  countySubtitle: [["scoreSheet", "countySubtitle"], "text"],
  memberCommonTitle: [["scoreSheet", "memberCommonTitle"], "text"],
  memberIndividualTitle: [["scoreSheet", "memberIndividualTitle"], "text"],
  sheetNote: [["scoreSheet", "note"], "text"],
  declaredCounties: [["units", "declaredCounts", "counties"], "number"],
  declaredSupervisory: [["units", "declaredCounts", "supervisory"], "number"],
  declaredOther: [["units", "declaredCounts", "other"], "number"],
};

/** Sets a value at a path, making the objects on the way. Undefined values are left out. */
function setAt(root: Json, path: Path, value: unknown) {
  if (value === undefined) return;
  let node = root;
  path.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Json));
  node[path[path.length - 1]] = value;
}

function readInfo(r: Reader, sheets: ReadonlyMap<string, GridSheet>, json: Json, parts: Record<PartKey, Json>) {
  const sheet = L.BOOK_SHEETS.info;
  const settings = r.block(sheets, sheet, L.BLOCKS.rules, L.SETTING_HEADERS);
  if (settings) {
    const seen = new Map<string, number>();
    for (const row of settings.rows) {
      const label = cellText(row.cells[(settings.columns.get(L.SETTING_HEADERS[0]) ?? 1) - 1]).trim();
      const key = L.keyOfLabel(L.SETTINGS, label);
      const where = { sheet, row: row.row, column: L.SETTING_HEADERS[0] };
      if (!key) {
        r.error(where, "book.unknownSetting", `不认识的项目「${label}」；可用的项目见“说明”表`);
        continue;
      }
      if (seen.has(key)) {
        r.error(where, "book.duplicateSetting", `项目「${label}」与第 ${seen.get(key)} 行重复`);
        continue;
      }
      seen.set(key, row.row);
      const [path, kind] = SETTING_PATHS[key];
      const cell = r.field(settings, row, L.SETTING_HEADERS[1], path);
      setAt(json, path, kind === "number" ? num(cell) : str(cell));
    }
    // A setting whose row is gone: the schema says it is missing, here is where it belongs.
    for (const [key, [path]] of Object.entries(SETTING_PATHS) as [L.SettingKey, [Path, string]][]) {
      r.place(path, { sheet, block: L.BLOCKS.rules, column: L.SETTINGS[key] });
    }
  }
  const list = (
    title: string,
    headers: readonly string[],
    path: Path,
    each: (b: ReadBlock, row: ReadRow, p: Path) => unknown,
  ) => {
    const block = r.block(sheets, sheet, title, headers);
    r.place(path, block ? { sheet, row: block.header } : { sheet, block: title });
    if (!block) return;
    const out = block.rows.map((row, i) => {
      r.place([...path, i], { sheet, row: row.row });
      return each(block, row, [...path, i]);
    });
    setAt(json, path, out);
  };
  list(L.BLOCKS.grades, L.GRADE_HEADERS, ["grades"], (b, row, p) => ({
    grade: str(r.field(b, row, L.GRADE_HEADERS[0], [...p, "grade"])),
    min: num(r.field(b, row, L.GRADE_HEADERS[1], [...p, "min"])),
  }));
  list(L.BLOCKS.veto, L.VETO_HEADERS, ["vetoConditions"], (b, row, p) => str(r.field(b, row, L.VETO_HEADERS[1], p)));
  list(L.BLOCKS.signatures, L.SIGNATURE_HEADERS, ["scoreSheet", "signatures"], (b, row, p) =>
    str(r.field(b, row, L.SIGNATURE_HEADERS[1], p)),
  );

  const partBlock = r.block(sheets, sheet, L.BLOCKS.parts, L.PART_HEADERS);
  const seen = new Map<PartKey, number>();
  for (const row of partBlock?.rows ?? []) {
    const b = partBlock!;
    const label = cellText(row.cells[b.columns.get("部分")! - 1]).trim();
    const key = L.keyOfLabel(L.PART_LABELS, label);
    const where = { sheet, row: row.row, column: "部分" };
    if (!key || seen.has(key)) {
      r.error(
        where,
        key ? "book.duplicatePart" : "book.unknownPart",
        key
          ? `「${label}」与第 ${seen.get(key)} 行重复`
          : `部分「${label}」不是 ${Object.values(L.PART_LABELS).join("、")} 之一`,
      );
      continue;
    }
    seen.set(key, row.row);
    const path = PART_PATH[key];
    const part = parts[key];
    r.place(path, { sheet, row: row.row });
    part.title = str(r.field(b, row, "标题", [...path, "title"]));
    part.points = num(r.field(b, row, "总分", [...path, "points"]));
    const targets = str(r.field(b, row, "默认考核对象", [...path, "defaultTargets"]));
    if (targets !== undefined) part.defaultTargets = targets;
    for (const [name, prefix] of [
      ["bonus", "加分"],
      ["penalty", "减分"],
    ] as const) {
      const text = str(r.field(b, row, `${prefix}项`, [...path, name, "text"]));
      const method = str(r.field(b, row, `${prefix}考核方式`, [...path, name, "method"]));
      const cap = num(r.field(b, row, `${prefix}上限`, [...path, name, "cap"]));
      if (text === undefined && method === undefined && cap === undefined) continue;
      r.place([...path, name], { sheet, row: row.row, column: `${prefix}项` });
      part[name] = { text, method: method ?? "", cap: cap === undefined || cap === "不设上限" ? null : cap };
    }
  }
  if (partBlock) {
    for (const k of ["county", "common", "individual"] as const) {
      if (!seen.has(k))
        r.error(
          { sheet, row: partBlock.header },
          "book.partMissing",
          `「${L.BLOCKS.parts}」表缺少「${L.PART_LABELS[k]}」行`,
        );
    }
  }

  const notes = r.block(sheets, sheet, L.BLOCKS.partNotes, L.PART_NOTE_HEADERS);
  for (const row of notes?.rows ?? []) {
    const b = notes!;
    const label = cellText(row.cells[b.columns.get("部分")! - 1]).trim();
    const key = L.keyOfLabel(L.PART_LABELS, label);
    if (!key) {
      r.error(
        { sheet, row: row.row, column: "部分" },
        "book.unknownPart",
        `部分「${label}」不是 ${Object.values(L.PART_LABELS).join("、")} 之一`,
      );
      continue;
    }
    const list = parts[key].notes as unknown[];
    list.push(str(r.field(b, row, "说明", [...PART_PATH[key], "notes", list.length])) ?? "");
  }
}

function readUnits(r: Reader, sheets: ReadonlyMap<string, GridSheet>, json: Json) {
  const sheet = L.BOOK_SHEETS.units;
  const block = r.block(sheets, sheet, L.BLOCKS.units, L.UNIT_HEADERS);
  if (!block) return;
  const units = json.units as Record<string, Json[]>;
  r.place(["units"], { sheet, row: block.header });
  for (const row of block.rows) {
    const label = cellText(row.cells[block.columns.get("类别")! - 1]).trim();
    const category = L.keyOfLabel(L.CATEGORY_LABELS, label);
    if (!category) {
      r.error(
        { sheet, row: row.row, column: "类别" },
        "book.unknownCategory",
        `类别「${label}」不是 ${Object.values(L.CATEGORY_LABELS).join("、")} 之一`,
      );
      continue;
    }
    const group = category === "county" ? "counties" : category;
    const path = ["units", group, units[group].length];
    r.place(path, { sheet, row: row.row });
    const name = str(r.field(block, row, "名称", [...path, "name"]));
    const aliasCell = r.field(block, row, "别名", [...path, "aliases"]);
    const aliases = (str(aliasCell) ?? "")
      .split(/[、，,;；\n]/)
      .map((a) => a.trim())
      .filter(Boolean);
    aliases.forEach((_, i) => r.place([...path, "aliases", i], { sheet, row: row.row, column: "别名" }));
    units[group].push({ name: name?.trim(), aliases });
  }
}

function readTargets(r: Reader, sheets: ReadonlyMap<string, GridSheet>, json: Json) {
  const sheet = L.BOOK_SHEETS.targets;
  const groups = r.block(sheets, sheet, L.BLOCKS.groups, L.GROUP_HEADERS);
  const pairs = (
    block: ReadBlock | undefined,
    name: string,
    headers: readonly [string, string],
    value: (s: string) => unknown,
  ) => {
    const out: Json = {};
    const seen = new Map<string, number>();
    for (const row of block?.rows ?? []) {
      const phrase = str(row.cells[block!.columns.get(headers[0])! - 1])?.trim() ?? "";
      if (seen.has(phrase)) {
        r.error(
          { sheet, row: row.row, column: headers[0] },
          "book.duplicatePhrase",
          `「${phrase}」与第 ${seen.get(phrase)} 行重复`,
        );
        continue;
      }
      seen.set(phrase, row.row);
      const path = [name, phrase];
      r.field(block!, row, headers[0], [...path, "$key"]);
      out[phrase] = value(str(r.field(block!, row, headers[1], path)) ?? "");
    }
    if (block) json[name] = out;
  };
  pairs(groups, "targetGroups", L.GROUP_HEADERS, (s) => L.keyOfLabel(L.GROUP_LABELS, s) ?? s);
  const misprints = r.block(sheets, sheet, L.BLOCKS.misprints, L.MISPRINT_HEADERS);
  pairs(misprints, "knownMisprints", L.MISPRINT_HEADERS, (s) => s);
}

function readAnnexes(r: Reader, sheets: ReadonlyMap<string, GridSheet>, json: Json) {
  const sheet = L.BOOK_SHEETS.annexes;
  const one = r.block(sheets, sheet, L.BLOCKS.annex1, L.ANNEX1_HEADERS);
  if (one) {
    r.place(["annex1", "items"], { sheet, row: one.header });
    (json.annex1 as Json).items = one.rows.map((row, i) => {
      const p = ["annex1", "items", i];
      r.place(p, { sheet, row: row.row });
      return {
        no: num(r.field(one, row, "序号", [...p, "no"])),
        title: str(r.field(one, row, "考核项目", [...p, "title"])),
        points: num(r.field(one, row, "分值", [...p, "points"])),
        method: str(r.field(one, row, "考核方式", [...p, "method"])) ?? "",
      };
    });
  }
  const two = r.block(sheets, sheet, L.BLOCKS.annex2, L.ANNEX2_HEADERS);
  if (two) {
    r.place(["annex2", "columns"], { sheet, row: two.header });
    (json.annex2 as Json).columns = two.rows.map((row, i) => {
      const p = ["annex2", "columns", i];
      r.place(p, { sheet, row: row.row });
      return {
        department: str(r.field(two, row, "部门", [...p, "department"])),
        title: str(r.field(two, row, "考核内容", [...p, "title"])),
        points: num(r.field(two, row, "分值", [...p, "points"])),
      };
    });
  }
}
