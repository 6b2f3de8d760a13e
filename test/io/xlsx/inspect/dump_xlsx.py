#!/usr/bin/env python3
"""Dump what a person would see in an .xlsx, read by openpyxl (an independent reader), as JSON on stdout.

usage: dump_xlsx.py FILE.xlsx
For every sheet, in workbook order: name, state, merged ranges, frozen pane, autofilter, print setup, data
validations, hidden columns, custom column widths, row heights, and every non-empty cell with its value (formula text for formulas), its cached value
(from a data_only load), data type, number format, fill colour and whether it is locked.
"""
import json
import sys

import openpyxl


def color(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    return fill.fgColor.rgb if isinstance(fill.fgColor.rgb, str) else None


def plain(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def main(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": [], "created": str(wb.properties.created), "creator": wb.properties.creator}
    for ws in wb.worksheets:
        cws = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and color(c) is None and c.protection.locked and c.number_format == "General":
                    continue
                cells[c.coordinate] = {
                    "v": plain(c.value),
                    "c": plain(cws[c.coordinate].value),
                    "t": c.data_type,
                    "fmt": c.number_format,
                    "fill": color(c),
                    "locked": bool(c.protection.locked),
                    "bold": bool(c.font.b),
                    "wrap": bool(c.alignment.wrap_text),
                }
        dvs = []
        for dv in ws.data_validations.dataValidation:
            dvs.append({
                "type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "formula2": dv.formula2,
                "sqref": str(dv.sqref), "prompt": dv.prompt, "promptTitle": dv.promptTitle,
                "showInputMessage": bool(dv.showInputMessage), "allowBlank": bool(dv.allow_blank),
            })
        ps = ws.page_setup
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "orientation": ps.orientation,
            "paperSize": None if ps.paperSize is None else int(ps.paperSize),
            "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
            "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "printTitleRows": ws.print_title_rows,
            "validations": dvs,
            "hiddenColumns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height is not None},
            "maxRow": ws.max_row,
            "maxColumn": ws.max_column,
            "cells": cells,
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
