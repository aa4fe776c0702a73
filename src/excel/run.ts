/** Excel.run with its round trips counted: every action reports how many `context.sync()` calls it made. */
export interface SyncCounter {
  syncs: number;
}

export function countedRun<T>(
  counter: SyncCounter,
  body: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>,
): Promise<T> {
  return Excel.run((context) =>
    body(context, async () => {
      counter.syncs++;
      await context.sync();
    }),
  );
}
