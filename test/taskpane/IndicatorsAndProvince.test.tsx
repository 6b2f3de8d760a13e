import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readInput } from "../../src/io/inputs";
import { sampleData } from "../../src/cli/demo/sampleData";
import { writeSampleWorkbook } from "../../src/cli/demo/writeSample";
import type { IndicatorValues } from "../../src/core/model";
import { initialState } from "../../src/taskpane/state/appState";
import { bytesFile, recordingHost, renderApp, text } from "./helpers";
import type { CaseRecord } from "../../src/core/model";
import { readWorkbook } from "../../src/io/xlsx/readWorkbook";

const indicators: IndicatorValues = {
  prefecture: "常德市",
  values: { tier3: 4, tier2: 11, tier1: 30, icsRisksFound: 40, icsRisksFixed: 30 },
  header: {},
  lists: {},
  source: { file: "常德市推荐汇总表.xlsx", sheet: "成效突出地区申报表", row: null },
  cells: {},
};

test("地区指标: shows the values and derived rates, edits go to the sheet on 填写或刷新", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host, "indicators", { ...initialState(), prefecture: "常德市", indicators });
  expect(
    screen.getByText(/三级\+二级\+一级 45 家；工控评估整改率 75\.0%；风险隐患整改率 无数据/)
  ).toBeTruthy();
  const tier3 = screen.getByLabelText("三级工业互联网企业（家）") as HTMLInputElement;
  expect(tier3.value).toBe("4");
  fireEvent.change(tier3, { target: { value: "６" } });
  expect(screen.getByText(/三级\+二级\+一级 47 家/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "填写或刷新地区指标工作表" }));
  await screen.findByText("已填写“成效突出地区申报表”工作表（常德市）。");
  expect(calls.indicators).toHaveLength(1);
  expect(calls.indicators[0]!.values).toMatchObject({ tier3: 6, tier2: 11, tier1: 30 });
});

test("地区指标 in a browser: no sheet to write; the 附件2 Word form downloaded, read back with the values shown", async () => {
  const { host, calls } = recordingHost("standalone");
  await renderApp(host, "indicators", { ...initialState(), prefecture: "常德市", indicators });
  expect(screen.queryByRole("button", { name: "填写或刷新地区指标工作表" })).toBeNull();
  expect(
    screen.getByText(/^在“导入申报”中下载的推荐汇总表含“成效突出地区申报表”工作表；/)
  ).toBeTruthy();
  fireEvent.change(screen.getByLabelText("一级工业互联网企业（家）"), { target: { value: "31" } });
  fireEvent.click(screen.getByRole("button", { name: "下载附件2申报表（Word）" }));
  await screen.findByText("已生成“常德市成效突出地区申报表.docx”。", undefined, { timeout: 20000 });
  const [file] = calls.downloads;
  expect(file.fileName).toBe("常德市成效突出地区申报表.docx");
  const read = await readInput(file.fileName, file.bytes);
  expect(read.kind).toBe("workbook");
  const sub = read.kind === "workbook" ? read.submission : null;
  expect(sub?.indicators?.values).toMatchObject({
    tier3: 4,
    tier2: 11,
    tier1: 31,
    icsRisksFound: 40,
    icsRisksFixed: 30,
    conformity: null,
  });
  expect(sub?.indicators?.header.unitName).toBe("常德市工业和信息化局");
});

test("地区指标 in Excel for Mac (no downloads) says where to make the Word form", async () => {
  const { host } = recordingHost("excel");
  await renderApp(host, "indicators", {
    ...initialState(),
    prefecture: "常德市",
    indicators,
  });
  expect(screen.getByRole("button", { name: "下载附件2申报表（Word）" })).toBeTruthy();
  const mac = recordingHost("excel");
  cleanup();
  await renderApp({ ...mac.host, saves: "newWorkbook" }, "indicators", {
    ...initialState(),
    prefecture: "常德市",
    indicators,
  });
  expect(screen.queryByRole("button", { name: "下载附件2申报表（Word）" })).toBeNull();
  expect(screen.getByText(/huhang template annex2 生成/)).toBeTruthy();
});

test("全省合并: checklist of the 14, merge, R2 across prefectures, download and the ordered list", async () => {
  const samples = sampleData(undefined, true, true).filter((s) =>
    ["长沙市", "株洲市", "湘潭市"].includes(s.prefecture.name)
  );
  const files = await Promise.all(
    samples.map(async (s, i) =>
      bytesFile(`${s.prefecture.name}.xlsx`, await writeSampleWorkbook(s, i))
    )
  );
  const { host, calls } = recordingHost("standalone");
  await renderApp(host, "province");
  expect((screen.getByTestId("merge-button") as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByTestId("file-input"), {
    target: { files: [...files, bytesFile("说明.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))] },
  });
  await screen.findByText("已读取 4 个文件", undefined, { timeout: 20000 });

  const checklist = screen.getByTestId("prefecture-checklist");
  const status = (p: string) =>
    checklist.querySelector(`tr[data-prefecture="${p}"]`)!.getAttribute("data-status");
  expect(checklist.querySelectorAll("tbody tr")).toHaveLength(14);
  // 长沙市 has the planted 联合体 (R1); 株洲市 and 湘潭市 share one enterprise under two directions (R2)
  expect(status("长沙市")).toBe("有问题");
  expect(status("株洲市")).toBe("有问题");
  expect(status("湘潭市")).toBe("有问题");
  expect(status("衡阳市")).toBe("未报");
  expect(text(checklist)).toContain("已报 0 个，有问题 3 个，未报 11 个");

  fireEvent.click(screen.getByTestId("merge-button"));
  const rows = samples.reduce((n, s) => n + s.rows.length, 0);
  await screen.findByText(`已合并：${rows} 个案例，问题`, { exact: false });
  expect(calls.province).toHaveLength(1);
  expect(calls.province[0].records).toHaveLength(rows);
  expect(calls.province[0].missingPrefectures).toHaveLength(11);
  const r2 = calls.province[0].findings.filter((f) => f.code === "R2");
  expect(new Set(r2.map((f) => f.prefecture))).toEqual(new Set(["株洲市", "湘潭市"]));
  // the ranked list flags the R2 rows
  const ranked = screen.getByTestId("ranked-list");
  expect(within(ranked).getAllByRole("row")).toHaveLength(rows + 1);
  const flagged = [...ranked.querySelectorAll('tbody tr[data-flagged="true"]')].map((tr) =>
    text(tr)
  );
  expect(flagged).toHaveLength(2);
  for (const t of flagged) expect(t).toMatch(/株洲市|湘潭市/);

  fireEvent.click(screen.getByTestId("download-button"));
  await screen.findByText("已生成“全省汇总.xlsx”。", undefined, { timeout: 20000 });
  expect(calls.downloads[0].fileName).toBe("全省汇总.xlsx");
  // before the export, every exported case with an error is named (R1 of 长沙, R2 of 株洲/湘潭)
  const named = text(screen.getByTestId("export-flagged"));
  expect(named).toMatch(/长沙市“[^”]+”：R1/);
  expect(named).toMatch(/株洲市“[^”]+”：R2/);
  expect(named).toMatch(/湘潭市“[^”]+”：R2/);
  fireEvent.click(screen.getByRole("button", { name: /^导出推荐名单/ }));
  await screen.findByText(
    /^推荐名单（\d+ 个案例）已生成“推荐名单.xlsx”。其中 \d+ 个有错误问题/,
    undefined,
    {
      timeout: 20000,
    }
  );
  expect(calls.lists[0].fileName).toBe("推荐名单.xlsx");
  const first = await readWorkbook(calls.lists[0].bytes, "推荐名单.xlsx");
  expect(first.records).toHaveLength(Math.min(rows, 20));

  // leaving the error cases out: the list is written without them, and says which were left out
  fireEvent.click(screen.getByRole("checkbox", { name: "不导出有错误问题的案例" }));
  expect(text(screen.getByTestId("export-excluded"))).toMatch(/^不导出 \d+ 个有错误问题的案例/);
  fireEvent.click(screen.getByRole("button", { name: /^导出推荐名单/ }));
  await waitFor(() => expect(calls.lists).toHaveLength(2));
  const clean = await readWorkbook(calls.lists[1].bytes, "推荐名单.xlsx");
  const flaggedNames = new Set(
    calls.province[0].findings
      .filter((f) => f.severity === "error" && f.enterprise)
      .map((f) => f.enterprise)
  );
  expect(clean.records.length).toBeGreaterThan(0);
  for (const r of clean.records) expect(flaggedNames.has(r.enterprise)).toBe(false);
});

test("全省合并: 清空 asks first, and 取消 keeps everything", async () => {
  const samples = sampleData(undefined, false, true).slice(0, 2);
  const files = await Promise.all(
    samples.map(async (s, i) =>
      bytesFile(`${s.prefecture.name}.xlsx`, await writeSampleWorkbook(s, i))
    )
  );
  const { host } = recordingHost("standalone");
  await renderApp(host, "province");
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });
  await screen.findByText("已读取 2 个文件", undefined, { timeout: 20000 });
  const clear = async () => {
    const button = await screen.findByRole("button", { name: "清空" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    return screen.findByRole("alertdialog");
  };
  const dialog = await clear();
  expect(text(dialog)).toContain("将移除已读取的 2 个文件");
  // (the dialog's own buttons are found whatever the focus trap's momentary aria-hidden says; axe checks them in e2e)
  fireEvent.click(await within(dialog).findByRole("button", { name: "取消", hidden: true }));
  // gone from the page, not only hidden while it closes
  await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
  expect(text(screen.getByTestId("prefecture-checklist"))).toContain("未报 12 个");
  fireEvent.click(await within(await clear()).findByRole("button", { name: "清空", hidden: true }));
  await screen.findByText("已清空全省合并。");
  expect(text(screen.getByTestId("prefecture-checklist"))).toContain("未报 14 个");
});

test("全省合并 in Excel: scores read from the sheet reorder the list", async () => {
  const samples = sampleData(undefined, false, true).filter((s) => s.prefecture.name === "娄底市");
  const file = bytesFile("娄底市.xlsx", await writeSampleWorkbook(samples[0], 0));
  let lastRecords: CaseRecord[] = [];
  const { host } = recordingHost("excel", {
    showProvince: async (r) => {
      lastRecords = r.records;
      // as the Excel host says: the scores it carried into the sheet
      return { carried: r.records.filter((x) => x.score !== null).length, lost: [] };
    },
    // the expert gives the last row the highest score, and scores a case no longer in the merge
    readScores: async () => [
      { ...lastRecords[lastRecords.length - 1], score: 95 },
      {
        ...lastRecords[0],
        caseName: "已撤回的案例",
        enterprise: "湖南已撤回科技有限公司",
        uscc: "",
        score: 80,
      },
    ],
  });
  await renderApp(host, "province");
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
  await screen.findByText("已读取 1 个文件", undefined, { timeout: 20000 });
  fireEvent.click(screen.getByTestId("merge-button"));
  await screen.findByText(/已写入“全省汇总”和“地区指标”工作表/);
  const last = samples[0].rows[samples[0].rows.length - 1].caseName;
  const firstRanked = () => within(screen.getByTestId("ranked-list")).getAllByRole("row")[1];
  expect(text(firstRanked())).not.toContain(last);
  fireEvent.click(screen.getByRole("button", { name: "读取“全省汇总”中的评审得分" }));
  const status = await screen.findByText(/^已读取 2 个评审得分，推荐名单已按得分排序。/);
  expect(text(status)).toBe(
    "已读取 2 个评审得分，推荐名单已按得分排序。已带入评审得分 1 个，1 个未能带入：" +
      "娄底市“已撤回的案例”（湖南已撤回科技有限公司）的评审得分 80 未带入：" +
      "新的汇总中没有这个案例（该市州新的报送中已不含它，或案例名称、企业名称都已改动）"
  );
  expect(text(firstRanked())).toContain(last);
  expect(text(firstRanked())).toContain("95");
  // merging again writes the scored list: the host's account of the scores is shown
  fireEvent.click(screen.getByTestId("merge-button"));
  await screen.findByText(
    /^已写入“全省汇总”和“地区指标”工作表：\d+ 个案例，问题 \d+ 个。已带入评审得分 1 个。$/
  );
});

test("地区指标 checks as it is typed: each problem under its field, the rate not shown above 100 %", async () => {
  const { host } = recordingHost("standalone");
  await renderApp(host, "indicators", { ...initialState(), prefecture: "常德市", indicators });
  const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
  const message = (input: HTMLInputElement) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join("");
  expect(text(screen.getByTestId("indicator-problems"))).toBe("");

  // 整改 > 发现: the message under 整改, the rate not computed
  fireEvent.change(field("评估发现风险已整改（项）"), { target: { value: "45" } });
  expect(field("评估发现风险已整改（项）").getAttribute("aria-invalid")).toBe("true");
  expect(message(field("评估发现风险已整改（项）"))).toContain(
    "工控安全评估整改项数不能多于发现的风险项数（评估发现风险已整改（项） 45 > 评估发现企业安全风险（项） 40）"
  );
  expect(screen.getByText(/工控评估整改率 无法计算（整改数多于发现数）/)).toBeTruthy();

  // 2.5 场, 120 %, text that is no number
  fireEvent.change(field("网络安全政策宣贯培训（场）"), { target: { value: "2.5" } });
  fireEvent.change(field("其中重点行业规上企业占比（%）"), { target: { value: "120%" } });
  fireEvent.change(field("培训覆盖企业（家）"), { target: { value: "三百多" } });
  expect(message(field("网络安全政策宣贯培训（场）"))).toContain("应为不小于 0 的整数");
  expect(message(field("其中重点行业规上企业占比（%）"))).toContain("应在 0% 到 100% 之间");
  expect(message(field("培训覆盖企业（家）"))).toContain("不是数字");
  expect(text(screen.getByTestId("indicator-problems"))).toBe(
    "有 4 项需要核对，见各项下方的说明。"
  );

  // corrected: the messages go
  fireEvent.change(field("评估发现风险已整改（项）"), { target: { value: "38" } });
  fireEvent.change(field("培训覆盖企业（家）"), { target: { value: "300" } });
  expect(field("评估发现风险已整改（项）").getAttribute("aria-invalid")).not.toBe("true");
  expect(screen.getByText(/工控评估整改率 95\.0%/)).toBeTruthy();
  expect(text(screen.getByTestId("indicator-problems"))).toBe(
    "有 2 项需要核对，见各项下方的说明。"
  );
});

test("全省合并 on the page: scores typed in the list rank it, survive a re-merge and go into the download", async () => {
  const samples = sampleData(undefined, false, true).slice(0, 2);
  const files = await Promise.all(
    samples.map(async (s, i) =>
      bytesFile(`${s.prefecture.name}.xlsx`, await writeSampleWorkbook(s, i))
    )
  );
  const { host, calls } = recordingHost("standalone");
  await renderApp(host, "province");
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });
  await screen.findByText("已读取 2 个文件", undefined, { timeout: 20000 });
  fireEvent.click(screen.getByTestId("merge-button"));
  await screen.findByText("已合并：", { exact: false });
  const ranked = () =>
    [...screen.getByTestId("ranked-list").querySelectorAll("tbody tr")].map(
      (tr) => tr.querySelectorAll("td")[2].textContent
    );
  const before = ranked();
  const [a, b] = [before[before.length - 1]!, before[before.length - 2]!];
  const scoreOf = (caseName: string) =>
    screen.getByRole("textbox", { name: new RegExp(`“${caseName}”的评审得分$`) });

  // the last two get scores: they lead the list, the higher first
  fireEvent.change(scoreOf(a), { target: { value: "91.5" } });
  fireEvent.blur(scoreOf(a));
  fireEvent.change(scoreOf(b), { target: { value: "88" } });
  fireEvent.keyDown(scoreOf(b), { key: "Enter" });
  await waitFor(() => expect(ranked().slice(0, 2)).toEqual([a, b]));
  expect(screen.getByText(/已评分 2 个/)).toBeTruthy();

  // text that is no score is said and not saved
  fireEvent.change(scoreOf(a), { target: { value: "九十" } });
  fireEvent.blur(scoreOf(a));
  expect((await screen.findByRole("alert")).textContent).toBe(
    "“九十”不是有效的得分：请填写不小于 0 的数字，如 88.5"
  );
  expect(scoreOf(a).getAttribute("aria-invalid")).toBe("true");
  expect(ranked()[0]).toBe(a);

  // typing order: as the prefectures sent them
  fireEvent.change(screen.getByRole("combobox", { name: "排列" }), { target: { value: "entry" } });
  expect(ranked()).toEqual(samples.flatMap((s) => s.rows.map((r) => r.caseName)));

  // merged again: the scores stay with their cases; the download carries them
  fireEvent.click(screen.getByTestId("merge-button"));
  await waitFor(() => expect(screen.getByText(/已评分 2 个/)).toBeTruthy());
  fireEvent.click(screen.getByTestId("download-button"));
  await screen.findByText("已生成“全省汇总.xlsx”。", undefined, { timeout: 20000 });
  const back = await readWorkbook(calls.downloads[0].bytes, "全省汇总.xlsx");
  const scores = Object.fromEntries(
    back.records.filter((r) => r.score !== null).map((r) => [r.caseName, r.score])
  );
  expect(scores).toEqual({ [a]: 91.5, [b]: 88 });

  // a score cleared is gone
  fireEvent.change(scoreOf(b), { target: { value: "" } });
  fireEvent.blur(scoreOf(b));
  await waitFor(() => expect(screen.getByText(/已评分 1 个/)).toBeTruthy());
});
