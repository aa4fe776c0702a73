/**
 * The direct writer: a plan of values and styles (the summary of `scorecard total --out`) → .xlsx bytes, without
 * exceljs. exceljs costs the command line ~175 ms to load and builds its whole model before writing; this writes the
 * parts straight from the plan and deflates them with node:zlib (command line only; not exported to the task pane).
 * It renders what the exceljs writer (write.ts) renders for such a plan — the test compares both cell by cell — and
 * refuses a plan with validation, highlighting or protection, which only write.ts writes.
 */
import type { WorkbookPlan } from "../layout";
import { sheetParts } from "./ooxmlSheet";
import { StyleTable } from "./ooxmlStyles";
import { escapeXml, SharedStrings } from "./ooxmlText";
import { zipParts } from "./zipWrite";

const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const relationships = (rels: readonly [string, string][]) =>
  `${XML}<Relationships xmlns="${PKG_REL}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;

export function planToXlsxValues(plan: WorkbookPlan, at: Date = new Date()): Uint8Array {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const parts = new Map<string, string>();
  const overrides: [string, string][] = [];
  let tableId = 1;
  const names: string[] = [];
  plan.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const { sheetXml, tables } = sheetParts(sheet, styles, strings, tableId);
    parts.set(`xl/worksheets/sheet${n}.xml`, sheetXml);
    overrides.push([`/xl/worksheets/sheet${n}.xml`, `${CT}.worksheet+xml`]);
    if (tables.length) {
      const rels: [string, string][] = [];
      for (const xml of tables) {
        parts.set(`xl/tables/table${tableId}.xml`, xml);
        overrides.push([`/xl/tables/table${tableId}.xml`, `${CT}.table+xml`]);
        rels.push([`${REL}/table`, `../tables/table${tableId}.xml`]);
        tableId++;
      }
      parts.set(`xl/worksheets/_rels/sheet${n}.xml.rels`, relationships(rels));
    }
    const titles = sheet.print.titleRows;
    if (titles) {
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoted}!$${titles.from}:$${titles.to}`)}</definedName>`,
      );
    }
  });
  const sheets = plan.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 3}"/>`,
    )
    .join("");
  parts.set(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}</workbook>`,
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    relationships([
      [`${REL}/styles`, "styles.xml"],
      [`${REL}/sharedStrings`, "sharedStrings.xml"],
      ...plan.sheets.map((_, i): [string, string] => [`${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
    ]),
  );
  parts.set("xl/styles.xml", styles.toXml());
  parts.set("xl/sharedStrings.xml", strings.toXml());
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z");
  parts.set(
    "docProps/core.xml",
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>考核打分助手</dc:creator><dc:title>${escapeXml(`${plan.rulesId} ${plan.rulesVersion}`)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  parts.set(
    "_rels/.rels",
    relationships([
      [`${REL}/officeDocument`, "xl/workbook.xml"],
      [`${PKG_REL}/metadata/core-properties`, "docProps/core.xml"],
    ]),
  );
  const contentTypes = [
    ["/xl/workbook.xml", `${CT}.sheet.main+xml`],
    ["/xl/styles.xml", `${CT}.styles+xml`],
    ["/xl/sharedStrings.xml", `${CT}.sharedStrings+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ...overrides,
  ];
  const types = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${contentTypes.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("")}</Types>`;
  // [Content_Types].xml first, as Office writes it (some readers look for it there).
  return zipParts(new Map([["[Content_Types].xml", types], ...parts]), at);
}
