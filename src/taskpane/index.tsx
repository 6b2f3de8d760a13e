/**
 * Taskpane entry: a placeholder page until the real taskpane is built (another issue). It renders without Office
 * (a plain browser) and, inside Excel, says which host it runs in once Office is ready. Office is the global that
 * taskpane.html loads with <script src="office.js">; it is never imported here.
 */
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { TaskpanePlaceholder, type TaskpanePlaceholderProps } from './TaskpanePlaceholder';
import { styleNonce } from './styleNonce';

function hostName(): Promise<string | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(null);
  return Office.onReady().then((info) => (info.host ? String(info.host) : null));
}

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html 缺少 id 为 root 的元素');
const nonce = styleNonce(document);
const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});
const root = createRoot(container);
const show = (props: TaskpanePlaceholderProps) =>
  root.render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <TaskpanePlaceholder {...props} />
    </RendererProvider>,
  );

show({ host: null });
hostName().then(
  (host) => show({ host }),
  (err: unknown) => show({ host: null, error: err instanceof Error ? err.message : String(err) }),
);
