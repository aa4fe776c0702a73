#!/usr/bin/env bash
# Debian packages the tests use, installed only when missing (a second run costs nothing):
# LibreOffice Calc recomputes the generated workbooks' formulas without the add-in; chromium runs the task pane's
# browser tests (test/browser, through playwright-core), with fonts-noto-cjk so that its Chinese shows in screenshots;
# python3-uno drives LibreOffice and python3-openpyxl saves workbooks as openpyxl does, for the corpus of returned
# workbooks made by other programs (test/foreign, run with Debian's /usr/bin/python3); npm run bench also compares
# scorecard with openpyxl reading and with LibreOffice recomputing through python3-uno.
set -euo pipefail
PACKAGES=(libreoffice-calc chromium fonts-noto-cjk python3-uno python3-openpyxl)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
