/** Which units to generate sheets for: all, all counties, all member units, or single units found by search. */
import {
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { chooseUnits } from "../../layout";
import { normalizeName, type Rubric, type Unit } from "../../rubric";
import { format, type Messages } from "../locales";

export type UnitMode = "all" | "counties" | "members" | "some";

export interface UnitChoice {
  mode: UnitMode;
  /** Canonical names, for mode "some". */
  picked: readonly string[];
}

export function chosenUnits(rubric: Rubric, choice: UnitChoice): Unit[] {
  if (choice.mode !== "some") return chooseUnits(rubric, choice.mode).units;
  const picked = new Set(choice.picked);
  return rubric.registry.all.filter((u) => picked.has(u.name));
}

const useStyles = makeStyles({
  list: {
    maxHeight: "260px",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  group: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

function matches(unit: Unit, query: string): boolean {
  const q = normalizeName(query);
  return q === "" || [unit.name, ...unit.aliases].some((n) => normalizeName(n).includes(q));
}

export function UnitPicker({
  rubric,
  messages: t,
  value,
  onChange,
}: {
  rubric: Rubric;
  messages: Messages;
  value: UnitChoice;
  onChange(value: UnitChoice): void;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const listId = useId();
  const reg = rubric.registry;
  const shown = useMemo(
    () => ({
      counties: reg.counties.filter((u) => matches(u, query)),
      members: reg.members.filter((u) => matches(u, query)),
    }),
    [reg, query],
  );
  const picked = new Set(value.picked);
  const toggle = (unit: Unit, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(unit.name);
    else next.delete(unit.name);
    onChange({ mode: "some", picked: reg.all.filter((u) => next.has(u.name)).map((u) => u.name) });
  };
  const group = (title: string, units: readonly Unit[]) =>
    units.length > 0 && (
      <div role="group" aria-label={title}>
        <Caption1 block className={styles.group}>
          {title}
        </Caption1>
        {units.map((u) => (
          <Checkbox
            key={u.name}
            label={u.name}
            checked={picked.has(u.name)}
            onChange={(_, d) => toggle(u, d.checked === true)}
          />
        ))}
      </div>
    );

  return (
    <section aria-label={t.chooseUnits} data-testid="units">
      <Field label={t.chooseUnits}>
        <RadioGroup value={value.mode} onChange={(_, d) => onChange({ ...value, mode: d.value as UnitMode })}>
          <Radio value="all" label={format(t.allUnits, { count: reg.all.length })} />
          <Radio value="counties" label={format(t.allCounties, { count: reg.counties.length })} />
          <Radio value="members" label={format(t.allMembers, { count: reg.members.length })} />
          <Radio value="some" label={t.someUnits} />
        </RadioGroup>
      </Field>
      {value.mode === "some" && (
        <>
          <Field label={t.search}>
            <SearchBox
              placeholder={t.searchPlaceholder}
              value={query}
              aria-controls={listId}
              onChange={(_, d) => setQuery(d.value)}
            />
          </Field>
          <div id={listId} className={styles.list}>
            {group(t.countiesGroup, shown.counties)}
            {group(t.membersGroup, shown.members)}
            {shown.counties.length + shown.members.length === 0 && <Text>{t.noMatch}</Text>}
          </div>
          <Text role="status">{format(t.chosenCount, { count: value.picked.length })}</Text>
        </>
      )}
    </section>
  );
}
