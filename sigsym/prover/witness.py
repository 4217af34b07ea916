"""Certified numeric counterexamples, found by sampling with interval arithmetic.

The same search serves two purposes: it refutes claims about expressions outside the decidable
class, and it cross-examines every `proved` verdict (a hit there is an engine bug). A hit is
only reported when the interval enclosure *excludes* the claim, so it is itself a checked fact.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import sympy as sp

from ..engine import numeric
from ..engine.domain import defined_at
from ..engine.samples import sample_points
from ..errors import OutsideClass
from ..functions import X
from ..language.parse import REAL_LINE, Interval
from .evidence import SignAt
from .kernel import Claim, Counterexample


def _defined_points(claim: Claim, points: list[sp.Expr]) -> list[sp.Expr]:
    """The sample points where f (and g, for an identity) is certainly defined.

    A counterexample must be a point of the domain: the simplified expression may be defined
    where f, as written, is not (x/x at 0).
    """
    conds = tuple(claim.domain) + tuple(claim.other_domain)
    if claim.prop in ("even", "odd"):
        return [p for p in points if defined_at(conds, p) and defined_at(conds, -p)]
    return [p for p in points if defined_at(conds, p)] if conds else points


def _enc(fn: Callable, x: sp.Expr, bits: int = 80) -> object | None:
    with numeric._Prec(bits):
        try:
            return fn(numeric.point(x))
        except (ValueError, ZeroDivisionError, TypeError, OutsideClass):
            return None


def _compile(expr: sp.Expr) -> Callable | None:
    try:
        return numeric.compile_iv(expr)
    except OutsideClass:
        return None


_WITNESS_BITS = (80, 320)  # a second look resolves near-misses down to ~1e-90


def _sign_hit(expr: sp.Expr, points: list[sp.Expr], bad: int | None) -> sp.Expr | None:
    """First point where expr certainly has sign ``bad`` (None: either nonzero sign)."""
    fn = _compile(expr)
    if fn is None:
        return None
    for bits in _WITNESS_BITS:
        for p in points:
            v = _enc(fn, p, bits)
            if v is None:
                continue
            s = numeric.certain_sign(v)
            if s is not None and (bad is None or s == bad):
                return p
    return None


def _first_hit(expr: sp.Expr, points: list[sp.Expr]) -> sp.Expr | None:
    """A point where expr is certainly nonzero (x = 0 is a point like any other, not False)."""
    return _sign_hit(expr, points, None)


def _approx(expr: sp.Expr) -> str:
    return numeric.approx(expr, 6)


def search(claim: Claim) -> Counterexample | None:
    """A certified counterexample to the claim at sample points, or None."""
    f, prop = claim.expr, claim.prop
    interval = claim.option("on", REAL_LINE)
    pts = _defined_points(claim, sample_points(interval))
    fx = lambda p: f.subs(X, p)  # noqa: E731
    if prop == "identity":
        g = claim.option("equals")
        hit = _first_hit(f - g, pts)
        if hit is not None:
            return Counterexample(f"at x = {hit}: f = {_approx(fx(hit))} but the right side = {_approx(g.subs(X, hit))}",
                                  rf"f({sp.latex(hit)}) \approx {_approx(fx(hit))} \ne {_approx(g.subs(X, hit))}",
                                  SignAt(fx(hit) - g.subs(X, hit), numeric.sign(fx(hit) - g.subs(X, hit)) or 0), x=hit)
        return None
    if prop in ("even", "odd"):
        sym = f.subs(X, -X) - f if prop == "even" else f.subs(X, -X) + f
        side = [p for p in pts if p >= 0] + [p for p in pts if p < 0]  # x = 0 decides oddness
        hit = _first_hit(sym, side)
        if hit is not None:
            w = sym.subs(X, hit)
            rel = "≠" if prop == "even" else "≠ −"
            return Counterexample(f"f({-hit}) = {_approx(fx(-hit))} {rel} f({hit}) = {_approx(fx(hit))}",
                                  rf"f({sp.latex(-hit)}) \approx {_approx(fx(-hit))},\ f({sp.latex(hit)}) \approx {_approx(fx(hit))}",
                                  SignAt(w, numeric.sign(w) or 0), x=hit)
        return None
    signs = {"positive": (-1, 0), "negative": (1, 0), "nonnegative": (-1,), "nonpositive": (1,)}
    if prop in signs:
        bad = signs[prop][0]
        hit = _sign_hit(f, pts, bad)
        if hit is not None:
            return Counterexample(f"f({hit}) = {_approx(fx(hit))}", rf"f({sp.latex(hit)}) \approx {_approx(fx(hit))}",
                                  SignAt(fx(hit), bad), x=hit)
        return None
    if prop in ("increasing", "decreasing"):
        fn = _compile(f)
        if fn is None:
            return None
        want = 1 if prop == "increasing" else -1
        ordered = sorted(pts)
        for a, b in zip(ordered, ordered[1:], strict=False):
            va, vb = _enc(fn, a), _enc(fn, b)
            if va is None or vb is None:
                continue
            d = (vb - va) * want
            if numeric.certain_sign(d) == -1:
                w = (fx(b) - fx(a)) * want
                return Counterexample(f"{a} < {b} but f({a}) = {_approx(fx(a))}, f({b}) = {_approx(fx(b))}",
                                      rf"{sp.latex(a)} < {sp.latex(b)},\ f({sp.latex(a)}) \approx {_approx(fx(a))},\ f({sp.latex(b)}) \approx {_approx(fx(b))}",
                                      SignAt(w, -1), x=a, x2=b)
        return None
    if prop in ("maximum", "minimum"):
        v = claim.option("equals")
        bad = 1 if prop == "maximum" else -1
        hit = _sign_hit(f - v, pts, bad)
        if hit is not None:
            side = ">" if bad > 0 else "<"
            return Counterexample(f"f({hit}) = {_approx(fx(hit))} {side} {v}",
                                  rf"f({sp.latex(hit)}) \approx {_approx(fx(hit))} {side} {sp.latex(v)}",
                                  SignAt(fx(hit) - v, bad), x=hit)
        return None
    if prop == "range":
        j: Interval = claim.option("equals")
        for end, bad in ((j.lo, -1), (j.hi, 1)):
            if end in (sp.oo, -sp.oo):
                continue
            hit = _sign_hit(f - end, pts, bad)
            if hit is not None:
                return Counterexample(f"f({hit}) = {_approx(fx(hit))} lies outside {j}",
                                      rf"f({sp.latex(hit)}) \approx {_approx(fx(hit))} \notin {j.latex()}",
                                      SignAt(fx(hit) - end, bad), x=hit)
        return None
    return None


@lru_cache(maxsize=256)
def faithful(f: sp.Expr, normal: Callable, interval: Interval) -> sp.Expr | None:
    """A sample point where the normal form certainly differs from f (an engine bug), or None."""
    fn = _compile(f)
    if fn is None:
        return None
    for p in sample_points(interval)[::3]:
        a, b = _enc(fn, p, 80), _enc(normal, p, 80)
        if a is None or b is None:
            continue
        if numeric.certain_sign(a - b) is not None:
            return p
    return None
