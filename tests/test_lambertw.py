"""Lambert's W₀ in the expression language and in exact comparisons (issue 13).

The oracle is mpmath at 100 digits (``mpmath.lambertw``), never sigsym's own interval version.
Near misses are the point: −0.27846 and −0.2784645427610738 are not −W(1/e); an interval end a
hair (10^-30) from the critical point −1 − W(1/e) decides monotonicity one way or the other.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath as mp
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigsym import prove
from sigsym.engine import lambert, numeric
from sigsym.errors import ParseError
from sigsym.functions import X, lambertw
from sigsym.language.parse import parse_constant, parse_function

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _w(u: mp.mpf) -> mp.mpf:
    return mp.lambertw(u).real


def _ends(v: sp.Expr, bits: int = 400) -> tuple[Fraction, Fraction]:
    ends = numeric.exact_ends(numeric.enclose(v, bits=bits))
    assert ends is not None
    return ends


# ---------------------------------------------------------------- the language

def test_lambertw_records_its_domain_and_rejects_constants_outside_it() -> None:
    parsed = parse_function("lambertw(x)")
    assert parsed.expr == lambertw(X)
    assert [(str(c.expr), c.kind) for c in parsed.domain] == [("x + exp(-1)", "nonnegative")]
    assert parse_function("lambertw(exp(x))").domain == ()  # eˣ > 0 > −1/e
    assert parse_constant("lambertw(E)") == 1 and parse_constant("lambertw(-exp(-1))") == -1
    with pytest.raises(ParseError, match="outside its domain"):
        parse_constant("lambertw(-1)")
    with pytest.raises(ParseError):
        parse_function("lambertw(x, 1)")  # one branch only, W₀


def test_lambertw_derivative_has_no_false_hole_at_zero() -> None:
    d = parse_function("diff(lambertw(x), x)")
    assert prove("diff(lambertw(x), x)", "value", at="0", equals="1").proved
    assert all("x" != str(c.expr) for c in d.domain)


@pytest.mark.parametrize("u", ["exp(-1)", "1/10**30", "-exp(-1) + 1/10**30", "10**30", "-1/3", "5"])
def test_enclosure_contains_w_at_100_digits(u: str) -> None:
    mp.mp.dps = 160  # mpmath's W loses digits next to the branch point −1/e: a wide margin
    try:
        value = _w(mp.mpf(str(sp.N(parse_constant(u), 170))))
        lo, hi = _ends(lambertw(parse_constant(u)), 400)
        assert mp.mpf(lo.numerator) / lo.denominator <= value <= mp.mpf(hi.numerator) / hi.denominator
        assert hi - lo < Fraction(1, 10**50) or u.startswith("-exp(-1)")  # tight (loose only at the branch point)
    finally:
        mp.mp.dps = 15


# ---------------------------------------------------------------- exact zero tests

def test_identity_of_w_decides_the_silu_minimum() -> None:
    w = lambertw(sp.exp(-1))
    star = -1 - w
    assert lambert.is_zero(star + 1 + sp.exp(star)) is True  # x* + 1 + e^{x*} = 0
    value = star / (1 + sp.exp(-star))
    assert lambert.is_zero(value + w) is True
    assert lambert.simplify(value) == -w
    assert lambert.is_zero(value + sp.Rational(27846, 100000)) is False
    assert lambert.is_zero(value + w + sp.exp(-150)) is False


@SETTINGS
@given(st.integers(min_value=-10**6, max_value=10**6).filter(lambda k: k != 0), st.integers(10, 30))
def test_near_misses_of_the_silu_minimum_are_never_proved(k: int, digits: int) -> None:
    mp.mp.dps = 100
    try:
        true_min = -_w(mp.exp(-1))
        near = sp.Rational(int(mp.nint(true_min * 10**digits)) + k, 10**digits)
        proof = prove("x*sigmoid(x)", "minimum", equals=str(near))
        assert proof.verdict.value in ("refuted", "unknown")
        claimed = mp.mpf(near.p) / near.q
        if proof.verdict.value == "refuted" and claimed > true_min:  # a point below the claimed minimum
            x = proof.counterexample.x
            fx = mp.mpf(x.p) / x.q * (1 / (1 + mp.exp(-mp.mpf(x.p) / x.q)))
            assert fx < claimed
        elif proof.verdict.value == "refuted":  # the true minimum, recomputed, lies above the claim
            assert type(proof.counterexample.evidence).__name__ == "ExtremeIs"
    finally:
        mp.mp.dps = 15


def test_the_silu_minimum_in_closed_form_and_in_decimals() -> None:
    assert prove("x*sigmoid(x)", "minimum", equals="-lambertw(exp(-1))", at="-1-lambertw(exp(-1))").proved
    assert prove("x*sigmoid(x)", "minimum", equals="-lambertw(exp(-1))").proved
    assert prove("x*sigmoid(x)", "minimum", equals="-0.278465", digits=6).proved
    assert prove("x*sigmoid(x)", "minimum", equals="-0.278464", digits=6).verdict.value == "refuted"
    assert prove("x*sigmoid(x)", "minimum", equals="-0.278466", digits=6).verdict.value == "refuted"
    assert prove("x*sigmoid(x)", "minimum", equals="-0.27846").verdict.value == "refuted"
    assert prove("x*sigmoid(x)", "minimum", equals="-0.27847").verdict.value == "refuted"
    assert prove("x*tanh(softplus(x))", "minimum", equals="-0.308843", digits=6).proved  # mish: no closed form
    assert prove("x*tanh(softplus(x))", "minimum", equals="-0.308844", digits=6).verdict.value == "refuted"
    assert prove("x*sigmoid(x)", "minimum", equals="-lambertw(exp(-1))", at="-1.2784645427610738").verdict.value \
        == "refuted"
    assert prove("x*sigmoid(x)", "value", at="-1-lambertw(exp(-1))", equals="-lambertw(exp(-1))").proved


@SETTINGS
@given(st.integers(min_value=-10**4, max_value=10**4), st.sampled_from([12, 20, 30]))
def test_monotone_pieces_a_hair_from_the_critical_point(k: int, digits: int) -> None:
    """SiLU increases exactly on [x*, ∞), x* = −1 − W(1/e): the claim on [a, ∞) holds iff a ≥ x*."""
    mp.mp.dps = 100
    try:
        star = -1 - _w(mp.exp(-1))
        a = sp.Rational(int(mp.nint(star * 10**digits)) + k, 10**digits)
        truth = mp.mpf(a.p) / a.q >= star
        verdict = prove("x*sigmoid(x)", "increasing", on=f"[{a}, oo)").verdict.value
        assert verdict == ("proved" if truth else "refuted")
    finally:
        mp.mp.dps = 15


def test_irrational_ends_at_the_critical_point() -> None:
    assert prove("x*sigmoid(x)", "increasing", on="[-1-lambertw(exp(-1)), oo)").proved
    assert prove("x*sigmoid(x)", "decreasing", on="(-oo, -1-lambertw(exp(-1))]").proved
    assert prove("x*sigmoid(x)", "decreasing", on="(-oo, -1-lambertw(exp(-1)) + 1/10**20]").verdict.value == "refuted"
    assert prove("x*sigmoid(x)", "range", equals="[-lambertw(exp(-1)), oo)").proved
    assert prove("x*sigmoid(x)", "range", equals="(-lambertw(exp(-1)), oo)").verdict.value == "refuted"


def test_nonzero_refuted_at_an_irrational_crossing_root() -> None:
    proof = prove("x*sigmoid(x) + 1/10", "nonzero")
    assert proof.verdict.value == "refuted"
    a, b = proof.counterexample.x, proof.counterexample.x2
    mp.mp.dps = 50
    try:
        def f(v: sp.Rational) -> mp.mpf:
            t = mp.mpf(v.p) / v.q
            return t / (1 + mp.exp(-t)) + mp.mpf(1) / 10
        assert f(a) * f(b) < 0
    finally:
        mp.mp.dps = 15


def test_extreme_evidence_beyond_rational_functions_is_recomputed() -> None:
    from sigsym.language.parse import REAL_LINE
    from sigsym.prover.evidence import ExtremeIs

    silu = parse_function("x*sigmoid(x)").expr
    w = lambertw(sp.exp(-1))
    assert ExtremeIs(silu, REAL_LINE, -1, -w, sp.Rational(-27847, 100000)).verify()
    assert not ExtremeIs(silu, REAL_LINE, -1, -w, -w).verify()  # the claim is right: no refutation
    assert not ExtremeIs(silu, REAL_LINE, 1, -w, sp.Integer(5)).verify()  # no maximum at all


@SETTINGS
@given(st.fractions(min_value=Fraction(1, 4), max_value=4, max_denominator=50))
def test_scaled_silu_minimum_is_w_over_k(k: Fraction) -> None:
    """x·σ(kx) has its minimum −W(1/e)/k at (−1 − W(1/e))/k; a value 10^-12 off is refuted."""
    kk = f"({k.numerator}/{k.denominator})"
    expr = f"x*sigmoid({kk}*x)"
    value, at = f"-lambertw(exp(-1))/{kk}", f"(-1 - lambertw(exp(-1)))/{kk}"
    assert prove(expr, "minimum", equals=value, at=at).proved
    assert prove(expr, "minimum", equals=f"{value} + 1/10**12").verdict.value == "refuted"
    mp.mp.dps = 100
    try:
        kf = mp.mpf(k.numerator) / k.denominator
        star = (-1 - _w(mp.exp(-1))) / kf
        f = lambda t: t / (1 + mp.exp(-kf * t))  # noqa: E731
        assert abs(mp.diff(f, star)) < mp.mpf(10) ** -80
        assert abs(f(star) + _w(mp.exp(-1)) / kf) < mp.mpf(10) ** -90
    finally:
        mp.mp.dps = 15


@SETTINGS
@given(st.fractions(min_value=-5, max_value=5, max_denominator=20), st.fractions(min_value=-3, max_value=3,
                                                                                  max_denominator=20))
def test_shifted_parabola_minimum(r: Fraction, c: Fraction) -> None:
    expr = f"(x - ({r}))**2 + ({c})"
    assert prove(expr, "minimum", equals=str(c), at=str(r)).proved
    assert prove(expr, "minimum", equals=str(c), at=str(r + Fraction(1, 10**9))).verdict.value == "refuted"
    assert prove(expr, "minimum", equals=str(c - Fraction(1, 10**12))).verdict.value == "refuted"


def test_derive_lambertw_by_its_rule_and_the_result_agrees_with_mpmath() -> None:
    import mpmath

    from sigsym.derivation.derive import derive
    from sigsym.functions import X

    d = derive("x*lambertw(x**2)")
    assert "Lambert W" in [s.rule for s in d.steps]
    f = sp.lambdify(X, d.result.rewrite(sp.exp), "mpmath")
    with mpmath.workdps(50):
        for x0 in ("0.3", "1.7", "-2.5"):
            x = mpmath.mpf(x0)
            assert abs(f(x) - mpmath.diff(lambda t: t * mpmath.lambertw(t**2).real, x)) < mpmath.mpf(10) ** -40
