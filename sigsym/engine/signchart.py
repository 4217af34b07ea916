"""Decision procedures on the normal form R(t), t = e^{(x-x0)/m} > 0.

Signs on an interval come from a *sign chart*: the positive roots of numerator and poles are
isolated exactly, placed against the interval's ends (rationals exactly, e^{c} by refinement),
and the sign on each piece between them is read at a rational sample point with interval
arithmetic (certain, since the piece holds no root). Monotonicity is the chart of f′;
extremes compare the finitely many candidate values exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import ceil, floor

import sympy as sp

from ..language.parse import Interval
from . import flintpoly, numeric
from .algebraic import (
    RealRoot,
    Root,
    compare,
    compare_root,
    positive_roots,
    simplify_number,
    value_at,
)
from .expform import ExpForm

SIMPLIFY_DEGREE = 12  # values at e^c of rational functions of higher degree are shown as they are


class Undecided(Exception):
    """A comparison could not be settled; the caller answers `unknown`."""


@dataclass(frozen=True)
class Mark:
    """A point of the chart: a zero of f, or a point where f is undefined."""

    root: Root
    kind: str  # "zero" | "pole"
    x: sp.Expr
    at_end: str = ""  # "lo" / "hi" when the mark sits on a closed end


@dataclass(frozen=True)
class Segment:
    """An open piece of the interval free of marks; f has one sign there."""

    samples: tuple[sp.Rational, sp.Rational]
    sign: int


@dataclass(frozen=True)
class Chart:
    marks: tuple[Mark, ...]
    segments: tuple[Segment, ...]

    def zeros(self) -> list[Mark]:
        return [m for m in self.marks if m.kind == "zero"]

    def poles(self) -> list[Mark]:
        return [m for m in self.marks if m.kind == "pole"]


@lru_cache(maxsize=256)
def x_function(form: ExpForm):  # noqa: ANN201 - compiled interval function of x
    """x ↦ R(e^{(x − x0)/m}) as an interval function (Arb balls, see ``numeric.exp_rational``)."""
    num, den = flintpoly.rational(form.num), flintpoly.rational(form.den)
    return numeric.exp_rational(num, den, Fraction(int(form.shift.p), int(form.shift.q)), form.m)


def x_of_root(form: ExpForm, root: Root) -> sp.Expr:
    """x = m·log(t) + x0, written with a logarithm of a number above 1 where it can be."""
    if root.value == 1:
        return form.shift
    if root.hi <= 1 and not isinstance(root.value, sp.CRootOf):
        return -form.m * sp.log(sp.radsimp(1 / root.value)) + form.shift
    value = root.value
    if isinstance(value, RealRoot):  # log's automatic simplification has nothing to find in it
        return form.m * sp.log(value, evaluate=False) + form.shift
    return form.m * sp.log(value) + form.shift


# ---------------------------------------------------------------- sampling helpers

def simplest_between(a: Fraction | None, b: Fraction | None) -> Fraction:
    """The simplest rational strictly between a and b (None = ∓∞)."""
    if a is None and b is None:
        return Fraction(0)
    if a is None:
        return Fraction(0) if b > 0 else Fraction(ceil(b) - 1)
    if b is None:
        return Fraction(0) if a < 0 else Fraction(floor(a) + 1)
    if a < 0 < b:
        return Fraction(0)
    if b <= 0:
        return -simplest_between(-b, -a)
    n = floor(a)
    if n + 1 < b:
        return Fraction(n + 1)
    # a, b in [n, n+1]: continued-fraction step on the fractional parts
    lo, hi = a - n, b - n
    inv_hi = None if lo == 0 else 1 / lo
    return n + 1 / simplest_between(1 / hi, inv_hi)


def _end_bounds(x: sp.Expr) -> tuple[Fraction | None, Fraction | None]:
    if x == -sp.oo:
        return None, None
    if x == sp.oo:
        return None, None
    if x.is_Rational:
        f = Fraction(int(x.p), int(x.q))
        return f, f
    enc = numeric.enclose(x, bits=120)
    if enc is None:
        raise Undecided(f"cannot enclose {x}")
    return numeric.to_fraction(enc)


def _root_bounds(form: ExpForm, root: Root) -> tuple[Fraction | None, Fraction | None]:
    if root.rational:
        return _end_bounds(form.m * sp.log(root.lo) + form.shift if root.lo != 1 else form.shift)
    while root.lo <= 0:  # the root is positive: shrink its interval off t = 0 (x = -oo)
        root.refine()
    lo = numeric.enclose(form.m * sp.log(root.lo) + form.shift, bits=120)
    hi = numeric.enclose(form.m * sp.log(root.hi) + form.shift, bits=120)
    return numeric.to_fraction(lo)[0], numeric.to_fraction(hi)[1]


def _samples(left: tuple, right: tuple) -> tuple[sp.Rational, sp.Rational]:
    """Two rationals strictly between the upper bound of ``left`` and lower bound of ``right``."""
    a, b = left[1], right[0]
    if a is not None and b is not None and a >= b:
        raise Undecided("boundaries too close")
    s1 = simplest_between(a, b)
    s2 = simplest_between(s1, b)
    return sp.Rational(s1.numerator, s1.denominator), sp.Rational(s2.numerator, s2.denominator)


# ---------------------------------------------------------------- the sign chart

def _place(root: Root, form: ExpForm, interval: Interval) -> str | None:
    """'in', 'lo', 'hi' (on a closed end) or None (outside)."""
    c1 = compare_root(root, form.t_of_x(interval.lo))
    c2 = compare_root(root, form.t_of_x(interval.hi))
    if c1 is None or c2 is None:
        raise Undecided("cannot place a root against the interval ends")
    if c1 < 0 or c2 > 0:
        return None
    if c1 == 0:
        return "lo" if interval.lo_closed else None
    if c2 == 0:
        return "hi" if interval.hi_closed else None
    return "in"


def sign_chart(form: ExpForm, interval: Interval) -> Chart:
    """Zeros, undefined points and the sign between them, of f on the interval."""
    pole_roots = positive_roots(form.poles)
    zero_roots = [r for r in positive_roots(form.num) if form.poles.rem(r.factor).is_zero is False]
    marks: list[tuple[Root, str, str]] = []
    for kind, roots in (("pole", pole_roots), ("zero", zero_roots)):
        for r in roots:
            where = _place(r, form, interval)
            if where is not None:
                marks.append((r, kind, where))
    order = sorted(marks, key=lambda m: (m[0].lo, m[0].hi))
    _separate([m[0] for m in order])
    order = sorted(marks, key=lambda m: (m[0].lo, m[0].hi))
    chart_marks = tuple(Mark(r, kind, x_of_root(form, r), "" if where == "in" else where)
                        for r, kind, where in order)
    fn = x_function(form)
    bounds = [(_end_bounds(interval.lo), None)]
    for mark in chart_marks:
        bounds.append((_root_bounds(form, mark.root), mark))
    bounds.append((_end_bounds(interval.hi), None))
    segments = []
    for (left, lmark), (right, rmark) in zip(bounds, bounds[1:], strict=False):
        if (lmark is not None and lmark.at_end == "hi") or (rmark is not None and rmark.at_end == "lo"):
            continue
        if lmark is None and interval.lo == -sp.oo:
            left = (None, None)
        if rmark is None and interval.hi == sp.oo:
            right = (None, None)
        for _ in range(60):
            try:
                samples = _samples(left, right)
                break
            except Undecided:
                for mk in (lmark, rmark):
                    if mk is not None:
                        mk.root.refine()
                left = _root_bounds(form, lmark.root) if lmark else left
                right = _root_bounds(form, rmark.root) if rmark else right
        else:
            raise Undecided("could not separate the chart's points")
        s = numeric.sign_of(fn, samples[0])
        if s is None:
            raise Undecided(f"sign at x = {samples[0]} not certified")
        segments.append(Segment(samples, s))
    return Chart(chart_marks, tuple(segments))


def _separate(roots: list[Root]) -> None:
    for _ in range(200):
        clash = False
        for a, b in zip(roots, roots[1:], strict=False):
            if b.lo < a.hi and not (a.rational and b.rational):
                a.refine()
                b.refine()
                clash = True
        if not clash:
            return


# ---------------------------------------------------------------- limits and values

def limit_at_infinity(form: ExpForm, plus: bool) -> sp.Expr:
    """Exact limit of R as t → ∞ (plus) or t → 0⁺: compare leading / lowest terms."""
    num, den = form.num, form.den
    if num.is_zero:
        return sp.Integer(0)
    if plus:
        dn, dd = num.degree(), den.degree()
        ratio = num.LC() / den.LC()
        if dn < dd:
            return sp.Integer(0)
        if dn == dd:
            return sp.Rational(ratio)
        return sp.oo if ratio > 0 else -sp.oo
    def low(p: sp.Poly) -> tuple[int, sp.Rational]:
        terms = sorted(p.terms())
        (k,), c = terms[0]
        return k, c
    kn, cn = low(num)
    kd, cd = low(den)
    if kn > kd:
        return sp.Integer(0)
    if kn == kd:
        return sp.Rational(cn / cd)
    return sp.oo if cn / cd > 0 else -sp.oo


def value_at_x(form: ExpForm, x: sp.Expr) -> sp.Expr:
    """R at the t of a finite x, simplified (x not a pole)."""
    if x in (sp.oo, -sp.oo):
        return limit_at_infinity(form, x == sp.oo)
    t = form.t_of_x(x)
    if not x.is_Rational:  # e^{rational} is already in its simplest form
        t = sp.simplify(t)
    value = form.at_t(t)
    if max(form.num.degree(), form.den.degree()) > SIMPLIFY_DEGREE:
        return value  # simplifying a rational function of high degree in e^c costs seconds
    return simplify_number(value)


def value_at_root(form: ExpForm, root: Root) -> sp.Expr:
    """R at a root t₀, exactly: on FLINT (reduction modulo t₀'s polynomial) when it can, and
    otherwise by SymPy arithmetic on t₀'s exact value."""
    fast = value_at(form.num, form.den, root)
    if fast is not None:
        return fast
    return simplify_number(form.at_t(root.value))


# ---------------------------------------------------------------- extremes

@dataclass(frozen=True)
class Candidate:
    value: sp.Expr
    x: sp.Expr
    attained: bool
    why: str  # "critical point", "closed end", "open end", "limit"


@dataclass(frozen=True)
class Extreme:
    value: sp.Expr
    attained_at: sp.Expr | None
    candidates: tuple[Candidate, ...]


def candidates(form: ExpForm, interval: Interval) -> tuple[Chart, list[Candidate]]:
    """Values at critical points and ends; f is monotone between them."""
    closure = Interval(interval.lo, interval.hi, interval.lo != -sp.oo, interval.hi != sp.oo)
    if sign_chart_poles(form, closure):
        raise Undecided("f has a pole on the interval or at its ends")
    dchart = sign_chart(form.derivative(), interval)
    out = [Candidate(value_at_root(form, m.root), m.x, True, "critical point")
           for m in dchart.zeros() if m.at_end == ""]
    for end, closed, plus in ((interval.lo, interval.lo_closed, False), (interval.hi, interval.hi_closed, True)):
        if end in (sp.oo, -sp.oo):
            out.append(Candidate(limit_at_infinity(form, plus), end, False, "limit"))
        else:
            out.append(Candidate(value_at_x(form, end), end, closed, "closed end" if closed else "open end"))
    return dchart, out


def sign_chart_poles(form: ExpForm, interval: Interval) -> list[Mark]:
    pole_roots = positive_roots(form.poles)
    return [Mark(r, "pole", x_of_root(form, r)) for r in pole_roots if _place(r, form, interval) is not None]


def extreme(cands: list[Candidate], want: int) -> Extreme:
    """The greatest (want=1) or least (want=-1) candidate value, and where it is attained."""
    best = cands[0].value
    for c in cands[1:]:
        s = compare(c.value, best)
        if s is None:
            raise Undecided("could not compare candidate values")
        if s * want > 0:
            best = c.value
    at = None
    for c in cands:
        if c.attained and compare(c.value, best) == 0:
            at = c.x
            break
    return Extreme(best, at, tuple(cands))
