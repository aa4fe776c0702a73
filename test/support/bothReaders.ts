/** What each reader makes of a file: its grid, or its message. The two must agree while both exist. */
import { readXlsx as readWithJSZip } from "../../src/xlsx/read";
import { readXlsxNode } from "../../src/xlsx/nodeRead";

async function outcome(read: (b: Uint8Array, n: string) => Promise<unknown>, bytes: Uint8Array, name: string) {
  try {
    return { grid: await read(bytes, name) };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
}

/** Both readers' outcomes on one file: the browser's (JSZip) and the command line's (node:zlib). */
export async function bothReaders(bytes: Uint8Array, name: string) {
  return { jszip: await outcome(readWithJSZip, bytes, name), zlib: await outcome(readXlsxNode, bytes, name) };
}
