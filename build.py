#!/usr/bin/env python3
"""Compile every spec under ksy/ into the generated package kaitai_gen/.

Needs only the Python standard library and node with the packages of package-lock.json
(`npm ci`): the YAML is read by js-yaml inside tools/ksc.js, so this script can run before any
Python package is installed.

Each dispatcher (index.ksy) is first completed from the packet files of its folder: an import,
a switch case and an opcode enum value per `<opcode>.ksy` (pkttools/model/dispatch.py), so a
packet joins its protocol by its file alone. kaitai_gen/ then holds three flavours of the same
classes, each a package whose module layout mirrors ksy/ (ksy/pangya/common/pstring.ksy ->
kaitai_gen/ro/pangya/common/pangya_pstring.py):

- kaitai_gen.ro  -- read-only classes, the fast path for parsing;
- kaitai_gen.dbg -- debug classes that record where every field starts and ends, used to name
                    the field and offset of a parse error and for tables with offsets;
- kaitai_gen.rw  -- read-write classes (`_write`, `_check`) for serialization;
- kaitai_gen.fast -- readers of plain dispatcher headers (pkttools/model/headergen.py), so
                    parsing can skip the dispatcher object;

and what an installed pkttools needs from the checkout: manifest.json (the spec model),
specs.json (the completed specs as data), a copy of every spec (ksy/), of the test vectors
(vectors/) and of the guides (guides/) for `pkttools docs`, and of the compiler wrapper with its
package-lock.json (node/) for user spec folders.

Generated modules import each other as `from kaitai_gen.<flavour> import <meta id>`, so each
flavour's __init__ puts all its folders on the package's __path__.

The build is a no-op when no input changed (`--check` says which did). It warns about specs
that no dispatcher or stream spec reaches.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
KSY = ROOT / "ksy"
OUT = ROOT / "kaitai_gen"
VECTORS = ROOT / "tests" / "vectors"
GUIDES = ROOT / "docs"

# The model layer of pkttools is standard library only, so this script can use it before
# anything is installed: the compiler driver, the dispatcher completion, the spec model.
sys.path.insert(0, str(ROOT))
from pkttools.errors import PkttoolsError  # noqa: E402
from pkttools.model import compiler, rofast  # noqa: E402
from pkttools.model.conventions import FLAVOURS  # noqa: E402
from pkttools.model.generate import MANIFEST, generate  # noqa: E402

TOOLS = compiler.checkout_toolchain(ROOT)
WRAPPER = TOOLS.wrapper
NODE_MODULES = TOOLS.node_modules
COMPILER_FILES = (
    NODE_MODULES / "kaitai-struct-compiler" / "kaitai-struct-compiler.js",
    NODE_MODULES / "js-yaml" / "package.json",
)
NODE_PACKAGE = (ROOT / "package.json", ROOT / "package-lock.json")
STAMP = OUT / "build-stamp.json"
# What the build runs of pkttools (a change there can change what it writes).
MODEL_SOURCES = tuple(ROOT / "pkttools" / "model" / f"{name}.py" for name in (
    "compiler", "conventions", "dispatch", "expr", "generate", "headergen", "invert",
    "manifest", "paths", "rofast")) + (ROOT / "pkttools" / "errors.py",)


def spec_paths() -> list[str]:
    return compiler.spec_paths(KSY)


def resources() -> dict[str, Path]:
    """What an installed pkttools needs from the checkout besides the specs: the test vectors
    and guides `pkttools docs` shows, the compiler wrapper and lock for user spec folders."""
    found = {f"vectors/{p.name}": p for p in sorted(VECTORS.glob("*.py"))}
    found.update({f"guides/{p.relative_to(GUIDES).as_posix()}": p
                  for p in sorted(GUIDES.rglob("*.md"))})
    found.update({f"node/{p.name}": p for p in (WRAPPER, *NODE_PACKAGE) if p.is_file()})
    return found


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_inputs() -> dict[str, str]:
    """Everything whose change must trigger a rebuild, with a digest each."""
    inputs = {f"ksy/{rel}": file_digest(KSY / rel) for rel in spec_paths()}
    inputs.update({f"copy {key}": file_digest(path) for key, path in resources().items()})
    inputs["setting PKTTOOLS_FAST"] = "unpack" if rofast.enabled() else "no unpack"
    for tool in (WRAPPER, Path(__file__).resolve(), *MODEL_SOURCES, *COMPILER_FILES):
        key = tool.relative_to(ROOT).as_posix()
        inputs[key] = file_digest(tool) if tool.exists() else "missing"
    return inputs


def staleness(inputs: dict[str, str]) -> list[str]:
    """Why kaitai_gen does not match the inputs (empty when it does)."""
    if not STAMP.exists():
        return ["kaitai_gen has not been built"]
    try:
        built = json.loads(STAMP.read_text())["inputs"]
    except (ValueError, KeyError):
        return [f"{STAMP.relative_to(ROOT)} is unreadable"]
    reasons = []
    for key in sorted(set(inputs) | set(built)):
        if key not in built:
            reasons.append(f"added: {key}")
        elif key not in inputs:
            reasons.append(f"removed: {key}")
        elif built[key] != inputs[key]:
            reasons.append(f"changed: {key}")
    for flavour in FLAVOURS:
        if not (OUT / flavour / "__init__.py").exists():
            reasons.append(f"missing: kaitai_gen/{flavour}")
    if not (OUT / MANIFEST).exists():
        reasons.append(f"missing: kaitai_gen/{MANIFEST}")
    return reasons


def build(force: bool = False, quiet: bool = False) -> bool:
    """Build kaitai_gen if it is stale; returns whether anything was compiled."""
    inputs = current_inputs()
    if not force and not staleness(inputs):
        if not quiet:
            print("kaitai_gen is up to date")
        return False
    specs = spec_paths()
    # Build beside the old package and swap at the end, so a failure leaves it untouched.
    tmp = Path(tempfile.mkdtemp(prefix=".kaitai_gen.", dir=ROOT))
    try:
        made = generate({rel: KSY / rel for rel in specs}, tmp, "kaitai_gen", project=ROOT)
        for key, source in resources().items():
            (tmp / key).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tmp / key)
        (tmp / STAMP.name).write_text(json.dumps({"inputs": inputs}, indent=1, sort_keys=True))
        old = None
        if OUT.exists():
            old = ROOT / f".kaitai_gen.old.{os.getpid()}"
            OUT.rename(old)
        tmp.rename(OUT)
        if old is not None:
            shutil.rmtree(old)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    for warning in made.warnings:
        print(f"build.py: warning: {warning}", file=sys.stderr)
    if not quiet:
        counts = ", ".join(f"{n} {name}" for name, n in made.modules.items())
        print(f"compiled {made.specs} specs into kaitai_gen/ ({counts} modules)")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    group.add_argument("--check", action="store_true",
                       help="build nothing; exit 1 if kaitai_gen is missing or stale")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    args = parser.parse_args(argv)
    if args.check:
        reasons = staleness(current_inputs())
        if reasons:
            print("kaitai_gen is stale; run `python build.py`:", file=sys.stderr)
            for reason in reasons:
                print(f"  {reason}", file=sys.stderr)
            return 1
        if not args.quiet:
            print("kaitai_gen is up to date")
        return 0
    try:
        build(force=args.force, quiet=args.quiet)
    except PkttoolsError as exc:
        print(f"build failed:\n{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
