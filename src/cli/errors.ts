/** An error the command line reports in Chinese, with its exit code (2: a file cannot be read or used). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
