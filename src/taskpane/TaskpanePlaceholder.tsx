/** The placeholder taskpane content (Chinese UI, Fluent UI v9). */
import { FluentProvider, Text, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface TaskpanePlaceholderProps {
  /** The Office host once Office.onReady has answered ("Excel"), null outside Office or before it answers. */
  host: string | null;
  error?: string;
}

export function TaskpanePlaceholder({ host, error }: TaskpanePlaceholderProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">护航汇总</Title2>
        <Text>
          护航新型工业化网络安全典型案例遴选汇总工具。所有数据只在本机处理，不会上传。
        </Text>
        <Text>
          可在单元格中使用函数：HUHANG.TIERCOUNT、HUHANG.RATIO、HUHANG.COVERAGE、HUHANG.MULTIDIRECTION、HUHANG.CROSSREGION、HUHANG.USCC。
        </Text>
        <Text size={200}>{host ? `已连接 ${host}。` : '未在 Excel 中运行：部分功能不可用。'}</Text>
        {error ? <Text size={200}>Office 初始化失败：{error}</Text> : null}
      </main>
    </FluentProvider>
  );
}
