"""`sigsym notes` as a lecturer runs it: file names per expression, titles kept whole, sigsym.sty."""

from __future__ import annotations

from pathlib import Path

import pytest

from sigsym.cli import main
from sigsym.present.render import HEADER_MARK, render_package


def test_each_expression_gets_its_own_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for expr in ("sigmoid", "x*sigmoid(x)", "x+sigmoid(x)", "tanh"):
        assert main(["notes", expr]) == 0
    assert main(["notes", "sigmoid(3*x)", "--format", "beamer"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "sigmoid-3-x-slides.tex", "sigmoid-notes.tex", "tanh-notes.tex", "x-plus-sigmoid-x-notes.tex",
        "x-sigmoid-x-notes.tex"]
    assert main(["notes", "x*sigmoid(x)", "-o", "mine.tex"]) == 0  # -o wins
    assert (tmp_path / "mine.tex").exists()


def test_a_title_keeps_every_character(tmp_path: Path) -> None:
    out = tmp_path / "n.tex"
    assert main(["notes", "tanh", "-o", str(out), "--title", "Aktivierung α, β — Überblick",
                 "--author", "Zoë “quoted” – Ω"]) == 0
    tex = out.read_text(encoding="utf-8")
    assert r"\title{Aktivierung \ensuremath{\alpha}, \ensuremath{\beta} --- Überblick}" in tex
    assert r"\author{Zoë ``quoted'' -- \ensuremath{\Omega}}" in tex


@pytest.mark.parametrize(("option", "value", "named"), [("--title", "Vorlesung 漢字", "U+6F22"),
                                                        ("--author", "A. N. Other 🙂", "U+1F642")])
def test_a_character_pdflatex_cannot_set_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    option: str, value: str, named: str) -> None:
    out = tmp_path / "n.tex"
    assert main(["notes", "tanh", "-o", str(out), option, value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"sigsym: error: {option}: the character") and named in err[0]
    assert list(tmp_path.iterdir()) == []


def test_the_fragment_ships_its_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "frag.tex"
    assert main(["notes", "tanh", "--format", "fragment", "-o", str(out)]) == 0
    sty = tmp_path / "sigsym.sty"
    assert sty.read_text(encoding="utf-8") == render_package()
    text = render_package()
    assert text.startswith(HEADER_MARK) and r"\ProvidesPackage{sigsym}" in text
    assert r"\RequirePackage{pgfplots}" in text
    assert r"\usepackage{sigsym}" in capsys.readouterr().out
    assert main(["notes", "tanh", "--format", "fragment", "-o", str(out)]) == 0  # ours: rewritten


def test_a_foreign_sigsym_sty_is_never_clobbered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sty = tmp_path / "sigsym.sty"
    sty.write_text("% my own package\n")
    out = tmp_path / "frag.tex"
    assert main(["notes", "tanh", "--format", "fragment", "-o", str(out)]) == 2
    assert "sigsym.sty exists and was not written by sigsym" in capsys.readouterr().err
    assert sty.read_text() == "% my own package\n" and not out.exists()
    assert main(["notes", "tanh", "--format", "fragment", "-o", str(out), "--force"]) == 0
    assert sty.read_text(encoding="utf-8").startswith(HEADER_MARK)


def test_articles_do_not_write_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["notes", "tanh"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["tanh-notes.tex"]


def test_the_package_defines_exactly_the_macros_the_templates_use() -> None:
    """Every macro of macros.tex.j2 (the preamble and sigsym.sty) is used by a template, and no
    template uses one that is not there (the templates stopped scaling formulas with \\fitmath,
    so its definition went too)."""
    import re

    from sigsym.present.render import templates_dir

    macros = (templates_dir() / "macros.tex.j2").read_text(encoding="utf-8")
    defined = set(re.findall(r"\\(?:newcommand|providecommand)\{\\([A-Za-z]+)\}", macros))
    used: set[str] = set()
    for path in templates_dir().glob("*.tex.j2"):
        if path.name not in ("macros.tex.j2", "preamble.tex.j2"):
            text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.lstrip().startswith("%"))
            used |= {m for m in re.findall(r"\\([A-Za-z]+)", text) if m in defined}
    assert defined == used, (defined, used)
