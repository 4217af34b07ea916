"""The version, in one place: pyproject.toml's, read from the installed package's metadata.

The ``Version:`` line of the installed distribution's METADATA is read directly (the first
``sigsym-*.dist-info`` on ``sys.path``, the one ``importlib.metadata`` would find);
``importlib.metadata`` itself is the fallback. Importing it, with the email parser it reads
METADATA with, cost every ``sigsym notes`` 15-20 ms for one line of a header.
"""

from __future__ import annotations

import os
import sys


def _from_dist_info() -> str | None:
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if n.startswith("sigsym-") and n.endswith(".dist-info"))
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the headers end at the first blank line
            except OSError:
                continue
    return None


def _version() -> str:
    found = _from_dist_info()
    if found:
        return found
    from importlib import metadata

    try:
        return metadata.version("sigsym")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _version()
