"""The exact core's FLINT layer for high degrees: values at roots, decimal-printed roots, Arb
enclosures. Every number is checked against mpmath at 50+ digits."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from sigsym.engine import numeric
from sigsym.engine.algebraic import RealRoot, compare, positive_roots, value_at
from sigsym.engine.expform import T, to_expform
from sigsym.engine.signchart import sign_chart, x_function
from sigsym.functions import X, sigmoid, to_exp
from sigsym.language.parse import parse_interval
from sigsym.prover import higher


def _nth(n: int) -> sp.Expr:
    return higher.poly_expr(higher.nth_in_f(higher.ode_polynomial(sigmoid(X)), n), sigmoid(X))


def _mp(value: sp.Expr, digits: int = 60) -> mpmath.mpf:
    return mpmath.mpf(str(sp.N(value, digits)))


@pytest.mark.parametrize("n", [6, 9])
def test_values_at_critical_points_are_the_values_of_f(n: int) -> None:
    form = to_expform(_nth(n))
    d = form.derivative()
    roots = positive_roots(d.num)
    assert len(roots) >= 3
    with mpmath.workdps(60):
        for root in roots:
            v = value_at(form.num, form.den, root)
            if root.rational:  # t = 1 (x = 0): the caller's exact rational route
                assert v is None
                continue
            assert v is not None
            t0 = _mp(root.value)
            num = sum(_mp(c) * t0**k for (k,), c in form.num.terms())
            den = sum(_mp(c) * t0**k for (k,), c in form.den.terms())
            assert abs(_mp(v) - num / den) < mpmath.mpf(10) ** -45 * max(1, abs(num / den))


def test_a_rational_value_at_an_irrational_root_comes_out_exactly() -> None:
    # at the roots of t² − 2, (t² + 1)/(t² − 1) = 3 exactly
    (root,) = positive_roots(sp.Poly(T**2 - 2, T))
    assert value_at(sp.Poly(T**2 + 1, T), sp.Poly(T**2 - 1, T), root) == 3


def test_value_roots_compare_like_their_decimals() -> None:
    form = to_expform(_nth(9))
    roots = positive_roots(form.derivative().num)
    values = [value_at(form.num, form.den, r) for r in roots if not r.rational]
    with mpmath.workdps(60):
        for a in values:
            for b in values:
                s = compare(a, b)
                diff = _mp(a) - _mp(b)
                assert s == (0 if a == b else (1 if diff > 0 else -1))


def test_a_high_degree_root_prints_its_certified_decimal() -> None:
    (root,) = positive_roots(sp.Poly(T**7 - 3 * T - 1, T))
    value = root.value
    assert isinstance(value, RealRoot) and isinstance(value, sp.CRootOf)
    assert value == sp.CRootOf(T**7 - 3 * T - 1, 2) and hash(value) == hash(sp.CRootOf(T**7 - 3 * T - 1, 2))
    text = str(value)
    assert text.endswith("…") and sp.latex(value).endswith(r"\ldots")
    digits = text.rstrip("…")
    true = _mp(sp.CRootOf(T**7 - 3 * T - 1, 2), 40)
    k = len(digits.split(".")[1])
    assert Fraction(digits) <= Fraction(str(true)) < Fraction(digits) + Fraction(1, 10**k)
    assert len(digits.replace(".", "").lstrip("0")) == 10


def test_sign_chart_of_a_high_derivative_marks_decimal_roots() -> None:
    form = to_expform(_nth(12)).derivative()
    chart = sign_chart(form, parse_interval("[-3, 3]"))
    assert chart.marks and all("…" in str(m.x) for m in chart.marks)
    fn = x_function(form)
    with mpmath.workdps(50):
        for seg in chart.segments:
            exact = _mp(form.rational.subs(T, sp.exp((seg.samples[0] - form.shift) / form.m)), 50)
            assert (exact > 0) == (seg.sign > 0)
            enc = numeric.enclose(form.rational.subs(T, sp.exp(X)), at=seg.samples[0])
            assert enc is not None and numeric.certain_sign(fn(numeric.point(seg.samples[0]))) == seg.sign


@pytest.mark.parametrize("text", ["sigmoid(x)*(1 - sigmoid(x))", "tanh(x)**3 - sech(x)", "softplus(x) - x/3",
                                  "sqrt(x**2 + 1) * exp(-x)", "log(1 + x**2) - cosh(x)/7"])
@pytest.mark.parametrize("at", ["0", "-5/3", "7/2", "300", "-700"])
def test_arb_enclosures_hold_the_true_value(text: str, at: str) -> None:
    from sigsym.language.parse import parse

    f = parse(text)
    point = sp.Rational(at)
    enc = numeric.enclose(f, at=point, bits=80)
    assert enc is not None
    lo, hi = numeric.to_fraction(enc)
    with mpmath.workdps(80):
        true = Fraction(mpmath.nstr(mpmath.mpf(str(sp.N(to_exp(f).subs(X, point), 75))), 70))
    tol = Fraction(1, 10**60) * max(1, abs(true))
    assert lo - tol <= true <= hi + tol
    assert hi - lo <= Fraction(1, 10**15) * max(1, abs(lo))


def test_tiny_and_huge_balls_give_no_hang_and_no_wrong_sign() -> None:
    from sigsym.language.parse import parse

    f = parse("exp(-exp(x))")  # e^{−e^{700}}: a binary exponent far beyond any bound
    enc = numeric.enclose(f, at=sp.Integer(700))
    assert enc is None or numeric.certain_sign(enc) in (1, None)
    assert numeric.enclose(parse("exp(exp(x))"), at=sp.Integer(700)) is None  # beyond range: no information
