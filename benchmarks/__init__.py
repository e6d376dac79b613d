"""Benchmarks: one command each, JSON results, tables in benchmarks/README.md."""
