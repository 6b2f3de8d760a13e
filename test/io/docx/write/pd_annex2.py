#!/usr/bin/python3
"""python-docx on the 附件2 template our tool writes (test/io/docx/write/external.test.ts runs it):
  pd_annex2.py dump FILE.docx
      prints JSON: the body paragraphs, every table's rows of cell texts, the page setup, the footer's text, the
      heading styles used and the core properties, as python-docx sees them
  pd_annex2.py fill IN.docx OUT.docx FILL.json
      fills the form as a clerk does in Word: the k-th underlined blank (an underlined run holding only spaces or
      no-break spaces, in document order: the cover's 申报单位 and 申报日期 first, then 重点任务完成情况) gets
      FILL["blanks"][k] typed over it (null: left empty); FILL["cells"] {label: text} types each text into the cell
      after the cell holding that label; FILL["ticks"] {label: option} turns the ☐ before that option, in the cell
      after the label, into ☑. Writes OUT.docx with python-docx."""
import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run


def cell_texts(table):
    return [[c.text for c in row.cells] for row in table.rows]


def dump(path):
    doc = Document(path)
    s = doc.sections[0]
    out = {
        'paragraphs': [p.text for p in doc.paragraphs if p.text.strip()],
        'styles': sorted({p.style.name for p in doc.paragraphs if p.style.name.startswith('Heading')}),
        'tables': [cell_texts(t) for t in doc.tables],
        'page': {'width_mm': round(s.page_width.mm), 'height_mm': round(s.page_height.mm),
                 'top_mm': round(s.top_margin.mm), 'bottom_mm': round(s.bottom_margin.mm),
                 'left_mm': round(s.left_margin.mm), 'right_mm': round(s.right_margin.mm),
                 'different_first_page': s.different_first_page_header_footer},
        'footer': [p.text for p in s.footer.paragraphs],
        'first_footer': [p.text for p in s.first_page_footer.paragraphs],
        'title': doc.core_properties.title,
        'created': doc.core_properties.created.isoformat(),
    }
    print(json.dumps(out, ensure_ascii=False))


def distinct_cells(row):
    seen = []
    for c in row.cells:
        if not any(c._tc is s._tc for s in seen):
            seen.append(c)
    return seen


def fill(src, dst, spec):
    doc = Document(src)
    blanks = list(spec.get('blanks', []))
    body = doc.element.body
    k = 0
    for r in body.iter(qn('w:r')):
        rpr = r.find(qn('w:rPr'))
        t = r.find(qn('w:t'))
        if rpr is None or rpr.find(qn('w:u')) is None or t is None or t.text is None:
            continue
        if t.text.replace('\u00a0', ' ').strip() != '':
            continue
        if k < len(blanks) and blanks[k] is not None:
            Run(r, None).text = str(blanks[k])
        k += 1
    cells = spec.get('cells', {})
    ticks = spec.get('ticks', {})
    for table in doc.tables:
        for row in table.rows:
            cs = distinct_cells(row)
            for i, c in enumerate(cs[:-1]):
                label = c.text.strip()
                target = cs[i + 1]
                if label in cells:
                    target.paragraphs[0].add_run(cells[label])
                if label in ticks:
                    runs = [run for p in target.paragraphs for run in p.runs]
                    for a, b in zip(runs, runs[1:]):
                        if a.text == '☐' and b.text == ticks[label]:
                            a.text = '☑'
    doc.save(dst)
    print(json.dumps({'blanks': k}))


if __name__ == '__main__':
    if sys.argv[1] == 'dump':
        dump(sys.argv[2])
    else:
        with open(sys.argv[4], encoding='utf-8') as f:
            fill(sys.argv[2], sys.argv[3], json.load(f))
