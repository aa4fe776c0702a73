/**
 * The sheets of the open workbook as last seen by the add-in. Reading a sheet's cells needs its name, and learning
 * the names costs a round trip of its own; remembering them from the previous action lets 校验并汇总 read every
 * sheet in one round trip. The list is only a guess: the reader checks it against the workbook in the same round
 * trip and reads what it missed in a second one.
 */
let known: string[] | undefined;

export function rememberSheets(names: readonly string[]): void {
  known = [...new Set(names)];
}

export function knownSheets(): readonly string[] | undefined {
  return known;
}

export function forgetSheets(): void {
  known = undefined;
}
