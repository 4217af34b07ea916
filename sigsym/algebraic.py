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
    """A positive real root of an irreducible ``factor``, isolated in (lo, hi) or exact."""

    factor: sp.Poly
    lo: sp.Rational
    hi: sp.Rational
    value: sp.Expr  # Rational, a radical, or CRootOf
    _evalf: float = field(default=0.0)

    @property
    def rational(self) -> bool:
        return self.lo == self.hi

    def refine(self) -> None:
        if self.rational:
            return
        mid = (self.lo + self.hi) / 2
        v = self.factor.eval(mid)
        if v == 0:  # cannot happen for irreducible factors of degree > 1
            self.lo = self.hi = mid
        elif (v > 0) == (self.factor.eval(self.lo) > 0):
            self.lo = mid
        else:
            self.hi = mid


def _nice(factor: sp.Poly, lo: sp.Rational, hi: sp.Rational, index: int) -> sp.Expr:
    if factor.degree() == 1:
        return -factor.all_coeffs()[1] / factor.all_coeffs()[0]
    if factor.degree() == 2:
        for r in sp.roots(factor, multiple=True):
            if r.is_real and lo <= r <= hi:
                return sp.nsimplify(r) if r.is_Rational else sp.radsimp(r)
    return sp.CRootOf(factor.as_expr(), index)


def positive_roots(poly: sp.Poly) -> list[Root]:
    """All roots t > 0 of poly, each once, sorted (certified ordering)."""
    if poly.is_zero or poly.degree() <= 0:
        return []
    out: list[Root] = []
    for factor, _mult in poly.factor_list()[1]:
        if factor.degree() == 0:
            continue
        real_index = 0
        for (a, b), _m in factor.intervals():
            a, b = sp.Rational(a), sp.Rational(b)
            idx = real_index
            real_index += 1
            if b <= 0:
                continue
            if a < 0 <= b and factor.eval(0) != 0:
                # straddles 0: shrink until on one side
                root = Root(factor, a, b, sp.Integer(0))
                while root.lo < 0 < root.hi:
                    root.refine()
                if root.hi <= 0:
                    continue
                a, b = root.lo, root.hi
            if factor.eval(0) == 0 and a <= 0:
                continue
            out.append(Root(factor, a, b, _nice(factor, a, b, idx)))
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


def _reduce_single_generator(v: sp.Expr) -> sp.Expr | None:
    """A rational function of one algebraic g, reduced to a polynomial in g of degree < deg g."""
    gens = exact._generators(v)
    if len(gens) != 1:
        return None
    (g,) = gens
    y = sp.Dummy("y")
    w = v.xreplace({g: y})
    if w.free_symbols - {y} or w.atoms(sp.Function) or w.atoms(sp.NumberSymbol):
        return None
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
