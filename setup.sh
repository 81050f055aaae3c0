#!/usr/bin/env bash
# All set-up on a fresh machine: the pinned Kaitai Struct compiler (npm ci), the generated
# classes (build.py), and a virtual environment with pkttools, its test tools, the
# benchmark's peers and the export's pyarrow, Dask and DuckDB installed (.venv).
# Safe to run again: each step is quick when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "setup.sh: $tool is not installed; pkttools needs Python 3.11+, node 18+ and npm" >&2
    exit 1
  fi
done

# Optional Debian packages, installed only as root with apt (as CI runs); everything works
# without them. dumpcap (package tshark) lets the capture tests record a real loopback
# exchange, else they write the same exchange with dpkt (PKTTOOLS_NO_TSHARK=1 skips it), and
# tshark runs the Wireshark conformance test (skipped without it); graphviz's dot draws the
# diagrams of `pkttools docs`, which builds its pages without them.
wanted=()
if ! command -v dumpcap >/dev/null 2>&1 && [ -z "${PKTTOOLS_NO_TSHARK:-}" ]; then
  wanted+=(tshark)
fi
if ! command -v dot >/dev/null 2>&1; then
  wanted+=(graphviz)
fi
# liblzo2 is the reference LZO library: the PangYa layer's tests check that it reads what the
# layer compresses (as game clients must), and skip that check without it.
if ! { ldconfig -p 2>/dev/null | grep -q 'liblzo2\.so\.2'; }; then
  wanted+=(liblzo2-2)
fi
# Standalone Lua 5.2 and 5.4: tests/test_wireshark_lua.py runs the Wireshark plugin's own Lua
# (runtime and game layers) on both, as Wireshark 4.0 and newer builds embed them.
for tool in lua5.2 lua5.4; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    wanted+=("$tool")
  fi
done
# The real TMW client, headless: tests/test_tmw_e2e.py drives ManaPlus through a fake server
# written with pkttools (about 45 MB; the test is skipped without them).
for tool in manaplus:/usr/games/manaplus Xvfb:/usr/bin/Xvfb xdotool:/usr/bin/xdotool; do
  if [ -z "${PKTTOOLS_NO_MANAPLUS:-}" ] && [ ! -x "${tool#*:}" ]; then
    case "${tool%%:*}" in Xvfb) wanted+=(xvfb) ;; *) wanted+=("${tool%%:*}") ;; esac
  fi
done
if [ "${#wanted[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: installing Debian packages: ${wanted[*]}" >&2
    if command -v debconf-set-selections >/dev/null 2>&1; then  # no setuid question
      echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    fi
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
              "${wanted[@]}" >/dev/null; }; then
      echo "setup.sh: could not install ${wanted[*]}; captures fall back to dpkt-written" \
           "files, docs to pages without diagrams; the tests that need them are skipped" >&2
    fi
  else
    echo "setup.sh: not installing ${wanted[*]} (needs root and apt); captures fall back to" \
         "dpkt-written files, docs to pages without diagrams; the tests that need them are" \
         "skipped" >&2
  fi
fi

npm ci --no-audit --no-fund --loglevel=error
python3 build.py
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench,export]'
