"""Theorem files, running them (serially or in processes), CI formats and the pytest plugin."""
