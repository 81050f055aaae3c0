"""The one driver of the pinned Kaitai Struct compiler (tools/ksc.js, run by node).

build.py asks it for kaitai_gen's Python flavours, the user spec cache for the same from other
folders; the Web IDE bundle, the JavaScript conformance check and the documentation's diagrams
ask it for other targets (JavaScript in debug mode, graphviz). In a checkout it runs the
project's tools/ksc.js with the node packages `npm ci` installed; in an installed pkttools, the
copy of the wrapper and of package-lock.json that build.py packs into kaitai_gen/node, with the
pinned packages installed once into the user cache. Standard library only: build.py runs it
before anything is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import CompileError, ToolError
from .conventions import PROJECT, checkout_or_built

KSY = PROJECT / "ksy"
NODE_FILES = ("ksc.js", "package.json", "package-lock.json")
# The root given with files or documents: imports resolve among them only, never from a folder.
_NOWHERE = PROJECT / ".pkttools-no-spec-folder"


@dataclass(frozen=True)
class Toolchain:
    """Where the compiler wrapper and its node packages are."""

    wrapper: Path
    node_modules: Path


def checkout_toolchain(project: Path = PROJECT) -> Toolchain:
    return Toolchain(project / "tools" / "ksc.js", project / "node_modules")


def cache_root() -> Path:
    """The user cache: $PKTTOOLS_CACHE, else $XDG_CACHE_HOME/pkttools, else ~/.cache/pkttools."""
    if os.environ.get("PKTTOOLS_CACHE"):
        return Path(os.environ["PKTTOOLS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pkttools"


def node() -> str:
    """The node executable, or a ToolError saying what to install."""
    found = shutil.which("node")
    if found is None:
        raise ToolError("node is not installed: pkttools compiles specs with the npm "
                        "kaitai-struct-compiler, which needs node (>= 18) and npm")
    return found


def toolchain(project: Path = PROJECT) -> Toolchain:
    """The checkout's toolchain, or the packaged one of an installed pkttools (its node packages
    installed into the user cache with `npm ci` the first time)."""
    node()  # the first thing missing, if anything is
    own = checkout_toolchain(project)
    if own.wrapper.is_file():
        if not (own.node_modules / "kaitai-struct-compiler").is_dir():
            raise ToolError(f"the Kaitai Struct compiler is not installed in {project}: run "
                            f"./setup.sh (or `npm ci`) in the pkttools checkout")
        return own
    packed = checkout_or_built(own.wrapper.parent / "node-not-in-a-checkout", "node")
    if not all((packed / name).is_file() for name in NODE_FILES):
        raise ToolError("this pkttools has neither a checkout's tools/ksc.js nor the packaged "
                        "compiler wrapper (kaitai_gen/node): reinstall it")
    return Toolchain(packed / "ksc.js", _installed_packages(packed))


def _installed_packages(packed: Path) -> Path:
    """node_modules of the packaged package-lock.json, installed once per lock into the cache."""
    lock = (packed / "package-lock.json").read_bytes()
    target = cache_root() / f"node-{hashlib.sha256(lock).hexdigest()[:16]}"
    modules = target / "node_modules"
    if (modules / "kaitai-struct-compiler").is_dir():
        return modules
    npm = shutil.which("npm")
    if npm is None:
        raise ToolError("npm is not installed: compiling specs needs node (>= 18) and npm, "
                        "which installs the pinned Kaitai Struct compiler once")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".node-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(packed / name, work / name)
        proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=work, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise ToolError(f"npm ci of the pinned Kaitai Struct compiler failed in {work}: "
                            f"{proc.stderr.strip()[-2000:]}")
        try:
            work.rename(target)
        except OSError:  # another process installed it meanwhile
            if not (modules / "kaitai-struct-compiler").is_dir():
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return modules


def node_modules(project: Path = PROJECT) -> Path:
    """The node packages of the toolchain (the Web IDE runner needs the kaitai-struct runtime)."""
    return toolchain(project).node_modules


def _run(request: dict, tools: Toolchain, shown_root: Path | str) -> dict:
    request = dict(request, nodeModules=str(tools.node_modules))
    proc = subprocess.run([node(), str(tools.wrapper)], input=json.dumps(request),
                          capture_output=True, text=True, check=False)
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        raise ToolError(f"tools/ksc.js failed (exit {proc.returncode}): "
                        f"{proc.stderr.strip()[-2000:]}") from None
    if not answer.get("ok"):
        raise CompileError(answer.get("errors", []), shown_root)
    return answer


def compile_specs(root: Path, specs: list[str], targets: list[dict], *,
                  project: Path = PROJECT, shown_root: Path | str | None = None) -> dict:
    """Compile `specs` (paths relative to `root`) for each target of tools/ksc.js.

    A target is {"name", "lang", "debug"[, "readWrite", "pythonPackage"]}; with no targets, the
    answer still holds every spec as js-yaml (the Web IDE's YAML reader) parsed it, under
    "specs". Raises CompileError with the compiler's messages (spec paths shown under
    `shown_root`, by default root) when a spec does not compile.
    """
    request = {"root": str(root), "specs": specs, "targets": targets}
    return _run(request, toolchain(project), root if shown_root is None else shown_root)


def parse_files(files: dict[str, Path], *, project: Path = PROJECT,
                shown_root: Path | str = "ksy") -> dict[str, dict]:
    """Specs as js-yaml parses them, from files anywhere: {spec path: file} -> {spec path: data}.
    The compiler is not loaded, so this is quick."""
    request = {"root": str(_NOWHERE), "specs": sorted(files), "targets": [],
               "files": {rel: str(path) for rel, path in files.items()}}
    return _run(request, toolchain(project), shown_root)["specs"]


def compile_documents(documents: dict[str, dict], targets: list[dict], *,
                      only: list[str] | None = None, project: Path = PROJECT,
                      shown_root: Path | str = "ksy") -> dict:
    """Compile specs given as data (parsed, dispatchers completed) for each target: all of
    them, or `only` these (the others are there to be imported). A compiler error about a type
    or enum it cannot find says which spec defines it and what to import."""
    request = {"root": str(_NOWHERE), "specs": sorted(documents if only is None else only),
               "targets": targets, "documents": documents}
    try:
        return _run(request, toolchain(project), shown_root)
    except CompileError as exc:
        raise CompileError([dict(e, message=e["message"] + _import_hint(e, documents))
                            for e in exc.errors], shown_root) from None


_NOT_FOUND = re.compile(r"unable to find (type|enum) '([A-Za-z0-9_:]+)'")


def _import_hint(error: dict, documents: dict[str, dict]) -> str:
    """Why a type or enum is not found, when another spec defines it: a missing import."""
    found = _NOT_FOUND.search(error.get("message", ""))
    if found is None:
        return ""
    kind, name = found.group(1), found.group(2).split("::")[-1]
    importer = error.get("spec") or ""
    for path, doc in sorted(documents.items()):
        spec_id = (doc.get("meta") or {}).get("id")
        if kind == "type" and spec_id == name:
            return (f" (hint: it is the spec {path}; add `- {_relative(importer, path)}` to "
                    f"meta/imports of {importer or 'the spec'})")
        where = "types" if kind == "type" else "enums"
        if name in (doc.get(where) or {}):
            return (f" (hint: {path} defines it; import it with `- {_relative(importer, path)}` "
                    f"and write `{spec_id}::{name}`)")
    return f" (no spec defines a {kind} named {name})"


def _relative(importer: str, target: str) -> str:
    start = os.path.dirname(importer) or "."
    return os.path.relpath(target[:-len(".ksy")], start).replace(os.sep, "/")


def spec_paths(root: Path = KSY) -> list[str]:
    """Every .ksy under root, relative and sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.ksy"))


def read_specs(root: Path = KSY) -> dict[str, dict]:
    """Every spec under root as js-yaml parses it (what the Web IDE sees)."""
    return compile_specs(root, spec_paths(root), [])["specs"]
