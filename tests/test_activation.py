"""Issue 13: the activation functions of a course — `facts` on each, checked against mpmath.

Every fact that `sigsym facts` states about σ, σ′, tanh, softplus, SiLU, x·σ(1.702x), mish, ELU's
negative piece, x², 1/(1 + x²) and x·e^{−x} is judged here by an independent oracle: the
function written directly in mpmath (50 digits), evaluated at points of the fact's interval.
Each fact must be proved or refuted (no unknown, no internal error), and each must be true.
"""

from __future__ import annotations

import time

import mpmath as mp
import pytest
import sympy as sp

from sigsym.functions import X, to_exp
from sigsym.prover.facts import facts
from sigsym.prover.kernel import Verdict


def _sig(x: mp.mpf) -> mp.mpf:
    return 1 / (1 + mp.exp(-x))


def _softplus(x: mp.mpf) -> mp.mpf:
    return mp.log(1 + mp.exp(x))


ORACLE = {
    "sigmoid": _sig,
    "diff(sigmoid(x), x)": lambda x: _sig(x) * (1 - _sig(x)),
    "tanh": mp.tanh,
    "softplus": _softplus,
    "x*sigmoid(x)": lambda x: x * _sig(x),
    "x*sigmoid(1.702*x)": lambda x: x * _sig(mp.mpf(1702) / 1000 * x),
    "x*tanh(softplus(x))": lambda x: x * mp.tanh(_softplus(x)),
    "exp(x) - 1": lambda x: mp.exp(x) - 1,
    "x**2": lambda x: x**2,
    "1/(1+x**2)": lambda x: 1 / (1 + x**2),
    "x*exp(-x)": lambda x: x * mp.exp(-x),
}
ON = {"exp(x) - 1": "(-oo, 0)"}
TOL = mp.mpf(10) ** -40


def _num(v: sp.Expr) -> mp.mpf:
    return mp.mpf(str(sp.N(v, 60)))


def _g(expr: sp.Expr):  # noqa: ANN202 - an mpmath function of x from a SymPy expression (sympy's own evalf)
    e = to_exp(expr)
    return lambda x: mp.mpf(str(sp.N(e.subs(X, sp.Float(str(x), 60)), 55)))


def _samples(interval: object, n: int = 24) -> list[mp.mpf]:
    lo = mp.mpf(-30) if interval.lo == -sp.oo else max(_num(interval.lo), mp.mpf(-30))  # type: ignore[attr-defined]
    hi = mp.mpf(30) if interval.hi == sp.oo else min(_num(interval.hi), mp.mpf(30))  # type: ignore[attr-defined]
    eps = (hi - lo) / 10**12
    lo, hi = lo + eps, hi - eps
    return [lo + (hi - lo) * k / (n - 1) for k in range(n)]


def _d(f, x: mp.mpf, k: int) -> mp.mpf:  # noqa: ANN001
    return mp.diff(f, x, k)


def _check(f, fact) -> None:  # noqa: ANN001, C901, PLR0912 - one oracle per property
    claim, verdict = fact.proof.claim, fact.verdict
    prop, opt = claim.prop, claim.option
    on = opt("on")
    from sigsym.language.parse import REAL_LINE

    interval = on if on is not None else REAL_LINE
    pts = _samples(interval)
    if prop in ("even", "odd"):
        sgn = 1 if prop == "even" else -1
        diffs = [abs(f(-x) - sgn * f(x)) for x in pts if x > 0]
        assert (max(diffs) < TOL) == (verdict is Verdict.PROVED), fact.statement
    elif prop == "value":
        assert (abs(f(_num(opt("at"))) - _num(opt("equals"))) < TOL) == (verdict is Verdict.PROVED)
    elif prop in ("positive", "negative"):
        s = 1 if prop == "positive" else -1
        assert verdict is Verdict.PROVED and all(s * f(x) > 0 for x in pts), fact.statement
    elif prop == "nonzero":  # a zero between the two ends: a sign change
        assert verdict is Verdict.REFUTED and f(_num(interval.lo)) * f(_num(interval.hi)) < 0
        assert f(_num(interval.lo)) * f(_num(interval.hi)) < 0
    elif prop == "limit":
        at, v = opt("at"), opt("equals")
        big = mp.mpf(10) ** 4 * (1 if at == sp.oo else -1)
        if v in (sp.oo, -sp.oo):
            assert f(big) * (1 if v == sp.oo else -1) > 100
        else:
            assert abs(f(big) - _num(v)) < mp.mpf(10) ** -3
        assert verdict is Verdict.PROVED
    elif prop in ("increasing", "decreasing"):
        s = 1 if prop == "increasing" else -1
        vals = [f(x) for x in pts]
        assert verdict is Verdict.PROVED and all(s * (b - a) > 0 for a, b in zip(vals, vals[1:], strict=False))
    elif prop in ("convex", "concave"):
        s = 1 if prop == "convex" else -1
        assert verdict is Verdict.PROVED and all(s * _d(f, x, 2) > -TOL for x in pts), fact.statement
    elif prop in ("maximum", "minimum"):
        s = 1 if prop == "maximum" else -1
        v = _num(opt("equals"))
        digits = opt("digits")
        slack = TOL if digits is None else mp.mpf(10) ** -digits / 2
        assert verdict is Verdict.PROVED
        assert all(s * (f(x) - v) <= slack for x in pts), fact.statement
        if opt("at") is not None:
            assert abs(f(_num(opt("at"))) - v) < TOL
        else:  # the extreme itself, from a root of f′ near the best sample
            x0 = max(pts, key=lambda x: s * f(x))
            c = mp.findroot(lambda x: _d(f, x, 1), x0)
            assert abs(f(c) - v) <= slack
    elif prop == "range":
        j = opt("equals")
        lo, hi = (None if j.lo == -sp.oo else _num(j.lo)), (None if j.hi == sp.oo else _num(j.hi))
        assert verdict is Verdict.PROVED
        assert all((lo is None or f(x) >= lo - TOL) and (hi is None or f(x) <= hi + TOL) for x in pts)
    elif prop == "lipschitz":
        bound = _num(opt("equals"))
        assert verdict is Verdict.PROVED and all(abs(_d(f, x, 1)) <= bound + TOL for x in pts)
    elif prop == "inflection":
        a = _num(opt("at"))
        h = mp.mpf(10) ** -12
        assert verdict is Verdict.PROVED and abs(_d(f, a, 2)) < mp.mpf(10) ** -30
        assert _d(f, a - h, 2) * _d(f, a + h, 2) < 0
    elif prop == "identity":
        g = _g(opt("equals"))
        assert verdict is Verdict.PROVED and all(abs(f(x) - g(x)) < mp.mpf(10) ** -30 for x in pts[::6])
    else:
        raise AssertionError(f"no oracle for {prop}")


@pytest.mark.parametrize("expr", list(ORACLE))
def test_every_fact_is_decided_and_true(expr: str) -> None:
    mp.mp.dps = 50
    try:
        start = time.monotonic()
        items = facts(expr, on=ON.get(expr))
        elapsed = time.monotonic() - start
        assert items, expr
        for item in items:
            assert item.verdict is not Verdict.UNKNOWN, item.statement
            f = ORACLE[expr]
            source = item.proof.claim.source
            if source == f"diff({expr}, x, 2)":  # a fact stated about f″ itself
                _check(lambda x, f=f: _d(f, x, 2), item)
                continue
            if source == f"diff({expr}, x)":  # f′ in terms of f
                _check(lambda x, f=f: _d(f, x, 1), item)
                continue
            assert source == expr
            _check(f, item)
        print(f"facts {expr}: {len(items)} facts in {elapsed:.2f} s")  # noqa: T201 - the closing note's timings
    finally:
        mp.mp.dps = 15


def _table(expr: str) -> dict[str, str]:
    return {f.statement: f.verdict.value for f in facts(expr)}


def test_the_specific_results_of_the_issue() -> None:
    silu = _table("x*sigmoid(x)")
    assert silu["the minimum of f is -lambertw(exp(-1)), at x = -1 - lambertw(exp(-1))"] == "proved"
    assert silu["f is decreasing on (-oo, -1 - lambertw(exp(-1))]"] == "proved"
    assert silu["the range of f is [-lambertw(exp(-1)), oo)"] == "proved"
    sp_ = _table("softplus")
    assert sp_["f is increasing on R"] == "proved" and sp_["f is convex on R"] == "proved"
    assert sp_["f is 1-Lipschitz: |f′| ≤ 1, and no smaller constant works"] == "proved"
    s = _table("sigmoid")
    assert s["f is 1/4-Lipschitz: |f′| ≤ 1/4, and no smaller constant works"] == "proved"
    assert s["f′ = f*(1 - f) (f′ in terms of f)"] == "proved"
    assert s["f has an inflection point at x = 0"] == "proved"
    ss = _table("sigmoid(sigmoid(x))")
    assert ss["f is increasing on R"] == "proved" and ss["the range of f is (1/2, sigmoid(1))"] == "proved"
    sq = _table("(x-1)**2")
    assert sq["the minimum of f is 0, at x = 1"] == "proved"
