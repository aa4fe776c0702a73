"""Competitor: LibreOffice Calc recomputing every sheet of each file, through python3-uno (Debian).

Usage: recalc-libreoffice.py SOFFICE PROFILE_DIR FILE...
One soffice process for all files (as a script an office would write): each file is loaded hidden, every formula is
recomputed (calculateAll), every sheet's used area is read (getDataArray gives the computed values), and the file is
closed. Timed by the bench from this script's start to its exit, soffice's start-up included. Prints how many cells
hold a computed value. (That LibreOffice's figures equal the scoring core's is what test/e2e/workbook.test.ts checks.)
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


soffice, profile, files = sys.argv[1], sys.argv[2], sys.argv[3:]
pipe = "scorecard_bench_%d" % os.getpid()
office = subprocess.Popen(
    [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore", "--nologo",
     "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
context = None
for _ in range(1200):
    try:
        context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        break
    except NoConnectException:
        time.sleep(0.025)
if context is None:
    office.kill()
    sys.exit("soffice did not start")
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
cells = 0
for path in files:
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    doc.calculateAll()
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.RangeAddress
        data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
        cells += sum(1 for row in data for v in row if v != "")
    doc.close(True)
try:
    desktop.terminate()
except Exception:  # the bridge goes away while terminate() returns
    pass
office.wait()
print(json.dumps({"cells": cells}))
