#!/usr/bin/env bash
# Install the Debian packages the platform needs when they are missing and we may (root).
#   base:    gettext (to compile translations), Pango and fonts (WeasyPrint renders PDFs with them), poppler-utils
#            (pdftoppm draws the Word edition's charts as PNG, reports/word/charts.py)
#   browser: Chromium for the browser tests, Node.js's npm to install
#            axe-core and the Nu HTML Checker (package.json), and a Java runtime to run the checker
set -euo pipefail
kind="${1:-base}"
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_lib() { ldconfig -p 2>/dev/null | grep -q "$1" || missing+=("$2"); }
need_font() { fc-list 2>/dev/null | grep -qi "$1" || missing+=("$2"); }

need msgfmt gettext
need_lib libpango-1.0.so libpango-1.0-0
need_lib libpangoft2-1.0.so libpangoft2-1.0-0
need fc-list fontconfig
need_font "DejaVu Sans" fonts-dejavu-core
need pdftoppm poppler-utils
if [ "$kind" = "browser" ]; then
  need chromium chromium
  need npm npm
  need java default-jre-headless
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]} (install them with apt-get as root)." >&2
  [ "$kind" = "browser" ] && exit 0  # browser tests skip themselves without Chromium
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
