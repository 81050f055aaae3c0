"""Fuzzing budgets: a short one by default (CI), a long one on request.

    HYPOTHESIS_PROFILE=fuzz-long .venv/bin/python -m pytest tests/fuzz   # ~50x the inputs
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fuzz-ci", max_examples=40)
settings.register_profile("fuzz-medium", max_examples=300)
settings.register_profile("fuzz-long", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fuzz-ci"))


def pytest_terminal_summary(terminalreporter):
    from fuzz.test_fuzz import tried

    if tried:
        terminalreporter.write_sep("-", "fuzz inputs tried per target")
        for target, n in sorted(tried.items()):
            terminalreporter.write_line(f"{target}: {n}")
