#!/bin/sh
# The system packages ent-lint uses, on Debian or Ubuntu: tesseract with its French data (OCR of
# scanned PDFs) and, with --with-chromium, Chromium (the tests drive the web page with it).
# Nothing is installed when the commands are already there; the package lists are read only then.
# Used by the Dockerfile and by .ci/run.
set -eu
need=""
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx fra; then
    need="tesseract-ocr tesseract-ocr-fra"
fi
if [ "${1:-}" = "--with-chromium" ] && ! command -v chromium >/dev/null 2>&1; then
    need="$need chromium"
fi
if [ -n "$need" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086  # a list of package names
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
    rm -rf /var/lib/apt/lists/*
fi
