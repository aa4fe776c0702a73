/** The result of an action, or its error: a Fluent MessageBar that the user can dismiss. */
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { format, type Messages } from "../locales";

export interface OutcomeValue {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  lines?: readonly string[];
  link?: { href: string; download: string; label: string };
}

export function Outcome({
  value,
  messages: t,
  onDismiss,
}: {
  value: OutcomeValue;
  messages: Messages;
  onDismiss?: () => void;
}) {
  return (
    <MessageBar intent={value.intent} layout="multiline" data-testid="outcome" data-intent={value.intent}>
      <MessageBarBody>
        <MessageBarTitle>{value.title}</MessageBarTitle>
        {value.lines && value.lines.length > 0 && (
          <ul style={{ margin: "4px 0 0", paddingLeft: "1.2em" }}>
            {value.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        {value.link && (
          <div>
            <Link href={value.link.href} download={value.link.download}>
              {value.link.label}
            </Link>
          </div>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** An action's failure as an outcome: the adapter's messages are in Chinese already. */
export function failure(t: Messages, err: unknown): OutcomeValue {
  return { intent: "error", title: t.failed, lines: [err instanceof Error ? err.message : String(err)] };
}

/** A workbook exported to send: said opened in Excel when it was, with a link to download it in any case. */
export function exportedOutcome(
  t: Messages,
  title: string,
  report: {
    readonly bytes: Uint8Array;
    readonly fileName: string;
    readonly opened: boolean;
    readonly notices: readonly string[];
  },
): OutcomeValue {
  const blob = new Blob([report.bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  return {
    intent: report.notices.length > 0 ? "warning" : "success",
    title,
    lines: [...(report.opened ? [t.exportOpened] : []), ...report.notices],
    link: {
      href: URL.createObjectURL(blob),
      download: report.fileName,
      label: format(t.download, { file: report.fileName }),
    },
  };
}
