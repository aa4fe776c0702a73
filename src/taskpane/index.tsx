/**
 * Task-pane entry: the only place that hands the Office.js adapter's functions (src/excel) to the React tree.
 * Outside Office, Office.onReady resolves with host null (or office.js is missing) and the pane says what it is and
 * how to open it in Excel. In Excel, live checking starts at once, so a workbook made earlier is checked again as soon as the pane
 * opens. The pane holds one Session (what it remembers of the open workbook) and, before each action, writes the
 * changes live checking holds for 变更记录 (an action writes anyway, and so ends the person's Ctrl+Z).
 */
import { createRoot } from "react-dom/client";
import { readCarriedRules } from "../excel/carriedRules";
import { startLiveChecking, type LiveChecking } from "../excel/check";
import { exportParty } from "../excel/exportParty";
import { exportUnit } from "../excel/exportUnit";
import { applyImport, previewImport } from "../excel/importWorkbooks";
import { renderPlan } from "../excel/render";
import { repairUnitSheet } from "../excel/repair";
import { selectCell } from "../excel/select";
import { newSession } from "../excel/session";
import { validateAndTotal } from "../excel/total";
import { buildWorkbookPlan } from "../layout";
import { defaultRubric, type Rubric } from "../rubric";
import type { ExcelActions } from "./actions";
import { App } from "./App";
import { format, pickMessages } from "./locales";

const session = newSession();
let live: LiveChecking | undefined;
/** Runs an action after 变更记录 has what live checking holds; a failed flush keeps the rows for the next one. */
const flushed =
  <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    await live?.flush().catch(() => undefined);
    return action(...args);
  };

const excelActions: ExcelActions = {
  generate: flushed((rubric, units) => renderPlan(buildWorkbookPlan(rubric, units).plan, session)),
  selectCell,
  watch: async (rubric, onCheck, onError, onNotice) => {
    const started = await startLiveChecking(rubric, onCheck, onError, { onNotice, session });
    live = started;
    return async () => {
      if (live === started) live = undefined;
      await started.stop();
    };
  },
  validateAndTotal: flushed((rubric) => validateAndTotal(rubric, undefined, session)),
  repairSheet: flushed((rubric, sheet) => repairUnitSheet(rubric, sheet)),
  previewImport: flushed((rubric, files, options) => previewImport(rubric, files, session, options)),
  applyImport: flushed(applyImport),
  exportUnit: flushed((rubric, totalled) => exportUnit(rubric, { totalled })),
  exportParty: flushed(exportParty),
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
