"""Sign charts, limits, extremes and sample rationals (engine/signchart.py).

Zeros are known by hand (σ(x) = 1/2 at 0, tanh x = 1/2 at log(3)/2, e^x = 2 at log 2); signs
between them are checked against mpmath at 100 digits at the chart's own sample points.
"""

from __future__ import annotations

import os
from fractions import Fraction
from math import ceil, floor

import mpmath
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sigsym.engine.algebraic import compare
from sigsym.engine.expform import to_expform
from sigsym.engine.signchart import (
    candidates,
    extreme,
    limit_at_infinity,
    sign_chart,
    simplest_between,
)
from sigsym.functions import X, sigmoid
from sigsym.language.parse import REAL_LINE, parse_interval

CI = bool(os.environ.get("CI"))
HALF = sp.Rational(1, 2)


def chart(expr: sp.Expr, interval: str = "R"):  # noqa: ANN201
    return sign_chart(to_expform(expr), parse_interval(interval))


def summary(c) -> tuple[list[tuple[str, str]], list[int]]:  # noqa: ANN001
    return [(m.kind, m.at_end) for m in c.marks], [s.sign for s in c.segments]


# ---------------------------------------------------------------- sign charts

def test_sigmoid_minus_half_on_the_line() -> None:
    c = chart(sigmoid(X) - HALF)
    assert summary(c) == ([("zero", "")], [-1, 1])
    assert c.marks[0].x == 0


@pytest.mark.parametrize(("interval", "marks", "signs"), [
    ("[0, oo)", [("zero", "lo")], [1]),
    ("(0, oo)", [], [1]),
    ("(-oo, 0]", [("zero", "hi")], [-1]),
    ("[-1, 0)", [], [-1]),
    ("[0, 1]", [("zero", "lo")], [1]),
])
def test_a_zero_on_an_end(interval: str, marks: list, signs: list) -> None:
    assert summary(chart(sigmoid(X) - HALF, interval)) == (marks, signs)


def test_an_irrational_zero_on_an_irrational_closed_end() -> None:
    # tanh x = 1/2 ⇔ e^{2x} = 3 ⇔ x = log(3)/2; the end is written log(sqrt(3))-free as log(3)/2
    c = chart(sp.tanh(X) - HALF, "[log(3)/2, 1]")
    assert summary(c) == ([("zero", "lo")], [1])
    assert compare(c.marks[0].x, sp.log(3) / 2) == 0


def test_an_irrational_zero_just_outside_an_open_end() -> None:
    assert summary(chart(sp.tanh(X) - HALF, "(log(3)/2, 1]")) == ([], [1])


def test_a_pole_is_a_mark_and_the_sign_flips_across_it() -> None:
    c = chart(1 / (sp.exp(X) - 2))
    assert summary(c) == ([("pole", "")], [-1, 1])
    assert compare(c.marks[0].x, sp.log(2)) == 0


def test_a_zero_at_a_huge_t() -> None:
    # e^x − 10^30 vanishes at x = 30·log 10 ≈ 69.08
    c = chart(sp.exp(X) - sp.Integer(10) ** 30)
    assert summary(c) == ([("zero", "")], [-1, 1])
    assert compare(c.marks[0].x, 30 * sp.log(10)) == 0


def test_chart_samples_lie_in_their_pieces_and_carry_the_true_sign() -> None:
    expr = sp.tanh(X) ** 2 - sp.Rational(1, 4)  # zeros at ±log(3)/2 ≈ ±0.549
    c = chart(expr)
    assert summary(c) == ([("zero", ""), ("zero", "")], [1, -1, 1])
    cuts = [-sp.oo, -sp.log(3) / 2, sp.log(3) / 2, sp.oo]
    for seg, lo, hi in zip(c.segments, cuts, cuts[1:], strict=False):
        for s in seg.samples:
            assert compare(s, lo) == 1 and compare(hi, s) == 1
            with mpmath.workdps(100):
                value = mpmath.tanh(mpmath.mpf(s.p) / s.q) ** 2 - mpmath.mpf(1) / 4
            assert (value > 0) == (seg.sign > 0)


def test_no_zeros_means_one_segment() -> None:
    assert summary(chart(sp.diff(sigmoid(X), X))) == ([], [1])


# ---------------------------------------------------------------- limits

@pytest.mark.parametrize(("expr", "at_plus", "at_minus"), [
    (sigmoid(X), 1, 0),
    (sp.diff(sigmoid(X), X), 0, 0),
    (sp.tanh(X), 1, -1),
    (sp.sinh(X), sp.oo, -sp.oo),
    (-sp.cosh(X), -sp.oo, -sp.oo),
    (sp.exp(X) / (3 * sp.exp(X) + 2), sp.Rational(1, 3), 0),
    (sp.Integer(7), 7, 7),
    (sp.Integer(0), 0, 0),
])
def test_limit_at_infinity(expr: sp.Expr, at_plus: sp.Expr, at_minus: sp.Expr) -> None:
    f = to_expform(expr)
    assert limit_at_infinity(f, True) == at_plus
    assert limit_at_infinity(f, False) == at_minus


# ---------------------------------------------------------------- extremes

def test_maximum_of_sigmoid_derivative_is_a_quarter_at_zero() -> None:
    _chart, cands = candidates(to_expform(sp.diff(sigmoid(X), X)), REAL_LINE)
    best = extreme(cands, 1)
    assert (best.value, best.attained_at) == (sp.Rational(1, 4), 0)
    least = extreme(cands, -1)
    assert (least.value, least.attained_at) == (0, None)  # the infimum 0 is a limit, never attained


def test_minimum_on_a_closed_interval_is_at_the_far_end() -> None:
    _chart, cands = candidates(to_expform(sp.diff(sigmoid(X), X)), parse_interval("[1, 2]"))
    least = extreme(cands, -1)
    assert least.attained_at == 2
    assert compare(least.value, sp.exp(-2) / (1 + sp.exp(-2)) ** 2) == 0  # σ′(2) = e^{−2}/(1+e^{−2})²


# ---------------------------------------------------------------- simplest rationals

@pytest.mark.parametrize(("a", "b", "expected"), [
    (Fraction(1, 3), Fraction(1, 2), Fraction(2, 5)),
    (Fraction(2), Fraction(3), Fraction(5, 2)),
    (Fraction(-1, 2), Fraction(-1, 3), Fraction(-2, 5)),
    (Fraction(-1), Fraction(1, 10**30), Fraction(0)),
    (Fraction(314159, 100000), Fraction(314160, 100000), None),
    (None, None, Fraction(0)),
    (Fraction(3), None, Fraction(4)),
    (Fraction(5, 2), None, Fraction(3)),
    (None, Fraction(-3), Fraction(-4)),
    (None, Fraction(-5, 2), Fraction(-3)),
    (None, Fraction(0), Fraction(-1)),
    (Fraction(0), None, Fraction(1)),
])
def test_simplest_between_examples(a: Fraction | None, b: Fraction | None, expected: Fraction | None) -> None:
    if expected is None:  # a continued-fraction case: the brute force below is the oracle
        expected = brute_simplest(a, b)
    assert simplest_between(a, b) == expected


def brute_simplest(a: Fraction, b: Fraction) -> Fraction:
    """Smallest denominator, then smallest |numerator|, strictly inside (a, b) (both finite)."""
    q = 1
    while True:
        inside = [Fraction(p, q) for p in range(floor(a * q), floor(b * q) + 2) if a < Fraction(p, q) < b]
        if inside:
            return min(inside, key=abs)
        q += 1


fractions = st.fractions(min_value=-50, max_value=50, max_denominator=300)


@settings(deadline=None, derandomize=CI, max_examples=150)
@given(a=fractions, b=fractions)
def test_simplest_between_is_strictly_between_with_the_smallest_denominator(a: Fraction, b: Fraction) -> None:
    assume(a < b)
    s = simplest_between(a, b)
    assert a < s < b
    assert s == brute_simplest(a, b)


@settings(deadline=None, derandomize=CI, max_examples=100)
@given(end=fractions)
def test_simplest_beyond_one_end_is_the_integer_nearest_zero(end: Fraction) -> None:
    below, above = simplest_between(None, end), simplest_between(end, None)
    assert below < end < above
    assert below == (0 if end > 0 else ceil(end) - 1)
    assert above == (0 if end < 0 else floor(end) + 1)
