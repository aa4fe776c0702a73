/**
 * The task pane. It never calls Office.js itself: the Excel actions arrive as props (see index.tsx), so the pane
 * can be shown and tested outside Excel with other actions injected. Every action runs asynchronously; while one
 * runs only its own button waits, and the rest of the pane stays usable.
 */
import {
  Body1,
  Button,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { allParties, type Rubric } from "../rubric";
import type { ExcelActions, LocatedIssue, Totalled, TotalReport } from "./actions";
import { ExportPanel, ImportPanel } from "./components/Exchange";
import { IssueList } from "./components/IssueList";
import { failure, Outcome, type OutcomeValue } from "./components/Outcome";
import { OutsideExcel } from "./components/OutsideExcel";
import { RulesCard } from "./components/RulesCard";
import { PartsProgress } from "./components/PartsProgress";
import { TotalResults } from "./components/TotalResults";
import { ForWhomPicker, PartyExport } from "./components/ForWhom";
import { chosenUnits, UnitPicker, type UnitChoice } from "./components/UnitPicker";
import { useLiveCheck, type IssuesBySheet } from "./hooks/useLiveCheck";
import { format, type Messages } from "./locales";

export type { ExcelActions };

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, "&[hidden]": { display: "none" } },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

export interface AppProps {
  messages: Messages;
  /** The rules to start with (the user may load another file). */
  rubric: Rubric;
  /** The rules to start with are those the open workbook carries. */
  rubricFromWorkbook?: boolean;
  /** Said at start about the rules (the workbook's could not be used). */
  rulesNotice?: string;
  /** Undefined outside Excel. */
  excel?: ExcelActions;
}

type TabValue = "generate" | "total" | "exchange";

function bySheet(issues: readonly LocatedIssue[]): IssuesBySheet {
  const map = new Map<string | undefined, LocatedIssue[]>();
  for (const i of issues) map.set(i.sheet, [...(map.get(i.sheet) ?? []), i]);
  return map;
}

export function App({ messages: t, rubric: initialRubric, excel, ...start }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">{t.appName}</Title2>
        {excel ? <Pane messages={t} rubric={initialRubric} excel={excel} {...start} /> : <OutsideExcel messages={t} />}
      </main>
    </FluentProvider>
  );
}

function Pane({
  messages: t,
  rubric: initialRubric,
  excel,
  rubricFromWorkbook,
  rulesNotice,
}: AppProps & { excel: ExcelActions }) {
  const styles = useStyles();
  const [rubric, setRubric] = useState(initialRubric);
  const [fromWorkbook, setFromWorkbook] = useState(rubricFromWorkbook ?? false);
  const [tab, setTab] = useState<TabValue>("generate");
  const [choice, setChoice] = useState<UnitChoice>({ mode: "all", picked: [] });
  const [forWhom, setForWhom] = useState<string>();
  const [generating, setGenerating] = useState<number>();
  const [generated, setGenerated] = useState<OutcomeValue>();
  const [totalling, setTotalling] = useState(false);
  const [totalled, setTotalled] = useState<OutcomeValue>();
  const [report, setReport] = useState<TotalReport>();
  const [totalledAt, setTotalledAt] = useState<Totalled>();
  const { issues, setIssues, liveError, setLiveError, notices } = useLiveCheck(excel, rubric);
  const [repairing, setRepairing] = useState<string>();
  const [repaired, setRepaired] = useState<OutcomeValue>();

  const allIssues = useMemo(() => [...issues.values()].flat(), [issues]);
  const errorCount = allIssues.filter((i) => i.severity === "error").length;
  const units = chosenUnits(rubric, choice);

  const generate = async () => {
    if (units.length === 0) {
      setGenerated({ intent: "warning", title: t.noUnitChosen });
      return;
    }
    setGenerated(undefined);
    setGenerating(units.length);
    try {
      const r = await excel.generate(rubric, units);
      const lines = [...r.kept.map((k) => k.reason), ...r.notices];
      setGenerated({
        intent: lines.length > 0 ? "warning" : "success",
        title: r.created.length > 0 ? format(t.generated, { count: r.created.length }) : t.generatedNone,
        lines,
      });
    } catch (err) {
      setGenerated(failure(t, err));
    } finally {
      setGenerating(undefined);
    }
  };

  const total = async () => {
    setTotalled(undefined);
    setTotalling(true);
    try {
      const at = new Date().toLocaleString("zh-CN", { hour12: false });
      const r = await excel.validateAndTotal(rubric);
      setReport(r);
      setTotalledAt({ results: [...r.counties, ...r.members], at });
      setIssues(bySheet(r.issues));
      const errors = r.issues.filter((i) => i.severity === "error").length;
      const lines = [...(r.summarySheet ? [format(t.summaryWritten, { sheet: r.summarySheet })] : []), ...r.notices];
      setTotalled({
        intent: r.notices.length > 0 || errors > 0 ? "warning" : "success",
        title: format(t.totalled, {
          units: r.counties.length + r.members.length,
          errors,
          warnings: r.issues.length - errors,
        }),
        lines,
      });
    } catch (err) {
      setTotalled(failure(t, err));
    } finally {
      setTotalling(false);
    }
  };

  const repair = async (sheet: string) => {
    setRepaired(undefined);
    setRepairing(sheet);
    try {
      const r = await excel.repairSheet(rubric, sheet);
      setIssues((old) =>
        new Map(old).set(
          sheet,
          r.check.issues.map((i) => ({ ...i, sheet: i.sheet ?? sheet })),
        ),
      );
      setRepaired({
        intent: "success",
        title: format(t.repaired, { sheet: r.sheet }),
        lines: r.logged > 0 ? [format(t.repairedLogged, { count: r.logged })] : [],
      });
    } catch (err) {
      setRepaired(failure(t, err));
    } finally {
      setRepairing(undefined);
    }
  };

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      void excel.selectCell(sheet, cell).catch((err: Error) => setLiveError(err.message));
    },
    [excel],
  );

  return (
    <>
      <RulesCard
        rubric={rubric}
        messages={t}
        fromWorkbook={fromWorkbook}
        notice={rulesNotice}
        onLoad={(next) => {
          setRubric(next);
          setFromWorkbook(false);
          setReport(undefined);
          setTotalledAt(undefined);
        }}
      />
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabValue)}>
        <Tab value="generate">{t.tabGenerate}</Tab>
        <Tab value="total">
          {t.tabTotal}
          {errorCount > 0 && <CounterBadge count={errorCount} color="danger" size="small" style={{ marginLeft: 4 }} />}
        </Tab>
        <Tab value="exchange">{t.tabExchange}</Tab>
      </TabList>

      <div className={styles.panel} role="tabpanel" hidden={tab !== "generate"} aria-label={t.tabGenerate}>
        <ForWhomPicker rubric={rubric} messages={t} value={forWhom} onChange={setForWhom} />
        {forWhom !== undefined ? (
          <PartyExport rubric={rubric} messages={t} excel={excel} party={forWhom} />
        ) : (
          <>
            <UnitPicker rubric={rubric} messages={t} value={choice} onChange={setChoice} />
            <Button appearance="primary" disabled={generating !== undefined} onClick={() => void generate()}>
              {t.generate}
            </Button>
            {generating !== undefined && (
              <div role="status" data-testid="generate-progress">
                <Body1 block>{format(t.generating, { count: generating })}</Body1>
                <ProgressBar aria-label={format(t.generating, { count: generating })} />
              </div>
            )}
            {generated && <Outcome value={generated} messages={t} onDismiss={() => setGenerated(undefined)} />}
          </>
        )}
      </div>

      <div className={styles.panel} role="tabpanel" hidden={tab !== "total"} aria-label={t.tabTotal}>
        <Button appearance="primary" disabled={totalling} onClick={() => void total()}>
          {t.validateAndTotal}
        </Button>
        {totalling && (
          <div role="status" data-testid="total-progress">
            <Body1 block>{t.totalling}</Body1>
            <ProgressBar aria-label={t.totalling} />
          </div>
        )}
        {totalled && <Outcome value={totalled} messages={t} onDismiss={() => setTotalled(undefined)} />}
        {report && <TotalResults counties={report.counties} members={report.members} messages={t} />}
        {report?.progress && (
          <PartsProgress progress={report.progress} parties={allParties(rubric)} messages={t} onSelect={selectCell} />
        )}
        {liveError ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{liveError}</MessageBarBody>
          </MessageBar>
        ) : (
          <Body1>{t.liveChecking}</Body1>
        )}
        {notices.map((n) => (
          <MessageBar key={n} intent="warning" layout="multiline">
            <MessageBarBody>{n}</MessageBarBody>
          </MessageBar>
        ))}
        {repaired && <Outcome value={repaired} messages={t} onDismiss={() => setRepaired(undefined)} />}
        <IssueList
          issues={allIssues}
          messages={t}
          onSelect={selectCell}
          onRepair={(sheet) => void repair(sheet)}
          repairing={repairing}
        />
      </div>

      <div className={styles.panel} role="tabpanel" hidden={tab !== "exchange"} aria-label={t.tabExchange}>
        <ImportPanel rubric={rubric} messages={t} excel={excel} />
        <ExportPanel rubric={rubric} messages={t} excel={excel} totalled={totalledAt} />
      </div>
    </>
  );
}
