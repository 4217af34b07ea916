"""Templates and output: escaping, golden files, determinism, atomic and careful writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from sigsym.cli import main
from sigsym.present.notes import build
from sigsym.present.render import HEADER_MARK, environment, render
from sigsym.present.texutil import escape

GOLDEN = Path(__file__).parent / "golden"
HOSTILE_TITLES = [r"\input{/etc/passwd}", r"^^5cinput{/etc/passwd}", r"\write18{touch /tmp/pwned}",
                  "unbalanced } { braces", r"$x$ & # _ % ~ \\", "\\csname end\\endcsname"]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_escape_leaves_no_active_characters(title: str) -> None:
    out = escape(title)
    bare = out.replace(r"\textbackslash{}", "").replace(r"\textasciicircum{}", "").replace(r"\textasciitilde{}", "")
    for ch in "$&#_%":
        assert bare.count(ch) == bare.count("\\" + ch)
    assert "^^" not in out and "\\input" not in out and "\\write" not in out


def test_finalize_escapes_prose_but_not_engine_latex() -> None:
    env = environment()
    t = env.from_string(r"\VAR{a} \VAR{b}")
    assert t.render(a="50% & $", b=Markup(r"\frac{1}{4}")) == r"50\% \& \$ \frac{1}{4}"


def test_strict_undefined() -> None:
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        environment().from_string(r"\VAR{missing}").render()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SIGSYM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden file {path} missing; run with SIGSYM_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def sigmoid_doc() -> dict:
    return build("sigmoid")


def test_golden_sigmoid_article(sigmoid_doc: dict) -> None:
    _golden("sigmoid-article.tex", render(sigmoid_doc, "article"))


def test_golden_sigmoid_fragment(sigmoid_doc: dict) -> None:
    _golden("sigmoid-fragment.tex", render(sigmoid_doc, "fragment"))


def test_golden_tanh_beamer() -> None:
    _golden("tanh-beamer.tex", render(build("tanh"), "beamer"))


def test_article_contents(sigmoid_doc: dict) -> None:
    tex = render(sigmoid_doc, "article")
    assert tex.startswith(HEADER_MARK)
    for needle in ("By the differentiation rules", "From first principles", "By implicit differentiation",
                   "Common misconceptions", "Applications", "Exercises", r"\begin{axis}", "0.1050", "0.1966",
                   "0.0452", r"\sigma(x)\,(1 - \sigma(x))"):
        assert needle in tex, needle
    no_solutions = render(build("sigmoid", solutions=False), "article")
    assert "Solution" in tex and "Solution" not in no_solutions


def test_sections_that_do_not_apply_are_left_out() -> None:
    tex = render(build("x*sigmoid(x)"), "article")
    assert "Common misconceptions" not in tex and "Higher derivatives" not in tex
    assert r"\subsection{}" not in tex and r"\begin{enumerate}" + "\n" + r"\end{enumerate}" not in tex


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    outs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / f"s{seed}.tex"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "sigsym", "notes", "tanh", "-o", str(out)], env=env, check=True,
                       capture_output=True, timeout=300)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_hostile_title_and_author_appear_literally(tmp_path: Path) -> None:
    out = tmp_path / "n.tex"
    assert main(["notes", "tanh", "-o", str(out), "--title", HOSTILE_TITLES[0], "--author", HOSTILE_TITLES[1]]) == 0
    tex = out.read_text()
    assert r"\title{\textbackslash{}input\{/etc/passwd\}}" in tex
    assert r"\author{\textasciicircum{}\textasciicircum{}5cinput\{/etc/passwd\}}" in tex


def test_never_clobbers_a_foreign_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.tex"
    out.write_text("my own lecture\n")
    assert main(["notes", "tanh", "-o", str(out)]) == 2
    assert "was not written by sigsym" in capsys.readouterr().err
    assert out.read_text() == "my own lecture\n"
    assert main(["notes", "tanh", "-o", str(out), "--force"]) == 0
    assert out.read_text().startswith(HEADER_MARK)
    assert main(["notes", "tanh", "-o", str(out)]) == 0  # ours now: overwritten without --force


def test_bad_input_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.tex"
    assert main(["notes", "foo(x)", "-o", str(out)]) == 2
    assert main(["notes", "tanh", "-o", str(out), "--format", "poster"]) == 2
    assert main(["notes", "tanh", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("sigsym: error:") for line in err)
    assert list(tmp_path.iterdir()) == []


def test_default_output_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["notes", "tanh"]) == 0
    assert (tmp_path / "tanh-notes.tex").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["tanh-notes.tex"]


def test_templates_export_and_override(tmp_path: Path) -> None:
    tdir = tmp_path / "tpl"
    assert main(["templates", "export", str(tdir)]) == 0
    assert (tdir / "article.tex.j2").exists() and (tdir / "body.tex.j2").exists()
    (tdir / "fragment.tex.j2").write_text("\\VAR{header}\n% custom\n\\VAR{doc.title}\n")
    out = tmp_path / "f.tex"
    assert main(["notes", "tanh", "--format", "fragment", "--templates", str(tdir), "-o", str(out),
                 "--title", "50% & more"]) == 0
    assert out.read_text().splitlines()[1:] == ["% custom", r"50\% \& more"]
    assert main(["templates", "export", str(tdir)]) == 2  # exists: not overwritten without --force
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    assert main(["templates", "export", str(blocker / "sub")]) == 2  # cannot create: exit 2, not 4


def test_pdf_without_pdflatex_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "n.tex"
    assert main(["notes", "tanh", "-o", str(out), "--pdf"]) == 2
    assert "install TeX Live" in capsys.readouterr().err
    assert not out.exists()
