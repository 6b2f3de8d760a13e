#!/usr/bin/python3
"""Strict OOXML (ISO/IEC 29500 Strict, Word's "Strict Open XML 文档") versions of two 附件1 forms written by others —
../fixtures/pd_glyph_before.docx (python-docx) and ../fixtures/lo_form_ict.docx (LibreOffice) — with every part's
Transitional namespace and relationship names replaced by the Strict ones, as Word's Strict save writes them
(python-docx and LibreOffice write Transitional only).
Run: cd test/io/docx/shown && /usr/bin/python3 make_strict.py. Writes strict_*.docx here."""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, '..', 'fixtures')
STRICT = [
    (b'http://schemas.openxmlformats.org/wordprocessingml/2006/main', b'http://purl.oclc.org/ooxml/wordprocessingml/main'),
    (b'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
     b'http://purl.oclc.org/ooxml/officeDocument/relationships'),
    (b'http://schemas.openxmlformats.org/drawingml/2006/main', b'http://purl.oclc.org/ooxml/drawingml/main'),
]


def strict(src, dst):
    with zipfile.ZipFile(os.path.join(FIX, src)) as zin, \
            zipfile.ZipFile(os.path.join(HERE, dst), 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith('.xml') or info.filename.endswith('.rels'):
                for a, b in STRICT:
                    data = data.replace(a, b)
            zout.writestr(info.filename, data)


if __name__ == '__main__':
    strict('pd_glyph_before.docx', 'strict_pd_form.docx')
    strict('lo_form_ict.docx', 'strict_lo_form.docx')
    print('wrote strict_pd_form.docx strict_lo_form.docx')
