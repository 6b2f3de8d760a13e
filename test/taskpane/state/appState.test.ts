import { EMPTY_META, type CaseRecord, type PrefectureSubmission } from "../../../src/core/model";
import { scoredCases } from "../../../src/core/scores";
import {
  initialState,
  reducer,
  type AppState,
  type ImportedFile,
} from "../../../src/taskpane/state/appState";
import { checklist, provinceView } from "../../../src/taskpane/state/provinceViews";
import { prefectureView } from "../../../src/taskpane/state/views";

function rec(
  file: string,
  row: number | null,
  caseName: string,
  over: Partial<CaseRecord> = {}
): CaseRecord {
  return {
    form: null,
    prefecture: "邵阳市",
    order: 1,
    caseName,
    enterprise: `${caseName}有限公司`,
    uscc: "",
    category: "工业企业",
    categoryRaw: "工业企业",
    direction: "工业控制系统安全评估案例",
    directionRaw: "工业控制系统安全评估案例",
    level: null,
    levelRaw: "",
    summary: "对照防护指南开展评估，发现并整改高危风险。",
    summaryCell: "工业控制系统安全评估案例：对照防护指南开展评估，发现并整改高危风险。",
    contact: "曾敏",
    phone: "0739-5551234",
    date: "2024-12-09",
    score: null,
    source: { file, sheet: row === null ? "申报表" : "推荐汇总表", row },
    columns: {},
    ...over,
  };
}

function imported(
  file: string,
  records: CaseRecord[],
  kind: ImportedFile["kind"] = "xlsx"
): ImportedFile {
  return {
    file,
    kind,
    prefecture: "邵阳市",
    meta: { ...EMPTY_META },
    records,
    findings: [],
    indicators: null,
  };
}

function confirm(state: AppState, ...files: ImportedFile[]): AppState {
  return reducer(reducer(state, { type: "previewed", files }), { type: "confirmed" });
}

const names = (s: AppState) => prefectureView(s).records.map((r) => `${r.order}.${r.caseName}`);

test("a re-imported workbook replaces its rows in place, drops the rows it no longer has, appends new ones", () => {
  let s = confirm(initialState(), imported("a.docx", [rec("a.docx", null, "甲")], "docx"));
  s = confirm(
    s,
    imported("邵阳.xlsx", [
      rec("邵阳.xlsx", 4, "乙"),
      rec("邵阳.xlsx", 5, "丙"),
      rec("邵阳.xlsx", 6, "丁"),
    ])
  );
  s = reducer(s, { type: "moved", from: 0, to: 3 });
  expect(names(s)).toEqual(["1.乙", "2.丙", "3.丁", "4.甲"]);
  // the corrected workbook: row 5 changed, row 6 gone, row 7 new
  s = confirm(
    s,
    imported("邵阳.xlsx", [
      rec("邵阳.xlsx", 4, "乙"),
      rec("邵阳.xlsx", 5, "丙（修改）"),
      rec("邵阳.xlsx", 7, "戊"),
    ])
  );
  expect(names(s)).toEqual(["1.乙", "2.丙（修改）", "3.甲", "4.戊"]);
  expect(prefectureView(s).meta.recommender).toBe("邵阳市工业和信息化局");
});

test("moves outside the list change nothing; the same state object comes back", () => {
  const s = confirm(
    initialState(),
    imported("邵阳.xlsx", [rec("邵阳.xlsx", 4, "乙"), rec("邵阳.xlsx", 5, "丙")])
  );
  expect(reducer(s, { type: "moved", from: 1, to: 2 })).toBe(s);
  expect(reducer(s, { type: "moved", from: -1, to: 0 })).toBe(s);
  expect(reducer(s, { type: "moved", from: 1, to: 1 })).toBe(s);
});

const BAOGANG = { enterprise: "湖南宝钢冷轧有限公司" };

test("rules run over the whole list: the same case twice in one workbook is R3 on both rows, never collapsed", () => {
  const s = confirm(
    initialState(),
    imported("b.xlsx", [
      rec("b.xlsx", 4, "焊装产线工控系统安全评估", BAOGANG),
      rec("b.xlsx", 5, "焊装产线工控系统安全评估", BAOGANG),
    ])
  );
  expect(s.records).toHaveLength(2);
  const r3 = prefectureView(s).findings.filter((f) => f.code === "R3");
  expect(r3.map((f) => f.row)).toEqual([4, 5]);
});

test("a reworded case of the same enterprise and direction from another file is that case, corrected", () => {
  const s = confirm(
    confirm(
      initialState(),
      imported("a.docx", [rec("a.docx", null, "焊装产线工控系统安全评估", BAOGANG)], "docx")
    ),
    imported("b.xlsx", [rec("b.xlsx", 4, "焊装车间工业控制系统网络安全评估", BAOGANG)])
  );
  expect(names(s)).toEqual(["1.焊装车间工业控制系统网络安全评估"]);
  expect(s.notes).toHaveLength(1);
});

test("the same case from another file (a corrected form under a new name) replaces its row in place, with a note", () => {
  let s = confirm(
    initialState(),
    imported("a.docx", [rec("a.docx", null, "焊装产线工控系统安全评估", BAOGANG)], "docx"),
    imported("b.docx", [rec("b.docx", null, "冲压车间分类分级实践")], "docx")
  );
  s = confirm(
    s,
    imported(
      "a（修改版）.docx",
      [rec("a（修改版）.docx", null, "焊装产线工控系统安全评估", { ...BAOGANG, contact: "王芳" })],
      "docx"
    )
  );
  expect(names(s)).toEqual(["1.焊装产线工控系统安全评估", "2.冲压车间分类分级实践"]);
  expect(s.records[0].contact).toBe("王芳");
  expect(s.records[0].source.file).toBe("a（修改版）.docx");
  expect(s.notes).toEqual([
    "“焊装产线工控系统安全评估”（湖南宝钢冷轧有限公司）来自“a（修改版）.docx”，已替换先前来自“a.docx”的同一案例",
  ]);
  expect(prefectureView(s).findings.filter((f) => f.code === "R3")).toEqual([]);
});

function sub(
  prefecture: PrefectureSubmission["prefecture"],
  file: string,
  records: CaseRecord[],
  ok = true
): PrefectureSubmission {
  return {
    file,
    kind: "annex3",
    prefecture,
    meta: { ...EMPTY_META },
    records: records.map((r) => ({ ...r, prefecture })),
    indicators: null,
    findings: [],
    ok,
  };
}

test("province: the checklist names 已报 / 未报 / 有问题; scored cases reach the same merged rows, the rest are named", () => {
  let s = reducer(initialState(), {
    type: "submissionsRead",
    submissions: [
      sub("邵阳市", "邵阳.xlsx", [rec("邵阳.xlsx", 4, "乙")]),
      sub("娄底市", "娄底.xlsx", [rec("娄底.xlsx", 4, "己", { category: "基础电信企业" })]),
    ],
  });
  const rows = checklist(provinceView(s), s.submissions);
  expect(rows).toHaveLength(14);
  const by = Object.fromEntries(rows.map((r) => [r.prefecture, r.status]));
  expect(by["邵阳市"]).toBe("已报");
  expect(by["娄底市"]).toBe("有问题"); // 基础电信企业 under direction 3: R7
  expect(by["长沙市"]).toBe("未报");
  // a score read from a workbook re-sent under another file name still finds its case
  const scored = { ...rec("娄底（修改版）.xlsx", 9, "己"), prefecture: "娄底市" as const };
  const gone = {
    ...rec("娄底.xlsx", 5, "戊"),
    prefecture: "娄底市" as const,
    enterprise: "湖南戊公司",
  };
  s = reducer(s, {
    type: "scoresRead",
    scores: [
      { ...scored, score: 91.5 },
      { ...gone, score: 70 },
    ],
  });
  const view = provinceView(s)!;
  expect(view.records.find((r) => r.caseName === "己")!.score).toBe(91.5);
  expect(view.carry?.carried).toBe(1);
  expect(view.carry?.lost.map((l) => [l.caseName, l.score, l.reason])).toEqual([
    ["戊", 70, "gone"],
  ]);
  // reading the same file again replaces its submission
  s = reducer(s, {
    type: "submissionsRead",
    submissions: [
      sub("邵阳市", "邵阳.xlsx", [rec("邵阳.xlsx", 4, "乙"), rec("邵阳.xlsx", 5, "庚")]),
    ],
  });
  expect(s.submissions).toHaveLength(2);
  expect(provinceView(s)!.records).toHaveLength(3);
});

test("resumed: the workbook's list, header and footer, findings and province become the pane's work; settings and today stay", () => {
  const start = initialState(undefined, "2024-12-19");
  const list = [rec("邵阳.xlsx", 5, "邵阳案例一"), rec("邵阳.xlsx", 6, "邵阳案例二")];
  const meta = {
    recommender: "邵阳市工业和信息化局",
    date: "2024-12-16",
    contact: "曾敏",
    phone: "0739-5551234",
  };
  const mat = {
    code: "MAT" as const,
    severity: "warning" as const,
    file: "本工作簿",
    sheet: "推荐汇总表",
    row: 5,
    column: "F",
    message: "“联系人”两表不一致",
    enterprise: null,
    prefecture: "邵阳市",
  };
  const sub: PrefectureSubmission = {
    file: "本工作簿（邵阳市）",
    kind: "workbook",
    prefecture: "邵阳市",
    meta: { ...EMPTY_META, recommender: "邵阳市工业和信息化局" },
    records: list,
    indicators: null,
    findings: [],
    ok: true,
  };
  const scores = scoredCases([{ ...list[0], score: 90 }]);
  const next = reducer(start, {
    type: "resumed",
    work: {
      file: "本工作簿",
      prefecture: { prefecture: "邵阳市", meta, records: list, indicators: null, findings: [mat] },
      province: { submissions: [sub], scores },
    },
  });
  expect(next).toEqual({
    ...start,
    prefecture: "邵阳市",
    meta,
    records: list,
    fileFindings: { 本工作簿: [mat] },
    submissions: [sub],
    scores,
    provinceShown: true,
  });
  // the header and footer read are the ones the sheet shows again
  expect(prefectureView(next).meta).toEqual(meta);
  expect(provinceView(next)?.carry).toEqual({ carried: 1, lost: [] });
});
