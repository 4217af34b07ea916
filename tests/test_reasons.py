"""The reasons of proof lines (prover/reasons.py): one source, Unicode for the terminal and
LaTeX for the notes; and what a reader of the article's proofs sees."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from test_human import EXPECTED, _argv

from sigsym.cli import main
from sigsym.prover.properties import prove
from sigsym.prover.reasons import latex, math_plain, plain
from sigsym.prover.relations import Relation
from sigsym.prover.text import proof_text, relation_text


@pytest.mark.parametrize(("tex", "text"), [
    (r"e^{-x} > 0", "e⁻ˣ > 0"),
    (r"e^{2 x}", "e²ˣ"),
    (r"e^{x/2}", "e^(x/2)"),
    (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", "σ(x)(1 − σ(x))"),
    (r"s \left(1 - s\right)", "s(1 − s)"),
    (r"\frac{e^{-x}}{1 + e^{-x}}", "e⁻ˣ/(1 + e⁻ˣ)"),
    (r"\frac{1}{4}", "1/4"),
    (r"x = \ln(s/(1 - s))", "x = ln(s/(1 − s))"),
    (r"\tanh x", "tanh x"),
    (r"2 \sigma(x)", "2σ(x)"),
    (r"\sigma\left(- \ln{\left(2 + \sqrt{3} \right)}\right)", "σ(−ln(2 + √3))"),
    (r"(-\infty, 0]", "(−∞, 0]"),
    (r"x \in \mathbb{R}", "x ∈ ℝ"),
    (r"x \to \infty", "x → ∞"),
    (r"\left(s - \frac{1}{2}\right)^{2} \ge 0", "(s − 1/2)² ≥ 0"),
    (r"\sigma''(x) \le \tfrac{1}{4}", "σ″(x) ≤ 1/4"),
    (r"\left|s\right| \le 1", "|s| ≤ 1"),
])
def test_math_plain_reads_like_typed_unicode(tex: str, text: str) -> None:
    assert math_plain(tex) == text


def test_one_source_two_prints() -> None:
    source = r"since $e^{-x} > 0$, $\sigma$ maps $(-\infty, 0)$ onto $(0, \frac{1}{2})$: 50% & more_"
    assert plain(source) == "since e⁻ˣ > 0, σ maps (−∞, 0) onto (0, 1/2): 50% & more_"
    assert latex(source) == (r"since $e^{-x} > 0$, $\sigma$ maps $(-\infty, 0)$ onto $(0, \tfrac{1}{2})$: "
                             r"50\% \& more\_")


@pytest.mark.parametrize("bad", [r"an $unclosed", "maths outside: σ > 0", r"$\unknownmacro x$", r"$\mathbb{K}$"])
def test_a_reason_is_never_half_converted(bad: str) -> None:
    with pytest.raises(ValueError):
        plain(bad)
        latex(bad)


def test_relations_print_as_a_person_reads_them() -> None:
    assert relation_text(Relation("diff(sigmoid(x), x)", "=", "(1 - sigmoid(x))*sigmoid(x)")) == "σ′(x) = σ(x)(1 − σ(x))"
    assert relation_text(Relation("diff(sigmoid(x), x, 2)", ">", "0", "x", "(-oo, 0)")) == "σ″(x) > 0   for x in (−∞, 0)"
    assert relation_text(Relation("1 - 2*s", ">", "0", "s", "(0, 1/2)")) == "1 − 2s > 0   for s = σ(x) in (0, 1/2)"


_MATH_LEFT_IN_TEXT = re.compile(r"\boo\b|\^\{|\\[a-z]+|\*\*|\bsigmoid\(|\bdiff\(")


@pytest.mark.parametrize(("expr", "prop", "opts"), EXPECTED, ids=[f"{e} {p} {o}" for e, p, o in EXPECTED])
def test_reasons_and_relations_of_the_expected_proofs_are_clean(
        expr: str, prop: str, opts: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_argv(expr, prop, opts)) == 0
    data = json.loads(capsys.readouterr().out)
    for step in data["steps"]:
        for shown in (step["because"], step["text"]):
            assert not _MATH_LEFT_IN_TEXT.search(shown), shown
            assert "1 ·" not in shown and "(s)" not in shown, shown
        outside = re.sub(r"\$[^$]*\$", "", step["because_tex"])
        assert outside.isascii() and "^" not in outside, step["because_tex"]
        assert step["because_tex"].count("$") % 2 == 0
        for rel in [step["relation"], *step["chain"]]:  # the JSON keeps the expression language
            Relation(**rel)


def test_text_output_names_the_function() -> None:
    out = proof_text(prove("diff(sigmoid(x), x)", "decreasing", on="[0, oo)"))
    proof = out.split("proof (each line checked):", 1)[1]
    assert "σ″(x) = σ′(x)(1 − 2σ(x))" in proof and "diff(" not in proof
    assert "f′" not in proof and "f(x)" not in proof and "oo" not in proof


def test_an_anonymous_function_is_defined_before_its_derivative_is_used() -> None:
    steps = prove("sigmoid(x)/2 + x/4", "increasing").steps
    if steps and any("f'" in s.latex for s in steps):
        assert steps[0].latex.startswith("f(x) = ")


@pytest.mark.pdflatex
def test_the_article_proofs_typeset_their_mathematics(tmp_path: Path) -> None:
    """The reasons compile in the article, and the Properties section's text holds no "oo", no
    raw "^{", no undefined f and no "1 ·" (pdftotext of the built PDF)."""
    from sigsym.present.notes import build
    from sigsym.present.render import render

    (tmp_path / "doc.tex").write_text(render(build("sigmoid"), "article"), encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert proc.returncode == 0, (tmp_path / "doc.log").read_text(encoding="latin-1")[-2000:]
    text = subprocess.run(["pdftotext", "doc.pdf", "-"], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout
    start = re.search(r"Properties\s+Each result", text).start()  # type: ignore[union-attr]
    end = text.index("How each result was checked", start)
    section = text[start:end]
    assert "Proof." in section
    for bad in ("(-oo", "oo)", "-oo", "^{", "1 ·", "f (x)", "f(x)", "f ′", "(s)·"):
        assert bad not in section, bad
