/**
 * LibreOffice headless as the spreadsheet engine of the tests: it opens a workbook with recalculation on load forced
 * (so no cached result is trusted), and exports every sheet as UTF-8 CSV.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const CANDIDATES = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice"];

export function sofficePath(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p));
}

export function libreOfficeAvailable(): boolean {
  return sofficePath() !== undefined;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of the workbook, recalculated by LibreOffice, as rows of cell texts (raw values, not as shown). */
export async function recalculateToCsv(xlsxPath: string): Promise<Record<string, string[][]>> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc");
  const work = mkdtempSync(join(tmpdir(), "lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const input = join(work, "book.xlsx");
  copyFileSync(xlsxPath, input);
  const out = join(work, "out");
  mkdirSync(out);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      input,
    ],
    { stdio: "pipe", timeout: 120000 },
  );
  const result: Record<string, string[][]> = {};
  const prefix = `${basename(input, ".xlsx")}-`;
  for (const file of readdirSync(out)) {
    if (!file.endsWith(".csv")) continue;
    const sheet = file.startsWith(prefix) ? file.slice(prefix.length, -4) : file.slice(0, -4);
    result[sheet] = parseCsv(readFileSync(join(out, file), "utf8"));
  }
  return result;
}
