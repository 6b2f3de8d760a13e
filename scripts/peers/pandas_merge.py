#!/usr/bin/python3
"""Peer for `npm run bench`: the merge a clerk would script with pandas + openpyxl (Debian python3-pandas,
python3-openpyxl). Reads every .xlsx in a folder, finds the 附件3 table on each sheet (the header row naming
案例名称), maps the columns by their header words, drops blank and footer rows, adds 所属市州 from the file name,
flags enterprises under several directions, and writes one sheet with openpyxl.

    /usr/bin/python3 scripts/peers/pandas_merge.py <folder> <out.xlsx>

Prints one line: the number of rows written.
"""
import os
import sys

import pandas as pd

COLUMNS = [
    ("order", ("序号",)),
    ("caseName", ("案例名称",)),
    ("enterprise", ("企业名称", "单位名称")),
    ("category", ("企业类别",)),
    ("direction", ("申报方向", "方向")),
    ("summary", ("简述",)),
    ("contact", ("联系人",)),
    ("phone", ("联系方式", "联系电话", "手机")),
    ("uscc", ("信用代码",)),
    ("level", ("级别",)),
]


def header_map(cells):
    """Column index by field for a header row, or None when the row is not the table header."""
    found = {}
    for j, cell in enumerate(cells):
        text = str(cell).strip() if cell is not None and not pd.isna(cell) else ""
        for field, words in COLUMNS:
            if field not in found and any(w in text for w in words):
                found[field] = j
                break
    return found if "caseName" in found and "enterprise" in found else None


def read_workbook(path):
    prefecture = os.path.splitext(os.path.basename(path))[0]
    frames = []
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl", dtype=object)
    for sheet, df in sheets.items():
        rows = df.values.tolist()
        for i, cells in enumerate(rows[:20]):
            found = header_map(cells)
            if not found:
                continue
            body = df.iloc[i + 1 :, list(found.values())]
            body.columns = list(found.keys())
            body = body.dropna(subset=["caseName", "enterprise"], how="all")
            body = body[~body["caseName"].astype(str).str.startswith(("联系人", "手机", "注"))]
            body.insert(0, "prefecture", prefecture)
            body["sourceSheet"] = sheet
            frames.append(body)
            break
    return frames


def main():
    folder, out = sys.argv[1], sys.argv[2]
    frames = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xlsx"):
            frames.extend(read_workbook(os.path.join(folder, name)))
    merged = pd.concat(frames, ignore_index=True)
    key = merged["enterprise"].astype(str).str.replace(r"\s+", "", regex=True)
    directions = merged.groupby(key)["direction"].transform("nunique")
    merged["multiDirection"] = (directions > 1).map({True: "多方向", False: ""})
    merged.to_excel(out, sheet_name="明细", index=False, engine="openpyxl")
    print(len(merged))


if __name__ == "__main__":
    main()
