/**
 * File-system errors in plain Chinese, naming the file. Node's codes (ENOENT, EACCES …) mean nothing to office
 * staff; each gets what happened and, where there is one, what to do about it.
 */
import { dirname } from "node:path";
import { CliError } from "./errors";

type Action = "read" | "write";

const READ: Record<string, string> = {
  ENOENT: "找不到这个文件（文件名或路径有误？）",
  ENOTDIR: "路径中有一段不是文件夹",
  EACCES: "没有读取这个文件的权限",
  EPERM: "没有读取这个文件的权限",
  EISDIR: "这是一个文件夹，不是文件",
  EBUSY: "文件正被其他程序占用，请关闭后重试",
  EMFILE: "同时打开的文件太多，请稍后重试",
  ENAMETOOLONG: "文件名或路径太长",
  ELOOP: "路径中的快捷方式（符号链接）循环指向自己",
};

const WRITE: Record<string, string> = {
  ENOENT: "要保存到的文件夹不存在",
  ENOTDIR: "路径中有一段不是文件夹",
  EACCES: "没有在这里保存文件的权限",
  EPERM: "没有在这里保存文件的权限（或文件正在 Excel、WPS 中打开）",
  EISDIR: "这是一个文件夹，请在 --out 后写文件名，例如 汇总.xlsx",
  EBUSY: "文件正被其他程序占用（例如在 Excel 或 WPS 中打开着），请关闭后重试",
  ENOSPC: "磁盘已满，请腾出空间或保存到其他位置",
  EDQUOT: "超出了磁盘配额，请腾出空间或保存到其他位置",
  EROFS: "这个位置是只读的（只读的磁盘、光盘或共享文件夹），请保存到其他位置",
  EMFILE: "同时打开的文件太多，请稍后重试",
  ENAMETOOLONG: "文件名或路径太长",
  EEXIST: "同名的临时文件已存在，请重试",
  EXDEV: "无法在这个位置替换文件，请保存到其他位置",
};

/** What went wrong with `file`, in Chinese, e.g. "磁盘已满，请腾出空间或保存到其他位置". */
export function fsReason(err: unknown, action: Action): string {
  const code = (err as NodeJS.ErrnoException)?.code ?? "";
  const known = (action === "read" ? READ : WRITE)[code];
  if (known) return known;
  return `${action === "read" ? "读取" : "保存"}时出错（${code || (err as Error)?.message || String(err)}）`;
}

/** The error to throw for a file that could not be read or written: exit 2, the file named. */
export function fsError(err: unknown, file: string, action: Action): CliError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const what = action === "read" ? "无法读取" : "无法保存";
  // A missing folder is named itself: the file cannot exist there yet.
  const where = action === "write" && code === "ENOENT" ? `（${dirname(file)}）` : "";
  return new CliError(`${what}「${file}」：${fsReason(err, action)}${where}`, 2);
}
