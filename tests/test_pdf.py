"""Real pdflatex builds (skipped with the reason shown when TeX Live is missing)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_render import HOSTILE_TITLES

from sigsym.cli import main
from sigsym.present.notes import build
from sigsym.present.render import build_pdf, render, render_package

pytestmark = pytest.mark.pdflatex


def _pdflatex(tmp_path: Path, tex: str, name: str = "doc") -> tuple[str, str]:
    src = tmp_path / f"{name}.tex"
    src.write_text(tex, encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", src.name],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "openin_any": "p", "openout_any": "p", "HOME": str(tmp_path)})
    log = (tmp_path / f"{name}.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-3000:]
    text = subprocess.run(["pdftotext", "-layout", f"{name}.pdf", "-"], cwd=tmp_path, capture_output=True,
                          text=True, check=True).stdout
    return log, text


@pytest.mark.parametrize(("expr", "fmt", "needles"), [
    ("sigmoid", "article", ["0.1966", "0.1050", "0.0452", "Common misconceptions", "Stirling", "Exercises",
                            "Logistic growth", "By implicit differentiation", "From first principles"]),
    ("sigmoid", "beamer", ["0.1050", "Common mistakes"]),
    ("tanh", "article", ["tanh", "By the differentiation rules"]),
    ("sech(x) + 1/2", "article", ["Definition", "Properties"]),
    ("exp(x)", "article", ["Definition"]),
    ("1/(exp(x) - 1)", "fragment", ["By the differentiation rules"]),
])
def test_build_compiles_without_overfull_boxes(tmp_path: Path, expr: str, fmt: str, needles: list[str]) -> None:
    tex = render(build(expr), fmt)
    if fmt == "fragment":
        (tmp_path / "sigsym.sty").write_text(render_package(), encoding="utf-8")
        tex = f"\\documentclass{{article}}\n\\usepackage{{sigsym}}\n\\begin{{document}}\n{tex}\n\\end{{document}}\n"
    log, text = _pdflatex(tmp_path, tex)
    assert "Overfull" not in log
    for needle in needles:
        assert needle in text, needle


def test_fragment_inside_a_lecturers_document(tmp_path: Path) -> None:
    frag = render(build("sigmoid"), "fragment")
    (tmp_path / "frag.tex").write_text(frag, encoding="utf-8")
    (tmp_path / "sigsym.sty").write_text(render_package(), encoding="utf-8")  # what `notes --format fragment` writes
    doc = ("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{sigsym}" +
           "\n\\begin{document}\nMy own introduction.\n\\input{frag}\n\\end{document}\n")
    log, text = _pdflatex(tmp_path, doc)
    assert "My own introduction." in text and "0.1050" in text
    assert "Overfull" not in log


def test_hostile_title_typeset_literally_and_reads_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRETCONTENT")
    title = f"\\input{{{secret}}} ^^5cinput{{{secret}}} \\write18{{touch {tmp_path}/pwned}}"
    _, text = _pdflatex(tmp_path, render(build("tanh", title=title, author=HOSTILE_TITLES[3]), "article"))
    assert "SECRETCONTENT" not in text
    assert "input{" in text.replace(" ", "") and not (tmp_path / "pwned").exists()


def test_cli_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["notes", "--pdf"]) == 0
    assert (tmp_path / "sigmoid-notes.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sigmoid-notes.pdf", "sigmoid-notes.tex"]


def test_latex_error_is_reported_clearly() -> None:
    from sigsym.errors import ToolError

    with pytest.raises(ToolError, match=r"pdflatex failed: Undefined control sequence"):
        build_pdf("\\documentclass{article}\\begin{document}\\undefinedmacro\\end{document}")


def test_pdflatex_present() -> None:
    assert shutil.which("pdflatex")
