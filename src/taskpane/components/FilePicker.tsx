/**
 * Pick or drop many files. The native input (data-testid="file-input") stays in the page for tests and assistive
 * technology; the visible control is a button and a drop zone.
 */
import { Button, mergeClasses } from "@fluentui/react-components";
import { useId, useRef, useState, type DragEvent } from "react";
import { usePanelStyles } from "../styles";

export interface FilePickerProps {
  label: string;
  accept: string;
  hint: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  testId?: string;
}

export function FilePicker({
  label,
  accept,
  hint,
  disabled,
  onFiles,
  testId = "file-input",
}: FilePickerProps) {
  const styles = usePanelStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(files);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };
  return (
    <div
      className={mergeClasses(styles.drop, over && styles.dropActive)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        aria-label={label}
        data-testid={testId}
        className={styles.hidden}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <Button
        appearance="primary"
        disabled={disabled}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <div id={hintId} className={styles.muted}>
        {hint}
      </div>
    </div>
  );
}
