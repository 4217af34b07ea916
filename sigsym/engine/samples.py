"""Sample points of an interval: deterministic, exact rationals, spread out up to |x| = 700.

Used to look for counterexamples and to cross-examine proofs; membership of a point in an
interval is decided exactly (``algebraic.member``), never numerically.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import sympy as sp

from ..language.parse import Interval
from .algebraic import member
from .flintpoly import as_fmpq, simplest_between

_BASE = [0, 1, 2, 3, 5, 8, 13, 34, 100, 300, 700]
_FRACTIONS = [sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(3, 2)]


@lru_cache(maxsize=256)
def sample_points(interval: Interval) -> list[sp.Expr]:
    """Deterministic sample points in the interval: spread out, up to |x| = 700."""
    pts = {sp.Integer(v) * s for v in _BASE for s in (1, -1)}
    pts |= {q * s for q in _FRACTIONS for s in (1, -1)}
    lo, hi = interval.lo, interval.hi
    if lo.is_finite and hi.is_finite and lo.is_Rational and hi.is_Rational:
        pts |= {lo + (hi - lo) * sp.Rational(k, 12) for k in range(13)}
    elif lo.is_Rational:
        pts |= {lo + d for d in (0, sp.Rational(1, 8), 1, 4, 50)}
    elif hi.is_Rational:
        pts |= {hi - d for d in (0, sp.Rational(1, 8), 1, 4, 50)}
    inside = sorted((p for p in pts if _inside(interval, p)), key=lambda p: (abs(p), bool(p < 0)))
    if inside:
        return inside
    # none fell inside (irrational ends a hair apart): the simplest rational between the ends,
    # then evenly spaced ones, from certified rational bounds just inside the ends
    inner = _rational_inner(lo, hi)
    if inner is None:
        return []
    a, b = inner
    if a.is_infinite or b.is_infinite:  # a half-line beyond ±700 from an irrational end
        extra = [sp.ceiling(a) + d for d in (1, 4, 50)] if b.is_infinite else [sp.floor(b) - d for d in (1, 4, 50)]
    else:
        simplest = simplest_between(as_fmpq(a), as_fmpq(b))
        extra = [sp.Rational(int(simplest.p), int(simplest.q))] if simplest is not None else []
        extra += [a + (b - a) * sp.Rational(k, 12) for k in range(13)]
    return list(dict.fromkeys(p for p in extra if _inside(interval, p)))


def _rational_inner(lo: sp.Expr, hi: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    """Rationals lo′ ≥ lo and hi′ ≤ hi with lo′ < hi′, from certified enclosures of the ends (an
    infinite end stays as it is): an interval between irrational ends a hair apart otherwise
    held none of the sample points. None when the ends cannot be separated."""
    from . import numeric

    for bits in numeric.PRECISIONS:
        ends = []
        for end, upper in ((lo, True), (hi, False)):
            if end.is_infinite or end.is_Rational:
                ends.append(end)
                continue
            box = numeric.enclose(end, bits=bits)
            exact = numeric.exact_ends(box) if box is not None else None
            if exact is None:
                return None
            q = exact[1] if upper else exact[0]
            ends.append(sp.Rational(q.numerator, q.denominator))
        a, b = ends
        if a.is_infinite or b.is_infinite or a < b:
            return a, b
    return None


def _inside(interval: Interval, p: sp.Rational) -> bool:
    """Membership of a rational point; plain Fractions when the ends are rational (fast)."""
    lo, hi = interval.lo, interval.hi
    if (lo.is_Rational or lo == -sp.oo) and (hi.is_Rational or hi == sp.oo):
        q = Fraction(int(p.p), int(p.q))
        left = lo == -sp.oo or (Fraction(int(lo.p), int(lo.q)) <= q if interval.lo_closed else Fraction(int(lo.p), int(lo.q)) < q)
        right = hi == sp.oo or (q <= Fraction(int(hi.p), int(hi.q)) if interval.hi_closed else q < Fraction(int(hi.p), int(hi.q)))
        return left and right
    return bool(member(interval, p))
