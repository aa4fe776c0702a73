/**
 * Sheet and table names. Excel limits sheet names to 31 characters without []:*?/\ and not starting or ending with
 * an apostrophe; table names must be unique in the workbook, start with a letter and hold letters, digits and
 * underscores only (kept ASCII so that every spreadsheet program accepts them).
 */
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel keeps "History" for its change tracking and refuses it as a sheet name. */
const RESERVED = new Set(["history"]);

export function safeSheetName(name: string, taken: ReadonlySet<string>): string {
  let base =
    name
      .replace(FORBIDDEN, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  if (!isTaken(base, taken) && !RESERVED.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    base = base.slice(0, 31 - suffix.length);
    if (!isTaken(base + suffix, taken)) return base + suffix;
  }
}

/** Sheet names compare case-insensitively in Excel. */
function isTaken(name: string, taken: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  for (const t of taken) if (t.toLowerCase() === lower) return true;
  return false;
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !/^'|'$/.test(name) &&
    !RESERVED.has(name.toLowerCase())
  );
}

export function isValidTableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc]$/.test(name);
}

/** Tables of a unit's sheet, by the unit's position in the rules: U07_Lines, U07_Individual, U07_Adjust. */
export function unitTableName(order: number, role: "Lines" | "Individual" | "Adjust"): string {
  return `U${String(order + 1).padStart(2, "0")}_${role}`;
}
