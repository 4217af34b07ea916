"""The version, in one place: pyproject.toml's, read from the installed package's metadata."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("sigsym")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
