/** The Office adapter's one error type: its message is what the person reads, in Chinese. */
export class ExcelAdapterError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "ExcelAdapterError";
  }
}

/** `what` failed: an ExcelAdapterError as is, anything else wrapped with its reason ("生成打分表失败：…"). */
export function adapterError(what: string, err: unknown): ExcelAdapterError {
  if (err instanceof ExcelAdapterError) return err;
  return new ExcelAdapterError(`${what}：${describe(err)}`, err);
}

/** The reason Office gives, with its code when it has one (RichApi errors carry `code`). */
export function describe(err: unknown): string {
  const e = err as { message?: string; code?: string } | undefined;
  const message = e?.message ?? String(err);
  return e?.code && !message.includes(e.code) ? `${message}（${e.code}）` : message;
}
