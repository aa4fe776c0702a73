/** A plan's chart drawn in Excel (the file adapter cannot write charts: exceljs has none). */
import type { ChartPlan } from "../layout";
import { address, rangeOf } from "./cellFormat";

/** A horizontal bar chart, first unit at the top, each bar in its own colour (ExcelApi 1.7). */
export function drawChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const chart = ws.charts.add(Excel.ChartType.barClustered, rangeOf(ws, plan.values), Excel.ChartSeriesBy.columns);
  chart.title.text = plan.title;
  chart.legend.visible = false;
  chart.axes.categoryAxis.reversePlotOrder = true;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(rangeOf(ws, plan.categories));
  plan.pointColors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
  chart.setPosition(address(plan.anchor.top, plan.anchor.left), address(plan.anchor.bottom, plan.anchor.right));
}
