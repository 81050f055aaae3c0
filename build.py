#!/usr/bin/env python3
"""Compile every spec under ksy/ into the generated package kaitai_gen/.

Needs only the Python standard library and node with the packages of package-lock.json
(`npm ci`): the YAML is read by js-yaml inside tools/ksc.js, so this script can run before any
Python package is installed.

kaitai_gen/ holds three flavours of the same classes, each a package whose module layout
mirrors ksy/ (ksy/pangya/common/pstring.ksy -> kaitai_gen/ro/pangya/common/pangya_pstring.py):

- kaitai_gen.ro  -- read-only classes, the fast path for parsing;
- kaitai_gen.dbg -- debug classes that record where every field starts and ends, used to name
                    the field and offset of a parse error and for tables with offsets;
- kaitai_gen.rw  -- read-write classes (`_write`, `_check`) for serialization;
- kaitai_gen.fast -- readers of plain dispatcher headers (pkttools/fastpath.py), so parsing
                    can skip the dispatcher object.

Generated modules import each other as `from kaitai_gen.<flavour> import <meta id>`, so each
flavour's __init__ puts all its folders on the package's __path__. kaitai_gen/manifest.json
describes protocols, packets and types for pkttools; it is derived from the same specs.

The build is a no-op when no spec, the compiler, the wrapper or this script changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
KSY = ROOT / "ksy"
OUT = ROOT / "kaitai_gen"
WRAPPER = ROOT / "tools" / "ksc.js"
NODE_MODULES = ROOT / "node_modules"
COMPILER_FILES = (
    NODE_MODULES / "kaitai-struct-compiler" / "kaitai-struct-compiler.js",
    NODE_MODULES / "js-yaml" / "package.json",
)
STAMP = OUT / "build-stamp.json"
MANIFEST = "manifest.json"

FLAVOURS = {
    "ro": {"lang": "python", "debug": False, "readWrite": False},
    "dbg": {"lang": "python", "debug": True, "readWrite": False},
    "rw": {"lang": "python", "debug": False, "readWrite": True},
}

sys.path.insert(0, str(ROOT))
from pkttools import fastpath, specmodel  # noqa: E402  (stdlib-only, shared with the runtime)

MODEL_SOURCES = (ROOT / "pkttools" / "specmodel.py", ROOT / "pkttools" / "fastpath.py",
                 ROOT / "pkttools" / "expr.py")


class BuildFailed(Exception):
    pass


def spec_paths() -> list[str]:
    return sorted(p.relative_to(KSY).as_posix() for p in KSY.rglob("*.ksy"))


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_inputs() -> dict[str, str]:
    """Everything whose change must trigger a rebuild, with a digest each."""
    inputs = {f"ksy/{rel}": file_digest(KSY / rel) for rel in spec_paths()}
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


def run_compiler(specs: list[str]) -> dict:
    node = shutil.which("node")
    if node is None:
        raise BuildFailed("node is not installed: pkttools compiles its specs with the npm "
                          "kaitai-struct-compiler, which needs node (>= 18) and npm")
    if not COMPILER_FILES[0].exists():
        raise BuildFailed("the Kaitai Struct compiler is not installed: run `npm ci` first")
    request = {
        "root": str(KSY),
        "nodeModules": str(NODE_MODULES),
        "specs": specs,
        "targets": [
            dict(settings, name=name, pythonPackage=f"kaitai_gen.{name}")
            for name, settings in FLAVOURS.items()
        ],
    }
    proc = subprocess.run([node, str(WRAPPER)], input=json.dumps(request), capture_output=True,
                          text=True, check=False)
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        raise BuildFailed(f"tools/ksc.js failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
    if not answer.get("ok"):
        lines = []
        for err in answer.get("errors", []):
            place = f"ksy/{err['spec']}" if err.get("spec") else "compiler"
            if err.get("where"):
                place += f": {err['where']}"
            lines.append(f"{place}: {err['message']}")
        raise BuildFailed("\n".join(lines))
    return answer


def write_package(answer: dict, specs: list[str], dest: Path) -> None:
    id_to_path = {answer["specs"][rel]["meta"]["id"]: rel for rel in specs}
    (dest / "__init__.py").write_text(
        '"""Generated by build.py from ksy/; never edit, never commit."""\n')
    for flavour, files in answer["targets"].items():
        pkg = dest / flavour
        folders = set()
        for name, source in files.items():
            spec_id = name[: -len(".py")]
            if spec_id not in id_to_path:
                raise BuildFailed(f"compiler produced {name}, which matches no spec's meta/id")
            folder = Path(id_to_path[spec_id]).parent
            folders.add(folder.as_posix())
            (pkg / folder).mkdir(parents=True, exist_ok=True)
            (pkg / folder / name).write_text(source)
        # Generated modules import each other by meta id from the flavour package, wherever
        # their folder is: every folder goes on the package's search path.
        init = [
            f'"""{flavour}: Kaitai Struct classes generated by build.py; never edit."""',
            "import os as _os",
            "__path__ = list(__path__) + [",
            *(f"    _os.path.join(__path__[0], {f!r})," for f in sorted(folders) if f != "."),
            "]",
            "",
        ]
        (pkg / "__init__.py").write_text("\n".join(init))
    manifest = specmodel.build_manifest(answer["specs"], answer["compiler"])
    readers = [p["fast"] for p in manifest["protocols"].values() if p["fast"]]
    (dest / "fast.py").write_text(fastpath.module_source(readers))
    for proto in manifest["protocols"].values():
        if proto["fast"]:
            proto["fast"] = {k: v for k, v in proto["fast"].items() if k != "source"}
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


def build(force: bool = False, quiet: bool = False) -> bool:
    """Build kaitai_gen if it is stale; returns whether anything was compiled."""
    inputs = current_inputs()
    if not force and not staleness(inputs):
        if not quiet:
            print("kaitai_gen is up to date")
        return False
    specs = spec_paths()
    if not specs:
        raise BuildFailed("no .ksy files under ksy/")
    answer = run_compiler(specs)
    try:
        manifest_errors = specmodel.check_specs(answer["specs"])
    except specmodel.SpecError as exc:
        manifest_errors = [str(exc)]
    if manifest_errors:
        raise BuildFailed("\n".join(manifest_errors))
    # Build beside the old package and swap at the end, so a failure leaves it untouched.
    tmp = Path(tempfile.mkdtemp(prefix=".kaitai_gen.", dir=ROOT))
    try:
        write_package(answer, specs, tmp)
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
    if not quiet:
        counts = ", ".join(f"{len(files)} {name}" for name, files in answer["targets"].items())
        print(f"compiled {len(specs)} specs into kaitai_gen/ ({counts} modules)")
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
    except BuildFailed as exc:
        print(f"build failed:\n{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
