"""Real algebraic numbers for the decision procedures: positive roots, ordering, exact values.

A root is kept with its irreducible factor and a rational isolating interval, so it can be
compared with rationals exactly and with e^{c} (transcendental) by refinement, which always
terminates because the two can never be equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import sympy as sp
from flint import arb, ctx, fmpq, fmpq_mat, fmpq_poly, fmpz_poly
from sympy.polys.rootoftools import ComplexRootOf

from . import exact, flintpoly, numeric
from .expform import T

MAX_REFINE = 200
FACTOR_DEGREE = 200  # FLINT factors up to this degree in well under a second
COMPACT_DEGREE = 5  # roots of irreducible factors of this degree or more print as decimals
DECIMALS = 10  # significant digits of such a root, all certified


class RealRoot(ComplexRootOf):
    """``CRootOf(p, k)`` of an irreducible p of degree ≥ COMPACT_DEGREE, printed as its decimal
    expansion cut after DECIMALS certified significant digits (``0.2784645427…``).

    Exactly the same number as the ``CRootOf`` (same polynomial and index, so it compares, hashes
    and evaluates the same); only its printed form differs: the printed polynomial of σ^(40)'s
    critical points is thousands of characters long and tells a reader nothing, and printing it
    cost seconds. The decimal is read off rational bounds narrowed exactly (FLINT), so every
    digit shown is right. A value R(θ) at a root θ is known as A(θ) as well (``value_at``): its
    bounds then come from θ's small polynomial, not from its own huge minimal polynomial.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:  # the same number as the CRootOf (both ways round)
        if isinstance(other, ComplexRootOf):
            return self.poly == other.poly and self.index == other.index
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return ComplexRootOf.__hash__(self.plain())

    def _sympystr(self, printer: object) -> str:
        return decimal_text(self)

    def _latex(self, printer: object) -> str:
        return decimal_text(self).replace("…", r"\ldots")

    def plain(self) -> sp.Expr:
        """The same number as SymPy's own ``CRootOf`` (for SymPy code that checks the class)."""
        return ComplexRootOf._new(self.poly, self.index)

    def bounds(self, bits: int) -> tuple[Fraction, Fraction]:
        """Rational lo ≤ self ≤ hi with hi − lo ≤ 2^−bits·max(1, |self|), certified."""
        return _bounds(_coeffs(self), self.index, bits)


def _coeffs(root: ComplexRootOf) -> tuple[int, ...]:
    return tuple(int(c) for c in reversed(root.poly.all_coeffs()))


# (coefficients, index) of a RealRoot -> (P, lo, hi, A): the number is A(θ), θ the root of P in [lo, hi]
_AS_VALUE: dict[tuple[tuple[int, ...], int], tuple[fmpz_poly, fmpq, fmpq, fmpq_poly]] = {}
_NARROWED: dict[tuple[tuple[int, ...], int], flintpoly.Interval] = {}


def _frac(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def _bounds(coeffs: tuple[int, ...], index: int, bits: int) -> tuple[Fraction, Fraction]:
    key = (coeffs, index)
    via = _AS_VALUE.get(key)
    if via is None:  # narrow the root's own isolating interval
        p = fmpz_poly(list(coeffs))
        lo, hi = _NARROWED.get(key) or _all_real_roots(coeffs)[index]
        scale = max(abs(lo), abs(hi), fmpq(1))
        lo, hi = flintpoly.tighten(p, lo, hi, scale / fmpq(2) ** bits)
        _NARROWED[key] = (lo, hi)
        return _frac(lo), _frac(hi)
    big_p, lo, hi, a = via
    old, extra = ctx.prec, 32
    try:
        while True:
            scale = max(abs(lo), abs(hi), fmpq(1))
            lo, hi = flintpoly.tighten(big_p, lo, hi, scale / fmpq(2) ** (bits + extra))
            _AS_VALUE[key] = (big_p, lo, hi, a)
            ctx.prec = bits + extra + 32
            theta = arb(lo).union(arb(hi))
            value = arb(0)
            for c in reversed(a.coeffs()):
                value = value * theta + arb(c)
            v_lo, v_hi = flintpoly._ball_ends(value)
            if v_hi - v_lo <= max(abs(v_lo), abs(v_hi), fmpq(1)) / fmpq(2) ** bits or lo == hi:
                return _frac(v_lo), _frac(v_hi)
            extra += 64
    finally:
        ctx.prec = old


@lru_cache(maxsize=1024)
def _decimal(coeffs: tuple[int, ...], index: int) -> str:
    bits = 48
    for _ in range(8):
        a, b = _bounds(coeffs, index, bits)
        sign = ""
        if b < 0:
            sign, a, b = "-", -b, -a
        if a == b:
            return sign + str(a)
        if a > 0:
            e = 0  # 10^e <= a < 10^(e+1)
            while a >= Fraction(10) ** (e + 1):
                e += 1
            while a < Fraction(10) ** e:
                e -= 1
            k = max(DECIMALS - 1 - e, 0)  # digits after the point
            da, db = int(a * 10**k), int(b * 10**k)  # floor (both positive)
            if da == db:
                text = str(da).rjust(k + 1, "0")
                return sign + (text[:-k] + "." + text[-k:] if k else text) + "…"
        bits *= 2
    return "(a root of a polynomial of degree " + str(len(coeffs) - 1) + ")"  # pragma: no cover


def decimal_text(root: ComplexRootOf) -> str:
    """The certified decimal of a real ``CRootOf`` (see ``RealRoot``)."""
    return _decimal(_coeffs(root), root.index)


def plain_roots(expr: sp.Expr) -> sp.Expr:
    """``expr`` with every ``RealRoot`` written as SymPy's own ``CRootOf`` (same number)."""
    found = expr.atoms(RealRoot) if isinstance(expr, sp.Basic) else set()
    return expr.xreplace({r: r.plain() for r in found}) if found else expr


@dataclass
class Root:
    """A positive real root of a squarefree ``factor``, isolated in [lo, hi] or exact.

    ``factor`` is an irreducible integer polynomial (FLINT factors it; only beyond
    ``FACTOR_DEGREE`` is it merely squarefree). For an inexact root, factor(lo) and factor(hi)
    are nonzero with opposite signs and [lo, hi] holds no other root of it — checked exactly
    when the root was isolated (see ``flintpoly.certify``). The exact value is made when first
    asked for: a rational, a quadratic surd, or a ``CRootOf``.
    """

    factor: sp.Poly
    lo: sp.Rational
    hi: sp.Rational
    _value: sp.Expr | None = field(default=None, repr=False)
    _poly: fmpz_poly | None = field(default=None, repr=False)  # factor on FLINT
    _irreducible: bool = field(default=False, repr=False)

    @property
    def rational(self) -> bool:
        return self.lo == self.hi

    @property
    def value(self) -> sp.Expr:
        if self._value is None:
            self._value = _crootof(self)
        return self._value

    @property
    def poly(self) -> fmpz_poly:
        if self._poly is None:
            self._poly = flintpoly.from_sympy(self.factor)
        return self._poly

    def refine(self) -> None:
        """Halve the isolating interval, exactly (a midpoint that is the root ends it)."""
        if self.rational:
            return
        p, lo, hi = self.poly, _q(self.lo), _q(self.hi)
        if flintpoly.sign_at(p, lo) == 0 or flintpoly.sign_at(p, hi) == 0:
            self._refine_counting()  # ends on roots of other factors: not made here
            return
        self._set(*flintpoly.bisect(p, lo, hi))

    def _set(self, lo: fmpq, hi: fmpq) -> None:
        self.lo, self.hi = _rat(lo), _rat(hi)
        if lo == hi:
            self._value = self.lo

    def _refine_counting(self) -> None:
        mid = (self.lo + self.hi) / 2
        if self.factor.eval(mid) == 0:
            self.lo = self.hi = self._value = mid
            return
        if self.factor.count_roots(self.lo, mid) - (self.factor.eval(self.lo) == 0) > 0:
            self.hi = mid
        else:
            self.lo = mid


def _q(r: sp.Rational) -> fmpq:
    return fmpq(int(r.p), int(r.q))


def _rat(q: fmpq) -> sp.Rational:
    return sp.Rational(int(q.p), int(q.q))


def _crootof(root: Root) -> sp.Expr:
    """The exact value: a rational, a quadratic surd, or the indexed root of the irreducible factor
    that vanishes there (its real roots numbered from the left, from 0)."""
    if root.rational:
        return root.lo
    if not root._irreducible:
        return _crootof_by_factoring(root)
    p = root.poly
    reals = _all_real_roots(flintpoly.key(p))
    index = _place_among(root, reals)  # CRootOf numbers the real roots from the left, from 0
    if p.degree() <= 2:
        return _nice(root.factor, root.lo, root.hi, index)
    return _sympy_root(p, root.factor, reals, index)


def _place_among(root: Root, reals: list[flintpoly.Interval]) -> int:
    """Which of the sorted, disjoint isolating intervals of all the real roots of the root's
    factor holds it: the one that contains its own interval (refined until one does). Both
    intervals then hold exactly one root of the factor, so it is the same root."""
    for _ in range(4 * MAX_REFINE):
        lo, hi = _q(root.lo), _q(root.hi)
        for k, (a, b) in enumerate(reals):
            if a <= lo and hi <= b:
                return k
        root.refine()
    raise ValueError("root not found among the factor's roots")


@lru_cache(maxsize=64)
def _all_real_roots(coeffs: tuple[int, ...]) -> list[flintpoly.Interval]:
    return flintpoly.real_roots(fmpz_poly(list(coeffs)), rational=False)  # irreducible


def _sympy_root(p: fmpz_poly, factor: sp.Poly, reals: list[flintpoly.Interval], index: int) -> sp.Expr:
    """``CRootOf(factor, index)``, with SymPy's interval cache for the factor filled with our
    certified isolating intervals, refined by FLINT: SymPy would otherwise isolate and refine the
    roots of a large polynomial itself, in pure Python (minutes at degree 40). Should SymPy's
    internals change, the plain constructor is used: slower, never wrong."""
    try:
        from sympy.polys.rootoftools import _reals_cache

        key = sp.PurePoly(factor)
        if key not in _reals_cache:
            cls = _interval_class()
            _reals_cache[key] = [cls(p, lo, hi) for lo, hi in reals]
        cls = RealRoot if p.degree() >= COMPACT_DEGREE else ComplexRootOf
        return cls._new(key, index)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - other SymPy internals
        return sp.CRootOf(factor.as_expr(), index)


@lru_cache(maxsize=1)
def _interval_class() -> type:
    """A SymPy ``RealInterval`` that refines itself with ``flintpoly`` (made on first use)."""
    from sympy.polys.domains import ZZ
    from sympy.polys.rootisolation import RealInterval

    class FlintInterval(RealInterval):
        """SymPy's isolating interval of a real root of the integer polynomial p: the same ends
        and Möbius data, but refined by exact bisection and checked Newton steps on FLINT."""

        def __init__(self, p: fmpz_poly, lo: fmpq, hi: fmpq) -> None:  # noqa: D107
            self._p, self._lo, self._hi = p, lo, hi
            self.neg = lo < 0
            s, t = (-hi, -lo) if self.neg else (lo, hi)
            self.mobius = (ZZ(int(s.p)), ZZ(int(t.p)), ZZ(int(s.q)), ZZ(int(t.q)))
            self.dom = ZZ
            self._f: list | None = None

        @property
        def f(self) -> list:  # the transformed polynomial, only made if SymPy asks for it
            if self._f is None:
                *_abcd, g = flintpoly.mobius(self._p, self._lo, self._hi)
                self._f = [ZZ(int(c)) for c in reversed(g.coeffs())]
            return self._f

        def _inner_refine(self) -> FlintInterval:
            return FlintInterval(self._p, *flintpoly.bisect(self._p, self._lo, self._hi))

        def refine_size(self, dx: object) -> FlintInterval:
            lo, hi = flintpoly.tighten(self._p, self._lo, self._hi, flintpoly.as_fmpq(dx))
            return FlintInterval(self._p, lo, hi)

    return FlintInterval


def _crootof_by_factoring(root: Root) -> sp.Expr:
    """For a root of a merely squarefree factor: the irreducible factor with the root, indexed."""
    for factor in flintpoly.irreducible_factors(root.poly):
        f = Root(flintpoly.to_sympy(factor, T), root.lo, root.hi, _poly=factor, _irreducible=True)
        lo, hi = _q(f.lo), _q(f.hi)
        s_lo, s_hi = flintpoly.sign_at(factor, lo), flintpoly.sign_at(factor, hi)
        if factor.degree() == 1:
            r = fmpq(-factor.coeffs()[0], factor.coeffs()[1])
            if lo <= r <= hi and flintpoly.sign_at(root.poly, r) == 0:
                return _rat(r)
            continue
        if s_lo * s_hi < 0:  # the root's factor is the one that changes sign here
            value = _crootof(f)
            root.lo, root.hi = f.lo, f.hi
            return value
    raise ValueError("root not found among the factors")


def _nice(factor: sp.Poly, lo: sp.Rational, hi: sp.Rational, index: int) -> sp.Expr:
    if factor.degree() == 1:
        return -factor.all_coeffs()[1] / factor.all_coeffs()[0]
    if factor.degree() == 2:
        for r in sp.roots(factor, multiple=True):
            if r.is_real and lo <= r <= hi:
                return sp.nsimplify(r) if r.is_Rational else sp.radsimp(r)
    return sp.CRootOf(factor.as_expr(), index)


def positive_roots(poly: sp.Poly) -> list[Root]:
    """All roots t > 0 of poly, each once, sorted (certified ordering).

    The polynomial goes to FLINT, is made squarefree and factored into irreducibles (beyond
    ``FACTOR_DEGREE`` only made squarefree), and each factor's positive roots are isolated by
    ``flintpoly.real_roots``: rational intervals checked exactly. If that check cannot be
    completed, SymPy's exact isolation is used instead (slow, never wrong).
    """
    if poly.is_zero or poly.degree() <= 0:
        return []
    p = flintpoly.strip_zero_root(flintpoly.squarefree_part(flintpoly.from_sympy(poly)))
    if p.degree() <= 0:
        return []
    small = p.degree() <= FACTOR_DEGREE
    factors = flintpoly.irreducible_factors(p) if small else [p]
    out: list[Root] = []
    for f in factors:
        try:
            intervals = flintpoly.real_roots(f, positive=True, rational=not small)
        except flintpoly.IsolationError:
            return _positive_roots_sympy(poly)
        if not intervals:
            continue
        factor = flintpoly.to_sympy(f, T)
        for lo, hi in intervals:
            root = Root(factor, _rat(lo), _rat(hi), _poly=f, _irreducible=small)
            if lo == hi:
                root._value = root.lo
            out.append(root)
    _sort(out)
    return out


def _positive_roots_sympy(poly: sp.Poly) -> list[Root]:
    """SymPy's exact isolation of the positive roots of the squarefree part (the slow path)."""
    sqf = poly.sqf_part()
    out = []
    for (a, b), _m in sqf.intervals(inf=0):
        a, b = sp.Rational(a), sp.Rational(b)
        if b <= 0:
            continue
        root = Root(sqf, a, b, a if a == b else None)
        while root.lo < 0:  # straddles 0, which is not a root: shrink to one side
            root._refine_counting()
        if root.hi > 0:
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
    # e^q (q rational, q ≠ 0) is transcendental (Lindemann) and a root is algebraic: never equal,
    # so separate them by refinement without asking the (costly) general zero test first.
    transcendental = tau is sp.E or (isinstance(tau, sp.exp) and tau.args[0].is_Rational and tau.args[0] != 0)
    zero = False if transcendental else exact.is_zero(root.value - tau)
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
        if not exact.tame_exponentials(v):
            return sp.together(v)  # cancel would expand e^{p/q} as (e^{1/q})^p, p ~ 10^20
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


# ---------------------------------------------------------------- values at a root, on FLINT

def value_at(num: sp.Poly, den: sp.Poly, root: Root) -> sp.Expr | None:
    """num(θ)/den(θ) at the root θ, exactly, without SymPy arithmetic on ``CRootOf``.

    θ is a root of the irreducible p (``root.poly``), so the value is α = A(θ) with
    A = num·den⁻¹ mod p (an inverse exists as den(θ) ≠ 0). A constant A is the value. Otherwise
    the characteristic polynomial of multiplication by A on ℚ[t]/(p) is a power of α's minimal
    polynomial m (p irreducible), so m is its square-free part; α is then the root of m whose
    isolating interval is the only one meeting an Arb enclosure of A(θ). None when θ's factor is
    not known to be irreducible or den(θ) = 0 (the caller takes the general route).
    """
    if root.rational or not root._irreducible:
        return None
    a = _reduced_value(num, den, flintpoly.key(root.poly))
    if a is None:
        return None
    if a.degree() <= 0:
        return _rat(a[0]) if a.degree() == 0 else sp.Integer(0)
    m = _minimal_polynomial_of(flintpoly.key(root.poly), tuple(a.coeffs()))
    if m.degree() == 1:
        c0, c1 = m.coeffs()
        return _rat(fmpq(-c0, c1))
    reals = _all_real_roots(flintpoly.key(m))
    index = _index_of_value(a, root, reals)
    if index is None:
        return None
    if m.degree() <= 2:
        lo, hi = reals[index]
        return _nice(flintpoly.to_sympy(m, T), _rat(lo), _rat(hi), index)
    value = _sympy_root(m, flintpoly.to_sympy(m, T), reals, index)
    if isinstance(value, RealRoot):
        _AS_VALUE.setdefault((_coeffs(value), value.index), (root.poly, _q(root.lo), _q(root.hi), a))
    return value


@lru_cache(maxsize=256)
def _reduced_value(num: sp.Poly, den: sp.Poly, p_key: tuple[int, ...]) -> fmpq_poly | None:
    """A = num·den⁻¹ mod p (None when den and p share a root): the same for every root of p."""
    p = fmpq_poly(fmpz_poly(list(p_key)))
    g, s, _t = flintpoly.rational(den).xgcd(p)
    if g.degree() != 0:
        return None
    return (flintpoly.rational(num) * s) % p


@lru_cache(maxsize=256)
def _minimal_polynomial_of(p_key: tuple[int, ...], a_coeffs: tuple[fmpq, ...]) -> fmpz_poly:
    """The minimal polynomial of A(θ) for a root θ of the irreducible p: the same for every root
    of p, so the roots of one factor share it. The matrix of multiplication by A on the basis
    1, t, …, t^(d−1) of ℚ[t]/(p) is scaled to integers for FLINT's multimodular charpoly."""
    p, a = fmpq_poly(fmpz_poly(list(p_key))), fmpq_poly(list(a_coeffs))
    d = p.degree()
    columns, power = [], a
    for _ in range(d):  # columns: A·tʲ mod p, j = 0 … d−1
        columns.append([power[i] for i in range(d)])
        power = (power * fmpq_poly([0, 1])) % p
    numer, scale = fmpq_mat(d, d, [columns[j][i] for i in range(d) for j in range(d)]).numer_denom()
    chi = numer.charpoly()  # χ(y) of scale·A; χ_A(y) ∝ χ(scale·y)
    chi = fmpz_poly([c * scale**k for k, c in enumerate(chi.coeffs())])
    return flintpoly.primitive(flintpoly.squarefree_part(chi))


def _index_of_value(a: fmpq_poly, root: Root, reals: list[flintpoly.Interval]) -> int | None:
    """Which isolating interval holds A(θ): the only one an Arb enclosure of it meets."""
    old = ctx.prec
    try:
        for prec in (64, 128, 256, 512, 1024, 2048):
            ctx.prec = prec
            theta = arb(_q(root.lo)).union(arb(_q(root.hi)))
            value = arb(0)
            for c in reversed(a.coeffs()):
                value = value * theta + arb(c)
            lo, hi = flintpoly._ball_ends(value)
            hits = [k for k, (u, v) in enumerate(reals) if not (hi < u or v < lo)]
            if len(hits) == 1:
                return hits[0]
            lo, hi = flintpoly.tighten(root.poly, _q(root.lo), _q(root.hi),
                                       max(abs(_q(root.hi)), fmpq(1)) / fmpq(2) ** (2 * prec))
            root._set(lo, hi)
    finally:
        ctx.prec = old
    return None
