#!/usr/bin/python3
"""附件2 成效突出地区申报表 as prefectures fill it in Word (issue #10):
  pd_annex2.docx   python-docx, the notice's layout: the cover, the header table (申报单位名称 … 申报方向, 联系人 merged
                   down over its four rows, ☑/□ ticks), 重点任务完成情况 as paragraphs inside the table's last row, blanks
                   filled as clerks fill them (a number in its own underlined run, full-width digits, "1 0 8" with
                   spaces, a number in a content control, a control still showing its placeholder, a blank left as
                   underscores, text that is not a number), and the 附名单 as a table after the form
  lo_annex2.docx   LibreOffice headless from HTML: ticks after the options (是√), 重点任务完成情况 as body paragraphs
                   after the table, the underscores replaced by the numbers, 安全管理 only, lists as a table and as a
                   paragraph
Run: cd test/io/docx/annex && /usr/bin/python3 make_annex2.py (needs /usr/bin/soffice).
The expected values in test/io/docx/annex2.test.ts are copied by hand from the fills below."""
import os
import shutil
import subprocess
import tempfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
W = nsdecls('w')

# the notice's 重点任务完成情况, one paragraph per item; {key} marks each blank
TASKS = [
    '一、安全管理成效',
    '1.三级工业互联网企业{tier3}家（请附名单），二级工业互联网企业{tier2}家，一级工业互联网企业{tier1}家。工业互联网安全分类分级包含'
    '自主定级、定级核查、分级防护、符合性评测、安全整改等环节，其中完成符合性评测的企业{conformity}家，完成“五步走”全环节工作的企业{fiveSteps}家',
    '2.车联网网络安全防护定级备案企业{vehicleFiled}家（请附名单），完成防护、评测等工作的企业{vehicleProtected}家',
    '3.组织{icsPilots}家企业开展工业控制系统网络安全评估试点，发现企业安全风险{icsRisksFound}项，整改{icsRisksFixed}项',
    '4.开展工业领域网络安全风险通报{noticeIssues}期/次，通报风险隐患数量{noticeHazards}个、完成整改{noticeHazardsFixed}个，'
    '组织相关单位发现、验证、修复工控产品漏洞{icsVulns}个',
    '5.开展{trainings}场网络安全政策宣贯培训，覆盖{trainingEnterprises}家相关企业，其中{trainingKeyPct}%为重点行业规上企业',
    '二、服务赋能成效',
    '1.开展网络安全监测服务试点，组织{monitorTelecoms}家基础电信企业，监测服务{monitorIndustrial}家重点工业企业、{monitorVehicle}家车联网企业（请附名单）',
    '2.开展网络安全保险服务试点，形成{insurancePlans}个网络安全保险服务方案（请附名单）',
    '3.组织开展网络安全体检评估试点，完成{platformAssessed}家工业互联网平台企业安全评估（请附名单）',
    '4.持续实施安全“深度行”品牌行动，覆盖{deepCities}个地市的{deepEnterprises}家工业企业',
    '5.开展“铸网—2024”实网攻防演练，覆盖{drillIndustrial}家工业互联网企业、{drillVehicle}家车联网企业',
    '6.举办工业领域网络安全相关赛事，选拔培养{talents}名工业领域网络安全专业人才',
]
BLANK = '____'

# how each blank of pd_annex2 is filled: ('u', text) an underlined run, ('t', text) plain, ('sdt', text) a content
# control, ('ph', text) a control showing its placeholder
PD_FILLS = {
    'tier3': ('u', '  12  '), 'tier2': ('t', '３５'), 'tier1': ('t', '1 0 8'), 'conformity': ('u', '40'),
    'fiveSteps': ('t', BLANK), 'vehicleFiled': ('t', '6'), 'vehicleProtected': ('t', '4'), 'icsPilots': ('u', '15'),
    'icsRisksFound': ('t', '120'), 'icsRisksFixed': ('t', '98'), 'noticeIssues': ('t', '24'),
    'noticeHazards': ('t', '310'), 'noticeHazardsFixed': ('t', '350'), 'icsVulns': ('t', '17'),
    'trainings': ('t', '8'), 'trainingEnterprises': ('t', '600'), 'trainingKeyPct': ('t', '65'),
    'monitorTelecoms': ('t', '3'), 'monitorIndustrial': ('t', '210'), 'monitorVehicle': ('t', BLANK),
    'insurancePlans': ('sdt', '2'), 'platformAssessed': ('ph', '单击或点击此处输入文字。'), 'deepCities': ('t', '9'),
    'deepEnterprises': ('t', '320'), 'drillIndustrial': ('u', '30'), 'drillVehicle': ('t', '5'),
    'talents': ('t', '若干'),
}
TIER3_LIST = ['湖南株洲硬质合金集团有限公司', '株洲时代电气装备有限公司', '株洲中车时代电气股份有限公司', '湖南株冶有色金属有限公司',
              '株洲旗滨玻璃有限公司', '株洲千金药业股份有限公司', '株洲钻石切削刀具股份有限公司', '湖南华鑫电子有限公司',
              '株洲天桥起重机股份有限公司', '株洲冶炼集团股份有限公司', '株洲南方阀门股份有限公司']


def _run(p, text, underline=False):
    r = p.add_run(text)
    if underline:
        r.font.underline = True
    return r


def _control(p, text, placeholder):
    flag = '<w:showingPlcHdr/>' if placeholder else ''
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else ''
    p._p.append(parse_xml(f'<w:sdt {W}><w:sdtPr>{flag}</w:sdtPr><w:sdtContent><w:r>{style}<w:t>{text}</w:t></w:r>'
                          '</w:sdtContent></w:sdt>'))


def write_task(p, template, fills):
    """A task paragraph: the template's text, each blank as filled."""
    rest = template
    while '{' in rest:
        head, tail = rest.split('{', 1)
        key, rest = tail.split('}', 1)
        _run(p, head)
        kind, text = fills[key]
        if kind == 'u':
            _run(p, text, underline=True)
        elif kind == 't':
            _run(p, text)
        else:
            _control(p, text, kind == 'ph')
    _run(p, rest)


def set_text(cell, text):
    cell.text = text


def pd_annex2(path):
    doc = Document()
    st = doc.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(12)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    for t in ['附件 2', '护航新型工业化网络安全成效突出地区', '申报表', '申 报 单 位：株洲市工业和信息化局（加盖单位公章）',
              '申 报 日 期：2024年12月15日', '湖南省工业和信息化厅、湖南省通信管理局编制']:
        doc.add_paragraph(t)
    doc.add_page_break()
    doc.add_paragraph('填 表 须 知')
    doc.add_paragraph('一、申报单位应仔细阅读成效突出地区遴选工作有关说明，如实、详细地填写每一部分内容。')
    doc.add_page_break()
    doc.add_paragraph('一、申报单位基本情况')
    t = doc.add_table(rows=10, cols=4)
    t.style = 'Table Grid'
    set_text(t.cell(0, 0), '申报单位名称')
    set_text(t.cell(0, 1).merge(t.cell(0, 3)), '(请填写全称)株洲市工业和信息化局')
    for c, v in zip(t.rows[1].cells, ['负责人', '张志远', '职务', '局长']):
        set_text(c, v)
    lab = t.cell(2, 0).merge(t.cell(5, 0))
    set_text(lab, '联系人')
    for r, (k, v) in enumerate([('姓名', '李华'), ('部门及职务', '网络安全科 科长'), ('联系电话', '0731-28260000'),
                                ('邮箱地址', 'lihua@zzgxj.gov.cn')], start=2):
        set_text(t.cell(r, 1), k)
        set_text(t.cell(r, 2).merge(t.cell(r, 3)), v)
    for c, v in zip(t.rows[6].cells, ['是否组织开展工业互联网安全分类分级管理', '☑是  □否',
                                      '是否建立属地工业互联网领域网络安全重点企业清单', '□是  ☑否']):
        set_text(c, v)
    set_text(t.cell(7, 0), '申报方向')
    set_text(t.cell(7, 1).merge(t.cell(7, 3)), '□总体成效突出地区  ☑安全管理成效突出地区  □服务赋能成效突出地区')
    set_text(t.cell(8, 0), '重点任务完成情况（结合实际，根据申报方向填报对应内容）')
    tasks = t.cell(8, 1).merge(t.cell(8, 3))
    first = True
    for line in TASKS:
        p = tasks.paragraphs[0] if first else tasks.add_paragraph()
        first = False
        write_task(p, line, PD_FILLS)
    t._tbl.remove(t.rows[9]._tr)
    doc.add_paragraph('二、护航行动推进情况及成效')
    doc.add_paragraph('（一）工业领域网络安全工作基础')
    doc.add_paragraph('株洲市出台工业领域网络安全工作方案，建成市级工业互联网安全监测平台。')
    doc.add_page_break()
    doc.add_paragraph('附件：三级工业互联网企业名单')
    lt = doc.add_table(rows=1, cols=2)
    lt.style = 'Table Grid'
    set_text(lt.cell(0, 0), '序号')
    set_text(lt.cell(0, 1), '企业名称')
    for i, name in enumerate(TIER3_LIST, start=1):
        cells = lt.add_row().cells
        set_text(cells[0], str(i))
        set_text(cells[1], name)
    doc.save(path)


LO_FILLS = {
    'tier3': '8', 'tier2': '21', 'tier1': '64', 'conformity': '30', 'fiveSteps': '12', 'vehicleFiled': '3',
    'vehicleProtected': '____', 'icsPilots': '10', 'icsRisksFound': '10', 'icsRisksFixed': '12',
    'noticeIssues': '12', 'noticeHazards': '86', 'noticeHazardsFixed': '80', 'icsVulns': '6', 'trainings': '5',
    'trainingEnterprises': '260', 'trainingKeyPct': '72.5',
}
VEHICLE_LIST = ['湖南湘潭吉利汽车部件有限公司', '湘潭电机驱动系统有限公司', '湖南湘潭车联网科技有限公司']
TIER2_NAMES = ['湘潭钢铁集团有限公司', '湘潭电化科技股份有限公司']


def lo_html():
    lines = []
    for line in TASKS[:6]:
        text = line
        for k, v in LO_FILLS.items():
            text = text.replace('{' + k + '}', v)
        lines.append(f'<p>{text}</p>')
    for line in TASKS[6:]:
        text = line
        while '{' in text:
            a, b = text.split('{', 1)
            text = a + BLANK + b.split('}', 1)[1]
        lines.append(f'<p>{text}</p>')
    rows = ''.join(f'<tr><td>{i}</td><td>{n}</td></tr>' for i, n in enumerate(VEHICLE_LIST, start=1))
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>附件2</title></head><body>
<p>附件 2</p><p align="center">护航新型工业化网络安全成效突出地区 申报表</p>
<p>申报单位：湘潭市工业和信息化局（加盖单位公章）</p><p>申报日期：2024年12月16日</p>
<p>一、申报单位基本情况</p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><td>申报单位名称</td><td colspan="3">湘潭市工业和信息化局</td></tr>
<tr><td>负责人</td><td>赵建国</td><td>职务</td><td>副局长</td></tr>
<tr><td rowspan="4">联系人</td><td>姓名</td><td colspan="2">钱芳</td></tr>
<tr><td>部门及职务</td><td colspan="2">信息化推进科 副科长</td></tr>
<tr><td>联系电话</td><td colspan="2">0731-58581234</td></tr>
<tr><td>邮箱地址</td><td colspan="2">qianfang@xtgxj.gov.cn</td></tr>
<tr><td>是否组织开展工业互联网安全分类分级管理</td><td>是√ 否</td><td>是否建立属地工业互联网领域网络安全重点企业清单</td><td>是√ 否</td></tr>
<tr><td>申报方向</td><td colspan="3">总体成效突出地区□ 安全管理成效突出地区■ 服务赋能成效突出地区□</td></tr>
<tr><td>重点任务完成情况</td><td colspan="3">（见下文）</td></tr>
</table>
<p>重点任务完成情况</p>
{''.join(lines)}
<p>二级工业互联网企业名单：{'、'.join(TIER2_NAMES)}</p>
<p>车联网网络安全防护定级备案企业名单</p>
<table border="1" cellspacing="0"><tr><td>序号</td><td>企业名称</td></tr>{rows}</table>
</body></html>'''


def soffice(src, outdir):
    subprocess.run(['/usr/bin/soffice', '-env:UserInstallation=file://' + os.path.join(outdir, 'profile'),
                    '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


if __name__ == '__main__':
    pd_annex2(os.path.join(HERE, 'pd_annex2.docx'))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'lo_annex2.html')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(lo_html())
        soffice(src, tmp)
        shutil.copy(os.path.join(tmp, 'lo_annex2.docx'), os.path.join(HERE, 'lo_annex2.docx'))
    print('wrote pd_annex2.docx lo_annex2.docx')
