/**
 * Live checking as a hook: it starts checking edits and pastes (src/excel/check.ts through ExcelActions.watch) when
 * the pane opens, again whenever the rules change, and stops when the pane goes. It holds each sheet's issues, the
 * message of a check that could not run, and notices (such as Undo being kept), for the pane to show.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import type { Rubric } from "../../rubric";
import type { ExcelActions, LocatedIssue, SheetCheck } from "../actions";

export type IssuesBySheet = ReadonlyMap<string | undefined, readonly LocatedIssue[]>;

export interface LiveCheck {
  readonly issues: IssuesBySheet;
  readonly setIssues: Dispatch<SetStateAction<IssuesBySheet>>;
  readonly liveError: string | undefined;
  readonly setLiveError: Dispatch<SetStateAction<string | undefined>>;
  readonly notices: readonly string[];
}

/**
 * Stops live checking without an unhandled rejection: once asked to stop, the handlers check nothing more even when
 * Excel could not be reached to remove them (src/excel/check.ts), so nothing is left to tell the person.
 */
function stopQuietly(stop: () => Promise<void>): void {
  stop().catch((err: unknown) => console.warn("live checking did not stop cleanly", err));
}

export function useLiveCheck(excel: ExcelActions, rubric: Rubric): LiveCheck {
  const [issues, setIssues] = useState<IssuesBySheet>(new Map());
  const [liveError, setLiveError] = useState<string>();
  const [notices, setNotices] = useState<readonly string[]>([]);

  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    setIssues(new Map());
    setLiveError(undefined);
    const onCheck = (check: SheetCheck) => {
      // A check that ran says live checking works again: an earlier failure's message goes.
      setLiveError(undefined);
      setIssues((old) =>
        new Map(old).set(
          check.sheet,
          check.issues.map((i) => ({ ...i, sheet: i.sheet ?? check.sheet })),
        ),
      );
    };
    const onNotice = (notice: string) => setNotices((old) => (old.includes(notice) ? old : [...old, notice]));
    excel
      .watch(rubric, onCheck, (err) => setLiveError(err.message), onNotice)
      .then(
        (s) => (gone ? stopQuietly(s) : (stop = s)),
        (err: Error) => !gone && setLiveError(err.message),
      );
    return () => {
      gone = true;
      if (stop) stopQuietly(stop);
    };
  }, [excel, rubric]);

  return { issues, setIssues, liveError, setLiveError, notices };
}
