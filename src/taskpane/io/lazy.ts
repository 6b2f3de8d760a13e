/**
 * The readers and writers load on first use (webpack splits them into their own chunks), so that the first load of
 * the taskpane stays small: the readers, writers, fflate and xmldom are fetched from the add-in's own origin when a file is read.
 */
export const loadReaders = () => import(/* webpackChunkName: "readers" */ "./readFiles");
export const loadWriters = () => import(/* webpackChunkName: "writers" */ "./writeFiles");

/** A picked or dropped file's bytes. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"));
    reader.readAsArrayBuffer(file);
  });
}
