"""Benchmarks (not tests): `make bench` runs `bench/run.py`; `bench/load.py` is the long load run."""
