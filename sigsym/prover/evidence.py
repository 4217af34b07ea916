"""Typed evidence for refutations, each re-checked by its own exact or certified test.

A refutation is believed only because the kernel re-checks its evidence here, from scratch:
the sign of a constant by interval arithmetic (``SignAt``), a zero by the exact zero test
(``ExactZero``), a zero of f in the exp normal form by exact polynomial divisibility
(``RootOfFactor``), a point outside an interval by exact membership (``OutsideInterval``), a
rounding by rational arithmetic on the ends of the rounding cells (``RoundingCell``), a limit or
an image by recomputing it with the decision procedure of the engine (``ExactLimit``,
``ImageIs``, ``NoExtreme``). No check reads a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from ..engine import exact, numeric
from ..engine.algebraic import compare, member
from ..engine.expform import T, to_expform
from ..engine.signchart import Undecided, candidates, extreme, limit_at_infinity, value_at_x
from ..errors import OutsideClass
from ..functions import X, to_exp
from ..language.parse import REAL_LINE, Interval


@dataclass(frozen=True)
class SignAt:
    """``witness`` (a real constant) has the sign ``sign`` (±1), certified by interval arithmetic."""

    witness: sp.Expr
    sign: int

    def verify(self) -> bool:
        return self.sign in (1, -1) and numeric.sign(self.witness) == self.sign


@dataclass(frozen=True)
class ExactZero:
    """``witness`` is exactly 0 (minimal polynomials, transcendence of e)."""

    witness: sp.Expr

    def verify(self) -> bool:
        return exact.is_zero(self.witness) is True


@dataclass(frozen=True)
class RootOfFactor:
    """f(point) = 0 where f = num(t)/den(t), t = e^{(x − shift)/m}: t₀ = e^{(point − shift)/m} is a
    root of ``factor``, ``factor`` divides the numerator and shares no root with the denominator
    or the poles — all exact polynomial arithmetic over Q, far cheaper than the general zero test
    of f at a logarithm of a ``CRootOf``. The normal form is recomputed from f here."""

    function: sp.Expr
    point: sp.Expr
    factor: sp.Poly

    def verify(self) -> bool:
        try:
            form = to_expform(self.function)
        except OutsideClass:
            return False
        p = sp.Poly(self.factor.as_expr(), T)
        if p.degree() < 1 or not form.num.rem(p).is_zero:
            return False
        if p.gcd(form.den).degree() > 0 or p.gcd(form.poles).degree() > 0:
            return False
        t0 = sp.exp((self.point - form.shift) / form.m)
        if t0.is_positive is not True:
            return False
        if isinstance(t0, sp.CRootOf):  # t0 is a root of its own polynomial; if that divides p, of p
            own = sp.Poly(t0.poly.as_expr().subs(t0.poly.gen, T), T)
            if p.rem(own).is_zero:
                return True
        return exact.is_zero(p.as_expr().subs(T, t0)) is True


@dataclass(frozen=True)
class Undefined:
    """f is not defined at ``point``: the condition ``witness`` (its value there) is exactly 0
    (``sign`` 0) or certainly negative (``sign`` −1)."""

    point: sp.Expr | None
    witness: sp.Expr
    sign: int

    def verify(self) -> bool:
        if self.sign == 0:
            return ExactZero(self.witness).verify()
        return self.sign == -1 and SignAt(self.witness, -1).verify()


@dataclass(frozen=True)
class EvaluatesUndefined:
    """Exact evaluation of f at ``point`` divides by an exact zero (SymPy's ``zoo``/``nan``)."""

    function: sp.Expr
    point: sp.Expr

    def verify(self) -> bool:
        return to_exp(self.function).subs(X, self.point).has(sp.zoo, sp.nan)


@dataclass(frozen=True)
class OutsideInterval:
    """``point`` is not in ``interval`` (exact membership)."""

    point: sp.Expr
    interval: Interval

    def verify(self) -> bool:
        return member(self.interval, self.point) is False


@dataclass(frozen=True)
class RoundingCell:
    """``value`` rounds (half away from zero) to ``rounded`` at ``digits`` decimals, certified
    again from its enclosure (a tie settled by the exact zero test), and ``rounded`` is not the
    ``claimed`` decimal (rational arithmetic)."""

    value: sp.Expr
    digits: int
    rounded: Fraction
    claimed: Fraction

    def verify(self) -> bool:
        if self.rounded == self.claimed:
            return False

        def tie(b: Fraction) -> bool | None:
            return exact.is_zero(self.value - sp.Rational(b.numerator, b.denominator))

        return numeric.certified_round(self.value, self.digits, tie) == self.rounded


def _limit(function: sp.Expr, at: sp.Expr) -> sp.Expr | None:
    """The limit recomputed: at ±∞ from degrees and leading coefficients; at a point where the
    reduced denominator does not vanish, the value of the rational function (continuity)."""
    form = to_expform(function)
    if at in (sp.oo, -sp.oo):
        return limit_at_infinity(form, at == sp.oo)
    tp = form.t_of_x(at)
    if exact.is_zero(form.den.as_expr().subs(T, tp)) is not False:
        return None
    return value_at_x(form, at)


@dataclass(frozen=True)
class ExactLimit:
    """The limit of f at ``at`` is ``value`` (recomputed, see ``_limit``) and differs from
    ``claimed`` (exact comparison)."""

    function: sp.Expr
    at: sp.Expr
    value: sp.Expr
    claimed: sp.Expr

    def verify(self) -> bool:
        try:
            lim = _limit(self.function, self.at)
        except (OutsideClass, Undecided):
            return False
        if lim is None:
            return False
        return compare(lim, self.value) == 0 and compare(lim, self.claimed) not in (0, None)


def _image(function: sp.Expr) -> Interval:
    if not function.has(X):
        return Interval(function, function, True, True)
    _, cands = candidates(to_expform(function), REAL_LINE)
    hi, lo = extreme(cands, 1), extreme(cands, -1)
    return Interval(lo.value, hi.value, lo.attained_at is not None, hi.attained_at is not None)


def _same_interval(a: Interval, b: Interval) -> bool | None:
    ends = compare(a.lo, b.lo), compare(a.hi, b.hi)
    if None in ends:
        return None
    return ends == (0, 0) and (a.lo_closed, a.hi_closed) == (b.lo_closed, b.hi_closed)


@dataclass(frozen=True)
class ImageIs:
    """The image of the real line under f is ``image`` (recomputed: critical points, limits,
    intermediate value theorem), which is not the ``claimed`` interval."""

    function: sp.Expr
    image: Interval
    claimed: Interval

    def verify(self) -> bool:
        try:
            image = _image(self.function)
        except (OutsideClass, Undecided):
            return False
        return _same_interval(image, self.image) is True and _same_interval(image, self.claimed) is False


@dataclass(frozen=True)
class NoExtreme:
    """The supremum (``want`` 1) or infimum (−1) of f on ``interval`` is not attained (recomputed)."""

    function: sp.Expr
    interval: Interval
    want: int

    def verify(self) -> bool:
        try:
            _, cands = candidates(to_expform(self.function), self.interval)
        except (OutsideClass, Undecided):
            return False
        return extreme(cands, self.want).attained_at is None


@dataclass(frozen=True)
class ExtremeIs:
    """The greatest (``want`` 1) or least (−1) value of f on ``interval`` is ``value``, attained
    (recomputed: critical points and ends, compared exactly), and differs from ``claimed``."""

    function: sp.Expr
    interval: Interval
    want: int
    value: sp.Expr
    claimed: sp.Expr

    def verify(self) -> bool:
        try:
            _, cands = candidates(to_expform(self.function), self.interval)
        except OutsideClass:
            return self._beyond_rational_functions()
        except Undecided:
            return False
        best = extreme(cands, self.want)
        return best.attained_at is not None and compare(best.value, self.value) == 0 \
            and compare(best.value, self.claimed) not in (0, None)

    def _beyond_rational_functions(self) -> bool:
        """Quotients of exponential polynomials: the extreme recomputed (critical points isolated
        and their values enclosed, prover.xclass) is attained and certainly differs from the
        claim; ``value`` is what it was shown as (a closed form, or a certified rounding)."""
        from . import xclass

        try:
            _c, cands = xclass.candidates(self.function, self.interval)
            top = xclass.best(self.function, cands, self.want).candidate
            return top.attained and xclass._compare(self.function, top, self.claimed) not in (0, None)
        except (OutsideClass, Undecided):
            return False


def of_sign(witness: sp.Expr, sign: int) -> SignAt | ExactZero:
    """The evidence that ``witness`` has ``sign``: certified (±1) or the exact zero test (0)."""
    return ExactZero(witness) if sign == 0 else SignAt(witness, sign)


Evidence = (SignAt | ExactZero | RootOfFactor | Undefined | EvaluatesUndefined | OutsideInterval
            | RoundingCell | ExactLimit | ImageIs | NoExtreme | ExtremeIs)
