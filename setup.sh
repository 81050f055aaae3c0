#!/usr/bin/env bash
# All set-up on a fresh machine: the pinned Kaitai Struct compiler (npm ci), the generated
# classes (build.py), and a virtual environment with pkttools, its test tools and the
# benchmark's peers installed (.venv).
# Safe to run again: each step is quick when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "setup.sh: $tool is not installed; pkttools needs Python 3.10+, node 18+ and npm" >&2
    exit 1
  fi
done

npm ci --no-audit --no-fund --loglevel=error
python3 build.py
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
