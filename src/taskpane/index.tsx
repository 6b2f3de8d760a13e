/**
 * Taskpane entry. Office is the global that taskpane.html loads with <script src="office.js"> from our own origin.
 * In Excel (Office.onReady reports Excel) the Excel host writes the sheets; in a plain browser, or when Office is
 * absent or gives no host, the same app runs on files and offers downloads.
 */
import { errorMessage } from "../core/errors";
import { App } from "./App";
import type { Host } from "../app/host";
import { createStandaloneHost } from "./hosts/standaloneHost";
import { mount } from "./mount";

async function officeHostName(): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Office.onReady();
  return info.host ? String(info.host) : null;
}

async function pickHost(): Promise<{ host: Host; notice?: string }> {
  let name: string | null;
  try {
    name = await officeHostName();
  } catch (e) {
    return {
      host: createStandaloneHost(),
      notice: `Office 初始化失败（${errorMessage(e)}），已改用独立网页方式：结果以 .xlsx 下载。`,
    };
  }
  if (name !== "Excel") return { host: createStandaloneHost() };
  try {
    const { createOfficeHost } = await import(
      /* webpackChunkName: "excel-host" */ "./hosts/officeHost"
    );
    return { host: createOfficeHost() };
  } catch (e) {
    return {
      host: createStandaloneHost(),
      notice: `无法连接 Excel（${errorMessage(e)}），已改用独立网页方式：结果以 .xlsx 下载。`,
    };
  }
}

const render = mount(document);
void pickHost().then(({ host, notice }) => render(<App host={host} notice={notice} />));
