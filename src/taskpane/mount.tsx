/** Render the app into #root with Fluent's style renderer carrying the page's CSP style nonce. */
import { RendererProvider, createDOMRenderer } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { styleNonce } from "./styleNonce";

export function mount(doc: Document): (node: ReactNode) => void {
  const container = doc.getElementById("root");
  if (!container) throw new Error("页面缺少 id 为 root 的元素");
  const nonce = styleNonce(doc);
  const renderer = createDOMRenderer(doc, nonce ? { styleElementAttributes: { nonce } } : {});
  const root = createRoot(container);
  return (node) =>
    root.render(
      <RendererProvider renderer={renderer} targetDocument={doc}>
        {node}
      </RendererProvider>
    );
}
