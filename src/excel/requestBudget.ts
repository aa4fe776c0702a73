/**
 * How much one request may carry. Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded,
 * learn.microsoft.com "Resource limits and performance optimization for Office Add-ins"), so many sheets are
 * written in as many requests as keep each under the budget.
 */
import type { SheetPlan } from "../layout";

/**
 * The most a request may carry, as Office serializes it: 2.5 MB (2,500,000 bytes), half of Excel on the web's 5 MB,
 * so a sheet larger than the rules of 2022 make still fits alone. (It was 2 MB until the sign-off rows made
 * generate-all one request longer: 8 round trips; at 2.5 MB it is 7 again, its largest request 2.37 MB.)
 */
export const REQUEST_BUDGET = 2_500_000;

/**
 * Office's serialization of a sheet's writes, estimated from its plan, on the high side: measured with Microsoft's
 * client on the 2022 rules, a sheet costs about 69 KB of fixed actions (styles, validations, print setup) plus 1.1
 * bytes per byte of the plan's JSON (a county: 130 KB, estimated 204 KB; a member unit 87 KB, estimated 110 KB).
 * Since the plan also carries fitted rows, borders and page breaks, 2.4 per byte let one request of generate-all
 * reach 2.02 MB of a 2 MB budget (test/excel/render.test.ts, through the real client); 3 per byte keeps each under.
 * The sign-off rows under the totals added fixed actions (validations, conditional formats, merges): a member unit's
 * sheet then measured 138 KB against 136 KB estimated with 70 KB fixed, so the fixed part is 75 KB, and a test
 * renders every sheet alone through the real client to keep the estimate above each.
 */
export const estimateRequestBytes = (plan: SheetPlan): number => 75_000 + JSON.stringify(plan).length * 3;

/** The sheets in order, in groups whose estimated requests stay within the budget (a sheet alone may pass it). */
export function withinBudget(sheets: readonly SheetPlan[]): SheetPlan[][] {
  const batches: SheetPlan[][] = [[]];
  let bytes = 0;
  for (const sheet of sheets) {
    const size = estimateRequestBytes(sheet);
    if (bytes + size > REQUEST_BUDGET && batches[batches.length - 1].length > 0) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(sheet);
    bytes += size;
  }
  return batches.filter((b) => b.length > 0);
}
