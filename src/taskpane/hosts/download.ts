/**
 * Offer bytes as a file download in the browser (a blob: URL of this page; nothing is sent anywhere). It resolves once
 * the download was offered: a page cannot know whether a file was saved, and WKWebView (Excel on Mac and iPad) saves
 * nothing and says nothing (office-js #2700), so the Excel host never calls it there (officeHost.ts).
 */
const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function browserDownload(
  fileName: string,
  bytes: Uint8Array,
  doc: Document = document
): Promise<void> {
  const type =
    TYPES[/\.([a-z]+)$/i.exec(fileName)?.[1].toLowerCase() ?? ""] ?? "application/octet-stream";
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // give the browser time to start the download before the URL goes
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return Promise.resolve();
}
