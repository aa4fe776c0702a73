/** The units' final scores, grades and ranks after 校验并汇总, counties and member units apart. */
import {
  Badge,
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { formatHundredths } from "../../rubric";
import { UNSCORED_GRADE, type UnitResult } from "../../scoring";
import type { Messages } from "../locales";

function ResultTable({
  title,
  results,
  messages: t,
}: {
  title: string;
  results: readonly UnitResult[];
  messages: Messages;
}) {
  if (results.length === 0) return null;
  const ordered = [...results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <>
      <Body1 as="h3" block style={{ fontWeight: 600, margin: "8px 0 0" }}>
        {title}
      </Body1>
      <Table size="small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "3em" }}>{t.colRank}</TableHeaderCell>
            <TableHeaderCell>{t.colUnit}</TableHeaderCell>
            <TableHeaderCell style={{ width: "4.5em" }}>{t.colScore}</TableHeaderCell>
            <TableHeaderCell style={{ width: "6em" }}>{t.colGrade}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ordered.map((r) => (
            <TableRow key={r.unit} data-unit={r.unit}>
              <TableCell>{r.rank ?? "—"}</TableCell>
              <TableCell>{r.unit}</TableCell>
              <TableCell>
                {r.finalScore === null || r.grade === UNSCORED_GRADE ? "—" : formatHundredths(r.finalScore)}
              </TableCell>
              <TableCell>
                {r.grade}
                {r.veto && (
                  <Badge appearance="tint" color="danger" size="small" style={{ marginLeft: 4 }}>
                    {t.vetoed}
                  </Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

export function TotalResults({
  counties,
  members,
  messages: t,
}: {
  counties: readonly UnitResult[];
  members: readonly UnitResult[];
  messages: Messages;
}) {
  return (
    <section aria-label={t.results} data-testid="results">
      <ResultTable title={t.countiesGroup} results={counties} messages={t} />
      <ResultTable title={t.membersGroup} results={members} messages={t} />
    </section>
  );
}
