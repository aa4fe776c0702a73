/**
 * 导入回收的工作簿 and 导出本单位工作簿. Importing merges the returned files into this workbook cell by cell; the
 * cells that differ from what is filled in already are listed first and never written. An exported workbook is also
 * offered as a download.
 */
import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Rubric } from "../../rubric";
import type { ExcelActions, ImportPreview, LocatedIssue, Totalled } from "../actions";
import { format, type Messages } from "../locales";
import { exportedOutcome, failure, Outcome, type OutcomeValue } from "./Outcome";

const useStyles = makeStyles({
  part: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  conflicts: { maxHeight: "40vh", overflowY: "auto", paddingLeft: tokens.spacingHorizontalL },
});

type Props = { rubric: Rubric; messages: Messages; excel: ExcelActions };

const issueLine = (i: { file?: string; sheet?: string; cell?: string; message: string }) =>
  `${[i.file, i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.sheet].filter(Boolean).join(" ")}：${i.message}`;

export function ImportPanel({ rubric, messages: t, excel }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [newer, setNewer] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeValue>();
  const [asking, setAsking] = useState<ImportPreview>();
  const problemLines = (preview: ImportPreview) => preview.problems.map((p) => `${p.file}：${p.message}`);

  const apply = async (preview: ImportPreview) => {
    setAsking(undefined);
    setBusy(true);
    try {
      const report = await excel.applyImport(preview);
      const lines = [
        ...report.conflicts.map(issueLine),
        ...preview.merge.notices.map(issueLine),
        ...problemLines(preview),
      ];
      setOutcome({
        intent: lines.length > 0 ? "warning" : "success",
        title: format(t.imported, {
          inserted: report.inserted.length,
          filled: report.filled,
          conflicts: report.conflicts.length,
        }),
        lines,
      });
    } catch (err) {
      setOutcome(failure(t, err));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (list: FileList) => {
    setOutcome(undefined);
    setBusy(true);
    let preview: ImportPreview;
    try {
      const files = await Promise.all(
        [...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      preview = await excel.previewImport(rubric, files, { newerReplaces: newer });
    } catch (err) {
      setOutcome(failure(t, err));
      setBusy(false);
      return;
    }
    setBusy(false);
    const { merge } = preview;
    if (!preview.supported) {
      setOutcome({ intent: "warning", title: preview.message ?? t.failed, lines: problemLines(preview) });
    } else if (merge.inserts.length === 0 && merge.writes.length === 0 && merge.conflicts.length === 0) {
      setOutcome({
        intent: "warning",
        title: t.importNothing,
        lines: [...merge.notices.map(issueLine), ...problemLines(preview)],
      });
    } else if (merge.conflicts.length > 0) {
      setAsking(preview);
    } else {
      await apply(preview);
    }
  };

  const conflicts: readonly LocatedIssue[] = asking?.merge.conflicts ?? [];
  return (
    <section className={styles.part} aria-labelledby="import-title" data-testid="import">
      <Subtitle2 as="h2" id="import-title">
        {t.importWorkbooks}
      </Subtitle2>
      <Body1>{t.importHint}</Body1>
      <Checkbox checked={newer} onChange={(_, d) => setNewer(d.checked === true)} label={t.importNewer} />
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {t.importWorkbooks}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="import-files"
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files && files.length > 0) void choose(files);
          e.currentTarget.value = "";
        }}
      />
      {busy && <ProgressBar aria-label={t.importing} />}
      {outcome && <Outcome value={outcome} messages={t} onDismiss={() => setOutcome(undefined)} />}
      <Dialog open={asking !== undefined} modalType="alert" onOpenChange={(_, d) => !d.open && setAsking(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.importConflictTitle}</DialogTitle>
            <DialogContent>
              <Body1 block>{format(t.importConflictBody, { count: conflicts.length })}</Body1>
              <ul className={styles.conflicts}>
                {conflicts.map((c, i) => (
                  <li key={i}>{issueLine(c)}</li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => asking && void apply(asking)}>
                {t.importGoOn}
              </Button>
              <Button onClick={() => setAsking(undefined)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

export function ExportPanel({ rubric, messages: t, excel, totalled }: Props & { totalled?: Totalled }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeValue>();
  const href = outcome?.link?.href;
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);
  const run = async () => {
    setOutcome(undefined);
    setBusy(true);
    try {
      const report = await excel.exportUnit(rubric, totalled);
      setOutcome(exportedOutcome(t, format(t.exported, { unit: report.unit, file: report.fileName }), report));
    } catch (err) {
      setOutcome(failure(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.part} aria-labelledby="export-title" data-testid="export">
      <Subtitle2 as="h2" id="export-title">
        {t.exportUnit}
      </Subtitle2>
      <Body1>{t.exportHint}</Body1>
      <Button disabled={busy} onClick={() => void run()}>
        {t.exportUnit}
      </Button>
      {busy && <ProgressBar aria-label={t.exporting} />}
      {outcome && <Outcome value={outcome} messages={t} onDismiss={() => setOutcome(undefined)} />}
    </section>
  );
}
