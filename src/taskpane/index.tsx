/**
 * Task-pane entry: the only place that hands Office.js-calling functions to the React tree. Outside Office,
 * Office.onReady resolves with host null and the pane says what it is and how to open it in Excel. In Excel, live
 * checking starts at once, so a workbook made earlier is checked again as soon as the pane opens.
 */
import { createRoot } from "react-dom/client";
import { startLiveChecking, type SheetCheck } from "../excel/check";
import { renderPlan } from "../excel/render";
import { buildWorkbookPlan } from "../layout";
import { defaultRubric } from "../rubric";
import { App, type ExcelActions } from "./App";
import { pickMessages } from "./locales";

const root = createRoot(document.getElementById("root") as HTMLElement);
const rubric = defaultRubric();

function start(inExcel: boolean, displayLanguage?: string) {
  const messages = pickMessages(displayLanguage ?? navigator.language);
  const checks = new Map<string, SheetCheck>();
  let error: string | undefined;
  const excel: ExcelActions | undefined = inExcel
    ? {
        generate: () => renderPlan(buildWorkbookPlan(rubric, rubric.registry.all).plan),
        selectCell: (sheet, cell) =>
          Excel.run(async (context) => {
            const ws = context.workbook.worksheets.getItem(sheet);
            ws.activate();
            ws.getRange(cell).select();
            await context.sync();
          }),
      }
    : undefined;
  const render = () => root.render(<App messages={messages} rubric={rubric} excel={excel} checks={[...checks.values()]} error={error} />);
  render();
  if (inExcel) {
    startLiveChecking(
      rubric,
      (check) => {
        checks.set(check.sheet, check);
        render();
      },
      (err) => {
        error = err.message;
        render();
      },
    ).catch((err: Error) => {
      error = err.message;
      render();
    });
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => start(info.host === Office.HostType.Excel, Office.context?.displayLanguage));
} else {
  start(false);
}
