/**
 * jsdom lacks what Fluent UI and the readers use in a browser: ResizeObserver, matchMedia, TextEncoder/TextDecoder
 * (exceljs, fflate) and structuredClone in some versions. These are the browser's behaviours, not fakes of ours.
 */
import { TextDecoder, TextEncoder } from "node:util";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
