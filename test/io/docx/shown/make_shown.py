#!/usr/bin/python3
"""附件1 forms that carry what Word does NOT show, and ticks as Chinese offices make them (issue #10), written by
python-docx (the form itself: ../fixtures/docx_builder.py) with raw WordprocessingML inserted through its lxml tree
for what python-docx has no API for (content-control placeholders, tracked changes, EQ fields, w:sym).
Run: cd test/io/docx/shown && /usr/bin/python3 make_shown.py. Writes pd_*.docx here.

The expected values in test/io/docx/shown.test.ts are copied by hand from the specs below."""
import copy
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'fixtures'))

from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402

from docx_builder import add_form, build, new_document  # noqa: E402
from forms_data import uscc  # noqa: E402

W = nsdecls('w')
AUTHOR = 'w:author="王科长" w:date="2024-12-03T09:00:00Z"'


def base(**kw):
    s = {
        'style': 'before',
        'cover': {'caseName': '钢铁企业工业互联网安全分类分级实践', 'applicant': '湖南华菱涟钢信息有限公司',
                  'recommender': '娄底市工业和信息化局', 'date': '2024年12月6日'},
        'fields': {'unitName': '湖南华菱涟钢信息有限公司', 'uscc': uscc('431300', 'MA4QW7D2'), 'founded': '2012年5月8日',
                   'address': '娄底市娄星区黄泥塘街道涟钢路1号', 'capital': '8000', 'nature': ['国有控股企业'],
                   'contact': '曾志刚', 'phone': '0738-8861234', 'fax': '0738-8861235', 'email': 'zengzg@lgxx.com',
                   'category': ['工业企业'], 'direction': ['工业互联网安全分类分级案例'], 'levelInd': ['二级'],
                   'intro': '公司是钢铁集团的信息化子公司，负责集团工业互联网平台和生产控制网络的建设运维。'},
        'overview': ['公司按照分类分级管理办法完成自主定级（二级）并通过定级核查。'],
        'highlights': ['完成符合性评测，整改问题23项，全年未发生网络安全事件。'],
    }
    s.update(kw)
    return s


def value_cell(doc, label, table=-1):
    """The cell right of the label cell `label` in the form table."""
    t = doc.tables[table]
    for row in t.rows:
        cells = row.cells
        for i, c in enumerate(cells):
            if c.text.replace('\n', '') == label:
                for d in cells[i + 1:]:
                    if d._tc is not c._tc:
                        return d
    raise KeyError(label)


def clear(cell):
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    p = cell.paragraphs[0]
    for r in list(p._p):
        if r.tag != qn('w:pPr'):
            p._p.remove(r)
    return p


def raw(p, xml):
    p._p.append(parse_xml(xml))


_IDS = [7100]


def placeholder(text, shown=True, style=True):
    _IDS[0] += 1
    rpr = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if style else ''
    flag = '<w:showingPlcHdr/>' if shown else ''
    return (f'<w:sdt {W}><w:sdtPr><w:id w:val="{_IDS[0]}"/>{flag}</w:sdtPr>'
            f'<w:sdtContent><w:r>{rpr}<w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>')


# ---------------------------------------------------------------------------------------------------------------
# Hidden text: a consortium hidden in 单位名称, a second tick hidden in 企业类别, a hidden character style in the
# intro, a hidden paragraph style in 三、成效与亮点

def hidden_hooks(doc):
    styles = doc.styles
    note = styles.add_style('隐藏说明', WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    para = styles.add_style('隐藏段落', WD_STYLE_TYPE.PARAGRAPH)
    para.base_style = styles['Normal']
    para.font.hidden = True

    c = value_cell(doc, '单位名称')
    r = c.paragraphs[0].add_run('、湖南长沙联合网络科技有限公司（联合申报）')
    r.font.hidden = True

    c = value_cell(doc, '企业类别')
    p = c.paragraphs[0]
    r = p.add_run('  ☑基础电信企业')
    r.font.hidden = True

    c = value_cell(doc, '申报单位简介')
    c.paragraphs[0].add_run('（内部备注：与长沙联合网络科技有限公司联合申报）', style='隐藏说明')

    # after the last highlights paragraph: a hidden paragraph
    for p in doc.paragraphs:
        if p.text.startswith('完成符合性评测'):
            hidden = copy.deepcopy(p._p)
            p._p.addnext(hidden)
            from docx.text.paragraph import Paragraph
            hp = Paragraph(hidden, p._parent)
            for r in hp.runs:
                r.text = ''
            hp.runs[0].text = '联合申报单位湖南长沙联合网络科技有限公司负责平台安全监测。'
            hp.style = doc.styles['隐藏段落']
            break


# ---------------------------------------------------------------------------------------------------------------
# Content-control placeholders

def placeholder_hooks(doc):
    p = clear(value_cell(doc, '联系人'))
    raw(p, placeholder('单击或点击此处输入文字。'))
    p = clear(value_cell(doc, '联系电话'))
    raw(p, placeholder('单击或点击此处输入文字。'))
    # a filled control: its value is read
    p = clear(value_cell(doc, '电子邮箱'))
    raw(p, f'<w:sdt {W}><w:sdtPr><w:id w:val="7001"/></w:sdtPr><w:sdtContent><w:r><w:t>zengzg@lgxx.com</w:t>'
           '</w:r></w:sdtContent></w:sdt>')
    # Word's placeholder text whose showingPlcHdr flag was lost on the way (saved by another program)
    p = clear(value_cell(doc, '传真'))
    raw(p, placeholder('单击或点击此处输入文字。', shown=False, style=False))
    # a date control on the cover still showing its placeholder
    for para in doc.paragraphs:
        if para.text.startswith('申 报 日 期'):
            for r in para.runs:
                r.text = ''
            para.runs[0].text = '申 报 日 期：'
            raw(para, placeholder('单击或点击以输入日期。'))
            break


# ---------------------------------------------------------------------------------------------------------------
# Tracked changes

def revision_hooks(doc):
    # 单位名称: the old name deleted, the new one inserted
    p = clear(value_cell(doc, '单位名称'))
    raw(p, f'<w:del {W} w:id="901" {AUTHOR}><w:r><w:delText>湖南涟钢信息技术有限公司、湖南娄底联合科技有限公司</w:delText></w:r></w:del>')
    raw(p, f'<w:ins {W} w:id="902" {AUTHOR}><w:r><w:t>湖南华菱涟钢信息有限公司</w:t></w:r></w:ins>')
    # 申报方向: a deleted tick before 车联网, the tick moved to 分类分级
    p = clear(value_cell(doc, '申报方向'))
    raw(p, f'<w:ins {W} w:id="903" {AUTHOR}><w:r><w:t>☑</w:t></w:r></w:ins>')
    raw(p, f'<w:r {W}><w:t xml:space="preserve">工业互联网安全分类分级案例  </w:t></w:r>')
    raw(p, f'<w:del {W} w:id="904" {AUTHOR}><w:r><w:delText>☑</w:delText></w:r></w:del>')
    raw(p, f'<w:ins {W} w:id="905" {AUTHOR}><w:r><w:t>□</w:t></w:r></w:ins>')
    raw(p, f'<w:r {W}><w:t xml:space="preserve">车联网网络安全防护案例  □工业控制系统安全评估案例  □工业控制产品漏洞治理案例  □网络安全威胁监测服务案例</w:t></w:r>')
    # a deleted row above 联系人, naming another contact
    t = doc.tables[-1]
    for row in t.rows:
        if row.cells[0].text == '联系人':
            old = copy.deepcopy(row._tr)
            row._tr.addprevious(old)
            trpr = old.find(qn('w:trPr'))
            if trpr is None:
                trpr = parse_xml(f'<w:trPr {W}/>')
                old.insert(0, trpr)
            trpr.append(parse_xml(f'<w:del {W} w:id="906" {AUTHOR}/>'))
            texts = ['联系人', '李旧人', '联系电话', '13900000000']
            for k, (tc, text) in enumerate(zip(old.findall(qn('w:tc')), texts)):
                paras = tc.findall(qn('w:p'))
                for p_el in paras:
                    for r in p_el.findall(qn('w:r')):
                        p_el.remove(r)
                paras[0].append(parse_xml(f'<w:del {W} w:id="{910 + k}" {AUTHOR}><w:r><w:delText>{text}'
                                          '</w:delText></w:r></w:del>'))
            break
    # the case name on the cover: a deleted word and an inserted one
    for para in doc.paragraphs:
        if para.text.startswith('案 例 名 称'):
            for r in para.runs:
                r.text = ''
            para.runs[0].text = '案 例 名 称：'
            raw(para, f'<w:del {W} w:id="960" {AUTHOR}><w:r><w:delText>联合体</w:delText></w:r></w:del>')
            raw(para, f'<w:r {W}><w:t>钢铁企业工业互联网安全分类分级</w:t></w:r>')
            raw(para, f'<w:ins {W} w:id="961" {AUTHOR}><w:r><w:t>实践</w:t></w:r></w:ins>')
            break
    # 成效与亮点: a sentence moved from the end to the front (moveFrom is not read, moveTo is)
    for para in doc.paragraphs:
        if para.text.startswith('完成符合性评测'):
            for r in para.runs:
                r.text = ''
            raw(para, f'<w:moveTo {W} w:id="970" {AUTHOR}><w:r><w:t>全年未发生网络安全事件。</w:t></w:r></w:moveTo>')
            raw(para, f'<w:r {W}><w:t>完成符合性评测，整改问题23项。</w:t></w:r>')
            raw(para, f'<w:moveFrom {W} w:id="971" {AUTHOR}><w:r><w:t>全年未发生网络安全事件。</w:t></w:r></w:moveFrom>')
            break


# ---------------------------------------------------------------------------------------------------------------
# Two forms in one document

SECOND = base(
    cover={'caseName': '冷轧产线工控系统安全评估', 'applicant': '湖南娄底冷轧薄板有限公司',
           'recommender': '娄底市工业和信息化局', 'date': '2024年12月9日'},
    fields={'unitName': '湖南娄底冷轧薄板有限公司', 'uscc': uscc('431300', 'MA4RR2K6'), 'founded': '2009年7月1日',
            'address': '娄底市经济技术开发区冷轧路8号', 'capital': '26000', 'nature': ['国有企业'],
            'contact': '彭丽', 'phone': '0738-8331234', 'fax': '', 'email': 'pengli@ldlz.com',
            'category': ['工业企业'], 'direction': ['工业控制系统安全评估案例'],
            'intro': '公司拥有冷轧薄板生产线两条，年产能150万吨。'},
    overview=['对照《工业控制系统网络安全防护要求》开展冷轧产线控制系统安全评估。'],
    highlights=['评估发现风险18项，已整改16项。'],
)

FORMS = {
    'pd_hidden': base(hooks=[hidden_hooks]),
    'pd_placeholders': base(hooks=[placeholder_hooks]),
    'pd_revisions': base(hooks=[revision_hooks]),
    # every choice in Wingdings 2 letters (R / £)
    'pd_wingdings2': base(style='wd2', fields={**base()['fields'], 'nature': ['民营企业'],
                                                'category': ['工业互联网平台企业']}),
    # private-use code points for 单位性质 and 企业类别, w:sym Wingdings 2 for the direction, Webdings for levels
    'pd_symbol_fonts': base(nature_style='wd2_pua', category_style='wd2_pua', direction_style='sym2',
                            level_style='webdings'),
    # 带圈字符 fields: EQ split over runs for category and direction, fldSimple for nature, Symbol √ after levels
    'pd_circled': base(nature_style='eq_simple', category_style='eq', direction_style='eq',
                       level_style='symbol_after'),
}


def two_forms(path):
    doc = new_document()
    add_form(doc, base())
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    add_form(doc, SECOND)
    doc.save(path)


if __name__ == '__main__':
    for name, s in FORMS.items():
        build(s, os.path.join(HERE, name + '.docx'))
        print('wrote', name + '.docx')
    two_forms(os.path.join(HERE, 'pd_two_forms.docx'))
    print('wrote pd_two_forms.docx', SECOND['fields']['uscc'], base()['fields']['uscc'])
