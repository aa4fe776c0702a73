#!/usr/bin/env bash
# Debian packages the tests use, installed only when missing (a second run costs nothing):
# LibreOffice Calc recomputes the generated workbooks' formulas without the add-in; chromium runs the task pane's
# browser tests (test/browser, through playwright-core), with fonts-noto-cjk so that its Chinese shows in screenshots;
# npm run bench compares scorecard with openpyxl (python3-openpyxl) and LibreOffice driven through python3-uno.
set -euo pipefail
PACKAGES=(libreoffice-calc chromium fonts-noto-cjk python3-openpyxl python3-uno)
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
