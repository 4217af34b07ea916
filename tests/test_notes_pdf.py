"""Real pdflatex builds of the notes the issue names: σ article and slides, tanh, softplus, x·σ(x)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sigsym.present.notes import build
from sigsym.present.render import render

pytestmark = pytest.mark.pdflatex


def _build(tmp_path: Path, tex: str) -> tuple[str, str, int]:
    (tmp_path / "doc.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):
        proc = subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={"PATH": "/usr/bin:/bin", "openin_any": "p", "openout_any": "p",
                                   "HOME": str(tmp_path)})
    log = (tmp_path / "doc.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-3000:]
    text = subprocess.run(["pdftotext", "-layout", "doc.pdf", "-"], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"\((\d+) pages?", log).group(1))  # type: ignore[union-attr]
    return log, text, pages


@pytest.mark.parametrize(("expr", "fmt", "needles"), [
    ("sigmoid", "article", ["Motivation", "Hence", "How each result was checked", "Solutions", "1.3170", "−5040"]),
    ("tanh", "article", ["1 − tanh", "By implicit differentiation"]),
    ("softplus", "article", ["Hence", "Exercises", "Solutions"]),
    ("x*sigmoid(x)", "article", ["SiLU", "Hence", "factor out"]),
    ("sigmoid(3*x)", "article", ["Hence"]),
    ("tanh", "beamer", ["1 − tanh"]),
])
def test_notes_compile_without_overfull_boxes(tmp_path: Path, expr: str, fmt: str, needles: list[str]) -> None:
    log, text, _ = _build(tmp_path, render(build(expr, fmt=fmt), fmt))
    assert "Overfull" not in log
    for needle in needles:
        assert needle in text, needle


def test_sigma_slides_frame_count_and_layout(tmp_path: Path) -> None:
    tex = render(build("sigmoid", author="A. Lecturer", fmt="beamer"), "beamer")
    log, text, pages = _build(tmp_path, tex)
    assert "Overfull" not in log
    frames = int(re.search(r"\\inserttotalframenumber \{(\d+)\}", (tmp_path / "doc.aux").read_text()).group(1)) \
        if "inserttotalframenumber" in (tmp_path / "doc.aux").read_text() else tex.count(r"\begin{frame}")
    assert frames <= 25 < pages  # overlays add pages, not frames
    assert "A. Lecturer" in text and "Summary" in text and "Last step" in text
