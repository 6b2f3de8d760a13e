/**
 * A 5,000-row 附件3 sheet (written by openpyxl, fixtures/make_workbooks.py big_5000) reads completely and in order.
 * Its speed is measured by `npm run bench` (14 × 5,000 rows), not here: timing assertions in tests only flake.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../../src/io/xlsx/readWorkbook";

const data = new Uint8Array(readFileSync(join(__dirname, "fixtures", "big_5000.xlsx")));
const DIRECTIONS = [
  "工业互联网安全分类分级案例",
  "车联网网络安全防护案例",
  "工业控制系统安全评估案例",
  "工业控制产品漏洞治理案例",
  "网络安全威胁监测服务案例",
];

it("reads 5,000 rows completely and in order", async () => {
  const sub = await readWorkbook(data, "big_5000.xlsx");
  expect(sub.records).toHaveLength(5000);
  for (const i of [1, 2500, 4999, 5000]) {
    const r = sub.records[i - 1];
    expect([r.order, r.caseName, r.enterprise, r.direction, r.phone, r.source.row]).toEqual([
      i,
      `第${i}号网络安全典型案例`,
      `长沙测试企业${String(i).padStart(4, "0")}有限公司`,
      DIRECTIONS[i % 5],
      `0731-${80000000 + i}`,
      i + 3,
    ]);
  }
  expect(sub.meta.contact).toBe("王五");
});
