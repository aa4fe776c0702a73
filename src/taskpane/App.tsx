import { FluentProvider, Text, Title2, webLightTheme, makeStyles, tokens } from "@fluentui/react-components";
import { defaultRubric } from "../rubric";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface AppProps {
  inExcel: boolean;
}

export function App({ inExcel }: AppProps) {
  const styles = useStyles();
  const rubric = defaultRubric();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2>考核打分助手</Title2>
        <Text>
          当前规则：{rubric.rules.name}（{rubric.version}）：县（市、区）{rubric.registry.counties.length} 个，成员单位{" "}
          {rubric.registry.members.length} 个。
        </Text>
        {!inExcel && <Text>本页面是 Excel 加载项，请在 Excel 中打开：开始 → 加载项 → 上传我的加载项 → 选择 manifest.xml。</Text>}
      </main>
    </FluentProvider>
  );
}
