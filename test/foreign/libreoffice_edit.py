"""Edits workbooks through LibreOffice's own API (python3-uno), as a person would in Calc, and saves them with one
of Calc's two xlsx filters ("Calc MS Excel 2007 XML" or "Calc Office Open XML").

usage: /usr/bin/python3 libreoffice_edit.py SOFFICE PROFILE_DIR JOBS.json
JOBS.json: [{"in": path, "out": path, "filter": name, "manual": bool, "ops": [[op, sheet, ...args], ...]}, ...]
ops: set ADDRESS VALUE (a number is typed as a number, a string as text), insertRows ROW N, deleteRows ROW N,
clear RANGE (contents only), rename NEWNAME. Rows are 1-based as in the sheet. With "manual", automatic
calculation is switched off before the edits, so the saved cached results are those from before them.
One LibreOffice process serves every job.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(soffice, profile):
    pipe = "scorecard%d" % os.getpid()
    proc = subprocess.Popen(
        [
            soffice,
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError("LibreOffice did not start")


def apply(doc, op, sheet_name, args):
    sheet = doc.Sheets.getByName(sheet_name)
    if sheet.isProtected():
        sheet.unprotect("")
    if op == "set":
        address, value = args
        cell = sheet.getCellRangeByName(address)
        if isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)
    elif op == "insertRows":
        sheet.Rows.insertByIndex(args[0] - 1, args[1])
    elif op == "deleteRows":
        sheet.Rows.removeByIndex(args[0] - 1, args[1])
    elif op == "clear":
        sheet.getCellRangeByName(args[0]).clearContents(1 | 2 | 4 | 16)  # values, dates, strings, formulas
    elif op == "rename":
        sheet.setName(args[0])
    else:
        raise ValueError("unknown op " + op)


def main():
    soffice, profile, jobs_path = sys.argv[1:4]
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    proc, desktop = connect(soffice, profile)
    try:
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["in"]), "_blank", 0, (prop("Hidden", True),))
            if job.get("manual"):
                doc.enableAutomaticCalculation(False)
            else:
                doc.calculateAll()
            for op, sheet, *args in job["ops"]:
                apply(doc, op, sheet, args)
            doc.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", job["filter"]),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


main()
