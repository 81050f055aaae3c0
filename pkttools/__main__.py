"""`python -m pkttools` is the `pkttools` command."""

import sys

from .cli import main

sys.exit(main())
