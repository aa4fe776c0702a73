/**
 * For whom the score sheets are made: everyone (into the open workbook, as before) or one party, whose workbook is
 * exported as a file of its own to email to it (src/excel/exportParty.ts says why not into the open workbook): the
 * team and 市安委办 choose their units, a 附件 party gets its sheet for every county.
 */
import { Body1, Button, Field, ProgressBar, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { shareOf, unitsOfParty } from "../../layout";
import type { Rubric } from "../../rubric";
import { allParties } from "../../rubric/parties";
import type { ExcelActions } from "../actions";
import { format, type Messages } from "../locales";
import { exportedOutcome, failure, Outcome, type OutcomeValue } from "./Outcome";
import { chosenUnits, UnitPicker, type UnitChoice } from "./UnitPicker";

const EVERYONE = "";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The choice of for whom: undefined for everyone, else a party's name (a native select: one line in the pane). */
export function ForWhomPicker({
  rubric,
  messages: t,
  value,
  onChange,
}: {
  rubric: Rubric;
  messages: Messages;
  value: string | undefined;
  onChange(party: string | undefined): void;
}) {
  return (
    <Field label={t.forWhom}>
      <Select
        data-testid="for-whom"
        value={value ?? EVERYONE}
        onChange={(_, d) => onChange(d.value === EVERYONE ? undefined : d.value)}
      >
        <option value={EVERYONE}>{t.forEveryone}</option>
        {allParties(rubric).map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Whether a party scores lines of unit sheets (the team, 市安委办), and so chooses units. */
const scoresUnitSheets = (rubric: Rubric, party: string) =>
  unitsOfParty(rubric, party).some((u) => {
    const share = shareOf(rubric, u, party)!;
    return share.lineKeys.size > 0 || share.adjustments;
  });

export function PartyExport({
  rubric,
  messages: t,
  excel,
  party,
}: {
  rubric: Rubric;
  messages: Messages;
  excel: ExcelActions;
  party: string;
}) {
  const styles = useStyles();
  const [choice, setChoice] = useState<UnitChoice>({ mode: "all", picked: [] });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeValue>();
  const href = outcome?.link?.href;
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);
  useEffect(() => setOutcome(undefined), [party]);
  const withUnits = scoresUnitSheets(rubric, party);
  const counties = unitsOfParty(rubric, party).filter((u) => u.kind === "county").length;

  const run = async () => {
    const units = withUnits ? chosenUnits(rubric, choice).filter((u) => shareOf(rubric, u, party)) : undefined;
    if (units && units.length === 0) {
      setOutcome({ intent: "warning", title: format(t.noUnitInShare, { party }) });
      return;
    }
    setOutcome(undefined);
    setBusy(true);
    try {
      const report = await excel.exportParty(rubric, { party, units });
      setOutcome(
        exportedOutcome(
          t,
          format(t.partyExported, { party, file: report.fileName, sheets: report.sheets.length }),
          report,
        ),
      );
    } catch (err) {
      setOutcome(failure(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.part} aria-label={format(t.exportParty, { party })} data-testid="party-export">
      <Body1>{t.partyHint}</Body1>
      {withUnits ? (
        <UnitPicker rubric={rubric} messages={t} value={choice} onChange={setChoice} />
      ) : (
        <Body1>{format(t.partyAnnexOnly, { party, count: counties })}</Body1>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => void run()}>
        {format(t.exportParty, { party })}
      </Button>
      {busy && <ProgressBar aria-label={t.exporting} />}
      {outcome && <Outcome value={outcome} messages={t} onDismiss={() => setOutcome(undefined)} />}
    </section>
  );
}
