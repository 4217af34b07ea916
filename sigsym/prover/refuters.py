"""The refuters: for each property, a certified counterexample at sample points, or None.

A refuter serves twice: it refutes claims outside the decidable class, and it cross-examines
every ``proved`` verdict (a hit there is an engine bug). A hit is reported only when the
interval enclosure *excludes* the claim, and it carries that sign as typed evidence (``SignAt``)
the kernel re-checks. Each property's spec names its refuter.
"""

from __future__ import annotations

from typing import cast

import sympy as sp

from ..engine import numeric
from ..engine.samples import sample_points
from ..functions import X
from ..language.parse import REAL_LINE, Interval
from .evidence import SignAt
from .kernel import Claim, Counterexample
from .signs import SIGNS
from .witness import approx, compiled, defined_points, enclosure, first_hit, sign_hit


def _points(claim: Claim) -> list[sp.Expr]:
    return defined_points(claim, sample_points(claim.option("on", REAL_LINE)))


def _f(claim: Claim, p: sp.Expr) -> sp.Expr:
    return claim.expr.subs(X, p)


def identity(claim: Claim) -> Counterexample | None:
    """A point where f − g has a certified nonzero sign."""
    f, g = claim.expr, claim.option("equals")
    hit = first_hit(f - g, _points(claim))
    if hit is None:
        return None
    fx, gx = _f(claim, hit), g.subs(X, hit)
    return Counterexample(f"at x = {hit}: f = {approx(fx)} but the right side = {approx(gx)}",
                          rf"f({sp.latex(hit)}) \approx {approx(fx)} \ne {approx(gx)}",
                          SignAt(fx - gx, numeric.sign(fx - gx) or 0), x=hit)


def parity(claim: Claim) -> Counterexample | None:
    """A point where f(−x) ∓ f(x) has a certified nonzero sign (x = 0 decides oddness)."""
    f = claim.expr
    even = claim.prop == "even"
    sym = f.subs(X, -X) - f if even else f.subs(X, -X) + f
    pts = _points(claim)
    hit = first_hit(sym, [p for p in pts if p >= 0] + [p for p in pts if p < 0])
    if hit is None:
        return None
    w = sym.subs(X, hit)
    left, right = _f(claim, -hit), _f(claim, hit)
    if even:
        text = f"f({-hit}) = {approx(left)} ≠ f({hit}) = {approx(right)}"
        tex = rf"f({sp.latex(-hit)}) \approx {approx(left)} \neq f({sp.latex(hit)}) \approx {approx(right)}"
    else:  # f(−x) ≠ −f(x), both sides printed as they are compared
        text = f"f({-hit}) = {approx(left)} ≠ −f({hit}) = {approx(-right)}"
        tex = rf"f({sp.latex(-hit)}) \approx {approx(left)} \neq -f({sp.latex(hit)}) \approx {approx(-right)}"
    return Counterexample(text, tex, SignAt(w, numeric.sign(w) or 0), x=hit)


def sign(claim: Claim) -> Counterexample | None:
    """A point where f certainly has the refuting sign of the property's sign rule."""
    bad = SIGNS[claim.prop].refuting
    if bad is None:
        return None
    hit = sign_hit(claim.expr, _points(claim), bad)
    if hit is None:
        return None
    fx = _f(claim, hit)
    return Counterexample(f"f({hit}) = {approx(fx)}", rf"f({sp.latex(hit)}) \approx {approx(fx)}",
                          SignAt(fx, bad), x=hit)


def monotone(claim: Claim) -> Counterexample | None:
    """Consecutive sample points a < b where f certainly moves the wrong way."""
    fn = compiled(claim.expr)
    if fn is None:
        return None
    want = 1 if claim.prop == "increasing" else -1
    ordered = sorted(_points(claim))
    for a, b in zip(ordered, ordered[1:], strict=False):
        va, vb = enclosure(fn, a), enclosure(fn, b)
        if va is None or vb is None:
            continue
        if numeric.certain_sign((vb - va) * want) == -1:
            fa, fb = _f(claim, a), _f(claim, b)
            return Counterexample(f"{a} < {b} but f({a}) = {approx(fa)}, f({b}) = {approx(fb)}",
                                  rf"{sp.latex(a)} < {sp.latex(b)},\ f({sp.latex(a)}) \approx {approx(fa)},\ f({sp.latex(b)}) \approx {approx(fb)}",
                                  SignAt((fb - fa) * want, -1), x=a, x2=b)
    return None


def extreme(claim: Claim) -> Counterexample | None:
    """A point where f certainly exceeds the claimed maximum (falls below the minimum)."""
    v = claim.option("equals")
    bad = 1 if claim.prop == "maximum" else -1
    digits = cast(int | None, claim.option("digits"))
    if digits is not None:  # the claim is a rounded value: beyond its rounding cell
        v = v + bad * sp.Rational(1, 2 * 10**digits)
    hit = sign_hit(claim.expr - v, _points(claim), bad)
    if hit is None:
        return None
    fx = _f(claim, hit)
    side = ">" if bad > 0 else "<"
    return Counterexample(f"f({hit}) = {approx(fx)} {side} {v}",
                          rf"f({sp.latex(hit)}) \approx {approx(fx)} {side} {sp.latex(v)}",
                          SignAt(fx - v, bad), x=hit)


def image(claim: Claim) -> Counterexample | None:
    """A point where f certainly lies beyond a finite end of the claimed range."""
    j: Interval = claim.option("equals")
    pts = _points(claim)
    for end, bad in ((j.lo, -1), (j.hi, 1)):
        if end in (sp.oo, -sp.oo):
            continue
        hit = sign_hit(claim.expr - end, pts, bad)
        if hit is not None:
            fx = _f(claim, hit)
            return Counterexample(f"f({hit}) = {approx(fx)} lies outside {j}",
                                  rf"f({sp.latex(hit)}) \approx {approx(fx)} \notin {j.latex()}",
                                  SignAt(fx - end, bad), x=hit)
    return None


def second_derivative_nonzero(w: sp.Expr, a: sp.Expr) -> Counterexample:
    """Against an inflection at a: w = f″(a) has a certified sign, so f″ keeps it near a.
    Raises ``Undecided`` when the sign is not certified."""
    from ..engine.signchart import Undecided

    s = numeric.sign(w)
    if s is None:
        raise Undecided("f″ at the point is not certified nonzero")
    return Counterexample(f"f″({a}) ≠ 0, so f″ keeps its sign near x = {a}", rf"f''({sp.latex(a)}) \neq 0",
                          SignAt(w, s), x=a, check="interval arithmetic")


def none(claim: Claim) -> Counterexample | None:  # noqa: ARG001 - a property sampling cannot refute
    """No sample point can refute this property (values, limits, smoothness, closed forms)."""
    return None


def convexity(claim: Claim) -> Counterexample | None:
    """A sample point where f″ certainly has the wrong sign."""
    from .procedures import second_derivative_claim

    return sign(second_derivative_claim(claim))


def bounded(claim: Claim, name: str = "f", tex: str = "f") -> Counterexample | None:
    """A sample point where |f| certainly exceeds the bound (``name``: how the text calls f)."""
    b = cast(sp.Expr, claim.option("equals"))
    pts = _points(claim)
    for bound, bad in ((b, 1), (-b, -1)):
        hit = sign_hit(claim.expr - bound, pts, bad)
        if hit is not None:
            fx = _f(claim, hit)
            return Counterexample(f"|{name}({hit})| ≈ {approx(abs(fx))} > {b}",
                                  rf"|{tex}({sp.latex(hit)})| > {sp.latex(b)}", SignAt(fx - bound, bad), x=hit)
    return None


def lipschitz(claim: Claim) -> Counterexample | None:
    """A sample point where |f′| certainly exceeds L (the text names f′, not f)."""
    from .procedures import derivative_claim

    return bounded(derivative_claim(claim, "bounded"), "f′", "f'")


def inflection(claim: Claim) -> Counterexample | None:
    """f″(at) certainly nonzero: f″ keeps its sign near the point."""
    a = claim.option("at")
    w = sp.diff(claim.expr, X, 2).subs(X, a)
    s = numeric.sign(w)
    if s is None:
        return None
    return Counterexample(f"f″({a}) ≈ {approx(w)} ≠ 0", rf"f''({sp.latex(a)}) \neq 0", SignAt(w, s), x=a)
