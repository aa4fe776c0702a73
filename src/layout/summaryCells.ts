/** What a summary's cells may hold: Excel's limit on a cell's text, and the issues as the summary lists them. */
/** Excel holds at most 32,767 characters in a cell, and repairs a file with more. */
export const CELL_TEXT_LIMIT = 32767;

/** A message cut to fit a cell (messages may quote a pasted entry); entries themselves are never cut. */
export function fitCell(text: string, limit = CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const more = "…（过长，已截断）";
  return text.slice(0, limit - more.length) + more;
}

export interface SummaryIssueRow {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly unit?: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}
