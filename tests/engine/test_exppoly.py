"""Exponential polynomials: representation, limits, certified roots and sign charts.

Every expected root comes from an independent source: hand algebra (rational roots, ±√2,
logarithms of rationals), Lambert W in mpmath (SiLU′, eˣ − x − 2) or mpmath's ``findroot``
at 60 digits started near the root; every isolating interval must contain it, and the signs of
the chart are re-read with mpmath from the SymPy expression, not from the ``ExpPoly``.
"""

from __future__ import annotations

import os
import time
from fractions import Fraction as Q

import mpmath
import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sigsym.engine.exppoly import (
    ExpPoly,
    Root,
    Unresolved,
    from_sympy,
    isolate,
    refine,
    rolle_bound,
    sign_chart,
)
from sigsym.errors import OutsideClass

x = sp.Symbol("x")
E = sp.exp
DPS = 60


def mp(q: Q) -> mpmath.mpf:
    return mpmath.mpf(q.numerator) / q.denominator


def mp_fn(expr: sp.Expr):  # noqa: ANN201 - an mpmath function of x
    return sp.lambdify(x, expr, modules="mpmath")


def check_chart(expr: sp.Expr, truth: list[mpmath.mpf], lo: Q | None = None, hi: Q | None = None) -> list[Root]:
    """The chart of expr on (lo, hi) has exactly the roots ``truth``, each in its interval, and
    its signs agree with mpmath at the samples and at the interval ends."""
    with mpmath.workdps(DPS):
        chart = sign_chart(from_sympy(expr, x), lo, hi)
        assert len(chart.roots) == len(truth), (chart.roots, truth)
        f = mp_fn(expr)
        for r, t in zip(chart.roots, sorted(truth), strict=True):
            if r.exact:
                assert abs(mp(r.lo) - t) < mpmath.mpf(10) ** -50
            else:
                assert mp(r.lo) < t < mp(r.hi)
                if r.crossing:  # an independent look at the sign change
                    assert mpmath.sign(f(mp(r.lo))) * mpmath.sign(f(mp(r.hi))) < 0
        for q, s in zip(chart.samples, chart.signs, strict=True):
            assert mpmath.sign(f(mp(q))) == s
        assert len(chart.signs) == len(chart.roots) + 1
        for end, s in ((lo, chart.lo_sign), (hi, chart.hi_sign)):
            if end is not None:
                assert mpmath.sign(f(mp(end))) == s
        return list(chart.roots)


def digits_of(value: mpmath.mpf, digits: int) -> str:
    with mpmath.workdps(DPS + 10):
        scaled = mpmath.nint(abs(value) * mpmath.mpf(10) ** digits)
        text = str(int(scaled)).rjust(digits + 1, "0")
        return ("-" if value < 0 else "") + text[:-digits] + "." + text[-digits:]


# ---------------------------------------------------------------- representation

def test_from_sympy_builds_sorted_exact_terms() -> None:
    F = from_sympy((x + 1) * E(x) + E(2 * x) - sp.Rational(1, 3) * x**2, x)
    assert F.terms == ((Q(0), (Q(0), Q(0), Q(-1, 3))), (Q(1), (Q(1), Q(1))), (Q(2), (Q(1),)))
    assert from_sympy(sp.cosh(x) - sp.sinh(x), x) == from_sympy(E(-x), x)
    assert from_sympy(1 / E(3 * x) ** 2, x) == ExpPoly.make([(-6, [1])])
    assert from_sympy(x - x, x).is_zero


@pytest.mark.parametrize("expr", [E(x + 1), sp.log(x), sp.sqrt(x), sp.sqrt(2) * x, E(x**2),
                                  1 / (1 + E(x)), sp.tanh(x), 1 / x, E(sp.pi * x), x ** 1000])
def test_outside_the_class(expr: sp.Expr) -> None:
    with pytest.raises(OutsideClass):
        from_sympy(expr, x)


@pytest.mark.parametrize("expr", [x**3 * E(-x), (x**2 - 1) * E(x / 2) + E(-3 * x) - 7,
                                  (1 + x) * E(x) + E(2 * x), x * sp.sinh(2 * x)])
def test_derivative_and_mul_exp_are_exact(expr: sp.Expr) -> None:
    F = from_sympy(expr, x)
    same = lambda a, b: sp.expand((a - b).rewrite(sp.exp)) == 0  # noqa: E731
    assert same(F.derivative().to_sympy(x), sp.diff(expr, x))
    assert same(F.mul_exp(Q(-5, 2)).to_sympy(x), expr * E(-sp.Rational(5, 2) * x))
    assert same((F * F - F).to_sympy(x), expr**2 - expr)


def test_exact_values_and_signs_at_rational_points() -> None:
    F = from_sympy(E(x) - x - 2, x)
    assert F.exact_value(0) == -1 and F.exact_value(1) is None
    assert from_sympy(x**2 - 2, x).exact_value(Q(3, 2)) == Q(1, 4)
    # Lindemann–Weierstrass: a sum with distinct exponents is zero only when every p(a) is 0
    G = from_sympy((x - 1) * E(x) + (x - 1) * E(-2 * x), x)
    assert G.sign_at(1) == 0 and G.sign_at(Q(1, 10**30) + 1) == 1
    # a value of size 1e-41: needs more than 64 bits, escalated automatically
    near = Q(1146193220620582585, 10**18)  # just below the root 1.14619322062058258...
    with mpmath.workdps(DPS):
        truth = mpmath.exp(mp(near)) - mp(near) - 2
    assert F.sign_at(near) == mpmath.sign(truth) == -1


def test_enclosures_contain_the_mpmath_value() -> None:
    expr = x**3 * E(sp.Rational(7, 3) * x) - E(-x) / 5 + x
    F = from_sympy(expr, x)
    f = mp_fn(expr)
    for a in (Q(0), Q(-7, 2), Q(13, 5), Q(40)):
        with mpmath.workdps(DPS):
            v = f(mp(a))
        for bits in (64, 200):
            enc = F.enclose(a, bits)
            assert enc.a <= v <= enc.b
    enc = F.enclose_on(Q(1), Q(11, 10), 80)
    with mpmath.workdps(DPS):
        assert enc.a <= f(mpmath.mpf("1.05")) <= enc.b


# ---------------------------------------------------------------- limits

@pytest.mark.parametrize(("expr", "plus", "kind", "sign", "value"), [
    (x**2, True, "infinite", 1, None),
    (x**3, False, "infinite", -1, None),
    (x * E(-x), True, "zero", 1, Q(0)),
    (x * E(-x), False, "infinite", -1, None),
    (x * E(x) / (1 + 0 * x), False, "zero", -1, Q(0)),     # SiLU's numerator at −∞
    (E(2 * x) - 1, False, "finite", -1, Q(-1)),
    (E(2 * x) - 1, True, "infinite", 1, None),
    (-3 + x * E(-x), True, "finite", -1, Q(-3)),
    (E(x / 2) - x**5, True, "infinite", 1, None),
])
def test_limits_by_the_dominant_term(expr: sp.Expr, plus: bool, kind: str, sign: int, value: Q | None) -> None:
    lim = from_sympy(expr, x).limit(plus)
    assert (lim.kind, lim.sign, lim.value) == (kind, sign, value)
    with mpmath.workdps(30):  # independent: the value far out
        big = mpmath.mpf(200 if plus else -200)
        v = mp_fn(expr)(big)
        assert mpmath.sign(v) == sign
        if kind == "finite":
            assert abs(v - mp(value)) < mpmath.mpf(10) ** -20


# ---------------------------------------------------------------- roots and sign charts

def test_x_squared_double_root_at_zero_is_found_exactly() -> None:
    (r,) = check_chart(x**2, [mpmath.mpf(0)])
    assert r.exact and r.lo == 0 and not r.crossing
    assert sign_chart(from_sympy(x**2, x)).signs == (1, 1)


def test_x_squared_minus_two() -> None:
    with mpmath.workdps(DPS):
        s2, m2 = mpmath.sqrt(2), -mpmath.sqrt(2)  # (mpmath rounds even a negation)
    roots = check_chart(x**2 - 2, [m2, s2])
    assert [refine(r, 40) for r in roots] == [digits_of(m2, 40), digits_of(s2, 40)]


def test_shifted_square() -> None:
    roots = check_chart((x - 1) ** 2 - sp.Rational(1, 4), [mpmath.mpf(0.5), mpmath.mpf(1.5)])
    assert [(r.lo, r.hi) for r in roots] == [(Q(1, 2), Q(1, 2)), (Q(3, 2), Q(3, 2))]


def test_x_exp_minus_x_root_and_maximum() -> None:
    check_chart(x * E(-x), [mpmath.mpf(0)])
    (crit,) = check_chart(sp.diff(x * E(-x), x), [mpmath.mpf(1)])
    assert crit.exact and crit.lo == 1
    chart = sign_chart(from_sympy(sp.diff(x * E(-x), x), x))
    assert chart.signs == (1, -1)  # increasing, then decreasing: a maximum at 1


def test_silu_derivative_root_is_minus_one_minus_lambert_w() -> None:
    """SiLU′ = eˣ(1 + x + eˣ)/(1 + eˣ)²: its numerator has the unique root −1 − W(1/e)."""
    silu = x * E(x) / (1 + E(x))
    num, den = sp.fraction(sp.together(sp.diff(silu, x)))
    assert sp.expand(den - (1 + E(x)) ** 2) == 0
    with mpmath.workdps(DPS):
        star = -1 - mpmath.lambertw(mpmath.exp(-1)).real
        assert abs(star + 1 + mpmath.exp(star)) < mpmath.mpf(10) ** -55  # W's defining identity
    t0 = time.perf_counter()
    (r,) = check_chart(sp.expand(num), [star])
    assert r.crossing and refine(r, 15) == "-1.278464542761074"
    assert refine(r, 50) == digits_of(star, 50)
    assert time.perf_counter() - t0 < 5
    assert sign_chart(from_sympy(sp.expand(num), x)).signs == (-1, 1)  # SiLU decreases, then increases


def test_x_tanh_x_pieces() -> None:
    """x·tanh x = x(e^{2x} − 1)/(e^{2x} + 1): a touching root at 0; f′ has the single root 0;
    f″ ∝ 1 − x·tanh x, whose roots ±1.1996786… solve x·tanh x = 1."""
    (r,) = check_chart(x * (E(2 * x) - 1), [mpmath.mpf(0)])
    assert r.exact and not r.crossing
    f1 = sp.fraction(sp.together(sp.diff(x * sp.tanh(x), x).rewrite(sp.exp)))[0]
    (c,) = check_chart(sp.expand(f1), [mpmath.mpf(0)])
    with mpmath.workdps(DPS):
        t = mpmath.findroot(lambda u: u * mpmath.tanh(u) - 1, 1.2)
    roots = check_chart((E(2 * x) + 1) - x * (E(2 * x) - 1), [-t, t])
    assert refine(roots[1], 30) == digits_of(t, 30)


def test_exp_minus_x_minus_two_has_two_roots() -> None:
    """eˣ = x + 2 ⇔ −(x + 2)e^{−(x+2)} = −e^{−2}: x = −2 − W_k(−e^{−2}), k = 0, −1."""
    with mpmath.workdps(DPS):
        w = [-2 - mpmath.lambertw(-mpmath.exp(-2), k).real for k in (0, -1)]
    check_chart(E(x) - x - 2, w)
    assert rolle_bound(from_sympy(E(x) - x - 2, x)) == 2


def test_three_exponentials() -> None:
    # (eˣ − 1)(eˣ − 2)(e^{−x} + 3): roots 0 and log 2
    with mpmath.workdps(DPS):
        log2, ach = mpmath.log(2), [-mpmath.acosh(1.5), mpmath.acosh(1.5)]
    check_chart(sp.expand((E(x) - 1) * (E(x) - 2) * (E(-x) + 3)), [mpmath.mpf(0), log2])
    # e^{x} + e^{−x} − 3: roots ±acosh(3/2); with a polynomial term: e^{2x} − 4eˣ + x + 3
    check_chart(E(x) + E(-x) - 3, ach)
    expr = E(2 * x) - 4 * E(x) + x + 3
    with mpmath.workdps(DPS):
        f = mp_fn(expr)
        truth = [mpmath.findroot(f, s) for s in (-3.2, 0.0, 1.25)]
        truth = [t for t in truth if abs(f(t)) < mpmath.mpf(10) ** -40]
    roots = check_chart(expr, sorted(set(truth), key=lambda v: v))
    assert len(roots) <= rolle_bound(from_sympy(expr, x))


def test_roots_1e20_apart_are_never_wrong() -> None:
    eps = sp.Rational(1, 10**20)
    expr = sp.expand((E(x) - 1) * (E(x) - 1 - eps))
    with mpmath.workdps(DPS):
        truth = [mpmath.mpf(0), mpmath.log(1 + mpmath.mpf(10) ** -20)]
    try:
        check_chart(expr, truth)
    except Unresolved:
        pass


def test_multiple_root_at_an_irrational_point_is_unresolved() -> None:
    """(eˣ − 2)² has a double root at log 2: no sign change, not rational — never guessed."""
    with pytest.raises(Unresolved):
        sign_chart(from_sympy(sp.expand((E(x) - 2) ** 2), x))


def test_multiple_root_at_a_rational_point_is_found() -> None:
    """(x − 1)(1 + (x − 1)eˣ): a simple root at 1 and a double root at 0."""
    roots = check_chart(sp.expand((x - 1) * (1 + (x - 1) * E(x))), [mpmath.mpf(0), mpmath.mpf(1)])
    assert [(r.lo, r.crossing) for r in roots] == [(Q(0), False), (Q(1), True)]


def test_unbounded_and_bounded_intervals() -> None:
    with mpmath.workdps(DPS):
        w = [-2 - mpmath.lambertw(-mpmath.exp(-2), k).real for k in (0, -1)]
    expr = E(x) - x - 2
    check_chart(expr, [w[1]], Q(0), None)
    check_chart(expr, [w[0]], None, Q(0))
    check_chart(expr, [], None, Q(-2))
    check_chart(expr, w, Q(-2), Q(2))
    check_chart(expr, [], Q(-1), Q(1))


def test_a_far_root_found_by_the_outward_search() -> None:
    """e^{x/100} = x³ twice: near 1 and near 2.4·10³ (the dominant term wins only late).
    Truth: the roots of x/100 − 3·log x (the same for x > 0; F > 0 for x ≤ 0)."""
    expr = E(x / 100) - x**3
    with mpmath.workdps(DPS):
        g = lambda u: u / 100 - 3 * mpmath.log(u)  # noqa: E731
        truth = [mpmath.findroot(g, 1.0), mpmath.findroot(g, 2400.0)]
    roots = check_chart(expr, truth)
    assert mp(roots[1].lo) > 100


def test_root_at_an_interval_end_is_not_inside() -> None:
    check_chart(x * E(x) - x, [], Q(0), None)  # the double root 0 is an end, not inside
    chart = sign_chart(from_sympy(x * E(x) - x, x), Q(0), Q(3))
    assert chart.lo_sign == 0 and chart.signs == (1,)


def test_rolle_bound_holds_and_zero_function_is_rejected() -> None:
    for expr in (x**2 - 2, E(x) - x - 2, (1 + x) * E(x) + E(2 * x), E(2 * x) - 4 * E(x) + x + 3):
        F = from_sympy(expr, x)
        assert len(isolate(F)) <= rolle_bound(F)
    with pytest.raises(ValueError):
        isolate(ExpPoly())


# ---------------------------------------------------------------- random functions with known roots

rationals = st.builds(Q, st.integers(-12, 12), st.sampled_from([1, 2, 3, 4]))
rates = st.sampled_from([Q(1), Q(-1), Q(2), Q(-2), Q(1, 2), Q(-3, 2)])
positive = st.builds(Q, st.integers(1, 12), st.sampled_from([1, 2, 3]))


@settings(max_examples=25, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow])
@given(r1=rationals, r2=rationals, a=rates, b=positive, c=rates, d=positive, two=st.booleans())
def test_random_products_with_known_roots(r1: Q, r2: Q, a: Q, b: Q, c: Q, d: Q, two: bool) -> None:
    """F = (x − r₁)[(x − r₂)](e^{ax} − b)(e^{cx} + d): roots r₁ [, r₂] and log(b)/a, nothing
    else (e^{cx} + d > 0). Up to three exponentials and degree two, expanded before isolation."""
    with mpmath.workdps(DPS):
        truth = [mp(r1), mpmath.log(mp(b)) / mp(a)] + ([mp(r2)] if two else [])
        truth.sort()
        assume(all(v - u > mpmath.mpf(1) / 10 for u, v in zip(truth, truth[1:], strict=False)))
    R = lambda q: sp.Rational(q.numerator, q.denominator)  # noqa: E731
    expr = (x - R(r1)) * ((x - R(r2)) if two else 1) * (E(R(a) * x) - R(b)) * (E(R(c) * x) + R(d))
    expr = sp.expand(expr)
    roots = check_chart(expr, truth)
    F = from_sympy(expr, x)
    assert len(roots) <= rolle_bound(F)
    with mpmath.workdps(DPS):  # mpmath's own root finder agrees near every isolated root
        f = mp_fn(expr)
        for r in roots:
            if not r.exact:
                z = mpmath.findroot(f, (mp(r.lo), mp(r.hi)), solver="illinois", verify=False, maxsteps=400)
                assert min(abs(z - t) for t in truth) < mpmath.mpf(10) ** -30
