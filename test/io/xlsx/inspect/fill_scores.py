#!/usr/bin/env python3
"""Fill the 评审得分 column of the 明细 sheet the way staff do, with openpyxl, and save to a new file.

usage: fill_scores.py IN.xlsx OUT.xlsx JSON
JSON maps a 明细 row number (as a string) to the value to put in the 评审得分 cell: a number stays a number, a string
is written as text (so "88.5" is a number typed as text), null clears the cell.
"""
import json
import sys

import openpyxl


def main(src, dst, spec):
    wb = openpyxl.load_workbook(src)
    ws = wb["明细"]
    col = None
    for c in ws[1]:
        if c.value == "评审得分":
            col = c.column
    if col is None:
        raise SystemExit("no 评审得分 column")
    for row, value in json.loads(spec).items():
        cell = ws.cell(row=int(row), column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
