/** The rules in use (name, year, version, unit counts) and loading another rules file, checked before use. */
import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { loadRubric, parseRulesText, RulesError, type Rubric } from "../../rubric";
import { format, type Messages } from "../locales";
import { Outcome, type OutcomeValue } from "./Outcome";

const LISTED = 8;

export function RulesCard({
  rubric,
  messages: t,
  onLoad,
}: {
  rubric: Rubric;
  messages: Messages;
  onLoad(rubric: Rubric): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<OutcomeValue>();

  const load = async (file: File) => {
    try {
      const next = loadRubric(parseRulesText(await file.text()));
      onLoad(next);
      setOutcome({ intent: "success", title: format(t.rulesLoaded, { name: next.rules.name, version: next.version }) });
    } catch (err) {
      const problems = err instanceof RulesError ? [...err.problems] : [(err as Error).message];
      const lines = problems.slice(0, LISTED);
      if (problems.length > LISTED) lines.push(format(t.moreProblems, { count: problems.length - LISTED }));
      setOutcome({ intent: "error", title: t.rulesInvalid, lines });
    }
  };

  return (
    <section
      aria-label={t.rulesInUse}
      data-testid="rules"
      style={{ display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 4 }}
    >
      <Caption1>{t.rulesInUse}</Caption1>
      <Subtitle2 as="h2" block>
        {rubric.rules.name}
      </Subtitle2>
      <Body1 block>
        {format(t.rulesDetail, { year: rubric.rules.year, version: rubric.version })} ·{" "}
        {format(t.rulesSummary, { counties: rubric.registry.counties.length, members: rubric.registry.members.length })}
      </Body1>
      <Button size="small" onClick={() => input.current?.click()}>
        {t.loadRules}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
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
