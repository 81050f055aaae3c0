"""Exit statuses of the `pkttools` command, shared by every command.

0 success, 1 bad packet data (or a strict check failed, or bytes were lost), 2 usage error.
"""

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
