"""Test set-up: the tests run against a kaitai_gen built from the current specs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_sessionstart(session):
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--check", "--quiet"],
                           capture_output=True, text=True)
    if check.returncode != 0:
        pytest.exit(f"kaitai_gen is stale or missing; run `python build.py` first:\n"
                    f"{check.stderr}", returncode=1)


# Lines the tests want shown at the end of the run (e.g. which way the capture tests recorded
# their exchange: live with dumpcap, or written with dpkt).
NOTES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    for note in NOTES:
        terminalreporter.write_line(note)


@pytest.fixture(scope="module")
def captures(tmp_path_factory):
    """The capture files the export tests write as datasets (tests/exportcase.py)."""
    import exportcase

    return exportcase.write_captures(tmp_path_factory.mktemp("captures"))


@pytest.fixture(scope="module")
def dataset(captures, tmp_path_factory):
    """Those captures exported serially (the dataset every other run must equal)."""
    import exportcase
    from pkttools.export import export

    out = tmp_path_factory.mktemp("serial") / "dataset"
    result = export(captures, out, keys=exportcase.KEYS)
    assert not result.failed and result.problems == 1  # troubled.pcap lost bytes
    return out


def pytest_sessionfinish(session, exitstatus):
    from vectors import close_js_runner

    close_js_runner()
