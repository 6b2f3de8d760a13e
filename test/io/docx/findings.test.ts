/** Findings of the fixture forms as a clerk reads them, and the 附件3 row each proposes; plus the 100-form timing. */
import { readFileSync } from "fs";
import { join } from "path";
import { applicationToRecord } from "../../../src/core/application";
import { describeLocation } from "../../../src/core/findings";
import { readApplicationDocx } from "../../../src/io/docx/readApplication";
import { formFindings } from "./formFindings";

const FIX = join(__dirname, "fixtures");
const read = (name: string) =>
  readApplicationDocx(new Uint8Array(readFileSync(join(FIX, name))), name);
const summary = async (name: string) =>
  formFindings(await read(name)).map((f) => `${f.code} ${describeLocation(f)}`);

describe("findings of the fixture forms", () => {
  it("clean forms report nothing", async () => {
    for (const name of [
      "pd_glyph_before.docx",
      "pd_leftover.docx",
      "cb_content_controls.docx",
      "lo_form_ict.docx",
      "lo_form_other.docx",
    ]) {
      expect(await summary(name)).toEqual([]);
    }
  });

  it("two directions and two categories ticked: R2 and R7", async () => {
    expect(await summary("pd_two_directions.docx")).toEqual([
      "R2 文件 pd_two_directions.docx，申报表，“申报方向”",
      "R7 文件 pd_two_directions.docx，申报表，“企业类别”",
    ]);
  });

  it("consortium on the cover: R1; cover naming another company: R1", async () => {
    expect(await summary("pd_consortium.docx")).toEqual([
      "R1 文件 pd_consortium.docx，封面，“申报单位”",
    ]);
    expect(await summary("pd_date_2023.docx")).toEqual([
      "R1 文件 pd_date_2023.docx，封面，“申报单位”",
    ]);
  });

  it("an unfilled form: REQ for each form-only field", async () => {
    expect(await summary("pd_incomplete.docx")).toEqual([
      "REQ 文件 pd_incomplete.docx，封面，“推荐单位”",
      "REQ 文件 pd_incomplete.docx，封面，“申报日期”",
      "REQ 文件 pd_incomplete.docx，申报表，“成立时间”",
      "REQ 文件 pd_incomplete.docx，申报表，“单位性质”",
      "REQ 文件 pd_incomplete.docx，申报表，“电子邮箱”",
      "REQ 文件 pd_incomplete.docx，申报表，“申报单位简介”",
      "REQ 文件 pd_incomplete.docx，申报表，“二、总体情况”",
      "REQ 文件 pd_incomplete.docx，申报表，“三、成效与亮点”",
      "REQ 文件 pd_incomplete.docx，申报表，“申报方向”",
    ]);
  });

  it("the record of the 2023 form keeps its date and its wrong credit code for the row rules (R4, ID)", async () => {
    const r = applicationToRecord((await read("pd_date_2023.docx")).application!, 2, "娄底市");
    expect(r.date).toBe("2023-12-20");
    expect(r.uscc).toBe("91430104MA4L0X1BX0");
    expect(r.enterprise).toBe("湖南华菱涟源钢铁有限公司");
    expect(r.summaryCell).toBe(
      "工业控制系统安全评估案例：公司建成覆盖全部产线的安全监测体系，全年发现并整改高危漏洞36个。"
    );
  });

  it("the long form proposes a 简述 over 100 字, whole, for R5 to report", async () => {
    const r = applicationToRecord((await read("pd_long_text.docx")).application!, 1, "永州市");
    expect(
      r.summaryCell.startsWith("工业互联网安全分类分级案例：公司以工业互联网安全分类分级管理为抓手")
    ).toBe(true);
    expect(r.summaryCell.endsWith("实现关键生产网络全面隔离和安全态势实时感知。")).toBe(true);
    expect(r.summaryCell.length).toBeGreaterThan(100);
  });
});
