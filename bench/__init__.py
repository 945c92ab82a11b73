"""Benchmarks. Run with `make bench` (python -m bench.run); figures go to docs/performance.md."""
