"""Run the pinned Kaitai Struct compiler (tools/ksc.js) from pkttools.

build.py drives the same wrapper to generate kaitai_gen; the Web IDE bundle, the JavaScript
conformance check and the documentation's diagrams need other targets (javascript in debug
mode, graphviz) and other spec folders, so they ask it here. It needs a pkttools checkout whose
node packages are installed (`npm ci`, which setup.sh runs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .errors import PkttoolsError

PROJECT = Path(__file__).resolve().parent.parent
WRAPPER = PROJECT / "tools" / "ksc.js"
NODE_MODULES = PROJECT / "node_modules"
KSY = PROJECT / "ksy"


class ToolError(PkttoolsError):
    """A tool pkttools drives (node, the compiler, graphviz) is missing or failed."""


class CompileError(PkttoolsError):
    """Specs that the compiler refused; `errors` lists {spec, where, message} dicts."""

    def __init__(self, errors: list[dict], root: Path):
        self.errors = errors
        lines = []
        for err in errors:
            place = str(root / err["spec"]) if err.get("spec") else "compiler"
            if err.get("where"):
                place += f": {err['where']}"
            lines.append(f"{place}: {err['message']}")
        super().__init__("the Kaitai Struct compiler refused the specs:\n" + "\n".join(lines))


def node() -> str:
    """The node executable, or a ToolError saying what to install."""
    found = shutil.which("node")
    if found is None:
        raise ToolError("node is not installed: pkttools needs node (>= 18) and npm")
    if not WRAPPER.is_file() or not (NODE_MODULES / "kaitai-struct-compiler").is_dir():
        raise ToolError(f"the Kaitai Struct compiler is not installed in {PROJECT}: run "
                        f"./setup.sh (or `npm ci`) in a pkttools checkout")
    return found


def compile_specs(root: Path, specs: list[str], targets: list[dict]) -> dict:
    """Compile `specs` (paths relative to `root`) for each target of tools/ksc.js.

    A target is {"name", "lang", "debug"}; with no targets, the answer still holds every spec
    as js-yaml (the Web IDE's YAML reader) parsed it, under "specs". Raises CompileError with
    the compiler's messages when a spec does not compile.
    """
    request = {"root": str(root), "nodeModules": str(NODE_MODULES), "specs": specs,
               "targets": targets}
    proc = subprocess.run([node(), str(WRAPPER)], input=json.dumps(request),
                          capture_output=True, text=True, check=False)
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        raise ToolError(f"tools/ksc.js failed (exit {proc.returncode}): "
                        f"{proc.stderr.strip()[-2000:]}") from None
    if not answer.get("ok"):
        raise CompileError(answer.get("errors", []), root)
    return answer


def spec_paths(root: Path = KSY) -> list[str]:
    """Every .ksy under root, relative and sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.ksy"))


def read_specs(root: Path = KSY) -> dict[str, dict]:
    """Every spec under root as js-yaml parses it (what the Web IDE sees)."""
    return compile_specs(root, spec_paths(root), [])["specs"]
