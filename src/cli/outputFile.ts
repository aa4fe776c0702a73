/**
 * Writing a workbook the command line made, without ever leaving a half file or destroying another: the name must
 * end in .xlsx, the bytes go to a temporary file in the same folder and are renamed into place (a rename within a
 * folder replaces the target whole or not at all), and an output that is also an input is refused.
 */
import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { CliError } from "./errors";
import { fsError } from "./fsErrors";

/** Refuses an output name that does not end in .xlsx: exceljs writes .xlsx bytes whatever the name says. */
export function checkXlsxName(file: string, option = "--out"): void {
  if (extname(file).toLowerCase() === ".xlsx") return;
  const stem = basename(file, extname(file)) || "汇总";
  throw new CliError(
    `「${file}」不是 .xlsx 文件名：${option} 后请写以 .xlsx 结尾的文件名，例如 ${option} ${stem}.xlsx`,
    2,
  );
}

/** The first of "name(2).xlsx", "name(3).xlsx" … that does not exist yet, to suggest instead of `file`. */
export function freeName(file: string): string {
  const ext = extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let i = 2; ; i++) {
    const candidate = `${stem}(${i})${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * A path as the file system knows it: links resolved, and case folded where names are case-insensitive (Windows,
 * macOS by default), so that 汇总.XLSX and 汇总.xlsx are one file there.
 */
function canonical(file: string): string {
  const full = resolve(file);
  let real: string;
  try {
    real = realpathSync.native(full);
  } catch {
    // Not there (yet): its folder may still be reached through a link.
    try {
      real = join(realpathSync.native(dirname(full)), basename(full));
    } catch {
      real = full;
    }
  }
  return process.platform === "win32" || process.platform === "darwin" ? real.toLowerCase() : real;
}

/** Whether two paths name the same file: the same real path, or the same file by device and inode (hard links). */
export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const sa = statSync(a, { bigint: true });
    const sb = statSync(b, { bigint: true });
    return sa.ino !== 0n && sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** The inputs that are the file at `out`, however they are spelled (another case, a link, ./ or ../). */
export function inputsAt(out: string, inputs: readonly string[]): string[] {
  return inputs.filter((input) => sameFile(out, input));
}

/** The refusal of an output path that is also an input: the summary would replace a returned workbook. */
export function inputAsOutputError(out: string, input: string): CliError {
  return new CliError(
    `--out ${out} 就是要汇总的工作簿「${input}」：汇总表不能覆盖交回的工作簿，文件未改动。请给汇总表另起一个名字，例如 --out 汇总.xlsx`,
    2,
  );
}

/** Writes `bytes` to `file` through a temporary file in the same folder; on failure nothing at `file` changes. */
export function writeFileSafely(file: string, bytes: Uint8Array): void {
  const temp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: "wx" });
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made, or is gone already.
    }
    throw fsError(err, file, "write");
  }
}
