"""Real algebraic numbers: positive roots, minimal polynomials, exact comparison, membership.

Oracles: hand algebra, SymPy's ``minimal_polynomial`` (an exact algorithm independent of the
FLINT isolation under test) and mpmath at 100 digits.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sigsym.engine.algebraic import (
    Root,
    compare,
    compare_root,
    member,
    positive_roots,
    simplify_number,
)
from sigsym.engine.expform import T
from sigsym.functions import sigmoid
from sigsym.language.parse import Interval

Y = sp.Dummy("y")


def roots_of(expr: sp.Expr) -> list[Root]:
    return positive_roots(sp.Poly(expr, T))


def equal(a: sp.Expr, b: sp.Expr) -> bool:
    """Exact equality of two algebraic numbers by SymPy's minimal polynomial of the difference."""
    return sp.minimal_polynomial(a - b, Y) == Y


def encloses(root: Root, value: mpmath.mpf) -> bool:
    with mpmath.workdps(100):
        return mpmath.mpf(root.lo.p) / root.lo.q <= value <= mpmath.mpf(root.hi.p) / root.hi.q


# ---------------------------------------------------------------- positive roots

def test_rational_roots_are_exact_and_zero_is_not_positive() -> None:
    roots = roots_of(T * (T - 1) * (2 * T - 3))
    assert [r.value for r in roots] == [1, sp.Rational(3, 2)]
    assert all(r.rational for r in roots)


@pytest.mark.parametrize("expr", [T**3, T**2 * (T + 1), T**2 + 1, sp.Integer(3), sp.Integer(0)])
def test_no_positive_roots(expr: sp.Expr) -> None:
    assert roots_of(expr) == []


def test_a_root_touching_zero_is_dropped_its_neighbour_kept() -> None:
    roots = roots_of(T**4 * (2 * T - 1))
    assert [r.value for r in roots] == [sp.Rational(1, 2)]


def test_roots_at_both_extremes_of_size() -> None:
    tiny, huge = sp.Rational(1, 10**30), sp.Integer(10) ** 30
    assert [r.value for r in roots_of((T - tiny) * (T - huge))] == [tiny, huge]


def test_irrational_roots_near_zero_and_near_infinity() -> None:
    small, big = roots_of((10**60 * T**2 - 2) * (T**2 - 2 * 10**60))
    assert 0 < small.lo and equal(small.value, sp.sqrt(2) / 10**30)
    assert equal(big.value, sp.sqrt(2) * 10**30)


def test_quadratic_roots_come_out_as_radicals() -> None:
    low, high = roots_of(T**2 - 4 * T + 1)
    assert not low.value.has(sp.CRootOf) and not high.value.has(sp.CRootOf)
    assert equal(low.value, 2 - sp.sqrt(3)) and equal(high.value, 2 + sp.sqrt(3))


def test_repeated_and_negative_roots_are_reported_once_or_not_at_all() -> None:
    (root,) = roots_of((T + 1) * (T**2 - 2) ** 2)
    assert equal(root.value, sp.sqrt(2))


def test_factor_is_the_minimal_polynomial() -> None:
    roots = roots_of(sp.expand((T**2 - 2) * (T**2 - 3) * (T - 5) * (T**3 - 2)))
    values = [sp.cbrt(2), sp.sqrt(2), sp.sqrt(3), sp.Integer(5)]  # 1.26 < 1.41 < 1.73 < 5
    assert len(roots) == 4
    for root, v in zip(roots, values, strict=True):
        assert sp.Poly(root.factor, T).monic() == sp.Poly(sp.minimal_polynomial(v, T), T).monic()


def test_degree_five_root_is_an_indexed_crootof_inside_its_interval() -> None:
    (root,) = roots_of(T**5 - T - 1)
    with mpmath.workdps(100):
        true = mpmath.findroot(lambda t: t**5 - t - 1, mpmath.mpf("1.1673"))
    assert isinstance(root.value, sp.CRootOf)
    assert root.value == sp.CRootOf(T**5 - T - 1, 0)
    assert encloses(root, true)


def test_close_roots_are_separated_and_sorted() -> None:
    approx = sp.Rational(141421356237, 10**11)  # √2 − 3.1e-12
    roots = roots_of((T**2 - 2) * (T - approx))
    assert roots[0].value == approx and equal(roots[1].value, sp.sqrt(2))
    assert roots[0].hi <= roots[1].lo


def test_refine_keeps_the_root_and_halves_the_interval() -> None:
    (root,) = roots_of(T**2 - 3)
    width = root.hi - root.lo
    for _ in range(30):
        root.refine()
    assert root.hi - root.lo <= width / 2**30
    assert root.factor.eval(root.lo) * root.factor.eval(root.hi) < 0
    assert root.lo < sp.sqrt(3) < root.hi


# ---------------------------------------------------------------- comparing a root

@pytest.mark.parametrize(("tau", "expected"), [
    (sp.sqrt(2), 0),
    (sp.Rational(141421356237, 10**11), 1),
    (sp.Rational(141421356238, 10**11), -1),
    (sp.exp(sp.Rational(1, 3)), 1),  # e^{1/3} ≈ 1.3956 < √2; never equal to an algebraic number
    (sp.exp(sp.Rational(7, 20)), -1),  # e^{0.35} ≈ 1.4191 > √2
    (sp.oo, -1),
    (sp.Integer(0), 1),
])
def test_compare_root_of_sqrt2(tau: sp.Expr, expected: int) -> None:
    (root,) = roots_of(T**2 - 2)
    assert compare_root(root, tau) == expected


def test_compare_root_at_a_rational_root_of_its_factor() -> None:
    (root,) = roots_of(2 * T - 3)
    assert compare_root(root, sp.Rational(3, 2)) == 0
    assert compare_root(root, sp.Rational(3, 2) + sp.Rational(1, 10**30)) == -1


# ---------------------------------------------------------------- comparing numbers

@pytest.mark.parametrize(("a", "b"), [
    (sp.log(9) / 2, sp.log(3)),
    (2 + sp.sqrt(3), sp.sqrt(7 + 4 * sp.sqrt(3))),
    (sp.sqrt(2) + sp.sqrt(3), sp.sqrt(5 + 2 * sp.sqrt(6))),
    (sp.exp(sp.Rational(1, 3)) ** 3, sp.E),
])
def test_equal_numbers_written_differently_compare_equal(a: sp.Expr, b: sp.Expr) -> None:
    assert compare(a, b) == 0
    assert compare(b, a) == 0


@pytest.mark.parametrize(("a", "b", "expected"), [
    (sp.sqrt(2), sp.sqrt(2) + sp.Rational(1, 10**30), -1),
    (sp.log(3) + sp.Rational(1, 10**30), sp.log(3), 1),
    (sp.exp(sp.Rational(1, 3)), sp.Rational(13956124250860895286281253196, 10**28), 1),  # e^{1/3} truncated
    (sp.Integer(5), sp.oo, -1),
    (-sp.oo, sp.Integer(5), -1),
    (sp.oo, -sp.oo, 1),
])
def test_near_and_infinite_comparisons(a: sp.Expr, b: sp.Expr, expected: int) -> None:
    assert compare(a, b) == expected


def test_the_truncation_used_above_is_below_e_to_the_third() -> None:
    with mpmath.workdps(100):
        assert mpmath.exp(mpmath.mpf(1) / 3) > mpmath.mpf("1.3956124250860895286281253196")


# ---------------------------------------------------------------- membership

@pytest.mark.parametrize(("lo_closed", "expected"), [(True, True), (False, False)])
def test_member_at_an_end_written_differently(lo_closed: bool, expected: bool) -> None:
    interval = Interval(sp.log(3), sp.Integer(2), lo_closed, True)
    assert member(interval, sp.log(9) / 2) is expected


@pytest.mark.parametrize(("hi_closed", "expected"), [(True, True), (False, False)])
def test_member_at_a_rational_end(hi_closed: bool, expected: bool) -> None:
    interval = Interval(-sp.oo, sp.Rational(1, 4), False, hi_closed)
    quarter = sigmoid(sp.log(3)) / 3  # (3/4)/3 = 1/4, not recognised by SymPy as a rational
    assert not quarter.is_Rational
    assert member(interval, quarter) is expected


def test_member_just_inside_an_end() -> None:
    interval = Interval(sp.sqrt(2), sp.oo, False, False)
    assert member(interval, sp.sqrt(2) + sp.Rational(1, 10**30)) is True
    assert member(interval, sp.sqrt(2) - sp.Rational(1, 10**30)) is False


# ---------------------------------------------------------------- display values

@pytest.mark.parametrize(("v", "expected"), [
    (1 / (1 + sp.sqrt(2)), sp.sqrt(2) - 1),
    (sp.sqrt(7 + 4 * sp.sqrt(3)), 2 + sp.sqrt(3)),
    ((sp.sqrt(2) + sp.sqrt(8)) / sp.sqrt(2), sp.Integer(3)),
    (sp.Rational(3, 4), sp.Rational(3, 4)),
])
def test_simplify_number_to_a_canonical_surd(v: sp.Expr, expected: sp.Expr) -> None:
    got = simplify_number(v)
    assert equal(got, expected)
    assert sp.count_ops(got) <= sp.count_ops(expected) + 1


def test_simplify_number_leaves_transcendental_values_alone() -> None:
    assert simplify_number(sp.log(3)) == sp.log(3)
    assert simplify_number(sp.pi + sp.sqrt(2)) == sp.pi + sp.sqrt(2)
