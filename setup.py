"""setuptools hook: a wheel or sdist built from a checkout carries up-to-date generated classes.

kaitai_gen/ is build output (never committed), so building a distribution first runs build.py,
which compiles the specs with node when they changed. An sdist carries kaitai_gen, so a wheel
built from it (PyPA build does that) and an install of it need no node.
"""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent


def generated_classes() -> None:
    built = (ROOT / "kaitai_gen" / "manifest.json").is_file()
    checkout = (ROOT / "build.py").is_file() and (ROOT / "ksy").is_dir()
    if checkout and (not built or (ROOT / "node_modules").is_dir()):
        # A checkout that was set up (node packages installed) or never built: bring it up to
        # date. An unpacked sdist has kaitai_gen and no node packages: it is used as it is.
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--quiet"], check=False)
        if done.returncode != 0:
            sys.exit("pkttools: build.py failed; the generated classes (kaitai_gen) need node "
                     "and the pinned compiler: run ./setup.sh, then build the wheel again")
    elif not built:
        sys.exit("pkttools: kaitai_gen is missing and this is no pkttools checkout to build it "
                 "from")


class BuildPy(build_py):
    def run(self):
        generated_classes()
        super().run()


class Sdist(sdist):
    def run(self):
        generated_classes()
        super().run()


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
