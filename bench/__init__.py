"""Benchmarks of the portal, run with `python -m bench` (later issues add their own cases)."""
