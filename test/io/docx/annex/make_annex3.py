#!/usr/bin/python3
"""附件3 推荐汇总表 as prefectures send it in Word (issue #10), each with the same table as a workbook (openpyxl) for
the reader to agree with:
  pd_annex3.docx / .xlsx   python-docx: title, 推荐单位（盖章）/ 日期 paragraphs, the header marked to repeat on each
                           page (w:tblHeader) and typed again as a plain row further down, a blank row, a note row
                           merged across the table, 联系人 / 手机 / 座机 paragraphs below it; 序号 as full-width text
  pd_annex3_split.docx     the same table broken in two by a page break, the header typed again in the second part
  lo_annex3.docx / .xlsx   LibreOffice headless from HTML: a two-row header (序号 … merged down, 联系人 over 姓名 /
                           联系方式), <thead> (repeated on each page), 推荐单位 and 日期 on one line
Run: cd test/io/docx/annex && /usr/bin/python3 make_annex3.py (needs /usr/bin/soffice).
The expected values in test/io/docx/annex3.test.ts are copied by hand from ROWS / LO_ROWS below."""
import copy
import os
import shutil
import subprocess
import tempfile

import openpyxl
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ['序号', '案例名称', '企业名称', '企业类别', '案例申报方向和简述（100字内）', '联系人', '联系方式']
NOTE = '注：企业类别请说明是工业企业/平台企业/标识解析企业、车联网相关企业、工控产品厂商、基础电信企业、网络安全企业'

ROWS = [
    ['１', '硬质合金智能工厂分类分级防护实践', '株洲岳峰硬质合金有限公司', '工业企业',
     '工业互联网安全分类分级案例：完成自主定级和分级防护，建成覆盖全部产线的安全监测平台', '刘建军', '0731-28861234'],
    ['２', '轨道交通装备工控系统安全评估', '株洲时代电气装备有限公司', '工业企业',
     '【工业控制系统安全评估】对 12 条产线开展评估，整改风险 36 项', '陈立', '13807330001'],
    ['３', '车联网服务平台纵深防御体系', '湖南株洲智行车联科技有限公司', '车联网服务平台企业',
     '车联网网络安全防护案例：平台完成定级备案（三级）和安全评测，修复高危漏洞 8 个', '周敏', '0731-22881234'],
]
MORE = [
    ['４', '工业控制器漏洞闭环治理', '株洲中控自动化股份有限公司', '工业控制产品厂商',
     '工业控制产品漏洞治理案例：全年修复控制器固件漏洞 12 个，补丁覆盖率 100%', '王敏', '１３８０７３３１２３４'],
]
META = ('推荐单位（盖章）：株洲市工业和信息化局', '日期：2024年12月10日', '联系人：李华', '手机 / 座机：13907330000 / 0731-28260000')


def doc_base():
    doc = Document()
    st = doc.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    doc.add_paragraph('附件3')
    doc.add_paragraph('护航新型工业化网络安全典型案例推荐汇总表')
    doc.add_paragraph(META[0])
    doc.add_paragraph(META[1])
    return doc


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def add_table(doc, rows, header_repeat=True):
    t = doc.add_table(rows=1, cols=7)
    t.style = 'Table Grid'
    for c, h in zip(t.rows[0].cells, HEADER):
        c.text = h
    if header_repeat:
        repeat_header(t.rows[0])
    for r in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, r):
            c.text = v
    return t


def pd_annex3(path, split=False):
    doc = doc_base()
    t = add_table(doc, ROWS)
    t.add_row()  # a blank row
    if split:
        doc.add_page_break()
        t = add_table(doc, MORE, header_repeat=False)
    else:
        # the header typed again as a plain row (the clerk's own "next page"), then the last case
        hdr = t.add_row().cells
        for c, h in zip(hdr, HEADER):
            c.text = h
        for r in MORE:
            for c, v in zip(t.add_row().cells, r):
                c.text = v
    note = t.add_row().cells
    merged = note[0].merge(note[6])
    merged.text = NOTE
    doc.add_paragraph(META[2])
    doc.add_paragraph(META[3])
    doc.save(path)


def pd_annex3_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '推荐汇总表'
    ws.append(['附件3'])
    ws.append(['护航新型工业化网络安全典型案例推荐汇总表'])
    ws.append([META[0]])
    ws.append([META[1]])
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    ws.append([])
    ws.append(HEADER)
    for r in MORE:
        ws.append(r)
    ws.append([NOTE])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.append([META[2]])
    ws.append([META[3]])
    wb.save(path)


LO_ROWS = [
    ['1', '石化装置工控系统安全评估', '湖南岳阳长炼石化有限公司', '工业企业',
     '工业控制系统安全评估案例：完成 3 套装置 DCS 安全评估，整改高风险问题 14 项', '彭涛', '0730-8451234'],
    ['2', '纸业智能工厂分类分级实践', '岳阳林纸智造有限公司', '工业企业',
     '【工业互联网安全分类分级】完成自主定级（二级）和符合性评测', '易红', '13973001234'],
    ['', '', '', '', '', '', ''],
    ['3', '园区工业企业威胁监测服务', '中国电信股份有限公司岳阳分公司', '基础电信企业',
     '网络安全威胁监测服务案例：监测园区企业专线流量，通报处置威胁事件 126 起', '黄杰', '0730-8221234'],
]
LO_META = ('推荐单位（盖章）：岳阳市工业和信息化局', '日期：2024年12月12日', '联系人：方敏', '手机/座机：0730-8888123')


def lo_html():
    esc = lambda s: s.replace('&', '&amp;').replace('<', '&lt;')  # noqa: E731
    body = ''.join('<tr>' + ''.join(f'<td>{esc(v)}</td>' for v in r) + '</tr>' for r in LO_ROWS)
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>附件3</title></head><body>
<p>附件3</p><p align="center">护航新型工业化网络安全典型案例推荐汇总表</p>
<p>{LO_META[0]}　　　　　　{LO_META[1]}</p>
<table border="1" cellspacing="0" cellpadding="3">
<thead><tr><th rowspan="2">序号</th><th rowspan="2">案例名称</th><th rowspan="2">企业名称</th><th rowspan="2">企业类别</th>
<th rowspan="2">案例申报方向和简述<br>（100字内）</th><th colspan="2">联系人</th></tr><tr><th>姓名</th><th>联系方式</th></tr></thead>
<tbody>{body}<tr><td colspan="7">{NOTE}</td></tr></tbody></table>
<p>{LO_META[2]}</p><p>{LO_META[3]}</p></body></html>'''


def lo_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '推荐汇总表'
    ws.append(['附件3'])
    ws.append(['护航新型工业化网络安全典型案例推荐汇总表'])
    ws.append([f'{LO_META[0]}　　　　　　{LO_META[1]}'])
    ws.append(['序号', '案例名称', '企业名称', '企业类别', '案例申报方向和简述\n（100字内）', '联系人', None])
    ws.append([None, None, None, None, None, '姓名', '联系方式'])
    for col in 'ABCDE':
        ws.merge_cells(f'{col}4:{col}5')
    ws.merge_cells('F4:G4')
    for r in LO_ROWS:
        ws.append([v if v != '' else None for v in r])
    ws.append([NOTE])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    ws.append([LO_META[2]])
    ws.append([LO_META[3]])
    wb.save(path)


def soffice(src, outdir):
    subprocess.run(['/usr/bin/soffice', '-env:UserInstallation=file://' + os.path.join(outdir, 'profile'),
                    '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


if __name__ == '__main__':
    pd_annex3(os.path.join(HERE, 'pd_annex3.docx'))
    pd_annex3(os.path.join(HERE, 'pd_annex3_split.docx'), split=True)
    pd_annex3_xlsx(os.path.join(HERE, 'pd_annex3.xlsx'))
    lo_xlsx(os.path.join(HERE, 'lo_annex3.xlsx'))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'lo_annex3.html')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(lo_html())
        soffice(src, tmp)
        shutil.copy(os.path.join(tmp, 'lo_annex3.docx'), os.path.join(HERE, 'lo_annex3.docx'))
    print('wrote pd_annex3.docx pd_annex3_split.docx pd_annex3.xlsx lo_annex3.docx lo_annex3.xlsx')
