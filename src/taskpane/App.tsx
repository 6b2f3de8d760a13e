/**
 * The taskpane: five panels under one tab list, the status line, and the Fluent provider. The same app runs in Excel
 * (Host writes the sheets) and in a plain browser (Host offers downloads).
 */
import {
  FluentProvider,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo, useState, type ComponentType } from "react";
import { AppProvider, useApp } from "./AppContext";
import { PanelTabs } from "./components/PanelTabs";
import type { Host } from "../app/host";
import { ImportPanel } from "./panels/ImportPanel";
import { NavProvider, type Nav, type PanelId, type RowTarget } from "./nav";

// the first panel comes with the page; the others load when first shown (from our own origin, or inlined)
const OrderPanel = lazy(() =>
  import(/* webpackChunkName: "panel-order" */ "./panels/OrderPanel").then((m) => ({
    default: m.OrderPanel,
  }))
);
const FindingsPanel = lazy(() =>
  import(/* webpackChunkName: "panel-findings" */ "./panels/FindingsPanel").then((m) => ({
    default: m.FindingsPanel,
  }))
);
const IndicatorsPanel = lazy(() =>
  import(/* webpackChunkName: "panel-indicators" */ "./panels/IndicatorsPanel").then((m) => ({
    default: m.IndicatorsPanel,
  }))
);
const ProvincePanel = lazy(() =>
  import(/* webpackChunkName: "panel-province" */ "./panels/ProvincePanel").then((m) => ({
    default: m.ProvincePanel,
  }))
);
import type { AppState } from "./state/appState";
import { describeAppState, trackDownloads, type Persistence } from "./persist/appWork";
import { KeepAppState } from "./persist/KeepAppState";
import { ResumeFromWorkbook } from "./ResumeFromWorkbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    maxWidth: "960px",
    marginInline: "auto",
  },
  header: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  status: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  info: { backgroundColor: tokens.colorNeutralBackground3 },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
  },
});

export const PANELS = [
  { id: "import", label: "导入申报", Panel: ImportPanel },
  { id: "order", label: "推荐顺序", Panel: OrderPanel },
  { id: "findings", label: "问题清单", Panel: FindingsPanel },
  { id: "indicators", label: "地区指标", Panel: IndicatorsPanel },
  { id: "province", label: "全省合并", Panel: ProvincePanel },
] as const satisfies ReadonlyArray<{ id: PanelId; label: string; Panel: ComponentType }>;
export type { PanelId };

function Shell({ initialPanel }: { initialPanel: PanelId }) {
  const styles = useStyles();
  const { host, status, setStatus, busy } = useApp();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const [target, setTarget] = useState<RowTarget | null>(null);
  const nav = useMemo<Nav>(
    () => ({
      panel,
      target,
      show: (next, to) => {
        // the status line speaks of the panel it was written on; a tab switch leaves it behind
        if (next !== panel) setStatus(null);
        setTarget(to ?? null);
        setPanel(next);
      },
    }),
    [panel, target, setStatus]
  );
  const Current = PANELS.find((p) => p.id === panel)!.Panel;
  return (
    <NavProvider value={nav}>
      <main className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>护航汇总</h1>
          <Text size={200} className={styles.muted}>
            {host.kind === "excel" ? "已连接 Excel" : "独立网页：结果以 .xlsx 下载"} ·
            数据只在本机处理
          </Text>
        </header>
        <PanelTabs label="功能" tabs={PANELS} selected={panel} onSelect={(id) => nav.show(id)} />
        <div role="status" aria-live="polite">
          {busy ? <Text size={200}>{busy}中…</Text> : null}
        </div>
        {status ? (
          <div
            className={mergeClasses(styles.status, styles[status.kind])}
            role={status.kind === "error" ? "alert" : "status"}
          >
            {status.text}
          </div>
        ) : null}
        <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
          <Suspense fallback={<Text size={200}>正在打开…</Text>}>
            <Current />
          </Suspense>
        </div>
      </main>
    </NavProvider>
  );
}

export interface AppProps {
  host: Host;
  initial?: AppState;
  initialPanel?: PanelId;
  /** A message to show on start (e.g. Office could not start and the page runs standalone). */
  notice?: string;
  /** Keep the work in the browser (persist/): restore it on opening, warn before closing with changes not downloaded. */
  persistence?: Persistence;
}

export function App({ host, initial, initialPanel = "import", notice, persistence }: AppProps) {
  const keeper = persistence?.keeper;
  // a download marks the kept work as downloaded
  const tracked = useMemo(() => (keeper ? trackDownloads(host, keeper) : host), [host, keeper]);
  const app = (restored: AppState | undefined, generation: number) => (
    <AppProvider
      key={generation}
      host={tracked}
      initial={restored ?? initial}
      initialStatus={notice ? { kind: "error", text: notice } : null}
    >
      {keeper ? <KeepAppState keeper={keeper} /> : null}
      {host.kind === "excel" && host.resume ? <ResumeFromWorkbook /> : null}
      <Shell initialPanel={initialPanel} />
    </AppProvider>
  );
  return (
    <FluentProvider theme={webLightTheme}>
      {persistence ? (
        <persistence.Gate keeper={persistence.keeper} describe={describeAppState}>
          {app}
        </persistence.Gate>
      ) : (
        app(undefined, 0)
      )}
    </FluentProvider>
  );
}
