"""PKTTOOLS_FAST: which fast paths run (pkttools/fastpaths.py). The bench switches them off one
by one to show each one's gain; a typo must say so rather than silently run something else."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pkttools import fastpaths
from pkttools.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
ALL = {"stream", "unpack", "plain", "writer"}


@pytest.mark.parametrize("value, steps", [
    ("", ALL), ("1", ALL), ("all", ALL),
    ("0", set()), ("none", set()),
    ("stream", {"stream"}),
    ("stream, plain", {"stream", "plain"}),
    ("-writer", ALL - {"writer"}),
    ("-unpack,-plain", {"stream", "writer"}),
])
def test_a_setting_names_the_fast_paths_that_run(value, steps):
    assert fastpaths.selected(value) == steps


def test_describe_lists_the_steps_in_their_order():
    assert fastpaths.describe("plain,stream") == "stream,plain"
    assert fastpaths.describe("0") == "none"


@pytest.mark.parametrize("value, words", [
    ("strem", "no fast path called 'strem'; there are stream, unpack, plain, writer"),
    ("stream,-plain", "not both"),
])
def test_a_bad_setting_is_a_usage_error(value, words):
    with pytest.raises(UsageError, match=words.replace("(", r"\(")):
        fastpaths.selected(value)


def test_the_command_reports_a_bad_setting_in_one_line():
    env = dict(os.environ, PKTTOOLS_FAST="bogus")
    run = subprocess.run([sys.executable, "-m", "pkttools", "parse", "tmw.login.server", "7e00"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr == ("pkttools: error: PKTTOOLS_FAST='bogus': no fast path called 'bogus'; "
                          "there are stream, unpack, plain, writer (or 1/all, 0/none)\n")


def test_runtime_steps_are_chosen_at_import():
    env = dict(os.environ, PKTTOOLS_FAST="-plain")
    code = ("from pkttools.codec import faststream, plain; "
            "print(faststream.Stream.__name__, plain.COMPILED)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.stdout.split() == ["FastStream", "False"], run.stderr
