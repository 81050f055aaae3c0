"""The specs published for people and other tools: Web IDE bundles, packet documentation,
the test vectors they show, and the Python/JavaScript conformance check."""
