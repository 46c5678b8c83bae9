"""Benchmarks and the distributed-processing example (not part of the citekit package)."""
