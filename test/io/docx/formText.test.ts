import { readCover } from "../../../src/io/docx/formText";
import type { DocBlock } from "../../../src/io/docx/docxModel";

const paras = (...texts: string[]): DocBlock[] => texts.map((text) => ({ kind: "p", text }));

it("reads cover labels written with spaces or with the seal note before the colon", () => {
  expect(
    readCover(
      paras(
        "案 例 名 称： 钢铁企业分类分级实践",
        "申报单位（盖章）：湖南华菱有限公司",
        "推 荐 单 位(加盖单位公章):长沙市工业和信息化局",
        "申报日期：2024年12月5日"
      )
    )
  ).toEqual([
    { key: "caseName", value: "钢铁企业分类分级实践" },
    { key: "applicant", value: "湖南华菱有限公司" },
    { key: "recommender", value: "长沙市工业和信息化局" },
    { key: "date", value: "2024年12月5日" },
  ]);
});
