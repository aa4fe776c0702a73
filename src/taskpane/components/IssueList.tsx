/**
 * Errors and warnings grouped by sheet; an issue with a cell is a button that selects that cell in Excel. A sheet
 * whose structure is damaged (formulas typed over, rows deleted or inserted) offers 修复本表.
 */
import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { REPAIRABLE_PROBLEMS } from "../../layout/repair";
import type { LocatedIssue } from "../actions";
import { format, type Messages } from "../locales";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "left",
    justifyContent: "flex-start",
    width: "100%",
  },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start", fontWeight: tokens.fontWeightRegular },
  badge: { flexShrink: 0, marginTop: "2px" },
  heading: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

export interface IssueGroup {
  sheet: string | undefined;
  issues: LocatedIssue[];
}

/** Groups in the order the sheets first appear; errors before warnings within a sheet. */
export function groupBySheet(issues: readonly LocatedIssue[]): IssueGroup[] {
  const groups = new Map<string | undefined, LocatedIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.sheet) ?? [];
    list.push(issue);
    groups.set(issue.sheet, list);
  }
  const rank = (i: LocatedIssue) => (i.severity === "error" ? 0 : 1);
  return [...groups].map(([sheet, list]) => ({ sheet, issues: list.sort((a, b) => rank(a) - rank(b)) }));
}

export function IssueList({
  issues,
  messages: t,
  onSelect,
  onRepair,
  repairing,
}: {
  issues: readonly LocatedIssue[];
  messages: Messages;
  onSelect(sheet: string, cell: string): void;
  /** 修复本表 for a sheet; no button without it. */
  onRepair?(sheet: string): void;
  /** The sheet being repaired. */
  repairing?: string;
}) {
  const styles = useStyles();
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <section aria-labelledby="issues-title" data-testid="issues">
      <Subtitle2 as="h2" id="issues-title" block>
        {t.issues}
      </Subtitle2>
      <Caption1 block role="status">
        {issues.length === 0 ? t.noIssues : format(t.issueCounts, { errors, warnings: issues.length - errors })}
      </Caption1>
      {groupBySheet(issues).map((g) => (
        <div
          key={g.sheet ?? ""}
          className={styles.group}
          role="group"
          aria-label={g.sheet ?? t.workbookIssues}
          data-sheet={g.sheet ?? ""}
        >
          <div className={styles.heading}>
            <Body1 as="h3" block style={{ fontWeight: 600, margin: 0 }}>
              {g.sheet ?? t.workbookIssues}
            </Body1>
            {onRepair && g.sheet && g.issues.some((i) => REPAIRABLE_PROBLEMS.has(i.code)) && (
              <Button
                size="small"
                disabled={repairing !== undefined}
                title={format(t.repairSheetHint, { sheet: g.sheet })}
                onClick={() => onRepair(g.sheet!)}
              >
                {t.repairSheet}
              </Button>
            )}
          </div>
          <ul className={styles.list}>
            {g.issues.map((i, n) => {
              const badge = (
                <Badge className={styles.badge} appearance="tint" color={i.severity === "error" ? "danger" : "warning"}>
                  {i.severity === "error" ? t.error : t.warning}
                </Badge>
              );
              const text = (
                <span className={styles.text}>
                  {i.cell && <Caption1>{i.cell}</Caption1>}
                  <span>{i.message}</span>
                </span>
              );
              return (
                <li key={`${i.code}-${i.cell ?? ""}-${n}`}>
                  {g.sheet && i.cell ? (
                    <Button
                      className={styles.item}
                      appearance="subtle"
                      title={format(t.goToCell, { sheet: g.sheet, cell: i.cell })}
                      data-cell={i.cell}
                      onClick={() => onSelect(g.sheet!, i.cell!)}
                    >
                      {badge}
                      {text}
                    </Button>
                  ) : (
                    <div className={styles.item}>
                      {badge}
                      {text}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
