/**
 * Totalling with the files' saved times, asked only of the files that need one: total once; if a conflict names a
 * file, or a party's files differ and the newer is to win, ask those files when they were saved (xlsx/savedAt.ts,
 * through `timeOf`) and total again, so the times show in the messages and decide which file is newer.
 */
import type { Rubric } from "../rubric";
import type { ReturnedWorkbook } from "./located";
import { totalWorkbooks, type Totalling, type TotallingOptions } from "./totalWorkbooks";

export async function totalWithTimes(
  rubric: Rubric,
  workbooks: readonly ReturnedWorkbook[],
  options: TotallingOptions,
  timeOf: (wb: ReturnedWorkbook) => Promise<string | undefined>,
): Promise<Totalling> {
  const first = totalWorkbooks(rubric, workbooks, options);
  if (first.datesWanted.length === 0) return first;
  const wanted = new Set(first.datesWanted);
  const dated = await Promise.all(
    workbooks.map(async (wb) => (wb.file && wanted.has(wb.file) ? { ...wb, savedAt: await timeOf(wb) } : wb)),
  );
  const again = dated.some((wb, i) => wb.savedAt !== workbooks[i].savedAt)
    ? totalWorkbooks(rubric, dated, options)
    : first;
  // Files that still could not be compared have no time of their own: say so, since the user asked the newer to win.
  const undated = again.undated;
  if (undated.length === 0) return again;
  return {
    ...again,
    issues: [
      ...again.issues,
      ...undated.map((file) => ({
        code: "file.undated",
        severity: "warning" as const,
        unit: "",
        field: "unit" as const,
        message: `「${file}」没有记录保存时间，无法判断它与同一方的其他文件哪份较新；不一致之处仍按冲突列出，请人工核对`,
        file,
      })),
    ],
  };
}
