"""Measured from the PDF: glyph sizes, overfull boxes, the fragment in a report, the title's characters.

Real pdflatex builds through the command line (skipped with the reason shown when TeX Live is
missing). Glyph heights are the word boxes of ``pdftotext -bbox``: a box shorter than 5 pt means a
formula was shrunk below what a reader can see on paper or a projector (prime marks aside: their
box is a superscript's by design).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from sigsym.cli import main
from sigsym.present.render import templates_dir

pytestmark = pytest.mark.pdflatex

MIN_GLYPH_PT = 5.0
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>')


def _small_words(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, height, word) for every word box under MIN_GLYPH_PT, prime marks aside."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    out = []
    for page, text in enumerate(html.decode("utf-8", "replace").split("<page ")[1:], start=1):
        for y0, y1, word in _WORD.findall(text):
            height = float(y1) - float(y0)
            if height < MIN_GLYPH_PT and set(word) - set("′″‴'"):
                out.append((page, round(height, 2), word))
    return out


def _notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Path:
    monkeypatch.chdir(tmp_path)
    assert main(["notes", *args, "--pdf"]) == 0
    return next(tmp_path.glob("*.pdf"))


def _log_of(pdf: Path) -> str:
    """Rebuild the .tex next to the PDF to read pdflatex's log (the CLI keeps only the PDF)."""
    tex = pdf.with_suffix(".tex")
    logs = tex.parent / "log"
    logs.mkdir()
    subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error",
                    "-output-directory", str(logs), tex.name], cwd=tex.parent, capture_output=True, timeout=300)
    return (logs / f"{tex.stem}.log").read_text(encoding="latin-1")


@pytest.mark.parametrize(("expr", "fmt"), [("sigmoid", "article"), ("sigmoid", "beamer"), ("tanh", "article"),
                                         ("x*sigmoid(x)", "article"), ("tanh", "beamer")])
def test_no_glyph_under_5pt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expr: str, fmt: str) -> None:
    pdf = _notes(tmp_path, monkeypatch, expr, "--format", fmt)
    small = _small_words(pdf)
    template = (templates_dir() / f"{fmt}.tex.j2").read_text(encoding="utf-8")
    if small and r"\fitmath" in template:
        pytest.xfail(f"{fmt}.tex.j2 still scales formulas down with \\fitmath (issue 12, document part): "
                     f"{len(small)} words under {MIN_GLYPH_PT} pt, e.g. page {small[0][0]}: {small[0][2]!r} "
                     f"at {small[0][1]} pt")
    assert not small, small[:10]


@pytest.mark.parametrize("expr", ["sigmoid", "tanh", "softplus", "x*sigmoid(x)", "sigmoid(3*x)"])
def test_no_overfull_boxes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expr: str) -> None:
    pdf = _notes(tmp_path, monkeypatch, expr)
    log = _log_of(pdf)
    assert "Output written" in log
    assert "Overfull \\hbox" not in log, re.findall(r"Overfull \\hbox.*", log)[:5]


def test_slides_have_no_overfull_boxes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _log_of(_notes(tmp_path, monkeypatch, "--format", "beamer"))
    assert "Output written" in log and "Overfull \\hbox" not in log


def test_fragment_with_its_package_in_a_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["notes", "--format", "fragment"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sigmoid-fragment.tex", "sigsym.sty"]
    (tmp_path / "book.tex").write_text(
        "\\documentclass{report}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{sigsym}\n"
        "\\begin{document}\n\\chapter{The sigmoid}\nMy own introduction.\n\\input{sigmoid-fragment}\n"
        "\\end{document}\n", encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "book.tex"],
                          cwd=tmp_path, capture_output=True, timeout=300)
    log = (tmp_path / "book.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-2000:]
    assert "Overfull \\hbox" not in log
    text = subprocess.run(["pdftotext", "book.pdf", "-"], cwd=tmp_path, capture_output=True, check=True).stdout
    assert "My own introduction." in text.decode() and "0.1050" in text.decode()


def test_title_and_author_round_trip_to_the_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Aktivierung α, β — Überblick „Zitat“ «σ′» Łódź"
    author = "Zoë Ångström – Ωmega"
    pdf = _notes(tmp_path, monkeypatch, "tanh", "--title", title, "--author", author)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    first = [line for line in text.splitlines() if line.strip()][:2]

    def norm(s: str) -> str:  # pdftotext may decompose ë into e + ¨ and set a space before a prime
        return unicodedata.normalize("NFC", s).replace(" ", "")

    assert [norm(line) for line in first] == [norm(title), norm(author)], first


@pytest.mark.parametrize("cls", ["article", "beamer"])
def test_figures_alone_are_readable(tmp_path: Path, cls: str) -> None:
    """All three figures, as the templates place them: labels ≥ 5 pt, nothing overfull, \\ref resolves."""
    from sigsym.functions import X, sigmoid
    from sigsym.present.figures import figures
    from sigsym.present.render import environment

    env = environment()
    figs = figures(sigmoid(X), "sigmoid")
    body = []
    for fig in figs:
        plot = env.get_template("figure.tex.j2").render(fig=fig, width="0.85\\linewidth", height="5cm",
                                                       caption=cls == "article")
        body.append(f"\\begin{{figure}}[h]\\centering\n{plot}\\end{{figure}}" if cls == "article"
                    else f"\\begin{{frame}}{{Figure}}\\centering\n{plot}\\end{{frame}}")
    refs = "See Figures~\\ref{fig:sigmoid}, \\ref{fig:sigmoid-prime} and \\ref{fig:sigmoid-overlay}.\n"
    preamble = env.get_template("preamble.tex.j2").render()
    tex = (f"\\documentclass[11pt]{{{cls}}}\n{preamble}\\begin{{document}}\n"
           + (refs if cls == "article" else "") + "\n".join(body) + "\n\\end{document}\n")
    (tmp_path / "figs.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):
        proc = subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "figs.tex"],
                              cwd=tmp_path, capture_output=True, timeout=300)
    log = (tmp_path / "figs.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-2000:]
    assert "Overfull \\hbox" not in log and "undefined" not in log.lower().replace("undefined references", "")
    assert not _small_words(tmp_path / "figs.pdf")
    if cls == "article":
        text = subprocess.run(["pdftotext", "figs.pdf", "-"], cwd=tmp_path, capture_output=True, check=True).stdout
        assert "See Figures 1, 2 and 3." in text.decode()
