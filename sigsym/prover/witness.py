"""Sampling with interval arithmetic: the helpers the refuters share (points of the domain,
certified signs at sample points), and the check that a normal form is faithful to f.

A hit is only reported when the interval enclosure *excludes* the claim, so it is itself a
checked fact. The refuters themselves (one per property) are in ``refuters``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import sympy as sp

from ..engine import numeric
from ..engine.domain import defined_at
from ..engine.samples import sample_points
from ..errors import OutsideClass
from ..language.parse import Interval
from .kernel import Claim


def defined_points(claim: Claim, points: list[sp.Expr]) -> list[sp.Expr]:
    """The sample points where f (and g, for an identity) is certainly defined.

    A counterexample must be a point of the domain: the simplified expression may be defined
    where f, as written, is not (x/x at 0).
    """
    conds = tuple(claim.domain) + tuple(claim.other_domain)
    if claim.prop in ("even", "odd"):
        return [p for p in points if defined_at(conds, p) and defined_at(conds, -p)]
    return [p for p in points if defined_at(conds, p)] if conds else points


def enclosure(fn: Callable, x: sp.Expr, bits: int = 80) -> object | None:
    return numeric.enclosure_at(fn, x, bits)


def compiled(expr: sp.Expr) -> Callable | None:
    try:
        return numeric.compile_iv(expr)
    except OutsideClass:
        return None


_WITNESS_BITS = (80, 320)  # a second look resolves near-misses down to ~1e-90


def sign_hit(expr: sp.Expr, points: list[sp.Expr], bad: int | None) -> sp.Expr | None:
    """First point where expr certainly has sign ``bad`` (None: either nonzero sign)."""
    fn = compiled(expr)
    if fn is None:
        return None
    for bits in _WITNESS_BITS:
        for p in points:
            v = enclosure(fn, p, bits)
            if v is None:
                continue
            s = numeric.certain_sign(v)
            if s is not None and (bad is None or s == bad):
                return p
    return None


def first_hit(expr: sp.Expr, points: list[sp.Expr]) -> sp.Expr | None:
    """A point where expr is certainly nonzero (x = 0 is a point like any other, not False)."""
    return sign_hit(expr, points, None)


def approx(expr: sp.Expr) -> str:
    return numeric.approx(expr, 6)


@lru_cache(maxsize=256)
def faithful(f: sp.Expr, normal: Callable, interval: Interval) -> sp.Expr | None:
    """A sample point where the normal form certainly differs from f (an engine bug), or None."""
    fn = compiled(f)
    if fn is None:
        return None
    for p in sample_points(interval)[::3]:
        a, b = enclosure(fn, p, 80), enclosure(normal, p, 80)
        if a is None or b is None:
            continue
        if numeric.certain_sign(a - b) is not None:
            return p
    return None
