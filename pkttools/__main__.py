"""`python -m pkttools` is the `pkttools` command."""

import sys

from .cli.app import main

sys.exit(main())
