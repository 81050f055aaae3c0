"""read_captures: many capture files on several processes, as plain data, the same as reading
each file with read_capture."""

from __future__ import annotations

import json

import pytest

from pkttools.capture import read_capture, read_captures
from pkttools.errors import UsageError

import exchange
from conftest import ROOT


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel")
    recorded = exchange.record(folder, live=False)
    tmw = sorted((ROOT / "tests" / "data" / "tmw").glob("*.pcapng"))
    return [recorded.files["pcapng"], recorded.files["pcap"], *tmw]


def serial(path, **options):
    cap = read_capture(path, **options)
    items = [dict(item.to_dict(), file=str(path)) for item in cap]
    return items, cap.summary.to_dict()


def test_the_same_items_and_summaries_as_each_file_alone(files):
    got: dict[str, list] = {str(f): [] for f in files}
    summaries = {}
    for event in read_captures(files, processes=2, keys=exchange.KEYS):
        if event.get("kind") == "summary":
            summaries[event["file"]] = event["summary"]
        else:
            got[event["file"]].append(event)
    for path in files:
        items, summary = serial(path, keys=exchange.KEYS)
        # plain data crossed a process boundary: compare as JSON (EnumName shows its name)
        assert json.dumps(got[str(path)]) == json.dumps(items), path
        assert summaries[str(path)] == summary
        assert summary["problems"] == 0
    assert sum(1 for e in got[str(files[-1])] if e.get("packet")) > 150


def test_a_file_that_is_no_capture_is_an_error_event_and_the_rest_is_read(files, tmp_path):
    junk = tmp_path / "junk.pcap"
    junk.write_bytes(b"not a capture at all")
    events = list(read_captures([junk, files[2]], processes=2))
    errors = [e for e in events if e["kind"] == "error"]
    assert [(e["file"], "not a pcap or pcapng capture" in e["error"]) for e in errors] == [
        (str(junk), True)]
    assert any(e["kind"] == "summary" and e["file"] == str(files[2]) for e in events)


def test_usage(tmp_path):
    with pytest.raises(UsageError, match="^/no/such/file.pcap: no such file$"):
        list(read_captures(["/no/such/file.pcap"]))
    with pytest.raises(UsageError, match="is a directory, not a capture file$"):
        list(read_captures([tmp_path]))
    with pytest.raises(UsageError, match=r"^/dev/null: not a regular file \(a device"):
        list(read_captures(["/dev/null"]))
    assert list(read_captures([])) == []


def test_a_spec_folder_that_is_not_there_is_named_before_any_process_starts(files):
    with pytest.raises(UsageError, match="specs: /no/such/specs is not a folder of .ksy specs"):
        list(read_captures(files[:1], specs=["/no/such/specs"]))
