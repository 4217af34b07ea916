"""The Python API as a programmer or a Jupyter user meets it: names, help, reprs, SymPy in and out."""

from __future__ import annotations

import pydoc
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import sigsym
from sigsym.errors import OptionError, ParseError
from sigsym.testing import assert_identity, assert_proved, assert_refuted

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ("prove", "derive", "check", "notes", "parse", "parse_interval", "Proof", "Derivation", "Verdict")


# ---------------------------------------------------------------- names

def test_names_are_visible_without_importing_sympy() -> None:
    code = ("import sys, sigsym; names = dir(sigsym); "
            f"print('sympy' in sys.modules, all(n in names for n in {PUBLIC!r}), 'prove' in sigsym.__all__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    assert out.split() == ["False", "True", "True"]


def test_all_resolves_and_dir_is_the_api() -> None:
    for name in sigsym.__all__:
        assert getattr(sigsym, name) is not None
    public = [n for n in dir(sigsym) if not n.startswith("_")]
    assert public == sorted(sigsym.__all__)


def test_help_lists_the_functions() -> None:
    text = pydoc.render_doc(sigsym, renderer=pydoc.plaintext)
    for name in ("prove(", "derive(", "check(", "notes(", "parse("):
        assert name in text
    assert "__getattr__" not in text


def test_functions_survive_importing_submodules_of_the_same_name() -> None:
    import sigsym
    import sigsym.derivation.derive
    import sigsym.language.parse
    import sigsym.present.notes  # noqa: F401
    from sigsym.language.parse import parse_interval

    assert callable(sigsym.parse) and sigsym.parse.__module__ == "sigsym"
    assert sigsym.derive.__module__ == "sigsym" and sigsym.notes.__module__ == "sigsym"
    assert parse_interval("[0, oo)").lo == 0


def test_the_package_never_imports_its_own_modules_as_attributes() -> None:
    """``from . import parse`` would now give the function; the package uses ``from .parse import …``."""
    for path in (ROOT / "sigsym").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in ("parse", "derive", "notes"):
            assert f"from . import {name}" not in text and f"import sigsym.{name}" not in text, path


# ---------------------------------------------------------------- proofs

def test_proof_str_is_one_paragraph() -> None:
    proved = sigsym.prove("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
    text = str(proved)
    assert "\n" not in text
    assert text.startswith("proved: σ′ has maximum 1/4 at x = 0.") and "checked steps" in text
    refuted = sigsym.prove("diff(sigmoid(x), x)", "decreasing")
    assert str(refuted).startswith("refuted: σ′ is strictly decreasing. Counterexample: -1 < -1/2 but f(-1) = ")
    assert repr(refuted) == "<Proof refuted: σ′ is strictly decreasing>"


def test_proof_latex_and_markdown_show_statement_verdict_and_counterexample() -> None:
    refuted = sigsym.prove("diff(sigmoid(x), x)", "decreasing")
    latex = refuted._repr_latex_()
    assert latex.startswith("$$\\begin{aligned}") and latex.endswith("\\end{aligned}$$")
    assert r"\textbf{refuted:}" in latex and "strictly decreasing" in latex
    assert refuted.counterexample is not None and refuted.counterexample.latex in latex
    markdown = refuted._repr_markdown_()
    assert markdown.startswith("**refuted**: σ′ is strictly decreasing")
    assert "**counterexample**" in markdown and refuted.counterexample.latex in markdown
    proved = sigsym.prove("diff(sigmoid(x), x)", "range", equals="(0, 1/4]")
    assert all(s.latex in proved._repr_latex_() for s in proved.steps)
    assert proved._repr_markdown_().startswith("**proved**: the range of σ′ is (0, 1/4\\]")  # \] shows as ]


def test_latex_of_prose_is_harmless() -> None:
    from sigsym.prover.text import _tex_prose

    assert _tex_prose("50% of a_b & {c} $d# \\e^f~") == r"50\% of a\_b \& \{c\} \$d\#  e f "


# ---------------------------------------------------------------- derivations

def test_derivation_latex_is_a_complete_align() -> None:
    latex = sigsym.derive("sigmoid")._repr_latex_()
    rows = latex.splitlines()
    assert rows[0] == r"\begin{align*}" and rows[-1] == r"\end{align*}"
    assert rows[1].startswith(r"\frac{d}{d x} \sigma\left(x\right) &= ")
    assert all(row.startswith("&=") for row in rows[2:-1])
    assert r"\sigma\left(x\right)\,\left(1 - \sigma\left(x\right)\right)" in rows[-2]
    for order in (3, 9):
        assert not sigsym.derive("tanh", order=order)._repr_latex_().splitlines()[1].startswith("&")


def test_derivation_results_are_sympy_objects() -> None:
    x, f = sigsym.x, sp.Symbol("f")
    d = sigsym.derive("sigmoid")
    assert isinstance(d.result, sp.Expr) and isinstance(d.in_terms_of_f, sp.Expr)
    assert d.in_terms_of_f.free_symbols == {f}
    assert sp.simplify(d.result - sp.diff(1 / (1 + sp.exp(-x)), x)) == 0
    assert sp.expand(d.in_terms_of_f - f * (1 - f)) == 0
    assert (d.result_text, d.in_terms_of_f_text) == ("exp(-x)/(1 + exp(-x))**2", "f*(1 - f)")
    assert d.as_dict()["in_terms_of_f"] == "f*(1 - f)" and d.as_dict()["result"] == d.result_text
    high = sigsym.derive("sigmoid", order=30)
    assert sp.expand(high.in_terms_of_f - sp.sympify(high.in_terms_of_f_text, locals={"f": f})) == 0
    assert high.result == high.in_terms_of_f.subs(f, sigsym.sigmoid(x))
    plain = sigsym.derive("x*exp(x)", order=3)
    assert plain.in_terms_of_f is None and sp.simplify(plain.result - sp.diff(x * sp.exp(x), x, 3)) == 0
    assert sigsym.prove(high.result, "identity", equals=sp.diff(sigsym.sigmoid(x), x, 30)).proved


def test_derivation_str_and_repr() -> None:
    d = sigsym.derive("tanh")
    assert str(d).splitlines()[-1] == "in terms of f: 1 - f**2"
    assert repr(d) == f"<Derivation of order 1 of tanh (rules, {len(d.steps)} steps): {d.result_text}>"


# ---------------------------------------------------------------- SymPy in

def test_any_single_real_symbol_is_the_variable() -> None:
    t = sp.Symbol("t")
    proof = sigsym.prove(sp.exp(-t) / (1 + sp.exp(-t)) ** 2, "even")
    assert proof.proved and "t" not in proof.claim.source and str(proof).startswith("proved: exp(-x)")
    assert sigsym.prove(sp.tanh(sp.Symbol("u", real=True)), "odd").proved
    d = sigsym.derive(sigsym.sigmoid(t))
    assert d.source == "sigmoid(x)" and d.in_terms_of_f_text == "f*(1 - f)"
    assert_identity(sp.diff(sigsym.sigmoid(t), t), sigsym.sigmoid(t) * (1 - sigsym.sigmoid(t)))
    with pytest.raises(ParseError, match="one variable"):
        sigsym.prove(t * sp.Symbol("s"), "even")
    with pytest.raises(ParseError, match="real"):
        sigsym.prove(sp.exp(sp.Symbol("z", real=False)), "positive")


def test_sympy_intervals_and_infinity() -> None:
    d1 = "diff(sigmoid(x), x)"
    assert sigsym.prove(d1, "decreasing", on=sp.Interval(0, sp.oo)).proved
    assert sigsym.prove(d1, "increasing", on=sp.Interval(-sp.oo, 0)).proved
    assert sigsym.prove(d1, "positive", on=sp.S.Reals).proved
    assert sigsym.prove(d1, "range", equals=sp.Interval.Lopen(0, sp.Rational(1, 4))).proved
    assert_refuted(d1, "range", equals=sp.Interval(0, sp.Rational(1, 4)))
    assert sigsym.prove(d1, "maximum", equals=sp.Rational(1, 4), at=0, on=sp.Interval(-1, sp.log(3))).proved
    assert sigsym.prove("sigmoid", "limit", at=sp.oo, equals=1).proved
    assert sigsym.prove("sigmoid", "limit", at=-sp.oo, equals=0).proved
    with pytest.raises(OptionError):
        sigsym.prove(d1, "positive", on=sp.FiniteSet(1, 2))
    with pytest.raises(OptionError):
        sigsym.prove(d1, "positive", on=sp.Interval(0, sp.Symbol("a")))


def test_assertion_helpers_take_keywords() -> None:
    assert_proved("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
    with pytest.raises(AssertionError, match="expected proved, got refuted"):
        assert_proved("diff(sigmoid(x), x)", "decreasing")


# ---------------------------------------------------------------- check and notes

def test_notes_returns_latex() -> None:
    text = sigsym.notes("tanh", format="fragment")
    assert text.startswith("% Generated by sigsym") and r"\tanh" in text
