import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CaseRecord } from "../../src/core/model";
import { joinDirectionCell } from "../../src/core/directionText";
import { initialState, type AppState } from "../../src/taskpane/state/appState";
import { recordingHost, renderApp, text } from "./helpers";
import { ANNEX3_SOURCE_COLUMNS } from "../core/records";

function row(n: number, over: Partial<CaseRecord> = {}): CaseRecord {
  const summary = "完成自主定级和定级核查，按三级要求部署分级防护措施，通过符合性评测。";
  return {
    form: null,
    prefecture: "岳阳市",
    order: n,
    caseName: `岳阳石化分类分级实践${n}`,
    enterprise: `岳阳第${n}石化装备有限公司`,
    uscc: "",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业互联网安全分类分级案例",
    directionRaw: "工业互联网安全分类分级案例",
    level: "三级",
    levelRaw: "三级",
    summary,
    summaryCell: joinDirectionCell("工业互联网安全分类分级案例", summary),
    contact: "易国强",
    phone: "0730-8881234",
    date: "2024-12-10",
    score: null,
    source: { file: "岳阳市推荐汇总表.xlsx", sheet: "推荐汇总表", row: 3 + n },
    columns: { ...ANNEX3_SOURCE_COLUMNS },
    ...over,
  };
}

function stateWith(records: CaseRecord[]): AppState {
  return { ...initialState(), prefecture: "岳阳市", records };
}

function orderRows(): string[] {
  return screen.getAllByTestId("order-row").map((tr) => {
    const cells = within(tr).getAllByRole("cell");
    return `${text(cells[0])} ${cells[1].firstChild?.textContent ?? ""}`;
  });
}

test("推荐顺序: moving a row down rewrites the sheet with 序号 renumbered, then shows the new order", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host, "order", stateWith([row(1), row(2), row(3)]));
  expect(orderRows()).toEqual([
    "1 岳阳石化分类分级实践1",
    "2 岳阳石化分类分级实践2",
    "3 岳阳石化分类分级实践3",
  ]);
  expect(
    (
      screen.getByRole("button", {
        name: "上移第 1 行：岳阳石化分类分级实践1",
      }) as HTMLButtonElement
    ).disabled
  ).toBe(true);

  fireEvent.click(screen.getByRole("button", { name: "下移第 1 行：岳阳石化分类分级实践1" }));
  await waitFor(() => expect(orderRows()[0]).toBe("1 岳阳石化分类分级实践2"));
  expect(orderRows()).toEqual([
    "1 岳阳石化分类分级实践2",
    "2 岳阳石化分类分级实践1",
    "3 岳阳石化分类分级实践3",
  ]);
  expect(calls.prefecture).toHaveLength(1);
  expect(calls.prefecture[0].records.map((r) => `${r.order}:${r.caseName}`)).toEqual([
    "1:岳阳石化分类分级实践2",
    "2:岳阳石化分类分级实践1",
    "3:岳阳石化分类分级实践3",
  ]);
});

test("推荐顺序: dragging the last row onto the first moves it to the top", async () => {
  const { host, calls } = recordingHost("standalone");
  await renderApp(host, "order", stateWith([row(1), row(2), row(3)]));
  const rows = screen.getAllByTestId("order-row");
  fireEvent.dragStart(rows[2]);
  fireEvent.dragOver(rows[0]);
  fireEvent.drop(rows[0]);
  await waitFor(() => expect(orderRows()[0]).toBe("1 岳阳石化分类分级实践3"));
  expect(calls.prefecture[0].records.map((r) => r.caseName)).toEqual([
    "岳阳石化分类分级实践3",
    "岳阳石化分类分级实践1",
    "岳阳石化分类分级实践2",
  ]);
});

test("推荐顺序: when Excel refuses the write, the order stays as it was and the error is shown", async () => {
  const { host } = recordingHost("excel", {
    showPrefecture: () => Promise.reject(new Error("无法写入：工作簿处于单元格编辑模式")),
  });
  await renderApp(host, "order", stateWith([row(1), row(2)]));
  fireEvent.click(screen.getByRole("button", { name: "下移第 1 行：岳阳石化分类分级实践1" }));
  const alert = await screen.findByRole("alert");
  expect(text(alert)).toContain("调整推荐顺序失败：无法写入：工作簿处于单元格编辑模式");
  expect(orderRows()).toEqual(["1 岳阳石化分类分级实践1", "2 岳阳石化分类分级实践2"]);
});

test("问题清单: every finding with its place; choosing one selects its cell in Excel", async () => {
  const long = "对全部产线可编程控制器和集散控制系统开展安全评估，".repeat(5);
  const records = [
    row(1),
    // R7: 基础电信企业 cannot apply under direction 1; R5: 简述 over 100 字
    row(2, {
      category: "基础电信企业",
      categoryRaw: "基础电信企业",
      summary: long,
      summaryCell: joinDirectionCell("工业互联网安全分类分级案例", long),
    }),
  ];
  const { host, calls } = recordingHost("excel");
  await renderApp(host, "findings", stateWith(records));
  const list = screen.getByTestId("findings-list");
  const items = within(list).getAllByRole("listitem");
  const codes = items.map((li) => /\b(R\d|ID|REQ|IND|FILE) (错误|提醒)/.exec(text(li))?.[1]);
  expect(codes).toEqual(expect.arrayContaining(["R5", "R7"]));
  const r5 = items.find((li) => text(li).includes("R5 错误"))!;
  expect(text(r5)).toContain("文件 岳阳市推荐汇总表.xlsx，工作表 推荐汇总表，第 5 行，E 列");
  fireEvent.click(within(r5).getByRole("button", { name: /^定位/ }));
  await screen.findByText("已选中：文件 岳阳市推荐汇总表.xlsx，工作表 推荐汇总表，第 5 行，E 列");
  expect(calls.selected).toHaveLength(1);
  expect(calls.selected[0]).toMatchObject({ code: "R5", row: 5, column: "E" });
});

test("问题清单 in a browser: 定位 opens 推荐顺序 on the case's row, marked and focused", async () => {
  const { host } = recordingHost("standalone");
  const records = [row(1), row(2), row(3, { enterprise: "" })];
  await renderApp(host, "findings", stateWith(records));
  const item = within(screen.getByTestId("findings-list"))
    .getAllByRole("listitem")
    .find((li) => text(li).includes("REQ 错误"))!;
  fireEvent.click(within(item).getByRole("button", { name: /^定位/ }));
  const marked = await waitFor(() => {
    const rows = screen.getAllByTestId("order-row");
    const current = rows.filter((tr) => tr.getAttribute("aria-current") === "location");
    expect(current).toHaveLength(1);
    return current[0];
  });
  expect(text(marked)).toContain("岳阳石化分类分级实践3");
  expect(document.activeElement).toBe(marked);
  expect(screen.getByRole("tab", { name: "推荐顺序" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getAllByRole("status").map(text)).toContain(
    "已在“推荐顺序”中标出第 3 行“岳阳石化分类分级实践3”；原文件位置：文件 岳阳市推荐汇总表.xlsx，工作表 推荐汇总表，第 6 行，C 列"
  );
  // another tab: the mark and the status line stay behind
  fireEvent.click(screen.getByRole("tab", { name: "问题清单" }));
  await screen.findByTestId("findings-list");
  expect(screen.queryByText(/已在“推荐顺序”中标出/)).toBeNull();
});

test("问题清单 in a browser: a finding of a whole file says where to look in it", async () => {
  const { host } = recordingHost("standalone");
  const state = stateWith([row(1)]);
  state.fileFindings = {
    "岳阳市推荐汇总表.xlsx": [
      {
        code: "FILE",
        severity: "warning",
        file: "岳阳市推荐汇总表.xlsx",
        sheet: null,
        row: null,
        column: null,
        enterprise: null,
        message: "工作簿中有隐藏的工作表“Sheet2”，未读取",
      },
    ],
  };
  await renderApp(host, "findings", state);
  const item = within(screen.getByTestId("findings-list"))
    .getAllByRole("listitem")
    .find((li) => text(li).includes("FILE 提醒"))!;
  fireEvent.click(within(item).getByRole("button", { name: /^定位/ }));
  await screen.findByText("请在原文件中查看：文件 岳阳市推荐汇总表.xlsx");
  expect(screen.getByRole("tab", { name: "问题清单" }).getAttribute("aria-selected")).toBe("true");
});

test("问题清单: narrowed by kind and by severity, the count of what is shown said", async () => {
  const long = "对全部产线可编程控制器和集散控制系统开展安全评估，".repeat(5);
  const records = [
    row(1, { enterprise: "" }),
    row(2, { summary: long, summaryCell: joinDirectionCell("工业互联网安全分类分级案例", long) }),
    row(3, { contact: "" }),
  ];
  const { host } = recordingHost("standalone");
  await renderApp(host, "findings", stateWith(records));
  const codes = () =>
    within(screen.getByTestId("findings-list"))
      .getAllByRole("listitem")
      .map((li) => /\b(R\d|ID|REQ|IND|FILE|MAT) (错误|提醒)/.exec(text(li))?.[1]);
  const all = codes();
  expect(all.filter((c) => c === "REQ")).toHaveLength(2);
  expect(all).toContain("R5");
  const kind = screen.getByRole("combobox", { name: "类别" });
  const options = within(kind)
    .getAllByRole("option")
    .map((o) => o.textContent);
  expect(options[0]).toBe("全部类别");
  expect(options).toContain("REQ 必填项为空或无法识别（2）");
  fireEvent.change(kind, { target: { value: "REQ" } });
  expect(codes()).toEqual(["REQ", "REQ"]);
  expect(screen.getByText(`显示 2 个（共 ${all.length} 个）。`)).toBeTruthy();
  fireEvent.change(screen.getByRole("combobox", { name: "严重程度" }), {
    target: { value: "warning" },
  });
  expect(screen.getByTestId("findings-list").querySelectorAll("li")).toHaveLength(0);
  fireEvent.change(kind, { target: { value: "all" } });
  fireEvent.change(screen.getByRole("combobox", { name: "严重程度" }), {
    target: { value: "error" },
  });
  expect(codes().length).toBe(all.length);
});

test("问题清单 before anything is read says so, not that there is no problem", async () => {
  const { host } = recordingHost("standalone");
  await renderApp(host, "findings", initialState());
  expect(text(screen.getByTestId("findings-list"))).toBe(
    "还没有导入文件：在“导入申报”中导入申报表或汇总表后，这里列出发现的问题。"
  );
});

test("推荐顺序: 移除 takes a row out (the sheet rewritten without it); 撤销移除 puts it back where it was", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host, "order", stateWith([row(1), row(2), row(3)]));
  fireEvent.click(screen.getByRole("button", { name: "移除第 2 行：岳阳石化分类分级实践2" }));
  await waitFor(() => expect(orderRows()).toHaveLength(2));
  expect(orderRows()).toEqual(["1 岳阳石化分类分级实践1", "2 岳阳石化分类分级实践3"]);
  expect(calls.prefecture[0].records.map((r) => `${r.order}:${r.caseName}`)).toEqual([
    "1:岳阳石化分类分级实践1",
    "2:岳阳石化分类分级实践3",
  ]);
  expect(screen.getByText("已移除“岳阳石化分类分级实践2”。")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "撤销移除" }));
  await waitFor(() => expect(orderRows()).toHaveLength(3));
  expect(orderRows()[1]).toBe("2 岳阳石化分类分级实践2");
  expect(calls.prefecture).toHaveLength(2);
  expect(screen.queryByRole("button", { name: "撤销移除" })).toBeNull();
});

test("推荐顺序: 下移 by keyboard keeps the focus on the moved row's button", async () => {
  const { host } = recordingHost("standalone");
  await renderApp(host, "order", stateWith([row(1), row(2), row(3)]));
  const down = screen.getByRole("button", { name: "下移第 1 行：岳阳石化分类分级实践1" });
  down.focus();
  fireEvent.click(down);
  await waitFor(() =>
    expect(document.activeElement?.getAttribute("aria-label")).toBe(
      "下移第 2 行：岳阳石化分类分级实践1"
    )
  );
});

test("推荐顺序: 日期, 联系人 and 手机/座机 are entered once and go into the 推荐汇总表 header and footer", async () => {
  const { host, calls } = recordingHost("excel");
  await renderApp(host, "order", { ...stateWith([row(1)]), today: "2024-12-18" });
  const date = screen.getByLabelText("日期") as HTMLInputElement;
  expect(date.value).toBe("2024-12-18");
  const contact = screen.getByLabelText("联系人");
  fireEvent.change(contact, { target: { value: "李娜" } });
  fireEvent.blur(contact);
  await waitFor(() => expect(calls.prefecture).toHaveLength(1));
  expect(calls.prefecture[0].meta).toEqual({
    recommender: "岳阳市工业和信息化局",
    date: "2024-12-18",
    contact: "李娜",
    phone: "",
  });
  const phone = screen.getByLabelText("手机/座机");
  fireEvent.change(phone, { target: { value: "0730-8886666" } });
  fireEvent.keyDown(phone, { key: "Enter" });
  await waitFor(() => expect(calls.prefecture).toHaveLength(2));
  expect(calls.prefecture[1].meta.phone).toBe("0730-8886666");
  expect(calls.prefecture[1].meta.contact).toBe("李娜");
});
