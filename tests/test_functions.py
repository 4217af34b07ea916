"""The function registry: one ``FunctionSpec`` per named function, every table derived from it.

swish(x, beta) = x·σ(βx) was added as one entry of ``FUNCTIONS``; these tests show that the
parser, the exp form, the interval version, the derivation's definition rule and the notation
all follow from that entry, and check each part of every spec against an independent computation.
"""

from __future__ import annotations

import pickle
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from mpmath import iv  # noqa: F401 - the interval context compile_iv uses

import sigsym
from sigsym.derivation import rules
from sigsym.derivation.derive import derive
from sigsym.engine import numeric
from sigsym.engine.exact import formal_zero
from sigsym.errors import ParseError
from sigsym.functions import CATALOGUE, FUNCTIONS, FunctionSpec, X, lookup, sigmoid, swish, to_exp
from sigsym.language import parse as parse_module
from sigsym.language.notation import tex
from sigsym.language.parse import parse, parse_function

PRIMITIVES = {"exp", "log", "sqrt", "lambertw"}  # the exp/log language itself and W₀: no definition to rewrite to
TOL = Fraction(1, 10**50)  # the 50 digits
POINTS = ("-7/2", "-1", "0", "1/3", "2", "25")


# ---------------------------------------------------------------- every spec has all its parts

@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_spec_has_all_its_parts(name: str) -> None:
    spec = FUNCTIONS[name]
    assert spec.name == name
    assert spec.interval is not None, "every function can be evaluated on intervals"
    assert spec.domain in (None, "positive", "nonnegative")
    assert all(p.default.is_Rational for p in spec.params)
    built = spec.build(X)
    assert built.has(X)
    if name in PRIMITIVES:
        assert spec.exp_form is None and spec.notation is None
        return
    assert spec.exp_form is not None and spec.definition is not None
    assert spec.notation is not None, "a defined function is a catalogue function"
    assert all((spec.symbol, spec.definition_tex, spec.blurb, spec.plain))
    assert CATALOGUE[name] is spec and lookup(spec.expr) is spec
    # the exp form is in exp and log only, and the textbook form is the same function
    rewritten = to_exp(built)
    assert {type(a) for a in rewritten.atoms(sp.Function)} <= {sp.exp, sp.log}
    assert formal_zero(to_exp(spec.definition(X, *(p.default for p in spec.params))) - rewritten)
    # SymPy's derivative is the derivative of the definition
    assert formal_zero(to_exp(sp.diff(built, X)) - sp.diff(rewritten, X))


def test_the_tables_are_derived_from_the_registry() -> None:
    assert parse_module._FUNCS is FUNCTIONS
    assert set(parse_module._KNOWN) >= set(FUNCTIONS)
    assert set(numeric._FUNCS) == {s.func for s in FUNCTIONS.values()}
    assert set(rules._DEFINITIONS) == {s.func for s in FUNCTIONS.values() if s.name not in PRIMITIVES}
    assert set(CATALOGUE) == set(FUNCTIONS) - PRIMITIVES


def test_the_registry_drives_the_parser_whitelist(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spec added to FUNCTIONS is callable in the language at once, with its domain recorded."""
    double = FunctionSpec("double_log", lambda u: 2 * sp.log(u), domain="positive")
    with pytest.raises(ParseError, match="unknown function 'double_log'"):
        parse("double_log(x + 1)")
    monkeypatch.setitem(FUNCTIONS, "double_log", double)
    got = parse_function("double_log(x - 1)")
    assert got.expr == 2 * sp.log(X - 1)
    assert [(str(c.expr), c.kind) for c in got.domain] == [("x - 1", "positive")]
    with pytest.raises(ParseError, match="double_log of a number that is not positive"):
        parse("double_log(-2)")


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_parses_by_its_name(name: str) -> None:
    spec = FUNCTIONS[name]
    assert parse(f"{name}(x)") == spec.build(X)
    if spec.notation is not None:
        assert parse(name) == spec.expr  # a bare catalogue name is the function of x


# ---------------------------------------------------------------- swish, the function added by one entry

def test_swish_parses_with_and_without_beta() -> None:
    assert parse("swish(x)") == swish(X, 1) == parse("swish") == parse("swish(x, 1)")
    assert parse("swish(2*x, 1/2)") == swish(2 * X, sp.Rational(1, 2))
    assert parse("swish(x, 0.25)") == swish(X, sp.Rational(1, 4))
    assert parse_function("swish(x, 3)").domain == ()  # defined everywhere
    assert parse("swish(0, 5)") == 0


@pytest.mark.parametrize(("text", "message"), [
    ("swish(x, x)", "swish parameters must be rational numbers"),
    ("swish(x, pi)", "swish parameters must be rational numbers"),
    ("swish(x, 1, 2)", r"swish\(\) takes swish\(EXPR\[, beta\]\)"),
    ("swish()", r"swish\(\) takes swish\(EXPR\[, beta\]\)"),
    ("sigmoid(x, 2)", r"sigmoid\(\) takes exactly one argument, got 2"),
])
def test_swish_rejects_bad_calls(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse(text)


def test_swish_exp_form() -> None:
    assert to_exp(swish(X, 2)) == X / (1 + sp.exp(-2 * X))
    assert to_exp(swish(X, 1)) == to_exp(X * sigmoid(X))
    assert to_exp(sigmoid(swish(X, 1))) == 1 / (1 + sp.exp(-X / (1 + sp.exp(-X))))


@pytest.mark.parametrize("beta", ["1", "2", "-1/3"])
@pytest.mark.parametrize("at", POINTS)
def test_swish_interval_agrees_with_mpmath_at_50_digits(beta: str, at: str) -> None:
    b, a = sp.Rational(beta), sp.Rational(at)
    enc = numeric.enclose(swish(X, b), at=a, bits=200)
    lo, hi = numeric.to_fraction(enc)
    with mpmath.workdps(60):
        xv = mpmath.mpf(a.p) / a.q
        truth = Fraction(mpmath.nstr(xv / (1 + mpmath.exp(-(mpmath.mpf(b.p) / b.q) * xv)), 60, min_fixed=-1e9, max_fixed=1e9))
    assert lo - TOL <= truth <= hi + TOL
    assert hi - lo < TOL


@pytest.mark.parametrize("name", sorted(set(FUNCTIONS) - {"swish"}))
def test_every_interval_version_agrees_with_mpmath_at_50_digits(name: str) -> None:
    spec = FUNCTIONS[name]
    for at in ("1/3", "2", "-5/4"):
        a = sp.Rational(at)
        if spec.domain and a <= 0:
            continue
        lo, hi = numeric.to_fraction(numeric.enclose(spec.build(X), at=a, bits=200))
        truth = Fraction(str(sp.N(to_exp(spec.build(a)), 60)))  # SymPy's evaluation, not the interval code
        assert lo - TOL <= truth <= hi + TOL
        assert hi - lo < TOL


def test_swish_interval_version_encloses_on_an_interval() -> None:
    with numeric._Prec(100):
        value = numeric.compile_iv(swish(X, 2))(iv.mpf([0, 1]))
    lo, hi = numeric.to_fraction(value)
    assert lo <= 0 and float(hi) >= 0.8807  # swish_2(1) = 1/(1 + e^{-2}) = 0.88079…


def test_swish_derivative_rule() -> None:
    """The derivation substitutes the textbook x·σ(βx), then the product rule; every step checked."""
    u = swish(X, 2)
    assert rules.pick(u).name == "definition"
    assert rules.definition(u) == X * sigmoid(2 * X)
    d = derive("swish(x, 2)", route="rules")
    assert d.steps[0].rule == "definition" and d.steps[0].after == sp.Derivative(X * sigmoid(2 * X), X)
    assert d.steps[1].rule == "product"
    exact = sp.diff(X / (1 + sp.exp(-2 * X)), X)
    assert formal_zero(to_exp(d.result) - exact)
    assert formal_zero(to_exp(sp.diff(u, X)) - exact)  # SymPy's derivative of swish: from its definition


def test_swish_notation() -> None:
    assert sp.latex(swish(X, 1)) == r"\operatorname{swish}\left(x\right)"
    assert sp.latex(swish(X, sp.Rational(1, 2))) == r"\operatorname{swish}\left(x, \frac{1}{2}\right)"
    assert sp.latex(swish(X, 1) ** 2) == r"\operatorname{swish}\left(x\right)^{2}"
    assert tex(sp.Derivative(swish(X, 1), X, 2)) == r"\operatorname{swish}''\left(x\right)"
    assert tex(sp.Derivative(swish(X, 3), X)) .startswith(r"\frac{d}{d x}")  # not the catalogue function
    assert lookup(swish(X, 1)).plain == "swish"


def test_swish_value_is_proved() -> None:
    assert sigsym.prove("swish(x)", "value", at="1", equals="sigmoid(1)").verdict.value == "proved"
    assert sigsym.prove("swish(x, 1/2)", "value", at="2", equals="2*sigmoid(1)").verdict.value == "proved"
    assert sigsym.prove("swish", "value", at="1", equals="0.7311", digits=4).verdict.value == "proved"


def test_a_false_swish_value_is_refuted() -> None:
    assert sigsym.prove("swish(x)", "value", at="1", equals="3/4").verdict.value == "refuted"
    assert sigsym.prove("swish(x, 2)", "value", at="1", equals="sigmoid(1)").verdict.value == "refuted"
    assert sigsym.prove("swish", "value", at="1", equals="0.7310", digits=4).verdict.value == "refuted"


def test_swish_derivative_identity_is_proved() -> None:
    claim = sigsym.prove("diff(swish(x), x)", "identity", equals="sigmoid(x)*(1 + x*(1 - sigmoid(x)))")
    assert claim.verdict.value == "proved"


def test_swish_survives_pickling() -> None:
    """The theorem runner's workers send expressions between processes."""
    e = swish(X, sp.Rational(1, 3)) + sigmoid(X)
    assert pickle.loads(pickle.dumps(e)) == e


def test_the_command_line_help_names_every_function(capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI's help is text kept light on imports (no SymPy): this keeps it in step with FUNCTIONS."""
    from sigsym.cli import main

    with pytest.raises(SystemExit):
        main(["prove", "--help"])
    shown = capsys.readouterr().out
    for spec in FUNCTIONS.values():
        assert spec.usage.replace("(EXPR)", "") in shown
