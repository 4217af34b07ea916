"""Prose for LaTeX: every character typeset or named in an error; slugs for file names and labels."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sigsym.present.texutil import _UNICODE, TYPESET_RANGES, UntypesettableCharacter, escape, slug


def test_greek_accents_dashes_quotes_are_kept() -> None:
    out = escape("Aktivierung α, β — Überblick „Zitat“ «x» – Łódź")
    assert r"\ensuremath{\alpha}" in out and r"\ensuremath{\beta}" in out
    assert "---" in out and "Überblick" in out and "„Zitat``" in out and "«x»" in out and "Łódź" in out
    assert escape("Ω σ Σ") == r"\ensuremath{\Omega} \ensuremath{\sigma} \ensuremath{\Sigma}"


@pytest.mark.parametrize(("text", "named"), [("Titel 漢字", "U+6F22"), ("emoji 🙂", "U+1F642"),
                                             ("bell \x07", "U+0007"), ("Ħ", "U+0126")])
def test_a_character_pdflatex_cannot_set_is_named(text: str, named: str) -> None:
    with pytest.raises(UntypesettableCharacter, match=re.escape(named)) as info:
        escape(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("expr", "expected"), [
    ("x*sigmoid(x)", "x-sigmoid-x"), ("x+sigmoid(x)", "x-plus-sigmoid-x"), ("x-sigmoid(x)", "x-minus-sigmoid-x"),
    ("sigmoid(1.702*x)", "sigmoid-1p702-x"), ("1/(exp(x) - 1)", "1-over-exp-x-minus-1"), ("tanh(x)^2", "tanh-x-pow-2"),
])
def test_slug(expr: str, expected: str) -> None:
    assert slug(expr) == expected
    assert re.fullmatch(r"[a-z0-9-]+", slug(expr))


def test_slug_of_a_catalogue_function_is_its_name() -> None:
    assert slug("sigmoid(x)", "sigmoid") == "sigmoid"


@pytest.mark.pdflatex
def test_every_character_passed_through_compiles(tmp_path: Path) -> None:
    """The measured ranges hold: pdflatex sets every character ``escape`` lets through."""
    chars = "".join(chr(c) for lo, hi in TYPESET_RANGES for c in range(max(lo, 0xA0), hi + 1))
    body = escape(chars) + " " + escape(" ".join(_UNICODE))  # and every character it rewrites
    src = tmp_path / "chars.tex"
    src.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
                   "\\usepackage{lmodern}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n"
                   + body + "\n\\end{document}\n", encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", src.name], cwd=tmp_path,
                          capture_output=True, timeout=300)
    log = (tmp_path / "chars.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-2000:]
    assert "Missing character" not in log
