"""The one driver of the pinned Kaitai Struct compiler (tools/ksc.js, run by node).

build.py asks it for kaitai_gen's Python flavours; the Web IDE bundle, the JavaScript
conformance check and the documentation's diagrams ask it for other targets (JavaScript in
debug mode, graphviz) and other spec folders. It needs a pkttools checkout whose node packages
are installed (`npm ci`, which setup.sh runs). Standard library only: build.py runs it before
anything is installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from ..errors import CompileError, ToolError

PROJECT = Path(__file__).resolve().parents[2]
KSY = PROJECT / "ksy"


def wrapper(project: Path = PROJECT) -> Path:
    return project / "tools" / "ksc.js"


def node_modules(project: Path = PROJECT) -> Path:
    return project / "node_modules"


def node(project: Path = PROJECT) -> str:
    """The node executable, or a ToolError saying what to install."""
    found = shutil.which("node")
    if found is None:
        raise ToolError("node is not installed: pkttools compiles its specs with the npm "
                        "kaitai-struct-compiler, which needs node (>= 18) and npm")
    if not wrapper(project).is_file() or \
            not (node_modules(project) / "kaitai-struct-compiler").is_dir():
        raise ToolError(f"the Kaitai Struct compiler is not installed in {project}: run "
                        f"./setup.sh (or `npm ci`) in a pkttools checkout")
    return found


def compile_specs(root: Path, specs: list[str], targets: list[dict], *,
                  project: Path = PROJECT, shown_root: Path | str | None = None) -> dict:
    """Compile `specs` (paths relative to `root`) for each target of tools/ksc.js.

    A target is {"name", "lang", "debug"[, "readWrite", "pythonPackage"]}; with no targets, the
    answer still holds every spec as js-yaml (the Web IDE's YAML reader) parsed it, under
    "specs". Raises CompileError with the compiler's messages (spec paths shown under
    `shown_root`, by default root) when a spec does not compile.
    """
    request = {"root": str(root), "nodeModules": str(node_modules(project)), "specs": specs,
               "targets": targets}
    proc = subprocess.run([node(project), str(wrapper(project))], input=json.dumps(request),
                          capture_output=True, text=True, check=False)
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        raise ToolError(f"tools/ksc.js failed (exit {proc.returncode}): "
                        f"{proc.stderr.strip()[-2000:]}") from None
    if not answer.get("ok"):
        raise CompileError(answer.get("errors", []), root if shown_root is None else shown_root)
    return answer


def spec_paths(root: Path = KSY) -> list[str]:
    """Every .ksy under root, relative and sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.ksy"))


def read_specs(root: Path = KSY) -> dict[str, dict]:
    """Every spec under root as js-yaml parses it (what the Web IDE sees)."""
    return compile_specs(root, spec_paths(root), [])["specs"]
