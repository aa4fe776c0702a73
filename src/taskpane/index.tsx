/**
 * Task-pane entry: the only place that hands the Office.js adapter's functions (src/excel) to the React tree.
 * Outside Office, Office.onReady resolves with host null (or office.js is missing) and the pane says what it is and
 * how to open it in Excel. In Excel, live checking starts at once, so a workbook made earlier is checked again as soon as the pane
 * opens.
 */
import { createRoot } from "react-dom/client";
import { readCarriedRules } from "../excel/carriedRules";
import { startLiveChecking } from "../excel/check";
import { exportUnit } from "../excel/exportUnit";
import { applyImport, previewImport } from "../excel/importWorkbooks";
import { renderPlan } from "../excel/render";
import { repairUnitSheet } from "../excel/repair";
import { selectCell } from "../excel/select";
import { validateAndTotal } from "../excel/total";
import { buildWorkbookPlan } from "../layout";
import { defaultRubric, type Rubric } from "../rubric";
import type { ExcelActions } from "./actions";
import { App } from "./App";
import { format, pickMessages } from "./locales";

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

async function start(inExcel: boolean, displayLanguage?: string) {
  const messages = pickMessages(displayLanguage ?? navigator.language);
  document.documentElement.lang = messages.lang;
  document.title = messages.appName;
  // The pane starts with the rules the open workbook carries (made from them), else the embedded 2022 rules.
  const carried: { rubric?: Rubric; problem?: string } = inExcel
    ? await readCarriedRules().catch((err: Error) => ({ problem: err.message }))
    : {};
  createRoot(document.getElementById("root") as HTMLElement).render(
    <App
      messages={messages}
      rubric={carried.rubric ?? defaultRubric()}
      rubricFromWorkbook={carried.rubric !== undefined}
      rulesNotice={carried.problem ? format(messages.rulesCarriedUnusable, { problem: carried.problem }) : undefined}
      excel={inExcel ? excelActions : undefined}
    />,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel, Office.context?.displayLanguage));
} else {
  void start(false);
}
