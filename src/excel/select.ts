/** Takes the person to a cell: activates its sheet and selects it, in one round trip (a click on an issue). */
import { adapterError } from "./errors";
import { run } from "./session";

export async function selectCell(sheet: string, cell: string): Promise<void> {
  try {
    await run({ syncs: 0 }, async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await sync();
    });
  } catch (err) {
    throw adapterError(`无法跳转到「${sheet}」${cell}`, err);
  }
}
