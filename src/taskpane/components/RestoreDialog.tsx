/**
 * Asked on opening the page when the browser kept earlier work: 继续上次的工作 (the default, also what Escape does:
 * nothing is lost) or 重新开始 (the kept work is deleted). A modal Fluent dialog: focus starts on 继续上次的工作.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface RestoreDialogProps {
  open: boolean;
  /** When the work was last saved. */
  savedAt: Date;
  /** What the work holds, e.g. "长沙市：推荐列表 12 个案例，地区指标已填 20 项". */
  summary: string;
  /** It has changes that were never downloaded. */
  unsaved: boolean;
  onContinue: () => void;
  onRestart: () => void;
}

/** 2024年12月20日 09:30 in the clerk's own time zone. */
export function localTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function RestoreDialog({
  open,
  savedAt,
  summary,
  unsaved,
  onContinue,
  onRestart,
}: RestoreDialogProps) {
  const styles = useStyles();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        // Escape keeps the work: the safe answer
        if (!data.open) onContinue();
      }}
    >
      <DialogSurface aria-describedby="restore-dialog-text">
        <DialogBody>
          <DialogTitle>继续上次的工作？</DialogTitle>
          <DialogContent id="restore-dialog-text" className={styles.content}>
            <Text block>
              本机浏览器中保存着 {localTime(savedAt)} 的工作：{summary}。
            </Text>
            {unsaved ? (
              <Text block weight="semibold">
                其中有尚未下载的改动。
              </Text>
            ) : null}
            <Text block size={200}>
              选择“重新开始”会删除这份保存的工作。
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onContinue} data-testid="restore-continue">
              继续上次的工作
            </Button>
            <Button onClick={onRestart} data-testid="restore-restart">
              重新开始
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
