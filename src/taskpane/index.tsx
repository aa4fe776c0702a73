/**
 * Task-pane entry: the only place that hands the Office.js adapter's functions (src/excel) to the React tree.
 * Outside Office, Office.onReady resolves with host null (or office.js is missing) and the pane says what it is and
 * how to open it in Excel. In Excel, live checking starts at once, so a workbook made earlier is checked again as soon as the pane
 * opens.
 */
import { createRoot } from "react-dom/client";
import { startLiveChecking } from "../excel/check";
import { exportUnit } from "../excel/exportUnit";
import { applyImport, previewImport } from "../excel/importWorkbooks";
import { renderPlan } from "../excel/render";
import { repairUnitSheet } from "../excel/repair";
import { selectCell } from "../excel/select";
import { validateAndTotal } from "../excel/total";
import { buildWorkbookPlan } from "../layout";
import { defaultRubric } from "../rubric";
import type { ExcelActions } from "./actions";
import { App } from "./App";
import { pickMessages } from "./locales";

const excelActions: ExcelActions = {
  generate: (rubric, units) => renderPlan(buildWorkbookPlan(rubric, units).plan),
  selectCell,
  watch: async (rubric, onCheck, onError, onNotice) => {
    const live = await startLiveChecking(rubric, onCheck, onError, { onNotice });
    return () => live.stop();
  },
  validateAndTotal: (rubric) => validateAndTotal(rubric),
  repairSheet: (rubric, sheet) => repairUnitSheet(rubric, sheet),
  previewImport,
  applyImport,
  exportUnit: (rubric, totalled) => exportUnit(rubric, { totalled }),
};

function start(inExcel: boolean, displayLanguage?: string) {
  const messages = pickMessages(displayLanguage ?? navigator.language);
  document.documentElement.lang = messages.lang;
  document.title = messages.appName;
  createRoot(document.getElementById("root") as HTMLElement).render(
    <App messages={messages} rubric={defaultRubric()} excel={inExcel ? excelActions : undefined} />,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel, Office.context?.displayLanguage));
} else {
  start(false);
}
