"""Exponential polynomials F(x) = Σᵢ pᵢ(x)·e^{λᵢx} (λᵢ distinct rationals, pᵢ ∈ ℚ[x]): exact
arithmetic, limits at ±∞, and certified isolation of every real root.

The class holds x², (x−1)², x·e^{−x}, e^x − x − 2, and the numerators of SiLU x·σ(x), x·tanh(x),
ELU pieces and of their derivatives. Everything below is exact or certified; nothing is a
float guess.

**Signs at a rational point are decidable.** At a = 0 the value Σ pᵢ(0) is an exact rational.
At a rational a ≠ 0 the exponents λᵢ·a are distinct rationals, so by the Lindemann–Weierstrass
theorem (Baker's form: e^{β₁}, …, e^{βₙ} are linearly independent over the algebraic numbers
for distinct algebraic βᵢ) F(a) = Σ pᵢ(a)·e^{λᵢa} is 0 exactly when every pᵢ(a) is 0. Otherwise
F(a) ≠ 0, and an mpmath ``iv`` enclosure at escalating precision excludes 0 after finitely
many steps, giving its sign. (A working-precision cap turns a runaway into ``Unresolved``.)

**Root isolation (the Rolle–Pólya cascade).** Pick a term pₖe^{λₖx} of degree n. The function
H₀ = e^{−λₖx}·F has the roots and signs of F; put H_{j+1} = H_j′ and G = H_{n+1}, which has
one term fewer (the derivative kills the polynomial pₖ and keeps the degree of every other
term, since (q·e^{μx})′ = (q′ + μq)·e^{μx} with μ ≠ 0). By Rolle, Z(F) ≤ Z(G) + n + 1 (Pólya's
bound, ``rolle_bound``). The isolation uses the finer fact behind it: if every root of H_{j+1}
is isolated, then between two consecutive *sign changes* of H_{j+1} the function H_j is
strictly monotone, so it has at most one root there, and it has one exactly when its signs at
the two ends are opposite (a sign 0 at an end is a root there). Going down j = n, …, 0
isolates every root of H₀, hence of F. The recursion ends with a single term p(x)·e^{λx}, whose
roots are those of p, isolated exactly by FLINT (``flintpoly.real_roots``) with multiplicities
from the square-free factorization. Signs needed on the way:

- at a rational point: exact (above);
- at a critical point c (a sign change of H_{j+1}, known in a rational interval [a, b] that
  isolates it): H_j has a strict maximum at c on [a, b] if H_{j+1} goes from + to −, so
  H_j(a) ≥ 0 or H_j(b) ≥ 0 proves H_j(c) > 0 (a minimum likewise). Otherwise [a, b] is
  enclosed over [a, b] with interval arithmetic (a sign either way), then bisected and the
  test repeated; if H_j(c) ≠ 0 this ends, if H_j(c) = 0 (a multiple root of
  F, or roots closer than the refinement limit) it never can, and ``Unresolved`` is raised
  after a fixed number of bisections — never a guess. At an exactly rational c the sign is
  exact, so a double root at a rational point (x² at 0) is found exactly; so is one that the
  simplest rational of a shrinking interval hits ((x−1)²eˣ + x − 1 at 0).

**Unbounded ends.** On the last piece [c_m, ∞) (c_m the last sign change of H_{j+1}, or the
whole line when there is none) H_j is strictly monotone, because the recursion isolated *every*
root of H_{j+1} on the whole half-line. Its sign for all large x is the sign of the dominant
term (the largest λ, then the highest power of x; ``eventual_sign``), so H_j has a root beyond
c_m exactly when its sign at c_m differs from that sign (when H_j → 0 it is monotone towards 0
and never reaches it). A rational R with the eventual sign is found by stepping outwards by
doubling distances (it exists because the dominant term decides the sign eventually; the
number of doublings is capped, then ``Unresolved``), and [c_m, R] brackets the root. The same
holds at −∞ with the smallest λ.

The loops are plain Python, so a caller's ``budget.budget()`` (SIGALRM) can interrupt them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from flint import fmpq, fmpz_poly
from mpmath import iv

from ..errors import InternalError, OutsideClass
from . import flintpoly
from .numeric import _Prec, certain_sign, round_half_away
from .signchart import simplest_between

Coeffs = tuple[Fraction, ...]  # lowest degree first, no trailing zero; () is the zero polynomial
Term = tuple[Fraction, Coeffs]
End = Fraction | None  # None: −∞ on the left, +∞ on the right

MAX_POWER = 64  # integer powers accepted by from_sympy
START_BITS = 64
MAX_BITS = 1 << 16  # working precision cap for one sign at a rational point
MAX_BISECTIONS = 400  # refinements of one critical point before giving up
MAX_DOUBLINGS = 64  # outward steps looking for the eventual sign at ±∞


class Unresolved(Exception):
    """The certified procedure could not decide (a multiple root at an irrational point, roots
    too close, or a precision cap reached); the caller answers `unknown`."""


# ---------------------------------------------------------------- exact polynomials over Q

def _trim(c: Iterable[Fraction]) -> Coeffs:
    out = list(c)
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


def _padd(p: Coeffs, q: Coeffs) -> Coeffs:
    n = max(len(p), len(q))
    return _trim((p[i] if i < len(p) else Fraction(0)) + (q[i] if i < len(q) else Fraction(0))
                 for i in range(n))


def _pmul(p: Coeffs, q: Coeffs) -> Coeffs:
    if not p or not q:
        return ()
    out = [Fraction(0)] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            out[i + j] += a * b
    return _trim(out)


def _pderiv(p: Coeffs) -> Coeffs:
    return _trim(i * p[i] for i in range(1, len(p)))


def _peval(p: Coeffs, a: Fraction) -> Fraction:
    v = Fraction(0)
    for c in reversed(p):
        v = v * a + c
    return v


def _sgn(v: Fraction | int) -> int:
    return (v > 0) - (v < 0)


def _frac(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def _fq(v: Fraction) -> fmpq:
    return fmpq(v.numerator, v.denominator)


# ---------------------------------------------------------------- the representation

@dataclass(frozen=True)
class ExpPoly:
    """Σ p(x)·e^{λx} over the terms (λ, p): λ strictly increasing, every p nonzero."""

    terms: tuple[Term, ...] = ()

    @staticmethod
    def make(pairs: Iterable[tuple[Fraction | int, Sequence[Fraction | int]]]) -> ExpPoly:
        """From (λ, coefficients lowest degree first) pairs; equal λ are added, zeros dropped."""
        acc: dict[Fraction, Coeffs] = {}
        for lam, coeffs in pairs:
            key = Fraction(lam)
            acc[key] = _padd(acc.get(key, ()), _trim(Fraction(c) for c in coeffs))
        return ExpPoly(tuple((lam, p) for lam, p in sorted(acc.items()) if p))

    @staticmethod
    def const(c: Fraction | int) -> ExpPoly:
        return ExpPoly.make([(0, [c])])

    # arithmetic
    def __add__(self, other: ExpPoly) -> ExpPoly:
        return ExpPoly.make([*self.terms, *other.terms])

    def __neg__(self) -> ExpPoly:
        return ExpPoly(tuple((lam, tuple(-c for c in p)) for lam, p in self.terms))

    def __sub__(self, other: ExpPoly) -> ExpPoly:
        return self + (-other)

    def __mul__(self, other: ExpPoly) -> ExpPoly:
        return ExpPoly.make([(l1 + l2, _pmul(p, q)) for l1, p in self.terms for l2, q in other.terms])

    def __pow__(self, n: int) -> ExpPoly:
        out, base = ExpPoly.const(1), self
        while n:
            if n & 1:
                out = out * base
            base, n = base * base, n >> 1
        return out

    def derivative(self) -> ExpPoly:
        """(p·e^{λx})′ = (p′ + λ·p)·e^{λx}, term by term."""
        return ExpPoly.make([(lam, _padd(_pderiv(p), tuple(lam * c for c in p))) for lam, p in self.terms])

    def mul_exp(self, mu: Fraction | int) -> ExpPoly:
        """F·e^{μx}."""
        mu = Fraction(mu)
        return ExpPoly(tuple((lam + mu, p) for lam, p in self.terms))

    # shape
    @property
    def is_zero(self) -> bool:
        return not self.terms

    @property
    def is_polynomial(self) -> bool:
        return all(lam == 0 for lam, _p in self.terms)

    def to_sympy(self, x: sp.Symbol) -> sp.Expr:
        return sp.Add(*[sp.Add(*[sp.Rational(c.numerator, c.denominator) * x**i for i, c in enumerate(p)])
                        * sp.exp(sp.Rational(lam.numerator, lam.denominator) * x) for lam, p in self.terms])

    # values at a rational point
    def exact_value(self, a: Fraction | int) -> Fraction | None:
        """F(a) exactly when every term that does not vanish at a has λ·a = 0; else None."""
        a = Fraction(a)
        total = Fraction(0)
        for lam, p in self.terms:
            v = _peval(p, a)
            if v != 0:
                if lam * a != 0:
                    return None
                total += v
        return total

    def enclose(self, a: Fraction | int, bits: int = START_BITS) -> object:
        """A certified mpmath ``iv`` enclosure of F(a) at ``bits`` of working precision."""
        a = Fraction(a)
        with _Prec(bits):
            total = iv.mpf(0)
            for lam, p in self.terms:
                v = _peval(p, a)
                if v == 0:
                    continue
                e = lam * a
                term = iv.mpf(v.numerator) / iv.mpf(v.denominator)
                if e != 0:
                    term = term * iv.exp(iv.mpf(e.numerator) / iv.mpf(e.denominator))
                total = total + term
        return total

    def enclose_on(self, a: Fraction, b: Fraction, bits: int = START_BITS) -> object:
        """A certified ``iv`` enclosure of F on the whole interval [a, b] (naive interval
        Horner: it tightens to F(c) as [a, b] shrinks to c)."""
        with _Prec(bits):
            xs = iv.mpf([iv.mpf(a.numerator) / iv.mpf(a.denominator),
                         iv.mpf(b.numerator) / iv.mpf(b.denominator)])
            total = iv.mpf(0)
            for lam, p in self.terms:
                v = iv.mpf(0)
                for c in reversed(p):
                    v = v * xs + iv.mpf(c.numerator) / iv.mpf(c.denominator)
                if lam != 0:
                    v = v * iv.exp(xs * (iv.mpf(lam.numerator) / iv.mpf(lam.denominator)))
                total = total + v
        return total

    def sign_at(self, a: Fraction | int) -> int:
        """The exact sign of F(a), a rational (decidable by Lindemann–Weierstrass, see above)."""
        a = Fraction(a)
        exact = self.exact_value(a)
        if exact is not None:
            return _sgn(exact)
        live = [(lam, v) for lam, p in self.terms if (v := _peval(p, a)) != 0]
        if len(live) == 1:
            return _sgn(live[0][1])
        bits = START_BITS
        while bits <= MAX_BITS:
            s = certain_sign(self.enclose(a, bits))
            if s is not None:
                return s
            bits *= 2
        raise Unresolved(f"the sign of F({a}) needs more than {MAX_BITS} bits")

    # behaviour at ±∞
    def dominant(self, plus: bool) -> Term:
        """The term that decides F as x → +∞ (largest λ) or x → −∞ (smallest λ)."""
        if self.is_zero:
            raise ValueError("the zero function has no dominant term")
        return self.terms[-1] if plus else self.terms[0]

    def eventual_sign(self, plus: bool) -> int:
        """The sign of F(x) for all large x (plus) or all very negative x."""
        if self.is_zero:
            return 0
        _lam, p = self.dominant(plus)
        s = _sgn(p[-1])
        return s if plus or len(p) % 2 == 1 else -s  # (−1)^deg at −∞

    def limit(self, plus: bool) -> Limit:
        """lim F at +∞ (plus) or −∞: 0, a nonzero rational, or ±∞, with the sign of approach."""
        if self.is_zero:
            return Limit("zero", 0, Fraction(0))
        lam, p = self.dominant(plus)
        s = self.eventual_sign(plus)
        grows = lam > 0 if plus else lam < 0
        if grows or (lam == 0 and len(p) > 1):
            return Limit("infinite", s, None)
        if lam == 0:
            return Limit("finite", s, p[0])
        return Limit("zero", s, Fraction(0))


@dataclass(frozen=True)
class Limit:
    """kind 'zero' (F → 0 from the side ``sign``), 'finite' (F → value ≠ 0) or 'infinite'
    (F → sign·∞)."""

    kind: str
    sign: int
    value: Fraction | None


# ---------------------------------------------------------------- from SymPy

def from_sympy(expr: sp.Expr, x: sp.Symbol) -> ExpPoly:
    """An exponential polynomial from sums, products and integer powers of rationals, x and
    exp(q·x) (q rational; sinh/cosh of q·x too). Anything else raises ``OutsideClass``."""
    expr = sp.sympify(expr)
    if expr == x:
        return ExpPoly.make([(0, [0, 1])])
    if expr.is_Rational:
        return ExpPoly.const(Fraction(int(expr.p), int(expr.q)))
    if expr.is_Add:
        out = ExpPoly()
        for a in expr.args:
            out = out + from_sympy(a, x)
        return out
    if expr.is_Mul:
        out = ExpPoly.const(1)
        for a in expr.args:
            out = out * from_sympy(a, x)
        return out
    if isinstance(expr, sp.exp):
        return ExpPoly.make([(_rate(expr.args[0], x), [1])])
    if isinstance(expr, sp.sinh | sp.cosh):
        q = _rate(expr.args[0], x)
        sign = 1 if isinstance(expr, sp.cosh) else -1
        return ExpPoly.make([(q, [Fraction(1, 2)]), (-q, [Fraction(sign, 2)])])
    if expr.is_Pow:
        base, e = expr.args
        if isinstance(base, sp.exp) and e.is_Rational:
            return ExpPoly.make([(_rate(base.args[0] * e, x), [1])])
        if e.is_Integer and abs(int(e)) <= MAX_POWER:
            b = from_sympy(base, x)
            n = int(e)
            if n >= 0:
                return b**n
            if len(b.terms) == 1 and len(b.terms[0][1]) == 1:  # (c·e^{λx})^{−n}
                lam, (c,) = b.terms[0]
                return ExpPoly.make([(lam * n, [c**n])])
        raise OutsideClass(f"the power {expr} is not an exponential polynomial")
    raise OutsideClass(f"{expr} is not an exponential polynomial in {x}")


def _rate(arg: sp.Expr, x: sp.Symbol) -> Fraction:
    """q for an argument q·x (q rational); anything else is outside the class."""
    arg = sp.expand(arg)
    q = arg.coeff(x, 1)
    if not (q.is_Rational and (arg - q * x) == 0):
        raise OutsideClass(f"exp({arg}) is not exp(q·x) with q rational")
    return Fraction(int(q.p), int(q.q))


# ---------------------------------------------------------------- roots

@dataclass
class Root:
    """One real root, strictly inside (lo, hi) — or exactly lo when lo == hi.

    ``witness`` (with the same roots as F near here) is nonzero at lo and hi with opposite
    signs and vanishes once in between, so ``refine`` bisects exactly. ``crossing``: F changes
    sign at the root; ``left``: the sign of F just left of it.
    """

    lo: Fraction
    hi: Fraction
    witness: ExpPoly
    crossing: bool
    left: int

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def refine(self) -> None:
        """Halve the interval (exactly: the sign of the witness at the midpoint)."""
        if self.exact:
            return
        mid = (self.lo + self.hi) / 2
        s = self.witness.sign_at(mid)
        if s == 0:
            self.lo = self.hi = mid
        elif s == self.witness.sign_at(self.lo):
            self.lo = mid
        else:
            self.hi = mid

    def try_rational(self) -> None:
        """Make the root exact if it is the simplest rational of its interval (that catches a
        multiple root at a rational point, where a sign test on intervals can never succeed)."""
        if self.exact:
            return
        q = flintpoly.simplest_between(_fq(self.lo), _fq(self.hi), depth=16)
        if q is not None and self.witness.sign_at(_frac(q)) == 0:
            self.lo = self.hi = _frac(q)

    def narrow(self, width: Fraction) -> tuple[Fraction, Fraction]:
        """Refine until hi − lo ≤ width; the (lo, hi) that results."""
        while self.hi - self.lo > width:
            self.refine()
        return self.lo, self.hi


def refine(root: Root, digits: int) -> str:
    """The root rounded half away from zero to ``digits`` decimals, certified: the isolating
    interval is narrowed until both of its ends round alike."""
    for _ in range(4 * digits + MAX_BISECTIONS):
        a, b = round_half_away(root.lo, digits), round_half_away(root.hi, digits)
        if a == b:
            return _decimal_text(a, digits)
        root.narrow((root.hi - root.lo) / 2)
    raise Unresolved(f"could not certify {digits} decimals")


def _decimal_text(v: Fraction, digits: int) -> str:
    sign = "-" if v < 0 else ""
    scaled = abs(v) * 10**digits
    assert scaled.denominator == 1
    text = str(scaled.numerator).rjust(digits + 1, "0")
    return f"{sign}{text[:-digits]}.{text[-digits:]}" if digits else f"{sign}{text}"


def _poly_roots(F: ExpPoly, lo: End, hi: End) -> list[Root]:
    """Roots in (lo, hi) of a single term p(x)·e^{λx}: those of p, exact (FLINT)."""
    (_lam, p), = F.terms
    z = flintpoly.from_coeffs([_fq(c) for c in p])
    if z.degree() < 1:
        return []
    _c, parts = z.factor_squarefree()
    sqf = flintpoly.squarefree_part(z)
    witness = ExpPoly.make([(0, [_frac(fmpq(c)) for c in sqf.coeffs()])])
    single = ExpPoly.make([(0, p)])
    out = []
    for a, b in flintpoly.real_roots(sqf):
        root = Root(_frac(a), _frac(b), witness, True, 0)
        while not root.exact and ((lo is not None and root.lo < lo < root.hi)
                                  or (hi is not None and root.lo < hi < root.hi)):
            root.refine()
        if root.exact:
            inside = (lo is None or lo < root.lo) and (hi is None or root.lo < hi)
        else:
            inside = (lo is None or lo <= root.lo) and (hi is None or root.hi <= hi)
        if not inside:
            continue
        mult = next(m for f, m in parts if _factor_vanishes(f, root))
        root.crossing = mult % 2 == 1
        root.left = _left_sign(single, root, mult)
        out.append(root)
    return out


def _factor_vanishes(f: fmpz_poly, root: Root) -> bool:
    if root.exact:
        return bool(f(_fq(root.lo)) == 0)
    return flintpoly.sign_at(f, _fq(root.lo)) * flintpoly.sign_at(f, _fq(root.hi)) < 0


def _left_sign(F: ExpPoly, root: Root, mult: int) -> int:
    if not root.exact:
        return F.sign_at(root.lo)
    d = F
    for _ in range(mult):  # F = (x − r)^m·q: sign (−1)^m·q(r), q(r) = F^{(m)}(r)/m!
        d = d.derivative()
    s = d.sign_at(root.lo)
    return s if mult % 2 == 0 else -s


def _eliminated(F: ExpPoly) -> int:
    """Which term the cascade removes: the lowest degree (fewest derivatives), then the largest λ."""
    return min(range(len(F.terms)), key=lambda i: (len(F.terms[i][1]), -i))


def isolate(F: ExpPoly, lo: End = None, hi: End = None) -> list[Root]:
    """Every root of F in the open interval (lo, hi), sorted, each in its own rational interval.

    Raises ``Unresolved`` when that cannot be certified, ValueError for F = 0.
    """
    if F.is_zero:
        raise ValueError("the zero function has no isolated roots")
    if lo is not None and hi is not None and not lo < hi:
        raise ValueError("empty interval")
    lo = None if lo is None else Fraction(lo)
    hi = None if hi is None else Fraction(hi)
    return _isolate(F, lo, hi)


def _isolate(F: ExpPoly, lo: End, hi: End) -> list[Root]:
    if len(F.terms) == 1:
        return _poly_roots(F, lo, hi)
    lam, p = F.terms[_eliminated(F)]
    chain = [F.mul_exp(-lam)]
    for _ in range(len(p)):
        chain.append(chain[-1].derivative())
    if len(chain[-1].terms) != len(F.terms) - 1:
        raise InternalError("the cascade did not remove a term")
    roots = _isolate(chain[-1], lo, hi)
    for H in reversed(chain[:-1]):
        roots = _monotone_pieces(H, [r for r in roots if r.crossing], lo, hi)
    return roots


def _end_sign(H: ExpPoly, end: End, plus: bool) -> int:
    return H.eventual_sign(plus) if end is None else H.sign_at(end)


def _sign_at_critical(H: ExpPoly, c: Root) -> int:
    """The sign of H at a sign change c of H′ (c is a strict extremum of H on [c.lo, c.hi])."""
    if c.exact:
        return H.sign_at(c.lo)
    for _ in range(MAX_BISECTIONS):
        ends = (H.sign_at(c.lo), H.sign_at(c.hi))
        if c.left > 0 and max(ends) >= 0:
            return 1  # a maximum, above a value ≥ 0
        if c.left < 0 and min(ends) <= 0:
            return -1  # a minimum, below a value ≤ 0
        s = certain_sign(H.enclose_on(c.lo, c.hi, _bits_for(c.hi - c.lo)))
        if s is not None:
            return s  # H(c) lies in the enclosure of H over [c.lo, c.hi]
        c.refine()
        c.try_rational()
        if c.exact:
            return H.sign_at(c.lo)
    raise Unresolved("the function may vanish at a critical point (a multiple root, or roots too close)")


def _bits_for(width: Fraction) -> int:
    """Working precision for an enclosure over an interval of this width: its size in bits
    plus a margin."""
    return START_BITS + max(0, width.denominator.bit_length() - width.numerator.bit_length())


def _monotone_pieces(H: ExpPoly, breaks: list[Root], lo: End, hi: End) -> list[Root]:
    """Roots of H in (lo, hi), given every sign change of H′ there (H is strictly monotone
    between them)."""
    signs = [_end_sign(H, lo, False), *(_sign_at_critical(H, c) for c in breaks), _end_sign(H, hi, True)]
    points: list[Root | End] = [lo, *breaks, hi]
    out: list[Root] = []
    for i in range(len(points) - 1):
        if i > 0 and signs[i] == 0:  # H vanishes at an extremum: a root where H keeps its sign
            c = breaks[i - 1]
            out.append(Root(c.lo, c.lo, H, False, -c.left))
        if signs[i] * signs[i + 1] < 0:
            out.append(_bracket(H, points[i], points[i + 1], signs[i], signs[i + 1]))
    return out


def _bracket(H: ExpPoly, left: Root | End, right: Root | End, s_left: int, s_right: int) -> Root:
    """The one root of H strictly between two points where H is strictly monotone and has the
    signs s_left, s_right (opposite)."""
    u = _inner(H, left, right, s_left, s_right, True)
    if isinstance(u, Root):
        return u
    v = _inner(H, right, left, s_right, s_left, False)
    if isinstance(v, Root):
        return v
    return Root(u, v, H, True, s_left)


def _inner(H: ExpPoly, point: Root | End, other: Root | End, s_here: int, s_there: int,
           is_left: bool) -> Fraction | Root:
    """A rational between ``point`` and the root of H next to it, where H has sign s_here
    (or the root itself, when it turns out to be that rational)."""
    if isinstance(point, Root):
        for _ in range(MAX_BISECTIONS):
            q = point.hi if is_left else point.lo
            s = H.sign_at(q)
            if s == s_here:
                return q
            if s == 0:
                return Root(q, q, H, True, s_here if is_left else s_there)
            point.refine()  # the root of H lies inside point's interval: shrink it
        raise Unresolved("could not separate a root from a critical point")
    if point is not None:
        return point
    # an infinite end: step outwards from the other point until H has its eventual sign
    if isinstance(other, Root):
        base = other.lo if is_left else other.hi
    else:
        base = Fraction(0) if other is None else other
    step = Fraction(1)
    for _ in range(MAX_DOUBLINGS):
        q = base - step if is_left else base + step
        if H.sign_at(q) == s_here:
            return q
        step *= 2
    raise Unresolved("the dominant term did not decide the sign within the search range")


def rolle_bound(F: ExpPoly) -> int:
    """Pólya's bound on the number of distinct real roots: Z(F) ≤ Z(G) + deg pₖ + 1, where
    G = (d/dx)^{deg pₖ + 1}(e^{−λₖx}·F); a single term has the real roots of its polynomial."""
    if F.is_zero:
        raise ValueError("the zero function")
    if len(F.terms) == 1:
        return len(_poly_roots(F, None, None))
    lam, p = F.terms[_eliminated(F)]
    G = F.mul_exp(-lam)
    for _ in range(len(p)):
        G = G.derivative()
    return rolle_bound(G) + len(p)


# ---------------------------------------------------------------- the sign chart

@dataclass(frozen=True)
class Chart:
    """The roots of F in (lo, hi), the sign of F on each open piece between them (one more
    than roots) with a rational sample point in it, and the sign at each end (exact at a finite
    end, the eventual sign at ±∞)."""

    roots: tuple[Root, ...]
    signs: tuple[int, ...]
    samples: tuple[Fraction, ...]
    lo: End
    hi: End
    lo_sign: int
    hi_sign: int


def sign_chart(F: ExpPoly, lo: Fraction | int | None = None, hi: Fraction | int | None = None) -> Chart:
    """Isolated roots and certified signs of F on (lo, hi) (None: −∞ / +∞)."""
    lo = None if lo is None else Fraction(lo)
    hi = None if hi is None else Fraction(hi)
    roots = isolate(F, lo, hi)
    _separate(roots, lo, hi)
    bounds: list[tuple[End, End]] = [(lo, lo)] + [(r.lo, r.hi) for r in roots] + [(hi, hi)]
    samples, signs = [], []
    for (_a, left), (right, _b) in zip(bounds, bounds[1:], strict=False):
        q = simplest_between(left, right)
        s = F.sign_at(q)
        if s == 0:
            raise InternalError(f"a root at the sample point {q} escaped the isolation")
        samples.append(q)
        signs.append(s)
    return Chart(tuple(roots), tuple(signs), tuple(samples), lo, hi,
                 _end_sign(F, lo, False), _end_sign(F, hi, True))


def _separate(roots: list[Root], lo: End, hi: End) -> None:
    """Refine until the isolating intervals and the finite ends are strictly apart."""
    for _ in range(MAX_BISECTIONS):
        clash = False
        for i, r in enumerate(roots):
            before = lo if i == 0 else roots[i - 1].hi
            after = hi if i == len(roots) - 1 else roots[i + 1].lo
            if (before is not None and r.lo <= before) or (after is not None and r.hi >= after):
                if r.exact:
                    continue  # its neighbour (not exact: distinct roots) moves instead
                r.refine()
                clash = True
        if not clash:
            return
    raise Unresolved("could not separate the isolating intervals")
