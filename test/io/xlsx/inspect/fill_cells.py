#!/usr/bin/env python3
"""Fill cells of an .xlsx the way a clerk would, with openpyxl, and save to a new file.

usage: fill_cells.py IN.xlsx OUT.xlsx JSON
JSON is {"Sheet name": {"B5": value, ...}, ...}; numbers stay numbers, strings are text, null clears the cell.
"""
import json
import sys

import openpyxl


def main(src, dst, spec):
    wb = openpyxl.load_workbook(src)
    for sheet, cells in json.loads(spec).items():
        ws = wb[sheet]
        for addr, value in cells.items():
            ws[addr].value = value
            if isinstance(value, str):
                ws[addr].data_type = "s"
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
