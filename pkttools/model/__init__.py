"""What the specs say, at build time and at run time: the spec model and its conventions,
expressions, the compiler driver, and the registry of protocols built from them."""
