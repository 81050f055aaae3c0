"""One packet, both ways: bytes <-> generated objects <-> plain data, with located errors,
offsets, builds that derive what the specs make derivable, and tables for people."""
