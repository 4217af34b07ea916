"""The FLINT layer: exact real-root isolation, its certificate, refinement, and what uses it.

Every isolating interval is checked here independently of FLINT, with SymPy's Sturm counts
(``Poly.count_roots``): exactly one root in each, none outside them.
"""

from __future__ import annotations

import os
import time
from fractions import Fraction

import pytest
import sympy as sp
from flint import fmpq, fmpz, fmpz_poly
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigsym.engine import flintpoly as fp
from sigsym.engine.algebraic import positive_roots
from sigsym.engine.expform import T, to_expform
from sigsym.language.parse import parse
from sigsym.prover import higher

X = fmpz_poly([0, 1])
CI = bool(os.environ.get("CI"))


def _sympy(p: fmpz_poly) -> sp.Poly:
    return sp.Poly([int(c) for c in reversed(p.coeffs())], T)


def _rat(q: fmpq) -> sp.Rational:
    return sp.Rational(int(q.p), int(q.q))


def _check_isolation(p: fmpz_poly, roots: list[fp.Interval], positive: bool = False) -> None:
    """Independently of FLINT: one root in each interval, no root outside, sorted, disjoint."""
    sp_p = _sympy(fp.squarefree_part(p))
    for lo, hi in roots:
        assert lo <= hi
        if lo == hi:
            assert sp_p.eval(_rat(lo)) == 0
        assert sp_p.count_roots(_rat(lo), _rat(hi)) == 1
        if positive:
            assert lo > 0
    for (_a, b), (c, _d) in zip(roots, roots[1:], strict=False):
        assert b < c
    total = sp_p.count_roots(0, None) - (sp_p.eval(0) == 0) if positive else sp_p.count_roots()
    assert len(roots) == total


def test_rational_roots_are_found_exactly() -> None:
    p = (X - 1) * (X - 2) * (X - 3) * (2 * X + 1)
    assert fp.real_roots(p) == [(fmpq(-1, 2), fmpq(-1, 2)), (1, 1), (2, 2), (3, 3)]
    assert fp.real_roots(p, positive=True) == [(1, 1), (2, 2), (3, 3)]


def test_roots_touching_zero() -> None:
    p = X * (X - 1) * (X + 2)
    roots = fp.real_roots(p)
    assert (fmpq(0), fmpq(0)) in roots
    _check_isolation(p, roots)
    assert fp.real_roots(p, positive=True) == [(1, 1)]
    q = X * (X**2 - 2)  # 0 between two irrational roots
    _check_isolation(q, fp.real_roots(q))
    assert len(fp.real_roots(q, positive=True)) == 1
    tiny = (X - fmpq(1, 10**30).q) * (10**30 * X - 1) * (X**2 + 1)  # a root at 1e-30 and one at 1e30
    _check_isolation(tiny, fp.real_roots(tiny, positive=True), positive=True)


def test_huge_coefficients() -> None:
    p = (10**50 * X - 1) * (X - 10**40) * (X**2 - 3) * (X**2 + 10**60)
    roots = fp.real_roots(p)
    _check_isolation(p, roots)
    assert len(roots) == 4
    assert (fmpq(1, 10**50), fmpq(1, 10**50)) in roots and (10**40, 10**40) in roots


def test_no_real_roots_and_constants() -> None:
    assert fp.real_roots(X**4 + 3 * X**2 + 2) == []
    assert fp.real_roots(fmpz_poly([5])) == []
    assert fp.real_roots(X - 7) == [(7, 7)]


def test_squarefree_handling() -> None:
    p = (X - 1) ** 3 * (X + 2) ** 2 * (X**2 - 5)
    s = fp.squarefree_part(p)
    assert s == (X - 1) * (X + 2) * (X**2 - 5)
    _check_isolation(p, fp.real_roots(s))
    sp_roots = positive_roots(sp.Poly(_sympy(p).as_expr(), T))
    assert [r.value for r in sp_roots] == [1, sp.sqrt(5)]


def _sigma_numerator(n: int) -> fmpz_poly:
    """The numerator of σ^(n) in t = e^x: Σ_j c_j t^j (1 + t)^(n+1−j)."""
    return sum((fmpz_poly([c]) * X**j * (X + 1) ** (n + 1 - j)
                for j, c in enumerate(higher.stirling_coefficients(n))), fmpz_poly([0]))


def test_sigma_numerator_is_the_normal_form() -> None:
    assert fp.from_sympy(to_expform(parse("diff(sigmoid(x), x, 7)")).num) == fp.primitive(_sigma_numerator(7))


@pytest.mark.parametrize("n", [20, 40, 60])
def test_sigma_derivatives_isolated_fast(n: int) -> None:
    p = fp.strip_zero_root(fp.squarefree_part(_sigma_numerator(n)))
    start = time.perf_counter()
    roots = fp.real_roots(p, positive=True)
    elapsed = time.perf_counter() - start
    assert len(roots) == n - 1  # σ^(n) has n − 1 real zeros; t = e^x maps them to t > 0
    assert elapsed < 5  # milliseconds in practice; SymPy's Poly.intervals takes minutes at n = 40
    if n <= 20:  # SymPy's Sturm sequences take minutes beyond
        _check_isolation(p, roots, positive=True)
    assert fp.certify(p, roots, positive=True)


def test_continued_fractions_agree_with_arb() -> None:
    polys = [(X - 1) * (X - 2) * (X**2 - 2) * (3 * X + 1), X**7 - 5 * X**3 + X - 1,
             fp.strip_zero_root(fp.squarefree_part(_sigma_numerator(15))), (X**2 - 2) * (X**2 + X + 1) * X,
             fmpz_poly.chebyshev_t(30)]
    for p in map(fp.squarefree_part, polys):
        cf = fp._continued_fractions(p, False)
        arb = fp._arb_candidates(p, 64, False, True)
        assert fp.certify(p, cf) and fp.certify(p, arb)
        _check_isolation(p, cf)
        assert len(cf) == len(arb)
        for (a, b), (c, d) in zip(cf, arb, strict=True):  # the same roots, in order
            assert not (b < c or d < a)


def test_certificate_rejects_wrong_answers() -> None:
    p = (X - 1) * (X - 3) * (X**2 - 2)  # roots -√2, 1, √2, 3
    good = fp.real_roots(p)
    assert fp.certify(p, good)
    assert not fp.certify(p, good[:-1])  # a root missing
    assert not fp.certify(p, [*good[:1], (fmpq(0), fmpq(2)), *good[3:]])  # two roots in one interval
    assert not fp.certify(p, [(fmpq(-2), fmpq(-1)), (fmpq(1, 2), fmpq(1, 2)), *good[2:]])  # not a root
    assert not fp.certify(p, [good[1], good[0], *good[2:]])  # unsorted
    assert not fp.certify(p, [(fmpq(-3), fmpq(-1)), (fmpq(-1), fmpq(-1, 2)), *good[1:]])  # no sign change
    assert not fp.certify(p, good, positive=True)  # a negative root where only positive ones belong
    complex_pair = (X**2 - 2 * X + 2) * (X - 5)  # Descartes overcounts: gaps are proved root-free
    assert fp.certify(complex_pair, [(fmpq(9, 2), fmpq(11, 2))], positive=True)
    assert not fp.certify(complex_pair, [], positive=True)


def test_tighten_and_bisect_keep_the_root() -> None:
    p = X**5 - 7 * X**2 + 3
    for lo, hi in fp.real_roots(p):
        width = fmpq(1, 2**300)
        a, b = fp.tighten(p, lo, hi, width)
        assert lo <= a <= b <= hi and b - a < width
        assert fp.sign_at(p, a) * fp.sign_at(p, b) < 0
        c, d = fp.bisect(p, lo, hi)
        assert fp.sign_at(p, c) * fp.sign_at(p, d) < 0 and d - c == (hi - lo) / 2


def test_mobius_matches_sympy_transform() -> None:
    from sympy.polys.densetools import dup_mirror, dup_transform
    from sympy.polys.domains import ZZ

    p = X**5 - 7 * X**2 + 3
    dense = [ZZ(int(c)) for c in reversed(p.coeffs())]
    for lo, hi in fp.real_roots(p):
        a, b, c, d, neg, f = fp.mobius(p, lo, hi)
        g = dup_mirror(dense, ZZ) if neg else dense
        assert [int(x) for x in reversed(f.coeffs())] == [int(x) for x in dup_transform(g, [a, b], [c, d], ZZ)]


def test_root_values_agree_with_sympy() -> None:
    sp.polys.rootoftools.CRootOf.clear_cache()
    for expr in (T**3 - 3 * T + 1, T**3 - 3 * T - 1, 21 * T**7 - 35 * T**3 + 7 * T - 1,
                 (T**5 - 7 * T**2 + 3) * (T - 2) ** 2, 1 - 2 * T**2):
        mine = positive_roots(sp.Poly(expr, T))
        theirs = [r for r in sp.Poly(expr, T).intervals(eps=sp.Rational(1, 10**40)) if r[0][1] > 0]
        assert len(mine) == len(theirs)
        for root, ((a, b), _m) in zip(mine, theirs, strict=True):
            v = sp.N(root.value, 60)
            assert sp.Rational(a) - sp.Rational(1, 10**30) <= v <= sp.Rational(b) + sp.Rational(1, 10**30)
            assert root.lo <= sp.Rational(a) or root.hi >= sp.Rational(b) or root.lo <= v <= root.hi


def test_crootof_of_a_large_factor_is_quick() -> None:
    form = to_expform(parse("diff(sigmoid(x), x, 20)"))
    start = time.perf_counter()
    roots = positive_roots(form.num)
    values = [r.value for r in roots]
    floats = [sp.N(sp.log(v), 20) for v in values]
    assert time.perf_counter() - start < 5
    assert len(values) == 19 and all(a < b for a, b in zip(floats, floats[1:], strict=False))
    assert abs(floats[9]) < sp.Float("1e-15")  # σ^(20) is odd about 0: the middle zero is x = 0


@settings(max_examples=60 if CI else 150, deadline=None, derandomize=CI,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(-40, 40), min_size=2, max_size=9).filter(lambda c: c[-1] != 0),
       st.lists(st.integers(-5, 5), min_size=0, max_size=3))
def test_random_polynomials_agree_with_sympy(coeffs: list[int], rational_roots: list[int]) -> None:
    p = fmpz_poly(coeffs)
    for r in rational_roots:  # plant rational roots, some repeated
        p *= X - r
    s = fp.squarefree_part(p)
    _check_isolation(p, fp.real_roots(s))
    _check_isolation(p, fp.real_roots(s, positive=True), positive=True)


@settings(max_examples=30 if CI else 60, deadline=None, derandomize=CI)
@given(st.lists(st.fractions(min_value=-20, max_value=20, max_denominator=50), min_size=1, max_size=6, unique=True))
def test_planted_rational_roots_come_out_exact(roots: list[Fraction]) -> None:
    p = fmpz_poly([1])
    for r in roots:
        p *= fmpz_poly([-r.numerator, r.denominator])
    found = fp.real_roots(p * (X**2 + 1))
    assert [(Fraction(int(a.p), int(a.q))) for a, b in found if a == b] == sorted(roots)


def test_stirling_coefficients_match_the_recurrence() -> None:
    for n in range(120):
        closed = higher.stirling_coefficients(n)
        rec = [int(c) for c in higher.iterate((Fraction(0), Fraction(1), Fraction(-1)), n).polys[n]]
        assert closed == rec + [0] * (len(closed) - len(rec))
    n = 300  # against the Stirling numbers themselves
    row = higher.stirling2_row(n + 1)
    fact = 1
    for k, c in enumerate(higher.stirling_coefficients(n)[1:]):
        fact = fact * k if k else 1
        assert c == (-1) ** k * fact * row[k + 1]


def test_sigma_1000_polynomial_and_its_text() -> None:
    coeffs = higher.stirling_coefficients(1000)
    assert coeffs[1] == 1 and coeffs[-1] == (-1) ** 1000 * __import__("math").factorial(1000)
    text = higher.poly_text(higher.stirling_coefficients(2000))  # beyond Python's 4300-digit str limit
    assert text.startswith(str(fmpz(__import__("math").factorial(2000)))[:20])


@pytest.mark.parametrize("text", ["sigmoid", "tanh", "sech(x)", "exp(x)/(1+exp(2*x))", "logistic(x, 3, 2, 1/2)",
                                  "sigmoid(x) + 1/3", "exp(x/3)"])
def test_elimination_on_flint_agrees_with_sympy(text: str) -> None:
    form = to_expform(parse(text))
    d = form
    for _order in (1, 2, 3):
        d = d.derivative()
        assert higher._eliminate_flint(form.num, form.den, d.num, d.den) == higher._eliminate_sympy(form, d)


@settings(max_examples=40 if CI else 100, deadline=None, derandomize=CI,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(-30, 30), min_size=4, max_size=8).filter(lambda c: c[-1] != 0 and c[0] != 0))
def test_root_values_are_the_roots_they_isolate(coeffs: list[int]) -> None:
    """Each positive root's exact value (CRootOf index, surd or rational) lies in its own
    isolating interval, judged by mpmath's independent root finder."""
    import mpmath

    poly = sp.Poly(list(reversed(coeffs)), T)
    for root in positive_roots(poly):
        v = root.value
        if v.is_Rational:
            assert poly.eval(v) == 0 and root.lo <= v <= root.hi
            continue
        if isinstance(v, sp.CRootOf):
            with mpmath.workdps(60):
                reals = sorted(r.real for r in mpmath.polyroots([int(c) for c in v.poly.all_coeffs()],
                                                                 maxsteps=400, extraprec=400)
                               if abs(r.imag) < mpmath.mpf(10) ** -40)
                x = reals[v.index]
        else:
            x = mpmath.mpf(str(sp.N(v, 60)))
        assert sp.Float(root.lo, 60) - sp.Float("1e-40") <= sp.Float(str(x), 60) <= sp.Float(root.hi, 60) + sp.Float("1e-40")
