/**
 * Task-pane entry. Office.onReady resolves with host null outside Office: the pane then says what it is and how to
 * open it in Excel instead of failing.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(inExcel: boolean) {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(<App inExcel={inExcel} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
