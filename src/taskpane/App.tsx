/**
 * The task pane. It never calls Office.js itself: the Excel actions arrive as props (see index.tsx), so the pane
 * can be shown and tested outside Excel with other actions injected.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useState } from "react";
import type { SheetCheck } from "../excel/check";
import type { GenerateReport } from "../excel/render";
import type { Rubric } from "../rubric";
import { format, type Messages } from "./locales";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  issue: { display: "block", textAlign: "left" },
});

export interface ExcelActions {
  generate(): Promise<GenerateReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
}

export interface AppProps {
  messages: Messages;
  rubric: Rubric;
  /** Undefined outside Excel. */
  excel?: ExcelActions;
  /** The latest check of each sheet, from live checking. */
  checks: readonly SheetCheck[];
  error?: string;
}

export function App({ messages: t, rubric, excel, checks, error }: AppProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ intent: "success" | "error" | "warning"; text: string }>();

  const generate = async () => {
    if (!excel) return;
    setBusy(true);
    setResult(undefined);
    try {
      const report = await excel.generate();
      const kept = report.kept.map((k) => k.reason);
      setResult({
        intent: kept.length > 0 || report.notices.length > 0 ? "warning" : "success",
        text: [format(t.generated, { count: report.created.length }), ...kept, ...report.notices].join("\n"),
      });
    } catch (err) {
      setResult({ intent: "error", text: `${t.failed}：${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const issues = checks.flatMap((c) => c.issues.map((i) => ({ ...i, sheet: i.sheet ?? c.sheet })));
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2>{t.appName}</Title2>
        <Text>
          {t.rulesInUse}：{rubric.rules.name}（{rubric.version}）—{" "}
          {format(t.rulesSummary, { counties: rubric.registry.counties.length, members: rubric.registry.members.length })}
        </Text>
        {!excel && (
          <MessageBar intent="info">
            <MessageBarBody>
              <strong>{t.outsideExcelTitle}</strong> {t.outsideExcelBody}
            </MessageBarBody>
          </MessageBar>
        )}
        {excel && (
          <Button appearance="primary" disabled={busy} onClick={generate}>
            {t.generate}
          </Button>
        )}
        {busy && <ProgressBar aria-label={t.generating} />}
        {result && (
          <MessageBar intent={result.intent}>
            <MessageBarBody style={{ whiteSpace: "pre-line" }}>{result.text}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {excel && (
          <section aria-label={t.issues}>
            <Title3>{t.issues}</Title3>
            {issues.length === 0 && <Text>{t.noIssues}</Text>}
            {issues.map((i, n) => (
              <Button
                key={`${i.sheet}-${i.cell}-${i.code}-${n}`}
                className={styles.issue}
                appearance="subtle"
                onClick={() => i.sheet && i.cell && excel.selectCell(i.sheet, i.cell)}
              >
                {i.severity === "error" ? t.error : t.warning} · {i.sheet} {i.cell}：{i.message}
              </Button>
            ))}
          </section>
        )}
      </main>
    </FluentProvider>
  );
}
