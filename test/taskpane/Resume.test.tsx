/**
 * The taskpane opened in Excel on a workbook that already holds the clerk's work (the Excel host on the fake Excel):
 * the pane resumes from the sheets — the rows in 推荐顺序, the 表头表尾 fields, the status line saying what was read —
 * and the next action updates the sheets in place with nothing lost. A workbook without our sheets leaves the pane
 * empty and says nothing; a read Excel refuses says so, and the sheets stay as they were.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { columnLetter } from "../../src/core/findings";
import { createExcelHost } from "../../src/excel/excelHost";
import { asWritten } from "../../src/sheets/records";
import { prefectureIndicators, prefectureView } from "../../src/taskpane/state/views";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { changshaState, demoMerge, FAKE_REQUIREMENTS, sheetOps } from "../excel/states";
import { renderApp, text } from "./helpers";

const NOW = new Date("2024-12-18T09:30:00Z");

function hostOn(fake: FakeExcel) {
  return createExcelHost(fake.run, {
    download: async () => undefined,
    createWorkbook: fake.createWorkbook,
    now: () => NOW,
    requirements: FAKE_REQUIREMENTS,
  });
}

/** Yesterday: the 长沙 clerk built the list in this workbook and closed Excel. */
async function yesterday() {
  const { state } = await changshaState();
  const fake = createFakeExcel();
  const view = prefectureView(state);
  const indicators = prefectureIndicators(state);
  const host = hostOn(fake);
  await host.showPrefecture(view);
  await host.showIndicators(view.prefecture, indicators);
  return { fake, view, indicators };
}

function orderRows(): string[] {
  return screen.getAllByTestId("order-row").map((tr) => {
    const cells = within(tr).getAllByRole("cell");
    return `${text(cells[0])} ${cells[1].firstChild?.textContent ?? ""}`;
  });
}

/** Case names in the order 推荐汇总表 lists them (column B of the rows whose 序号 is a number). */
function sheetOrder(fake: FakeExcel): string[] {
  return fake
    .sheet("推荐汇总表")!
    .grid()
    .filter((r) => typeof r[0] === "number")
    .map((r) => String(r[1]));
}

test("reopened on yesterday's workbook, the pane shows the list, its order and the 表头表尾 it holds, and 下移 updates the sheets in place", async () => {
  const { fake, view, indicators } = await yesterday();
  const filled = Object.values(indicators!.values).filter((v) => typeof v === "number").length;
  await renderApp(hostOn(fake));
  const status = await screen.findByText(/^已从本工作簿读取/);
  expect(text(status)).toBe(
    `已从本工作簿读取：长沙市推荐列表 ${view.records.length} 个案例，地区指标已填 ${filled} 项。此后的操作在这些工作表上更新。`
  );

  fireEvent.click(screen.getByRole("tab", { name: "推荐顺序" }));
  await screen.findAllByTestId("order-row");
  const names = view.records.map((r) => r.caseName);
  expect(orderRows()).toEqual(names.map((n, i) => `${i + 1} ${n}`));
  const meta = screen.getByRole("group", { name: "推荐汇总表表头表尾" });
  expect(text(meta)).toContain("推荐单位：长沙市工业和信息化局");
  expect((within(meta).getByLabelText(/日期/) as HTMLInputElement).value).toBe("2024-12-16");
  expect((within(meta).getByLabelText(/联系人/) as HTMLInputElement).value).toBe("李文斌");
  expect((within(meta).getByLabelText(/手机\/座机/) as HTMLInputElement).value).toBe(
    "0731-88665544"
  );

  const from = fake.operations().length;
  fireEvent.click(screen.getByRole("button", { name: `下移第 1 行：${names[0]}` }));
  await waitFor(() => expect(orderRows()[0]).toBe(`1 ${names[1]}`));
  const moved = [names[1], names[0], ...names.slice(2)];
  expect(sheetOrder(fake)).toEqual(moved);
  // in place: no sheet was added, deleted or swapped
  expect(sheetOps(fake, from)).toEqual([]);
  // nothing lost: the workbook reads back as the list moved, every field, and the same 表头表尾 and 附件2
  const back = await hostOn(fake).resume!();
  const expected = view.records.map(asWritten);
  expect(back!.prefecture!.records).toEqual(
    [expected[1], expected[0], ...expected.slice(2)].map((r, i) => ({ ...r, order: i + 1 }))
  );
  expect(back!.prefecture!.meta).toEqual({
    recommender: "长沙市工业和信息化局",
    date: "2024-12-16",
    contact: "李文斌",
    phone: "0731-88665544",
  });
  expect(back!.prefecture!.indicators?.values).toEqual(indicators!.values);
  expect(back!.prefecture!.findings).toEqual([]);
});

test("a workbook without our sheets: the pane stays empty and says nothing", async () => {
  const fake = createFakeExcel();
  const host = hostOn(fake);
  let asked = 0;
  const resume = host.resume!.bind(host);
  host.resume = async () => {
    asked += 1;
    return resume();
  };
  await renderApp(host);
  await waitFor(() => expect(asked).toBe(1));
  await waitFor(() => expect(screen.queryByText("读取本工作簿中…")).toBeNull());
  expect(screen.queryByText(/本工作簿/)).toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "推荐顺序" }));
  expect(await screen.findByText(/还没有推荐案例/)).toBeTruthy();
  expect(fake.sheetNames()).toEqual(["Sheet1"]);
});

test("a read Excel refuses: the pane says so, is empty, and the sheets stay as they were", async () => {
  const { fake } = await yesterday();
  const from = fake.operations().length;
  fake.failOperation({ kind: "range.load", sheet: "推荐汇总表" }, { message: "模拟的网络中断" });
  await renderApp(hostOn(fake));
  const alert = await screen.findByRole("alert");
  expect(text(alert)).toBe(
    "未能读取本工作簿中已有的推荐列表：读取工作表“推荐汇总表”时出错：模拟的网络中断。工作表未改动，页面中的列表为空：此时导入或调整会按空列表改写工作表，请先关闭并重新打开任务窗格再试。"
  );
  fireEvent.click(screen.getByRole("tab", { name: "推荐顺序" }));
  expect(await screen.findByText(/还没有推荐案例/)).toBeTruthy();
  // only reads were sent (jsdom has no structuredClone for a snapshot)
  const kinds = new Set(
    fake
      .operations()
      .slice(from)
      .map((o) => o.kind)
  );
  expect([...kinds].sort()).toEqual([
    "range.get",
    "range.load",
    "worksheet.load",
    "worksheets.getItemOrNullObject",
  ]);
});

test("a pane that opens with work of its own keeps it: the workbook is not read over it", async () => {
  const { fake } = await yesterday();
  const host = hostOn(fake);
  let asked = 0;
  host.resume = async () => {
    asked += 1;
    return null;
  };
  const { state } = await changshaState();
  const own = { ...state, records: state.records.slice(0, 2) };
  await renderApp(host, "order", own);
  expect(orderRows()).toEqual(own.records.map((r, i) => `${i + 1} ${r.caseName}`));
  await new Promise((r) => setTimeout(r, 50));
  expect(asked).toBe(0);
  expect(screen.queryByText(/本工作簿/)).toBeNull();
});

test("reopened on the province's workbook, the pane has the merge and the experts' scores, and merging again keeps them", async () => {
  const merged = await demoMerge();
  const fake = createFakeExcel();
  await hostOn(fake).showProvince(merged);
  const header = fake.sheet("全省汇总")!.grid()[0];
  const score = columnLetter(header.indexOf("评审得分") + 1);
  fake.typeInto("全省汇总", `${score}2`, 91.5);
  fake.typeInto("全省汇总", `${score}7`, 88);
  await renderApp(hostOn(fake));
  const status = await screen.findByText(/^已从本工作簿读取/);
  expect(text(status)).toMatch(
    new RegExp(
      `^已从本工作簿读取：全省汇总 ${merged.records.length} 个案例（13 个市州），评审得分 2 个。`
    )
  );
  fireEvent.click(screen.getByRole("tab", { name: "全省合并" }));
  const checklist = await screen.findByTestId("prefecture-checklist");
  expect(text(checklist)).toMatch(/已报 \d+ 个，有问题 \d+ 个，未报 1 个/);
  fireEvent.click(screen.getByTestId("merge-button"));
  const done = await screen.findByText(/^已写入“全省汇总”和“地区指标”工作表/);
  expect(text(done)).toContain(`${merged.records.length} 个案例`);
  const grid = fake.sheet("全省汇总")!.grid();
  const col = grid[0].indexOf("评审得分");
  expect(
    grid
      .slice(1)
      .filter((r) => r[col] !== "")
      .map((r) => [r[3], r[col]])
  ).toEqual([
    [merged.records[0].caseName, 91.5],
    [merged.records[5].caseName, 88],
  ]);
});
