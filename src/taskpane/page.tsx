/**
 * Entry of the standalone page dist/huhang.html (webpack.config.js builds it into one self-contained file): the app on
 * files with downloads, for desks without the Excel add-in (WPS, domestic OS). No Office: office.js is never loaded,
 * the Excel host is not in the bundle. The work is kept in the browser's IndexedDB and offered back on reopening.
 */
import { App } from "./App";
import { createStandaloneHost } from "./hosts/standaloneHost";
import { mount } from "./mount";
import { createAppKeeper } from "./persist/appWork";
import { KeepWork } from "./persist/KeepWork";

mount(document)(
  <App host={createStandaloneHost()} persistence={{ keeper: createAppKeeper(), Gate: KeepWork }} />
);
