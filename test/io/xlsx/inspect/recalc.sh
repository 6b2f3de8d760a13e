#!/bin/sh
# Recompute every formula of an .xlsx with LibreOffice headless, so the test can compare LibreOffice's numbers with
# its own. openpyxl first re-saves the file WITHOUT cached results (it never writes them), so LibreOffice must
# calculate every formula itself instead of showing the values our writer cached.
# usage: recalc.sh IN.xlsx OUTDIR    → OUTDIR/IN.xlsx holds LibreOffice's results
set -e
in="$1"; out="$2"
mkdir -p "$out/stripped" "$out/profile"
name=$(basename "$in")
/usr/bin/python3 -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])" "$in" "$out/stripped/$name"
soffice -env:UserInstallation=file://"$out/profile" --headless --calc --convert-to xlsx --outdir "$out" "$out/stripped/$name" >/dev/null 2>&1
test -f "$out/$name"
