#!/usr/bin/python3
"""The same classes of 附件1 form written by LibreOffice headless, from a flat ODT (.fodt) typed the way a WPS /
LibreOffice user fills the form: hidden text (a hidden span and a hidden character style), a tracked deletion and
insertion, Wingdings 2 ticks typed as letters, check-box and placeholder content controls; and two whole forms in one
document, from HTML. Run: cd test/io/docx/shown && /usr/bin/python3 make_shown_lo.py (needs /usr/bin/soffice).
Writes lo_*.docx here. The expected values in test/io/docx/shown.test.ts are copied by hand from FORM below."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'fixtures'))

from forms_data import CATEGORIES, DIRECTIONS, LEVELS_IND, LEVELS_VEH, NATURES, uscc  # noqa: E402
import make_libreoffice  # noqa: E402

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

FORM = {
    'caseName': '有色冶炼工业互联网平台安全分类分级', 'caseNameDeleted': '联合',
    'applicant': '湖南株冶有色金属有限公司', 'recommender': '株洲市工业和信息化局', 'date': '2024年12月11日',
    'unitName': '湖南株冶有色金属有限公司', 'unitHidden': '、湖南株洲联合数据有限公司',
    'uscc': uscc('430200', 'MA4PX5H3'), 'founded': '2009年3月2日', 'address': '株洲市天元区株冶路9号',
    'capital': '52000', 'nature': ['国有企业'], 'contact': '', 'phone': '0731-28391234', 'fax': '',
    'email': 'zhuye@zyys.com', 'category': ['工业互联网平台企业'], 'direction': ['工业互联网安全分类分级案例'],
    'levelInd': ['三级'],
    'intro': '公司运营有色冶炼行业工业互联网平台，接入冶炼企业42家。', 'introHidden': '（与联合数据公司共同申报）',
    'overview': ['平台完成自主定级（三级）并通过定级核查。'],
    'highlights': ['完成符合性评测和安全整改，平台全年可用率99.98%。'],
}


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def p(inner):
    return f'<text:p>{inner}</text:p>'


def cell(inner, span=1):
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ''
    covered = '<table:covered-table-cell/>' * (span - 1)
    return f'<table:table-cell office:value-type="string"{attrs}>{p(inner)}</table:table-cell>{covered}'


def wd2(options, ticked):
    """Wingdings 2 letters typed before each option: R ticked, £ not."""
    return '  '.join(f'<text:span text:style-name="WD2">{"R" if o in ticked else "£"}</text:span>{esc(o)}'
                     for o in options)


def controls(options, ticked):
    """Check-box content controls before each option."""
    out = []
    for o in options:
        on = o in ticked
        out.append('<loext:content-control loext:checkbox="true" '
                   f'loext:checked="{"true" if on else "false"}" loext:checked-state="☒" loext:unchecked-state="☐">'
                   f'{"☒" if on else "☐"}</loext:content-control>{esc(o)}')
    return '  '.join(out)


def glyphs(options, ticked):
    return '  '.join(('☑' if o in ticked else '□') + esc(o) for o in options)


PLACEHOLDER = '<loext:content-control loext:showing-place-holder="true">单击或点击此处输入文字。</loext:content-control>'


def fodt(f):
    rows = [
        cell('单位名称') + cell(esc(f['unitName']) + f'<text:span text:style-name="HID">{esc(f["unitHidden"])}</text:span>', 3),
        cell('组织机构代码/三证合一码') + cell(f['uscc']) + cell('成立时间') + cell(esc(f['founded'])),
        cell('单位地址') + cell(esc(f['address'])) + cell('注册资本(万元)') + cell(f['capital']),
        cell('单位性质') + cell(glyphs(NATURES, f['nature']) + '  □其他(请注明:________)', 3),
        cell('联系人') + cell(PLACEHOLDER) + cell('联系电话') + cell(f['phone']),
        cell('传真') + cell(PLACEHOLDER) + cell('电子邮箱') + cell(f['email']),
        cell('企业类别') + cell(wd2(CATEGORIES, f['category']), 3),
        cell('申报方向') + cell(controls(DIRECTIONS, f['direction']), 3),
        cell('网络安全级别（申报工业互联网安全分类分级案例填写）', 2) + cell(wd2(LEVELS_IND, f['levelInd']), 2),
        cell('网络安全级别（申报车联网网络安全防护案例填写）', 2) + cell(wd2(LEVELS_VEH, []), 2),
        cell('申报单位简介') + cell(esc(f['intro']) + f'<text:span text:style-name="Hidden_20_Note">{esc(f["introHidden"])}</text:span>', 3),
    ]
    table = ('<table:table table:name="基本情况"><table:table-column table:number-columns-repeated="4"/>'
             + ''.join(f'<table:table-row>{r}</table:table-row>' for r in rows) + '</table:table>')
    body = ''.join([
        p('附件 1'), p('护航新型工业化网络安全典型案例'), p('申报表'),
        p(f'案例名称：<text:change text:change-id="ct1"/>{esc(f["caseName"])}'),
        p(f'申报单位：{esc(f["applicant"])}（加盖单位公章）'),
        p(f'推荐单位：{esc(f["recommender"])}（加盖单位公章）'),
        p(f'申报日期：{esc(f["date"])}'),
        p('一、申报单位基本情况'), table,
        p('二、总体情况'), *[p(esc(x)) for x in f['overview']],
        p('三、成效与亮点'), *[p(esc(x)) for x in f['highlights']],
        p('四、真实性承诺'), p('我单位申报的所有材料，均真实、完整，如有不实，愿承担相应责任。'),
    ])
    changes = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
               '<dc:creator>审核人</dc:creator><dc:date>2024-12-02T10:00:00</dc:date></office:change-info>'
               f'<text:p>{esc(f["caseNameDeleted"])}</text:p></text:deletion></text:changed-region></text:tracked-changes>')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Wingdings 2" svg:font-family="'Wingdings 2'" style:font-charset="x-symbol"/></office:font-face-decls>
<office:styles><style:style style:name="Hidden_20_Note" style:display-name="Hidden Note" style:family="text"><style:text-properties text:display="none"/></style:style></office:styles>
<office:automatic-styles>
<style:style style:name="HID" style:family="text"><style:text-properties text:display="none"/></style:style>
<style:style style:name="WD2" style:family="text"><style:text-properties style:font-name="Wingdings 2"/></style:style>
</office:automatic-styles>
<office:body><office:text>{changes}{body}</office:text></office:body></office:document>'''


SECOND = {
    'caseName': '硬质合金产线工控漏洞治理', 'applicant': '湖南株洲硬质合金工具有限公司',
    'recommender': '株洲市工业和信息化局', 'date': '2024年12月12日', 'unitName': '湖南株洲硬质合金工具有限公司',
    'uscc': uscc('430200', 'MA4QQ8M1'), 'founded': '2003年9月9日', 'address': '株洲市芦淞区钻石路288号',
    'capital': '30000', 'nature': ['国有控股企业'], 'contact': '谭晓', 'phone': '0731-28681234', 'fax': '',
    'email': 'tanxiao@zzyh.com', 'category': ['工业企业'], 'direction': ['工业控制产品漏洞治理案例'],
    'intro': '公司生产硬质合金刀具，产线控制器320台。',
    'overview': ['建立控制器漏洞台账，收到漏洞通报9条。'],
    'highlights': ['全部漏洞在30日内完成处置。'],
}
FIRST = {**make_libreoffice.FORMS['lo_form_ict']}


def convert(src, outdir):
    subprocess.run(['/usr/bin/soffice', '-env:UserInstallation=file://' + os.path.join(outdir, 'profile'),
                    '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'lo_shown.fodt')
        with open(src, 'w', encoding='utf-8') as fh:
            fh.write(fodt(FORM))
        convert(src, tmp)
        shutil.copy(os.path.join(tmp, 'lo_shown.docx'), os.path.join(HERE, 'lo_shown.docx'))
        # two forms in one HTML page: the second's cover right after the first's 四、真实性承诺
        one = make_libreoffice.page(FIRST)
        two = make_libreoffice.page(SECOND)
        html = one.replace('</body></html>', '') + two[two.index('<body>') + len('<body>'):]
        src = os.path.join(tmp, 'lo_two_forms.html')
        with open(src, 'w', encoding='utf-8') as fh:
            fh.write(html)
        convert(src, tmp)
        shutil.copy(os.path.join(tmp, 'lo_two_forms.docx'), os.path.join(HERE, 'lo_two_forms.docx'))
    print('wrote lo_shown.docx lo_two_forms.docx', FORM['uscc'], SECOND['uscc'])
