/** What a person sees when the pane is opened in a browser, not in Excel: what the add-in is and how to open it. */
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from "@fluentui/react-components";
import type { Messages } from "../locales";

export function OutsideExcel({ messages: t }: { messages: Messages }) {
  return (
    <section
      aria-labelledby="outside-title"
      data-testid="outside-excel"
      style={{ display: "flex", flexDirection: "column", gap: 12 }}
    >
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="outside-title">{t.outsideExcelTitle}</MessageBarTitle>
          {t.outsideExcelBody}
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h2">{t.outsideExcelHowTo}</Subtitle2>
      <ol style={{ margin: 0 }}>
        <li>{t.outsideExcelStep1}</li>
        <li>{t.outsideExcelStep2}</li>
        <li>{t.outsideExcelStep3}</li>
      </ol>
      <Body1>{t.outsideExcelCli}</Body1>
    </section>
  );
}
