"""Where f is defined: the parser's conditions, decided on an interval or at a point.

The parser records a condition for every division, logarithm, square root and fractional power
*before* SymPy simplifies (x/x is 1 only where x ≠ 0). A claim about f on an interval is false
when f is undefined at some point of it; otherwise the simplified expression equals f there and
the decision procedures may use it. A condition on a member u of the decidable class is decided
exactly by the sign chart of u; any other condition is only refuted at a sample point (an exact
zero, or a certified negative sign), and otherwise leaves the claim undecided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sympy as sp

from ..errors import OutsideClass
from ..functions import X, to_exp
from ..language.parse import REAL_LINE, Condition, Interval
from . import exact, numeric
from .expform import T, to_expform
from .samples import sample_points
from .signchart import Undecided, sign_chart

_FAILS = {"nonzero": (0,), "positive": (0, -1), "nonnegative": (-1,)}


@dataclass(frozen=True)
class Violation:
    """A point where f is not defined: ``witness`` = u(x) is exactly 0 (expect 0) or < 0 (-1)."""

    x: sp.Expr
    condition: Condition
    witness: sp.Expr
    expect: int

    def statement(self) -> str:
        what = "= 0" if self.expect == 0 else "< 0"
        return f"f is not defined at x = {self.x}: {self.condition.expr} {what} there"


@dataclass(frozen=True)
class Piece:
    """Part of the line where a condition fails: a point (``x``) or an open segment (``sample``)."""

    violation: Violation
    is_point: bool


def _value_at(u: sp.Expr, p: sp.Expr) -> sp.Expr:
    return to_exp(u).subs(X, p)


@lru_cache(maxsize=512)
def _compiled(u: sp.Expr) -> Callable[[Any], Any] | None:
    try:
        return numeric.compile_iv(to_exp(u))
    except OutsideClass:
        return None


def _holds_at(cond: Condition, p: sp.Expr) -> bool:
    """The condition certainly holds at p, by one enclosure of u there (Arb, 80 bits): the usual
    case, settled without substituting p into u (most of the time of choosing sample points)."""
    fn = _compiled(cond.expr)
    value = numeric.enclosure_at(fn, p) if fn is not None else None
    if value is None:
        return False
    s = numeric.certain_sign(value)
    return s is not None and s not in _FAILS[cond.kind]


def check_at(cond: Condition, p: sp.Expr) -> Violation | None | bool:
    """Violation at p; None when the condition certainly holds; False when not decided."""
    if _holds_at(cond, p):
        return None
    v = _value_at(cond.expr, p)
    if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return False  # u itself is undefined there: another condition reports it
    fails = _FAILS[cond.kind]
    s = numeric.sign(v)
    if s is None:
        zero = exact.is_zero(v)
        if zero is None:
            return False
        if zero:
            return Violation(p, cond, v, 0) if 0 in fails else None
        return False
    return Violation(p, cond, v, -1) if s in fails else None


def violation_at(domain: tuple[Condition, ...], p: sp.Expr) -> Violation | None:
    """A condition that fails at the point p, or None when f is defined there; Undecided else."""
    undecided = False
    for cond in domain:
        found = check_at(cond, p)
        if isinstance(found, Violation):
            return found
        if found is False:
            undecided = True
    if undecided:
        raise Undecided(f"cannot decide whether f is defined at x = {p}")
    return None


def defined_at(domain: tuple[Condition, ...], p: sp.Expr) -> bool:
    """True only when every condition certainly holds at p (used to choose sample points)."""
    try:
        return violation_at(domain, p) is None
    except Undecided:
        return False


def failures(cond: Condition, interval: Interval) -> list[Piece] | None:
    """Every part of the interval where cond fails (exact, by the sign chart of u); None when u
    is outside the decidable class."""
    try:
        form = to_expform(cond.expr)
    except OutsideClass:
        return _polynomial_failures(cond, interval)
    fails = _FAILS[cond.kind]
    chart = sign_chart(form, interval)
    out: list[Piece] = []
    if 0 in fails:
        for mark in chart.zeros():
            w = form.num.as_expr().subs(T, mark.root.value)
            out.append(Piece(Violation(mark.x, cond, w, 0), True))
    if -1 in fails:
        for seg in chart.segments:
            if seg.sign < 0:
                p = seg.samples[0]
                out.append(Piece(Violation(p, cond, _value_at(cond.expr, p), -1), False))
    return out


def _polynomial_failures(cond: Condition, interval: Interval) -> list[Piece] | None:
    """The same for u an exponential polynomial (x² + 1, x·eˣ − 1) on an interval with rational
    or infinite ends, by its certified root isolation; None when that does not apply, or when u
    vanishes at an irrational point (no exact witness for it here)."""
    from fractions import Fraction

    from . import exppoly

    if not all(e.is_Rational or e in (sp.oo, -sp.oo) for e in (interval.lo, interval.hi)):
        return _hull_failures(cond, interval)
    try:
        u = exppoly.from_sympy(to_exp(cond.expr), X)
        lo = None if interval.lo == -sp.oo else Fraction(int(interval.lo.p), int(interval.lo.q))
        hi = None if interval.hi == sp.oo else Fraction(int(interval.hi.p), int(interval.hi.q))
        chart = exppoly.sign_chart(u, lo, hi)
    except (OutsideClass, exppoly.Unresolved, ValueError, TypeError):
        return None
    fails = _FAILS[cond.kind]
    out: list[Piece] = []
    for end, s, closed in ((lo, chart.lo_sign, interval.lo_closed), (hi, chart.hi_sign, interval.hi_closed)):
        if end is not None and closed and s in fails:
            p = sp.Rational(end.numerator, end.denominator)
            out.append(Piece(Violation(p, cond, _value_at(cond.expr, p), s), True))
    if 0 in fails:
        for root in chart.roots:
            if not root.exact:
                return None
            p = sp.Rational(root.lo.numerator, root.lo.denominator)
            out.append(Piece(Violation(p, cond, _value_at(cond.expr, p), 0), True))
    if -1 in fails:
        for q, s in zip(chart.samples, chart.signs, strict=True):
            if s < 0:
                p = sp.Rational(q.numerator, q.denominator)
                out.append(Piece(Violation(p, cond, _value_at(cond.expr, p), -1), False))
    return out


def _hull_failures(cond: Condition, interval: Interval) -> list[Piece] | None:
    """Ends that are not rational (log 2, −1 − W₀(1/e)): decide on a slightly wider interval with
    rational ends; no failure there is no failure here, and a failure at a point of the interval
    itself (exact membership) is one here. Anything else is not decided (None)."""
    from fractions import Fraction

    from .algebraic import member

    ends = []
    for e, upper in ((interval.lo, False), (interval.hi, True)):
        if e in (sp.oo, -sp.oo) or e.is_Rational:
            ends.append(e)
            continue
        enc = numeric.enclose(e, bits=80)
        box = None if enc is None else numeric.exact_ends(enc)
        if box is None:
            return None
        q = box[1] + (box[1] - box[0]) if upper else box[0] - (box[1] - box[0])
        ends.append(sp.Rational(q.numerator, q.denominator) if isinstance(q, Fraction) else q)
    hull = Interval(ends[0], ends[1], True, True) if all(e not in (sp.oo, -sp.oo) for e in ends) else \
        Interval(ends[0], ends[1], ends[0] != -sp.oo, ends[1] != sp.oo)
    pieces = _polynomial_failures(cond, hull)
    if pieces is None or not pieces:
        return pieces
    inside = [p for p in pieces if p.is_point and member(interval, p.violation.x) is True]
    return inside if inside else None


def _polynomial_tail(cond: Condition, plus: bool) -> bool | None:
    """For u an exponential polynomial: it has finitely many roots, so the condition holds on a
    whole half-line exactly when u's eventual sign there is allowed (u ≠ 0 always is)."""
    from . import exppoly

    try:
        u = exppoly.from_sympy(to_exp(cond.expr), X)
    except (OutsideClass, ValueError, TypeError):
        return None
    if u.is_zero:
        return False
    return u.eventual_sign(plus) not in _FAILS[cond.kind]


def _sampled(cond: Condition, interval: Interval) -> Violation | None:
    for p in sample_points(interval):
        found = check_at(cond, p)
        if isinstance(found, Violation):
            return found
    return None


def violation_on(domain: tuple[Condition, ...], interval: Interval = REAL_LINE) -> Violation | None:
    """A point of the interval where f is undefined, or None when f is defined on all of it.

    Raises Undecided when a condition outside the class holds at every sample point (it may
    still fail somewhere in between).
    """
    undecided = None
    for cond in domain:
        pieces = failures(cond, interval)
        if pieces is None:
            found = _sampled(cond, interval)
            if found is not None:
                return found
            undecided = cond
            continue
        if pieces:
            return pieces[0].violation
    if undecided is not None:
        raise Undecided(f"cannot decide where {undecided} holds")
    return None


def differs(mine: tuple[Condition, ...], other: tuple[Condition, ...]) -> Violation | None:
    """A point where f (conditions ``mine``) is undefined and g (``other``) is defined.

    None when every failure of ``mine`` is a failure of ``other`` too; Undecided when that
    cannot be settled (a failing segment where g is undefined at the sample point, or a
    condition outside the class).
    """
    for cond in mine:
        if cond in other:
            continue
        pieces = failures(cond, REAL_LINE)
        if pieces is None:
            found = _sampled(cond, REAL_LINE)
            if found is not None and defined_at(other, found.x):
                return found
            raise Undecided(f"cannot compare the domains ({cond})")
        for piece in pieces:
            if violation_at(other, piece.violation.x) is None:
                return piece.violation
            if not piece.is_point:
                raise Undecided(f"cannot compare the domains on a segment where {cond} fails")
    return None


def asymmetric(domain: tuple[Condition, ...]) -> Violation | None:
    """A point x where f is undefined but f(−x) is defined (so f is neither even nor odd)."""
    for cond in domain:
        pieces = failures(cond, REAL_LINE)
        if pieces is None:
            found = _sampled(cond, REAL_LINE)
            if found is not None and defined_at(domain, -found.x):
                return found
            raise Undecided(f"cannot decide whether the domain is symmetric ({cond})")
        for piece in pieces:
            if violation_at(domain, -piece.violation.x) is None:
                return piece.violation
            if not piece.is_point:
                raise Undecided("cannot decide whether the domain is symmetric")
    return None


def defined_near_infinity(domain: tuple[Condition, ...], plus: bool) -> bool | None:
    """Whether f is defined on a whole half-line (a, ∞) (``plus``) or (−∞, a), so that its limit
    there is about f itself: True / False, or None when a condition is outside the class."""
    for cond in domain:
        try:
            form = to_expform(cond.expr)
        except OutsideClass:
            tail = _polynomial_tail(cond, plus)
            if tail is not True:
                return tail
            continue
        chart = sign_chart(form, REAL_LINE)
        if not chart.segments:
            return None
        end = chart.segments[-1] if plus else chart.segments[0]
        if end.sign in _FAILS[cond.kind]:
            return False
    return True
