"""Edits a workbook as a script written with openpyxl would, then saves it with openpyxl.

usage: python3 openpyxl_edit.py JOBS.json
JOBS.json: [{"in": path, "out": path, "ops": [[op, sheet, ...args], ...]}, ...]
ops: set ADDRESS VALUE (a JSON number stays a number, a string is written as text), insertRows ROW N,
deleteRows ROW N, rename NEWNAME, junk FIRST COUNT (COUNT rows of text in column G).
openpyxl writes formula cells without cached results (<v></v>) and shifts no formula when rows move.
"""
import json
import sys

import openpyxl


def apply(ws, op, args):
    if op == "set":
        address, value = args
        ws[address] = value
    elif op == "insertRows":
        ws.insert_rows(args[0], args[1])
    elif op == "deleteRows":
        ws.delete_rows(args[0], args[1])
    elif op == "rename":
        ws.title = args[0]
    elif op == "junk":
        first, count = args
        for r in range(first, first + count):
            ws.cell(row=r, column=7, value="杂项%d" % r)
    else:
        raise ValueError("unknown op " + op)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    for job in jobs:
        wb = openpyxl.load_workbook(job["in"])
        for op, sheet, *args in job["ops"]:
            apply(wb[sheet], op, args)
        wb.save(job["out"])


main()
