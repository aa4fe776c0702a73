/** A plan's print settings in Excel: paper, orientation, scale, margins, title rows, header, footer, page breaks. */
import type { SheetPlan } from "../layout";

/**
 * Print setup needs ExcelApi 1.9 (PageLayout: zoom, margins in points, headersFooters; PageBreakCollection.add
 * "adds a page break before the top-left cell of the range"); without it the sheets still work and the user is told.
 * A fixed scale rather than fit-to-width, because Excel ignores manual page breaks under "fit to".
 */
export function printSetup(ws: Excel.Worksheet, plan: SheetPlan): void {
  const { print } = plan;
  const layout = ws.pageLayout;
  layout.orientation =
    print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  layout.zoom = { scale: print.scale };
  layout.leftMargin = print.margins.left;
  layout.rightMargin = print.margins.right;
  layout.topMargin = print.margins.top;
  layout.bottomMargin = print.margins.bottom;
  layout.headerMargin = print.margins.header;
  layout.footerMargin = print.margins.footer;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.from}:$${print.titleRows.to}`);
  const page = layout.headersFooters.defaultForAllPages;
  if (print.header) page.centerHeader = print.header.replace(/&/g, "&&");
  if (print.footer) page.centerFooter = print.footer;
  for (const after of print.breaksAfter) ws.horizontalPageBreaks.add(`A${after + 1}`);
}
