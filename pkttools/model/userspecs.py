"""User spec folders: .ksy files outside pkttools that join its protocols or add new ones.

A folder is laid out like ksy/. A packet file there (`<game>/<service>/<direction>/<opcode>.ksy`)
joins that protocol, as a new opcode or in place of the project's file of the same path; a
folder with its own `index.ksy` adds a whole protocol; shared types go in `<game>/common/`.
Folders come from $PKTTOOLS_SPECS (separated by os.pathsep) and from `--specs` (or
`pkttools.use_specs`), later ones overriding earlier ones and the project.

The project's own specs (the copy inside kaitai_gen) overlaid with the folders are compiled
with node into a package in the user cache, once per distinct set of files: a changed file
makes a new package, an unchanged set loads the one already built.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import fastpaths
from ..errors import PkttoolsError, UsageError
from .conventions import GENERATED

MANIFEST = "manifest.json"  # what a finished generated package holds (generate.py writes it)

ENV = "PKTTOOLS_SPECS"
_chosen: list[Path] = []


def choose(folders: list[str | os.PathLike]) -> None:
    """Folders to use besides $PKTTOOLS_SPECS (what `--specs` gives)."""
    _chosen[:] = [Path(f) for f in folders]


def folders() -> list[Path]:
    """The user spec folders in force: $PKTTOOLS_SPECS, then the chosen ones; each must be a
    folder (a typo should not silently mean "no specs")."""
    found: list[Path] = []
    env = os.environ.get(ENV, "")
    for item in [Path(p) for p in env.split(os.pathsep) if p.strip()] + _chosen:
        if not item.is_dir():
            where = f"${ENV}" if item not in _chosen else "--specs"
            raise UsageError(f"{where}: {item} is not a folder of .ksy specs")
        if item.resolve() not in [f.resolve() for f in found]:
            found.append(item)
    return found


def base_folder() -> Path:
    """The project's specs as the generated package keeps them (kaitai_gen/ksy): the set the
    project's own classes were compiled from."""
    import importlib.util

    found = importlib.util.find_spec(GENERATED)
    if found is None or not found.origin:
        raise PkttoolsError(f"{GENERATED} is not built: run `python build.py`")
    return Path(found.origin).parent / "ksy"


def spec_files(extra: list[Path]) -> tuple[dict[str, Path], dict[str, str]]:
    """{spec path: file} of the project's specs overlaid with the folders, and where each came
    from for people (`ksy/...` for the project's own, the file itself for a user's)."""
    from .compiler import spec_paths

    base = base_folder()
    files = {rel: base / rel for rel in spec_paths(base)}
    origins = {rel: f"ksy/{rel}" for rel in files}
    for folder in extra:
        for rel in spec_paths(folder):
            files[rel] = folder / rel
            origins[rel] = str((folder / rel).resolve())
    return files, origins


def package_for(extra: list[Path]) -> str:
    """The name of the generated package of the project's specs with `extra` folders, built
    into the cache if needed and ready to import."""
    files, origins = spec_files(extra)
    digest = _digest(files, origins)
    name = f"pkttools_specs_{digest}"
    if name in sys.modules:
        return name
    from .compiler import cache_root

    home = cache_root() / "specs" / digest
    if not (home / name / MANIFEST).is_file():
        _build(files, origins, home, name, extra)
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        name, home / name / "__init__.py", submodule_search_locations=[str(home / name)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return name


def _build(files: dict[str, Path], origins: dict[str, str], home: Path, name: str,
           extra: list[Path]) -> None:
    import shutil
    import tempfile

    from .generate import generate  # the compiler's side of pkttools, loaded only to build

    home.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=home.parent))
    try:
        try:
            made = generate(files, work / name, name, origins=origins, shown_root="specs")
        except PkttoolsError as exc:
            shown = ", ".join(str(f) for f in extra)
            raise _with_context(exc, f"compiling the spec folders {shown}") from None
        for warning in made.warnings:
            print(f"pkttools: warning: {warning}", file=sys.stderr)
        try:
            work.rename(home)
        except OSError:  # another process built the same set meanwhile
            if not (home / name / MANIFEST).is_file():
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def _with_context(exc: PkttoolsError, doing: str) -> PkttoolsError:
    """The same error, its message saying what pkttools was doing."""
    exc.args = (f"{doing}: {exc}",) + exc.args[1:]
    return exc


def _digest(files: dict[str, Path], origins: dict[str, str]) -> str:
    """One name for one set of spec files and one pkttools: the files' paths, places and
    contents, and the sources of the model that compiles them."""
    import hashlib

    h = hashlib.sha256(f"unpack {fastpaths.enabled('unpack')}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.read_bytes())
    for rel in sorted(files):
        h.update(f"{rel}\0{origins[rel]}\0".encode() + files[rel].read_bytes() + b"\0")
    return h.hexdigest()[:16]
