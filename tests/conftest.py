"""Shared fixtures: the claims table lives in claims.py beside this file."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

pytest_plugins = ["pytester"]

HAVE_PDFLATEX = shutil.which("pdflatex") is not None and shutil.which("pdftotext") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if HAVE_PDFLATEX:
        return
    skip = pytest.mark.skip(reason="pdflatex/pdftotext not installed (apt-get install texlive-latex-base "
                                   "texlive-latex-recommended texlive-pictures lmodern poppler-utils)")
    for item in items:
        if "pdflatex" in item.keywords:
            item.add_marker(skip)
