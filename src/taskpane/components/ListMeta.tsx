/**
 * The lines around the 附件3 table a clerk fills once: 日期 (today unless chosen), 联系人, 手机/座机. Each field is
 * committed when it loses focus (or on Enter), so the host rewrites the sheet once per change, not per keystroke.
 */
import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SubmissionMeta } from "../../core/model";
import { usePanelStyles } from "../styles";

export interface ListMetaProps {
  meta: SubmissionMeta;
  disabled: boolean;
  onCommit: (field: "date" | "contact" | "phone", value: string) => void;
}

const FIELDS = [
  { field: "date", label: "日期", type: "date", hint: "推荐汇总表的“日期”，默认今天" },
  { field: "contact", label: "联系人", type: "text", hint: "表尾“联系人”" },
  { field: "phone", label: "手机/座机", type: "tel", hint: "表尾“手机/座机”" },
] as const;

export function ListMeta({ meta, disabled, onCommit }: ListMetaProps) {
  const styles = usePanelStyles();
  return (
    <fieldset className={styles.metaFields} aria-label="推荐汇总表表头表尾">
      <legend className={styles.muted}>推荐单位：{meta.recommender || "（请先选择本市州）"}</legend>
      {FIELDS.map((f) => (
        <MetaInput
          key={f.field}
          label={f.label}
          hint={f.hint}
          type={f.type}
          value={meta[f.field]}
          disabled={disabled}
          onCommit={(v) => onCommit(f.field, v)}
        />
      ))}
    </fieldset>
  );
}

function MetaInput(props: {
  label: string;
  hint: string;
  type: "date" | "text" | "tel";
  value: string;
  disabled: boolean;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    const v = draft.trim();
    if (v !== props.value) props.onCommit(v);
  };
  return (
    <Field label={props.label} hint={props.hint} size="small">
      <Input
        size="small"
        type={props.type}
        value={draft}
        disabled={props.disabled}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}
