"""What pkttools is compared with: hand-written struct codecs, Construct and Scapy definitions
of the benchmark vectors, their adapters to pkttools' plain data, and the contender list."""
