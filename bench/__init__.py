"""pkttools benchmarks: `python -m bench [NAME...]`. Ratios matter, not absolute times."""
