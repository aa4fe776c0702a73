/**
 * Errors of the Office.js adapter: a zh-CN message for the task pane, the Office.js error kept as `cause`. The adapter
 * never catches and logs: every failure reaches the caller.
 */
export class ExcelAdapterError extends Error {
  /** A stable code for tests and the task pane ("generate.nameTaken", "office.error" …). */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExcelAdapterError";
    this.code = code;
  }
}

/** Wraps an error of Office.js (OfficeExtension.Error or any other) in an ExcelAdapterError with a zh-CN message. */
export function adapterError(what: string, error: unknown): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return new ExcelAdapterError("office.error", `${what}失败：${detail}${code ? `（${code}）` : ""}`, { cause: error });
}
