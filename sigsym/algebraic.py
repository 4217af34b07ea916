"""Real algebraic numbers for the decision procedures: positive roots, ordering, exact values.

A root is kept with its irreducible factor and a rational isolating interval, so it can be
compared with rationals exactly and with e^{c} (transcendental) by refinement, which always
terminates because the two can never be equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp

from . import exact, numeric
from .expform import T

MAX_REFINE = 200


@dataclass
class Root:
    """A positive real root of a squarefree ``factor``, isolated in (lo, hi) or exact.

    ``factor`` is irreducible for small degrees (so quadratic roots get radicals); for large
    degrees it is only squarefree, and the exact value is a ``CRootOf`` made when first asked for.
    """

    factor: sp.Poly
    lo: sp.Rational
    hi: sp.Rational
    _value: sp.Expr | None = field(default=None, repr=False)

    @property
    def rational(self) -> bool:
        return self.lo == self.hi

    @property
    def value(self) -> sp.Expr:
        if self._value is None:
            self._value = _crootof(self)
        return self._value

    def refine(self) -> None:
        if self.rational:
            return
        mid = (self.lo + self.hi) / 2
        v = self.factor.eval(mid)
        if v == 0:
            self.lo = self.hi = mid
            self._value = mid
            return
        at_lo, at_hi = self.factor.eval(self.lo), self.factor.eval(self.hi)
        if at_lo != 0:  # a sign change between lo and mid holds the root
            left = (v > 0) != (at_lo > 0)
        elif at_hi != 0:
            left = (v > 0) == (at_hi > 0)
        else:  # both ends are roots of other factors: count strictly inside (lo, mid)
            left = self.factor.count_roots(self.lo, mid) - 1 > 0
        if left:
            self.hi = mid
        else:
            self.lo = mid


def _crootof(root: Root) -> sp.Expr:
    """The exact value: the irreducible factor with a root in the isolating interval, indexed."""
    if root.rational:
        return root.lo
    for factor, _m in root.factor.factor_list()[1]:
        if factor.degree() == 0:
            continue
        inside = factor.count_roots(root.lo, root.hi) - (factor.eval(root.lo) == 0) - (factor.eval(root.hi) == 0)
        if inside == 0:  # the ends may be roots of other factors; the root itself is strictly inside
            continue
        index = factor.count_roots(None, root.lo)  # real roots to the left, numbered from 0
        return _nice(factor, root.lo, root.hi, index)
    raise ValueError("root not found among the factors")


def _nice(factor: sp.Poly, lo: sp.Rational, hi: sp.Rational, index: int) -> sp.Expr:
    if factor.degree() == 1:
        return -factor.all_coeffs()[1] / factor.all_coeffs()[0]
    if factor.degree() == 2:
        for r in sp.roots(factor, multiple=True):
            if r.is_real and lo <= r <= hi:
                return sp.nsimplify(r) if r.is_Rational else sp.radsimp(r)
    return sp.CRootOf(factor.as_expr(), index)


FACTOR_DEGREE = 12


def positive_roots(poly: sp.Poly) -> list[Root]:
    """All roots t > 0 of poly, each once, sorted (certified ordering).

    Small polynomials are factored (irreducible factors give radicals and cheap exact tests);
    large ones are only made squarefree: factoring a degree-1000 polynomial is not needed to
    isolate its roots.
    """
    if poly.is_zero or poly.degree() <= 0:
        return []
    sqf = poly.sqf_part()
    t = sqf.gen
    while sqf.degree() > 0 and sqf.eval(0) == 0:  # t = 0 is never a point of the real line
        sqf = sqf.quo(sp.Poly(t, t))
    if sqf.degree() <= 0:
        return []
    factors = [f for f, _m in sqf.factor_list()[1]] if sqf.degree() <= FACTOR_DEGREE else [sqf]
    out: list[Root] = []
    for factor in factors:
        if factor.degree() == 0:
            continue
        small = factor.degree() <= FACTOR_DEGREE
        negatives = len(factor.intervals(sup=0)) if small and factor.degree() > 2 else 0
        for k, ((a, b), _m) in enumerate(factor.intervals(inf=0)):
            idx = negatives + k  # CRootOf index: real roots are numbered from the left
            a, b = sp.Rational(a), sp.Rational(b)
            if b <= 0:
                continue
            root = Root(factor, a, b, a if a == b else None)
            while root.lo < 0:  # straddles 0, which is not a root: shrink to one side
                root.refine()
            if root.hi <= 0:
                continue
            if small and root._value is None:
                root._value = _nice(factor, root.lo, root.hi, idx)
            out.append(root)
    _sort(out)
    return out


def _sort(roots: list[Root]) -> None:
    # distinct roots: refine overlapping intervals until they separate
    changed = True
    while changed:
        changed = False
        roots.sort(key=lambda r: (r.lo, r.hi))
        for a, b in zip(roots, roots[1:], strict=False):
            if b.lo < a.hi and not (a.rational and b.rational):
                a.refine()
                b.refine()
                changed = True


def compare_root(root: Root, tau: sp.Expr) -> int | None:
    """sign(root - tau) exactly; tau is a positive constant, 0 or oo."""
    if tau == sp.oo:
        return -1
    if tau == 0:
        return 1
    if tau.is_Rational:
        if root.rational:
            return int(bool(root.lo > tau)) - int(bool(root.lo < tau))
        if root.factor.eval(tau) == 0:
            return 0 if root.lo <= tau <= root.hi else (1 if root.lo > tau else -1)
        for _ in range(MAX_REFINE):
            if root.lo >= tau:
                return 1
            if root.hi <= tau:
                return -1
            root.refine()
        return None
    zero = exact.is_zero(root.value - tau)
    if zero:
        return 0
    for bits in numeric.PRECISIONS:
        enc = numeric.enclose(tau, bits=bits)
        if enc is None:
            return None
        lo, hi = numeric.to_fraction(enc)
        for _ in range(bits // 2):
            if Fraction(root.lo.p, root.lo.q) > hi:
                return 1
            if Fraction(root.hi.p, root.hi.q) < lo:
                return -1
            if root.rational:
                break
            root.refine()
    return None if zero is None else numeric.sign(root.value - tau)


def compare(a: sp.Expr, b: sp.Expr) -> int | None:
    """sign(a - b) for real constants or ±oo: exact zero test, then certified numeric sign."""
    if a == b:
        return 0
    if a in (sp.oo, -sp.oo) or b in (sp.oo, -sp.oo):
        if a == sp.oo or b == -sp.oo:
            return 1
        return -1
    diff = a - b
    s = numeric.sign(diff)  # a certified nonzero sign settles it without algebra
    if s is not None:
        return s
    return 0 if exact.is_zero(diff) else None


def member(interval: object, point: sp.Expr) -> bool | None:
    """Whether a real constant lies in the interval, decided exactly (None: not decided).

    Ends and points written differently (log(9)/2 and log(3)) are compared by ``compare``,
    which settles equality with the exact zero test, never by a numeric guess.
    """
    lo, hi = interval.lo, interval.hi  # type: ignore[attr-defined]
    left = 1 if lo == -sp.oo else compare(point, lo)
    right = 1 if hi == sp.oo else compare(hi, point)
    if left is None or right is None:
        return None
    ok_left = left > 0 or (left == 0 and interval.lo_closed)  # type: ignore[attr-defined]
    ok_right = right > 0 or (right == 0 and interval.hi_closed)  # type: ignore[attr-defined]
    return ok_left and ok_right


def _reduce_single_generator(v: sp.Expr) -> sp.Expr | None:
    """A rational function of one algebraic g, reduced to a polynomial in g of degree < deg g."""
    found = exact.single_generator(v)
    if found is None:
        return None
    g, y, w = found
    try:
        mp = sp.Poly(sp.minimal_polynomial(g, y), y, domain=sp.QQ)
        if mp.degree() > 2:
            return None
        num, den = (sp.Poly(p, y, domain=sp.QQ) for p in sp.fraction(sp.together(w)))
        inv = sp.invert(den, mp)
        out = (num * inv).rem(mp)
    except (sp.PolynomialError, NotImplementedError, ValueError, sp.CoercionFailed, ZeroDivisionError):
        return None
    return sp.expand(out.as_expr().subs(y, g))


def simplify_number(v: sp.Expr) -> sp.Expr:
    """A canonical exact form for display: rationals, quadratic surds, or as is."""
    v = sp.sympify(v)
    if v.is_Rational or v in (sp.oo, -sp.oo):
        return v
    if v.has(sp.exp, sp.E):
        return min((sp.together(v), sp.factor(sp.cancel(v))), key=sp.count_ops)
    if v.has(sp.log, sp.pi):
        return v  # not algebraic: shown as it is
    reduced = _reduce_single_generator(v)
    if reduced is not None:
        return reduced
    if any(r.poly.degree() > 2 for r in v.atoms(sp.CRootOf)) or sp.count_ops(v) > 60:
        return v  # exact but not worth a minimal polynomial; shown with a decimal
    try:
        mp = sp.minimal_polynomial(v, T)
    except (NotImplementedError, sp.PolynomialError, ValueError):
        return v
    poly = sp.Poly(mp, T)
    if poly.degree() == 1:
        return -poly.all_coeffs()[1] / poly.all_coeffs()[0]
    if poly.degree() == 2:
        enc = numeric.enclose(v, bits=120)
        for r in sp.roots(poly, multiple=True):
            e = numeric.enclose(r, bits=120)
            if enc is not None and e is not None and not (e.b < enc.a or e.a > enc.b):
                return sp.radsimp(r)
    return v
