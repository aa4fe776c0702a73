/**
 * The rules in use (name, year, version, unit counts, and whether they come from the open workbook), loading other
 * rules — a rules file (JSON), a rules workbook or any generated workbook — checked before use, and 导出规则: the
 * rules as a workbook to edit for next year.
 */
import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { loadRubric, parseRulesText, RulesError, rubricFromParsed, type Rubric } from "../../rubric";
import { format, type Messages } from "../locales";
import { Outcome, type OutcomeValue } from "./Outcome";

const LISTED = 8;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The rules of a chosen file: an .xlsx (a zip, "PK") is read as a workbook, anything else as JSON. */
async function rulesOfFile(file: File): Promise<Rubric> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return loadRubric(parseRulesText(new TextDecoder().decode(bytes)));
  // The workbook reader loads only when a workbook is chosen.
  const [{ readXlsx }, { rulesFromWorkbook }] = await Promise.all([
    import("../../xlsx/read"),
    import("../../rulesbook/source"),
  ]);
  return rubricFromParsed(rulesFromWorkbook(await readXlsx(bytes, file.name), file.name));
}

export function RulesCard({
  rubric,
  messages: t,
  onLoad,
  fromWorkbook,
  notice,
}: {
  rubric: Rubric;
  messages: Messages;
  onLoad(rubric: Rubric): void;
  /** The rules came from the open workbook (it carries them). */
  fromWorkbook?: boolean;
  /** Said once at start (the workbook's rules could not be used). */
  notice?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<OutcomeValue | undefined>(
    notice ? { intent: "warning", title: notice } : undefined,
  );
  const [busy, setBusy] = useState(false);
  const href = outcome?.link?.href;
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);

  const load = async (file: File) => {
    try {
      const next = await rulesOfFile(file);
      onLoad(next);
      setOutcome({ intent: "success", title: format(t.rulesLoaded, { name: next.rules.name, version: next.version }) });
    } catch (err) {
      const problems = err instanceof RulesError ? [...err.problems] : [(err as Error).message];
      const lines = problems.slice(0, LISTED);
      if (problems.length > LISTED) lines.push(format(t.moreProblems, { count: problems.length - LISTED }));
      setOutcome({ intent: "error", title: t.rulesInvalid, lines });
    }
  };

  const exportRules = async () => {
    setBusy(true);
    try {
      const [{ rulesWorkbookPlan }, { planToXlsx }] = await Promise.all([
        import("../../rulesbook/sheets"),
        import("../../xlsx/write"),
      ]);
      const bytes = await planToXlsx(rulesWorkbookPlan(rubric.rules));
      const file = `考核规则-${rubric.id}-${rubric.version}.xlsx`;
      setOutcome({
        intent: "success",
        title: format(t.rulesExported, { file }),
        link: {
          href: URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX })),
          download: file,
          label: format(t.download, { file }),
        },
      });
    } catch (err) {
      setOutcome({ intent: "error", title: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-label={t.rulesInUse}
      data-testid="rules"
      style={{ display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 4 }}
    >
      <Caption1>
        {t.rulesInUse}
        {fromWorkbook ? ` · ${t.rulesFromWorkbook}` : ""}
      </Caption1>
      <Subtitle2 as="h2" block>
        {rubric.rules.name}
      </Subtitle2>
      <Body1 block>
        {format(t.rulesDetail, { year: rubric.rules.year, version: rubric.version })} ·{" "}
        {format(t.rulesSummary, { counties: rubric.registry.counties.length, members: rubric.registry.members.length })}
      </Body1>
      <div style={{ display: "flex", gap: 8 }}>
        <Button size="small" onClick={() => input.current?.click()}>
          {t.loadRules}
        </Button>
        <Button size="small" disabled={busy} onClick={() => void exportRules()} data-testid="export-rules">
          {t.exportRules}
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept={`.json,.xlsx,application/json,${XLSX}`}
        hidden
        data-testid="rules-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void load(file);
        }}
      />
      {outcome && <Outcome value={outcome} messages={t} onDismiss={() => setOutcome(undefined)} />}
    </section>
  );
}
