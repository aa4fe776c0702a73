/**
 * A workbook's saved time is its own docProps/core.xml dcterms:modified: what our writers put there, what exceljs
 * keeps from a saved file, a stored (not deflated) entry, and nothing at all for a file that does not say.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildWorkbookPlan, summaryValuesSheet } from "../../src/layout";
import { totalWorkbooks } from "../../src/totalling";
import { modifiedOf, savedAt } from "../../src/xlsx/savedAt";
import { planToXlsxValues } from "../../src/xlsx/valuesWriter";
import { planToXlsx } from "../../src/xlsx/write";
import { luliang2022 } from "../support/rules";

const plan = buildWorkbookPlan(luliang2022, [luliang2022.findUnit("石楼县")!]).plan;

test("the direct writer's time (a summary written by total --out) is read back to the second", async () => {
  const at = new Date("2026-11-30T06:02:03.456Z");
  const summary = summaryValuesSheet(luliang2022, totalWorkbooks(luliang2022, []).result, [], "2026/11/30 14:02:03");
  const bytes = planToXlsxValues({ rulesId: "r", rulesVersion: "1", sheets: [summary] }, at);
  await expect(savedAt(bytes)).resolves.toBe("2026-11-30T06:02:03.000Z");
});

test("a workbook saved again (exceljs, as a person's Excel would) gives its new time", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)) as never);
  wb.modified = new Date("2026-12-01T09:30:00Z");
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  await expect(savedAt(bytes)).resolves.toBe("2026-12-01T09:30:00.000Z");
});

test("a core.xml stored without compression, with another prefix, in local time with an offset", async () => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file(
    "docProps/core.xml",
    '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:t="http://purl.org/dc/terms/"><t:modified>2026-11-30T14:02:00+08:00</t:modified></cp:coreProperties>',
  );
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  await expect(savedAt(bytes)).resolves.toBe("2026-11-30T06:02:00.000Z");
});

test("no time to be had: no core.xml, a core.xml without modified, a nonsense date, bytes that are no zip", async () => {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "<workbook/>");
  await expect(savedAt(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).resolves.toBe(
    undefined,
  );
  zip.file("docProps/core.xml", "<cp:coreProperties><dc:creator>x</dc:creator></cp:coreProperties>");
  await expect(savedAt(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).resolves.toBe(
    undefined,
  );
  expect(modifiedOf("<dcterms:modified>昨天</dcterms:modified>")).toBeUndefined();
  await expect(savedAt(new TextEncoder().encode("not a workbook"))).resolves.toBe(undefined);
});
