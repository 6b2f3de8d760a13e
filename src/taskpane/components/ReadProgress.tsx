/** Progress of reading many files: "正在读取 3 / 14：长沙市.xlsx". */
import { ProgressBar, Text } from "@fluentui/react-components";
import { useId } from "react";

export interface ReadProgressState {
  done: number;
  total: number;
  current: string;
}

export function ReadProgress({ progress }: { progress: ReadProgressState | null }) {
  const id = useId();
  if (!progress) return null;
  const label =
    progress.done < progress.total
      ? `正在读取 ${progress.done + 1} / ${progress.total}：${progress.current}`
      : `已读取 ${progress.total} 个文件`;
  return (
    <div>
      <Text size={200} id={id}>
        {label}
      </Text>
      <ProgressBar
        value={progress.total === 0 ? 1 : progress.done / progress.total}
        aria-labelledby={id}
      />
    </div>
  );
}
