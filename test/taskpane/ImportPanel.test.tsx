import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { bytesFile, fixtureFile, recordingHost, renderApp, text } from "./helpers";

function pick(files: File[]) {
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });
}

async function preview() {
  return screen.findByRole("list", { name: "导入预览" }, { timeout: 20000 });
}

test("Word forms are previewed with their findings, then 确认 writes them in order under the prefecture", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host);
  pick([fixtureFile("cs_good.docx"), fixtureFile("cs_consortium.docx"), fixtureFile("notes.txt")]);
  const list = await preview();
  const cards = within(list)
    .getAllByRole("listitem")
    .filter((li) => li.parentElement === list);
  // the files with problems first, then the rest; the actions and the counts above them
  expect(cards.map((c) => /^(\S+?)（/.exec(text(c))?.[1])).toEqual([
    "cs_consortium.docx",
    "notes.txt",
    "cs_good.docx",
  ]);
  const [consortium, notes, good] = cards;
  expect(text(good)).toContain(
    "工程机械智能工厂分类分级实践 — 湖南麓山智造装备有限公司 — 工业互联网安全分类分级案例（三级）"
  );
  expect(text(good)).toContain("未发现问题");
  // the consortium: R1, located on the cover's 申报单位
  expect(text(consortium)).toContain("R1 错误");
  expect(text(consortium)).toContain("联合体");
  expect(text(consortium)).toContain("文件 cs_consortium.docx，封面，“申报单位”");
  expect(text(notes)).toContain("notes.txt（无法读取）");
  expect(text(notes)).toContain("不支持的文件类型“.txt”");
  expect(
    screen.getByText(/^预览：3 个文件，2 行；2 个文件有问题，共 \d+ 个。确认后写入推荐汇总表。$/)
  ).toBeTruthy();
  const confirmButton = screen.getByRole("button", { name: "确认导入" });
  expect(
    confirmButton.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING
  ).toBeTruthy();
  expect(calls.prefecture).toHaveLength(0);

  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/已写入“推荐汇总表”和“明细”工作表：共 2 行/);
  expect(calls.prefecture).toHaveLength(1);
  const written = calls.prefecture[0];
  expect(written.prefecture).toBe("长沙市");
  expect(written.meta.recommender).toBe("长沙市工业和信息化局");
  expect(written.records.map((r) => [r.order, r.caseName])).toEqual([
    [1, "工程机械智能工厂分类分级实践"],
    [2, "智能产线安全分类分级联合实践"],
  ]);
  expect(written.findings.some((f) => f.code === "R1" && f.file === "cs_consortium.docx")).toBe(
    true
  );
  expect(written.findings.some((f) => f.code === "FILE" && f.file === "notes.txt")).toBe(true);
  expect(screen.queryByRole("list", { name: "导入预览" })).toBeNull();
});

test("importing a form again updates its row instead of adding one", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host);
  pick([fixtureFile("cs_good.docx"), fixtureFile("cs_consortium.docx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/共 2 行/);
  pick([fixtureFile("v2/cs_good.docx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await waitFor(() => expect(calls.prefecture).toHaveLength(2));
  expect(calls.prefecture[1].records.map((r) => [r.order, r.caseName])).toEqual([
    [1, "工程机械智能工厂工业互联网安全分类分级实践"],
    [2, "智能产线安全分类分级联合实践"],
  ]);
});

test("a workbook brings its rows, its 附件2 indicators and the R5 break of its long 简述", async () => {
  const { host, calls } = recordingHost("standalone");
  await renderApp(host);
  pick([fixtureFile("zz_list.xlsx")]);
  const list = await preview();
  expect(text(list)).toContain("zz_list.xlsx（Excel 工作簿，2 行）");
  expect(text(list)).toContain("R5 错误");
  expect(text(list)).toContain("文件 zz_list.xlsx，工作表 推荐汇总表，第 5 行，E 列");
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/已加入推荐列表：共 2 行/);
  expect(calls.prefecture[0].prefecture).toBe("株洲市");

  // standalone: the clerk's build downloads as an .xlsx with 推荐单位 株洲市工业和信息化局
  fireEvent.click(screen.getByTestId("download-button"));
  await screen.findByText("已生成“株洲市推荐汇总表.xlsx”。", undefined, { timeout: 20000 });
  expect(calls.downloads).toHaveLength(1);
  const { fileName, bytes } = calls.downloads[0];
  expect(fileName).toBe("株洲市推荐汇总表.xlsx");
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const sheet = wb.getWorksheet("推荐汇总表")!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
  expect(texts.some((t) => t.includes("株洲市工业和信息化局"))).toBe(true);
  expect(texts).toContain("硬质合金智能工厂分类分级防护实践");
  expect(texts).toContain("轨道交通装备工控系统安全评估");
  // the list's own 附件2, as label / value pairs the province reads back
  const annex2 = wb.getWorksheet("成效突出地区申报表")!;
  expect(annex2).toBeDefined();
  const pairs = new Map<string, unknown>();
  annex2.eachRow((row) => pairs.set(String(row.getCell(1).text), row.getCell(2).value));
  expect(pairs.get("三级工业互联网企业（家）")).toBe(3);
});

test("a failed write shows the error in Chinese and keeps the preview for another try", async () => {
  const { host, calls } = recordingHost("excel", {
    showPrefecture: () => Promise.reject(new Error("工作表“推荐汇总表”受保护，无法写入")),
  });
  await renderApp(host);
  pick([fixtureFile("cs_good.docx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  const alert = await screen.findByRole("alert");
  expect(text(alert)).toContain("写入推荐汇总表失败：工作表“推荐汇总表”受保护，无法写入");
  expect(screen.getByRole("list", { name: "导入预览" })).toBeTruthy();
  expect(screen.getByText(/推荐汇总表现有 0 行/)).toBeTruthy();
  expect(calls.prefecture).toHaveLength(0);
});

test("input text is shown as text, never as markup", async () => {
  const { host } = recordingHost("standalone");
  await renderApp(host);
  pick([bytesFile("<img src=x onerror=alert(1)>.docx", new TextEncoder().encode("not a zip"))]);
  const list = await preview();
  expect(list.querySelector("img")).toBeNull();
  expect(text(list)).toContain("<img src=x onerror=alert(1)>.docx");
});

test("files dropped on the drop zone are read like picked ones", async () => {
  const { host } = recordingHost("standalone");
  await renderApp(host);
  const zone = screen.getByText(
    "可一次选择或拖入多个 Word 申报表（.docx）和 Excel 推荐汇总表（.xlsx）"
  ).parentElement!;
  fireEvent.drop(zone, { dataTransfer: { files: [fixtureFile("cs_good.docx")] } });
  const list = await preview();
  expect(text(list)).toContain("cs_good.docx（Word 申报表，1 行）");
});

test("a corrected form under another file name replaces its case in place, and says so", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host);
  pick([fixtureFile("cs_good.docx"), fixtureFile("cs_consortium.docx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/共 2 行/);
  // the corrected form (its case name reworded) sent again under another name
  const corrected = readFileSync(path.join(__dirname, "fixtures", "v2", "cs_good.docx"));
  pick([bytesFile("cs_good（修改版）.docx", new Uint8Array(corrected))]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/已替换先前来自“cs_good.docx”的同一案例/);
  const written = calls.prefecture[1];
  expect(written.records.map((r) => [r.order, r.source.file])).toEqual([
    [1, "cs_good（修改版）.docx"],
    [2, "cs_consortium.docx"],
  ]);
  expect(written.findings.filter((f) => f.code === "R3")).toEqual([]);
});

test("a form whose 推荐单位 names another prefecture than the chosen one is a located warning", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host);
  fireEvent.change(screen.getByLabelText("本市州（推荐单位）"), { target: { value: "株洲市" } });
  pick([fixtureFile("cs_good.docx")]);
  const list = await preview();
  expect(text(list)).toContain("MAT 提醒");
  expect(text(list)).toContain("文件 cs_good.docx，封面，“推荐单位”");
  expect(text(list)).toMatch(
    /推荐单位是“长沙市工业和信息化局”（长沙市），但本案例列在株洲市的推荐汇总表中/
  );
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/共 1 行/);
  expect(calls.prefecture[0].prefecture).toBe("株洲市");
  expect(calls.prefecture[0].findings.some((f) => f.code === "MAT")).toBe(true);
});

test("re-importing one's own download gives the same rows, once", async () => {
  const first = recordingHost("standalone");
  const view = await renderApp(first.host);
  pick([
    fixtureFile("cs_good.docx"),
    fixtureFile("cs_consortium.docx"),
    fixtureFile("zz_list.xlsx"),
  ]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/共 4 行/);
  fireEvent.click(screen.getByTestId("download-button"));
  await waitFor(() => expect(first.calls.downloads).toHaveLength(1));
  const written = first.calls.prefecture[0].records;
  view.unmount();

  // the next day: a fresh page, the clerk's own download
  const second = recordingHost("standalone");
  await renderApp(second.host);
  const { fileName, bytes } = first.calls.downloads[0];
  pick([bytesFile(fileName, bytes)]);
  const list = await preview();
  expect(text(list)).toContain(`${fileName}（Excel 工作簿，4 行）`);
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/共 4 行/);
  const again = second.calls.prefecture[0].records;
  expect(
    again.map((r) => [r.order, r.caseName, r.enterprise, r.source.file, r.form?.address ?? null])
  ).toEqual(
    written.map((r) => [r.order, r.caseName, r.enterprise, r.source.file, r.form?.address ?? null])
  );
  expect(second.calls.prefecture[0].findings.filter((f) => f.code === "R3")).toEqual([]);
});

test("on a Mac the download opens as a new workbook, and the text says to save it under its name", async () => {
  const { host, calls } = recordingHost("excel", { saves: "newWorkbook" });
  await renderApp(host);
  pick([fixtureFile("zz_list.xlsx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  await screen.findByText(/已写入“推荐汇总表”和“明细”工作表：共 2 行/);
  fireEvent.click(screen.getByTestId("download-button"));
  await screen.findByText("已在新工作簿中打开，请另存为“株洲市推荐汇总表.xlsx”。", undefined, {
    timeout: 20000,
  });
  expect(calls.downloads.map((d) => d.fileName)).toEqual(["株洲市推荐汇总表.xlsx"]);
});

test("a failed write shows the host's own account of the workbook, and says only the page's list is unchanged", async () => {
  const said =
    "写入工作表“推荐汇总表”“明细”失败：模拟的 Excel 操作失败。“推荐汇总表”已更新；“明细”只更新了一部分，再次写入即可改正";
  const { host } = recordingHost("excel", {
    showPrefecture: async () => {
      throw new Error(said);
    },
  });
  await renderApp(host);
  pick([fixtureFile("zz_list.xlsx")]);
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
  const alert = await screen.findByText(/^写入推荐汇总表失败：/);
  expect(text(alert)).toBe(`写入推荐汇总表失败：${said}。页面中的列表未改动，可修正后重试。`);
  expect(text(alert)).not.toContain("工作簿和列表均未改动");
  // the preview is still there to confirm again
  expect(screen.getByRole("list", { name: "导入预览" })).toBeTruthy();
});
