"""Competitor: openpyxl (Debian's python3-openpyxl) opens each file and visits every cell of every sheet.

Usage: read-openpyxl.py read-only|full FILE...
read-only streams each sheet (load_workbook(read_only=True)); full builds the whole model with styles, as a script
that edits and saves would. Formula cells give their formula text (openpyxl computes nothing). Prints how many cells
hold a value.
"""
import json
import sys

import openpyxl

mode, files = sys.argv[1], sys.argv[2:]
cells = 0
for path in files:
    workbook = openpyxl.load_workbook(path, read_only=mode == "read-only")
    for sheet in workbook.worksheets:
        if mode == "read-only":
            sheet.reset_dimensions()  # read every row the sheet has, not just the range its <dimension> claims
        for row in sheet.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
    if mode == "read-only":
        workbook.close()
print(json.dumps({"cells": cells}))
