/**
 * Progress at a glance: the units × the parties that score them (考核组, 市安委办, each 附件2 department, the 专班),
 * each part in, complete (signed off 已完成 with its 考核人员 and date, shown under the badge), missing or in
 * conflict. A part with a known place is a button that selects its cell.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from "@fluentui/react-components";
import type { PartProgress, PartStatus, UnitProgress } from "../../totalling";
import type { Messages } from "../locales";

// Missing is an outline in neutral grey (readable, unlike "subtle", which is white on white).
const COLOR: Record<PartStatus, "success" | "brand" | "informative" | "danger"> = {
  received: "brand",
  complete: "success",
  missing: "informative",
  conflict: "danger",
};

function PartCell({
  part,
  messages: t,
  onSelect,
}: {
  part: PartProgress | undefined;
  messages: Messages;
  onSelect: (sheet: string, cell: string) => void;
}) {
  if (!part) return <Caption1>{t.partNone}</Caption1>;
  const text = {
    received: t.partReceived,
    complete: t.partComplete,
    missing: t.partMissing,
    conflict: t.partConflict,
  }[part.status];
  const badge = (
    <Badge appearance={part.status === "missing" ? "outline" : "filled"} color={COLOR[part.status]} size="small">
      {text}
    </Badge>
  );
  const who = part.signoff && [part.signoff.assessor, part.signoff.completedOn].filter(Boolean).join(" ");
  const signed = who ? (
    <Caption1 block data-testid="signoff">
      {who}
    </Caption1>
  ) : null;
  if (!part.sheet || !part.cell)
    return (
      <>
        {badge}
        {signed}
      </>
    );
  const { sheet, cell } = part;
  const where = `${sheet}!${cell}${part.files.length > 0 ? ` · ${part.files.join("、")}` : ""}`;
  return (
    <>
      <Tooltip content={where} relationship="description">
        <Button appearance="transparent" size="small" onClick={() => onSelect(sheet, cell)} data-status={part.status}>
          {badge}
        </Button>
      </Tooltip>
      {signed}
    </>
  );
}

export function PartsProgress({
  progress,
  parties,
  messages: t,
  onSelect,
}: {
  progress: readonly UnitProgress[];
  /** Column order: every party of the rules. */
  parties: readonly string[];
  messages: Messages;
  onSelect: (sheet: string, cell: string) => void;
}) {
  if (progress.length === 0) return null;
  return (
    <section aria-label={t.progress} data-testid="progress">
      <Body1 as="h3" block style={{ fontWeight: 600, margin: "8px 0 0" }}>
        {t.progress}
      </Body1>
      <Caption1 block>{t.progressHint}</Caption1>
      <div style={{ overflowX: "auto" }}>
        <Table size="extra-small" aria-label={t.progress}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: "7em" }}>{t.colUnit}</TableHeaderCell>
              {parties.map((p) => (
                <TableHeaderCell key={p} style={{ width: "5.5em" }}>
                  {p}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {progress.map((u) => (
              <TableRow key={u.unit} data-unit={u.unit}>
                <TableCell>{u.unit}</TableCell>
                {parties.map((p) => (
                  <TableCell key={p} data-party={p}>
                    <PartCell part={u.parts.find((x) => x.party === p)} messages={t} onSelect={onSelect} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
