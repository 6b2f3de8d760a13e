/**
 * The style nonce taskpane.html's Content-Security-Policy allows ('nonce-…' in style-src), so that Fluent UI's
 * run-time <style> elements may apply. null when the page has no such policy (tests, other hosts).
 */
export function styleNonce(doc: Document): string | null {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const m = /'nonce-([^']+)'/.exec(meta?.getAttribute("content") ?? "");
  return m ? m[1] : null;
}
