"""Exact polynomials on FLINT (python-flint): Z[t] and Q[t], square-free parts, real roots.

Why FLINT: SymPy's pure-Python real-root isolation takes minutes on the degree-40 polynomial
of σ^(40); FLINT does the same exact arithmetic in C, in milliseconds.

Isolation: continued fractions (Vincent–Akritas–Strzeboński) written as a loop of FLINT
operations — exact, and interruptible by a time budget between two operations; Arb's certified
balls (``fmpz_poly.complex_roots``) are the second method. Neither is taken on trust: every
real root is handed out as an interval with *rational* ends that ``certify`` re-checks with
exact arithmetic — the square-free polynomial has opposite nonzero signs at the two ends, and
the list is complete because a bound on the number of roots is met (the degree, or Descartes'
count of sign variations on a half-line), or else each interval has a Descartes count of
exactly one and every gap a count of zero. Rational roots come out exactly. Nothing here goes
through a float.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any, cast

from flint import ctx, fmpq, fmpq_poly, fmpz, fmpz_poly

Interval = tuple[fmpq, fmpq]  # lo == hi: an exact rational root

ARB_MAX_DEGREE = 120  # Arb (one uninterruptible C call) is not tried above this degree
ARB_PRECISIONS = (64, 256, 1024)
ARB_FIRST_BITS = 2048  # coefficients longer than this: Arb's balls are tried before continued fractions
RATIONAL_DEGREE = 120  # rational roots are found by factoring up to this degree
MAX_GAP_TESTS = 4000  # Descartes tests allowed when proving gaps root-free
SHORT_BITS = 16  # significant bits kept in the ends of an isolating interval
MAX_NARROWING = 400  # bisections allowed to bring an interval to a Descartes count of 1


class IsolationError(ArithmeticError):
    """The exact checks could not be completed; the caller must not use a partial answer."""


# ---------------------------------------------------------------- conversion

def as_fmpq(c: object) -> fmpq:
    """An exact rational from int, Fraction, fmpz, fmpq, a SymPy Rational or a domain element."""
    if isinstance(c, fmpq):
        return c
    if isinstance(c, int | fmpz):
        return fmpq(c)
    if isinstance(c, Fraction):
        return fmpq(c.numerator, c.denominator)
    p = getattr(c, "p", None)
    if p is not None and not callable(p):  # SymPy Rational / Integer
        return fmpq(int(p), int(c.q))  # type: ignore[attr-defined]
    num, den = getattr(c, "numerator", None), getattr(c, "denominator", None)
    if num is not None and den is not None:
        num = num() if callable(num) else num
        den = den() if callable(den) else den
        return fmpq(int(num), int(den))
    raise TypeError(f"not an exact rational: {c!r}")


def from_coeffs(coeffs: Sequence[object]) -> fmpz_poly:
    """The primitive integer polynomial Σ c_i t^i times a positive rational (lowest degree first).

    It has the same roots as the input and the same sign at every point.
    """
    q = fmpq_poly([as_fmpq(c) for c in coeffs])
    return primitive(q.numer())


def rational(poly: object) -> fmpq_poly:
    """A univariate SymPy ``Poly`` over ZZ or QQ with the same coefficients, as FLINT's ``fmpq_poly``."""
    return fmpq_poly([as_fmpq(c) for c in reversed(poly.all_coeffs())])  # type: ignore[attr-defined]


def to_rational_poly(p: fmpq_poly, gen: object) -> object:
    """The SymPy ``Poly`` over QQ with the same coefficients, in ``gen`` (the inverse of ``rational``)."""
    import sympy as sp

    return sp.Poly.from_list([sp.Rational(int(c.p), int(c.q)) for c in reversed(p.coeffs())] or [0], gen,
                             domain=sp.QQ)


def from_sympy(poly: object) -> fmpz_poly:
    """A univariate SymPy ``Poly`` over ZZ or QQ, as in ``from_coeffs`` (positive multiple)."""
    return from_coeffs(poly.rep.to_list()[::-1])  # type: ignore[attr-defined]


def to_sympy(p: fmpz_poly, gen: object) -> object:
    """The SymPy ``Poly`` over ZZ with the same coefficients, in ``gen``."""
    import sympy as sp

    return sp.Poly.from_list([int(c) for c in reversed(p.coeffs())] or [0], gen, domain=sp.ZZ)


def primitive(p: fmpz_poly) -> fmpz_poly:
    """p divided by its (positive) content."""
    if p.is_zero():
        return p
    c = p.content()
    return p if c == 1 else p // c


def key(p: fmpz_poly) -> tuple[int, ...]:
    """A hashable key for caches (FLINT polynomials are not hashable)."""
    return tuple(int(c) for c in p.coeffs())


# ---------------------------------------------------------------- square-free parts

def squarefree_part(p: fmpz_poly) -> fmpz_poly:
    """The product of the distinct irreducible factors of p, primitive, leading coefficient > 0."""
    if p.degree() <= 0:
        return fmpz_poly([1])
    _c, parts = p.factor_squarefree()
    out = fmpz_poly([1])
    for f, _m in parts:
        out *= f
    return out if out.leading_coefficient() > 0 else -out


def strip_zero_root(p: fmpz_poly) -> fmpz_poly:
    """p / t^k with k the multiplicity of the root t = 0."""
    k = 0
    coeffs = p.coeffs()
    while k < len(coeffs) - 1 and coeffs[k] == 0:
        k += 1
    return fmpz_poly(coeffs[k:]) if k else p


def irreducible_factors(p: fmpz_poly) -> list[fmpz_poly]:
    """The distinct irreducible factors of p over Q (primitive, leading coefficient > 0)."""
    if p.degree() <= 0:
        return []
    _c, parts = p.factor()
    return [f if f.leading_coefficient() > 0 else -f for f, _m in parts if f.degree() > 0]


# ---------------------------------------------------------------- exact signs and counts

def sign_at(p: fmpz_poly, x: fmpq) -> int:
    """The sign of p(x), exactly."""
    v = p(x)
    return (v > 0) - (v < 0)


def variations(coeffs: Iterable[Any]) -> int:
    """Sign changes in a coefficient sequence, zeros skipped (Descartes' rule of signs)."""
    count, last = 0, 0
    for c in coeffs:
        s = (c > 0) - (c < 0)
        if s:
            if last and s != last:
                count += 1
            last = s
    return count


def descartes(p: fmpz_poly, lo: fmpq, hi: fmpq) -> int:
    """Descartes' bound on the roots of p in the open interval (lo, hi), lo < hi.

    The substitution t = (lo + hi·y)/(1 + y) maps y ∈ (0, ∞) onto (lo, hi); the number of sign
    variations of (1 + y)^d p(t) bounds the roots there and has their parity: 0 means none,
    1 means exactly one.
    """
    d = p.degree()
    r = fmpq_poly(p)(fmpq_poly([lo, hi - lo]))  # t = lo + (hi - lo)·u, u ∈ (0, 1)
    coeffs = r.coeffs()
    coeffs += [fmpq(0)] * (d + 1 - len(coeffs))
    s = fmpq_poly(coeffs[::-1])(fmpq_poly([1, 1]))  # u = 1/(1 + y)
    return variations(s.coeffs())


def _positive_variations(p: fmpz_poly) -> int:
    return variations(p.coeffs())


def _negative_variations(p: fmpz_poly) -> int:
    return variations(c if i % 2 == 0 else -c for i, c in enumerate(p.coeffs()))


def root_bound(p: fmpz_poly) -> fmpz:
    """An integer B with |z| < B for every complex root z (Cauchy's bound, rounded up)."""
    coeffs = p.coeffs()
    lead = abs(coeffs[-1])
    top = max((abs(c) for c in coeffs[:-1]), default=fmpz(0))
    return fmpz(2) + top // lead


# ---------------------------------------------------------------- the exact certificate

def _dyadic(m: fmpz, exponent: fmpz) -> fmpq:
    e = int(exponent)
    return fmpq(m * (fmpz(1) << e)) if e >= 0 else fmpq(m, fmpz(1) << -e)


def _ball_ends(x: object) -> Interval:
    """The exact rational ends of an Arb real ball (mid ± rad are binary numbers)."""
    m, e = x.mid().man_exp()  # type: ignore[attr-defined]
    rm, re_ = x.rad().man_exp()  # type: ignore[attr-defined]
    mid, rad = _dyadic(m, e), _dyadic(rm, re_)
    return mid - rad, mid + rad


def certify(p: fmpz_poly, roots: list[Interval], positive: bool = False) -> bool:
    """Whether ``roots`` isolates every real root (every root > 0 if ``positive``) of the
    square-free p, one root per entry, checked with exact arithmetic only.

    An entry (r, r) is a rational root (p(r) = 0); an entry (lo, hi) must have p(lo), p(hi)
    nonzero and of opposite signs, so it holds an odd number of roots. With the entries sorted
    and disjoint there are at least as many roots as entries; when a bound on the number of
    roots (the degree, or Descartes' count of sign variations on the half-line) is met, each
    entry holds exactly one and there is no other. Otherwise each interval must have a
    Descartes count of exactly 1 on it, and every gap between them a count of 0.
    """
    pos = neg = at_zero = 0
    for lo, hi in roots:
        if lo == hi:
            if sign_at(p, lo) != 0:
                return False
        elif not lo < hi or sign_at(p, lo) * sign_at(p, hi) >= 0:
            return False
        if lo < 0 < hi:
            return False  # the side of 0 is not settled
        if hi > 0:
            pos += 1
        elif lo < 0:
            neg += 1
        else:
            at_zero += 1  # the exact root 0
    if positive and (neg or at_zero):
        return False
    for (_a, b), (c, _d) in zip(roots, roots[1:], strict=False):
        if not b < c:
            return False
    if not positive and len(roots) == p.degree():
        return True  # as many roots as the degree allows: none is missing, none is doubled
    zero_root = int(p.coeffs()[0] == 0)
    if pos == _positive_variations(p) and (positive or (neg == _negative_variations(p) and at_zero == zero_root)):
        return True  # Descartes' bounds met on both half-lines
    return _certify_by_descartes(p, roots, positive)


def _certify_by_descartes(p: fmpz_poly, roots: list[Interval], positive: bool) -> bool:
    budget = [MAX_GAP_TESTS]
    for lo, hi in roots:
        if lo < hi and descartes(p, lo, hi) != 1:
            return False
    bound = fmpq(root_bound(p))
    ends = [fmpq(0) if positive else -bound]
    for lo, hi in roots:
        ends += [lo, hi]
    ends.append(bound)
    return all(a == b or _root_free(p, a, b, budget) for a, b in zip(ends[::2], ends[1::2], strict=True))


def _root_free(p: fmpz_poly, a: fmpq, b: fmpq, budget: list[int]) -> bool:
    """True when the open interval (a, b) holds no root of p: Descartes count 0, bisecting."""
    stack = [(a, b)]
    while stack:
        lo, hi = stack.pop()
        budget[0] -= 1
        if budget[0] < 0:
            return False
        v = descartes(p, lo, hi)
        if v == 0:
            continue
        if v % 2 == 1:
            return False  # an odd count means a root
        mid = (lo + hi) / 2
        if sign_at(p, mid) == 0:
            return False
        stack += [(lo, mid), (mid, hi)]
    return True


def bisect(p: fmpz_poly, lo: fmpq, hi: fmpq) -> Interval:
    """Halve an isolating interval (p(lo), p(hi) nonzero, opposite signs), exactly."""
    mid = (lo + hi) / 2
    s = sign_at(p, mid)
    if s == 0:
        return mid, mid
    return (lo, mid) if s != sign_at(p, lo) else (mid, hi)


# ---------------------------------------------------------------- isolation

def real_roots(p: fmpz_poly, positive: bool = False, rational: bool = True) -> list[Interval]:
    """All real roots (only those > 0 if ``positive``) of a square-free integer polynomial.

    Sorted, disjoint, one root each, lo == hi for an exact rational root; the answer has passed
    ``certify``. With ``rational`` (up to degree RATIONAL_DEGREE) every rational root comes out
    exactly, found by FLINT's factoring; an irreducible p of degree ≥ 2 has none, so its caller
    may skip that. Raises IsolationError when the answer cannot be certified.
    """
    d = p.degree()
    if d < 1:
        return []
    if d == 1:
        c0, c1 = p.coeffs()
        r = fmpq(-c0, c1)
        return [] if positive and r <= 0 else [(r, r)]
    exact: list[Interval] = []
    q = p
    if rational and d <= RATIONAL_DEGREE:
        for r, _m in fmpq_poly(p).roots():
            q = q // fmpz_poly([-r.p, r.q])
            if r > 0 or not positive:
                exact.append((r, r))
    found = _isolate(q, positive) if q.degree() > 0 else []
    nonzero = strip_zero_root(q)  # intervals ending at 0 are moved off it (0 is not their root)
    found = [_off_zero(nonzero, lo, hi) for lo, hi in found]
    if exact:  # an interval of q may still hold a rational root of p: move it off
        found = _disjoint(q, sorted(exact + found))
    if not certify(p, found, positive):
        raise IsolationError("the isolating intervals could not be certified")
    return [_exact_if_rational(p, lo, hi) for lo, hi in found]


def _off_zero(p: fmpz_poly, lo: fmpq, hi: fmpq) -> Interval:
    """An isolating interval with an end at 0 (not a root) narrowed to lie strictly on one side."""
    while lo < hi and (lo == 0 or hi == 0):
        lo, hi = bisect(p, lo, hi)
    return lo, hi


def _isolate(p: fmpz_poly, positive: bool) -> list[Interval]:
    """Continued fractions first (exact, and a loop a time budget can interrupt); Arb's balls,
    certified here, if that ever fails to certify."""
    arb_first = p.degree() <= ARB_MAX_DEGREE and max(abs(int(c)).bit_length() for c in p.coeffs()) > ARB_FIRST_BITS
    if arb_first:  # huge coefficients (minimal polynomials of values): Arb is ~20× faster
        found = _arb_candidates(p, ARB_PRECISIONS[0], positive, True)
        if certify(p, found, positive):
            return found
    try:
        found = _continued_fractions(p, positive)
        if certify(p, found, positive):
            return found
    except IsolationError:
        pass
    if p.degree() <= ARB_MAX_DEGREE:
        for prec in ARB_PRECISIONS:
            for short in (True, False):
                found = _arb_candidates(p, prec, positive, short)
                if certify(p, found, positive):
                    return found
    raise IsolationError("no isolation could be certified")


def _exact_if_rational(p: fmpz_poly, lo: fmpq, hi: fmpq) -> Interval:
    """(r, r) when the simplest rational r of the isolating interval is its root."""
    if lo == hi:
        return lo, hi
    r = simplest_between(lo, hi)
    return (r, r) if r is not None and sign_at(p, r) == 0 else (lo, hi)


def simplest_between(lo: fmpq, hi: fmpq, depth: int = 64) -> fmpq | None:
    """The rational with the smallest denominator in [lo, hi] (continued fractions);
    None when that takes more than ``depth`` steps."""
    if lo <= 0 <= hi:
        return fmpq(0)
    if hi < 0:
        r = simplest_between(-hi, -lo, depth)
        return None if r is None else -r
    n = lo.floor()
    if n == lo or n + 1 <= hi:
        return fmpq(n if n == lo else n + 1)
    if depth == 0:
        return None
    inner = simplest_between(1 / (hi - n), 1 / (lo - n), depth - 1)
    return None if inner is None else n + 1 / inner


def _arb_candidates(p: fmpz_poly, prec: int, positive: bool, short: bool) -> list[Interval]:
    """Arb's real roots as rational intervals, still to be certified.

    With ``short``, each ball is widened to an interval with short binary ends (about
    SHORT_BITS significant bits, and within a quarter of the distance to its neighbours), so
    every later evaluation at those ends is cheap.
    """
    saved = ctx.prec
    ctx.prec = prec
    try:
        roots = cast("list[tuple[Any, int]]", p.complex_roots())  # (acb, multiplicity) pairs
    finally:
        ctx.prec = saved
    balls = sorted(_ball_ends(z.real) for z, _m in roots if z.imag.is_zero())  # real: imag exactly 0
    if short:
        balls = _shorten(balls)
    zero = sign_at(p, fmpq(0)) == 0
    out = []
    for lo, hi in balls:
        if lo <= 0 <= hi:  # the ball of the root 0, or one to be cut at 0 (certify checks)
            if zero:
                lo = hi = fmpq(0)
            elif lo < hi:
                lo, hi = (lo, fmpq(0)) if sign_at(p, lo) != sign_at(p, fmpq(0)) else (fmpq(0), hi)
        if positive and hi <= 0:
            continue
        out.append((lo, hi))
    return out


def _floor_log2(q: fmpq) -> int:
    """An integer e with 2^e ≤ q (q > 0), within a factor 4 of the best one."""
    return int(q.p.bit_length()) - int(q.q.bit_length()) - 1


def _shorten(balls: list[Interval]) -> list[Interval]:
    mids = [(lo + hi) / 2 for lo, hi in balls]
    out = []
    for i, (lo, hi) in enumerate(balls):
        m, rad = mids[i], (hi - lo) / 2
        gaps = [abs(mids[j] - m) for j in (i - 1, i + 1) if 0 <= j < len(mids)]
        gap = min(gaps) if gaps else max(abs(m), fmpq(1))
        if gap == 0 or m == 0:
            out.append((lo, hi))
            continue
        # a grid step w = 2^e ≤ gap/8 and ≤ |m|/2^SHORT_BITS
        e = min(_floor_log2(gap) - 3, _floor_log2(abs(m)) - SHORT_BITS)
        w = fmpq(fmpz(1) << e) if e >= 0 else fmpq(1, fmpz(1) << -e)
        if rad >= w:
            out.append((lo, hi))
            continue
        k = (m / w).floor()
        out.append(((k - 1) * w, (k + 2) * w))  # m ± w inside, at most 2w ≤ gap/4 away from m
    return out


# ---------------------------------------------------------------- continued fractions

def _taylor1(f: fmpz_poly) -> fmpz_poly:
    """f(y + 1)."""
    return f(_Y1)


_Y1 = fmpz_poly([1, 1])


def _scale(f: fmpz_poly, bits: int) -> fmpz_poly:
    """f(2^bits · y)."""
    return fmpz_poly([c << (bits * i) for i, c in enumerate(f.coeffs())])


def _positive_lower_bound_log2(coeffs: list[fmpz]) -> int | None:
    """k with every positive root of f = Σ coeffs[i] y^i at least 2^k (None: no sign change).

    Positive roots of f are the reciprocals of those of its reversal g; by Kioustelidis' bound
    they are below 2·max_{g_i<0} |g_i/g_n|^{1/(n−i)}, rounded up here to a power of two.
    """
    g = coeffs[::-1]
    if g[-1] < 0:
        g = [-c for c in g]
    n = len(g) - 1
    lead_bits = int(g[-1].bit_length()) - 1  # g_n ≥ 2^lead_bits
    best = None
    for i, c in enumerate(g[:-1]):
        if c < 0:  # |g_i/g_n| < 2^num, so its (n−i)-th root is below 2^ceil(num/(n−i))
            num = int(c.bit_length()) - lead_bits
            e = -((-num) // (n - i))
            best = e if best is None or e > best else best
    return None if best is None else -(best + 1)


def _continued_fractions(p: fmpz_poly, positive: bool) -> list[Interval]:
    """Exact isolation by continued fractions, as a loop of FLINT operations (interruptible)."""
    f0 = strip_zero_root(p)
    out = _cf_positive(f0)
    if not positive:
        mirrored = fmpz_poly([c if i % 2 == 0 else -c for i, c in enumerate(f0.coeffs())])
        out += [(-hi, -lo) for lo, hi in _cf_positive(mirrored)]
        if p.coeffs()[0] == 0:
            out.append((fmpq(0), fmpq(0)))
    return _disjoint(f0, sorted(out))


def _cf_positive(f0: fmpz_poly) -> list[Interval]:
    """The positive roots of f0 (f0(0) ≠ 0): every discarded piece has Descartes count 0."""
    bound = fmpq(root_bound(f0))
    exact: list[Interval] = []
    pieces: list[Interval] = []
    # a node: f with its Möbius map t = (a·y + b)/(c·y + d), y ∈ (0, ∞)
    stack = [(f0, 1, 0, 0, 1)]
    while stack:
        f, a, b, c, d = stack.pop()
        cs = f.coeffs()
        v = variations(cs)
        if v == 0:
            continue
        if v == 1:
            lo, hi = fmpq(b, d), (fmpq(a, c) if c else bound)
            pieces.append((min(lo, hi), max(lo, hi)))
            continue
        k = _positive_lower_bound_log2(cs)
        if k is not None and k >= 1:  # every positive root of f exceeds 2^k: jump there
            f = _taylor1(_scale(f, k))
            a, c = a << k, c << k
            b, d = a + b, c + d
            if f[0] == 0:
                exact.append((fmpq(b, d), fmpq(b, d)))
                f = fmpz_poly(f.coeffs()[1:])
            stack.append((f, a, b, c, d))
            continue
        right = _taylor1(f)  # y ↦ y + 1: the roots above 1
        if right[0] == 0:
            exact.append((fmpq(a + b, c + d), fmpq(a + b, c + d)))
            right = fmpz_poly(right.coeffs()[1:])
        stack.append((right, a, a + b, c, c + d))
        left = _taylor1(fmpz_poly(cs[::-1]))  # y ↦ 1/(1 + y): the roots in (0, 1)
        if left[0] == 0:
            left = fmpz_poly(left.coeffs()[1:])  # the same root y = 1, already recorded
        stack.append((left, b, a + b, d, c + d))
    # Each open piece holds one root. An end may be an exact root found on the way, so the
    # pieces are narrowed against f0 with those roots divided out until they are disjoint.
    q = f0
    for r, _ in exact:
        q = q // fmpz_poly([-r.p, r.q])
    return _disjoint(q, sorted(exact + [_one_sign_change(q, lo, hi) for lo, hi in pieces]))


def _one_sign_change(p: fmpz_poly, lo: fmpq, hi: fmpq) -> Interval:
    s_lo, s_hi = sign_at(p, lo), sign_at(p, hi)
    if s_lo == 0 or s_hi == 0 or s_lo == s_hi:
        raise IsolationError("a continued-fraction piece has no sign change")
    return lo, hi


def _disjoint(p: fmpz_poly, roots: list[Interval]) -> list[Interval]:
    """Bisect neighbours that share an end until they are strictly apart (p nonzero at the
    ends of every interval entry)."""
    for _ in range(MAX_NARROWING):
        roots.sort()
        clash = False
        for i in range(len(roots) - 1):
            (a, b), (c, d) = roots[i], roots[i + 1]
            if not b < c:
                if a == b and c == d:
                    raise IsolationError("two exact roots coincide")
                if a < b:
                    roots[i] = bisect(p, a, b)
                if c < d:
                    roots[i + 1] = bisect(p, c, d)
                clash = True
        if not clash:
            return roots
    raise IsolationError("intervals could not be separated")


# ---------------------------------------------------------------- tightening and transforms

def _pow2(e: int) -> fmpq:
    return fmpq(fmpz(1) << e) if e >= 0 else fmpq(1, fmpz(1) << -e)


def tighten(p: fmpz_poly, lo: fmpq, hi: fmpq, width: fmpq) -> Interval:
    """Narrow an isolating interval of p (ends nonzero, opposite signs) below ``width`` > 0.

    Newton steps from the midpoint propose a much smaller bracket, rounded to a short binary
    grid; a bracket is accepted only if it lies inside the old one and p changes sign across it
    (exact), so it holds the same root. Otherwise the interval is bisected.
    """
    if lo == hi or hi - lo < width:
        return lo, hi
    dp = p.derivative()
    s_lo = sign_at(p, lo)
    while hi - lo >= width:
        m = (lo + hi) / 2
        rel = _floor_log2((hi - lo) / abs(m)) if lo * hi > 0 else 0  # relative width ≈ 2^rel
        if rel < -2:
            slope = dp(m)
            if slope != 0:  # Newton roughly squares the relative error
                e = max(_floor_log2(abs(m)) + 2 * rel, _floor_log2(width) - 2)
                grid = _pow2(e - 2)
                x = ((m - p(m) / slope) / grid).floor() * grid
                eps = _pow2(e)
                a, b = x - eps, x + eps
                if lo < a and b < hi:
                    s_a, s_b = sign_at(p, a), sign_at(p, b)
                    if s_a == 0:
                        return a, a
                    if s_b == 0:
                        return b, b
                    if s_a == s_lo and s_b == -s_lo:
                        lo, hi = a, b
                        continue
        lo, hi = bisect(p, lo, hi)
        if lo == hi:
            break
    return lo, hi


def mobius(p: fmpz_poly, lo: fmpq, hi: fmpq) -> tuple[fmpz, fmpz, fmpz, fmpz, bool, fmpz_poly]:
    """SymPy's ``RealInterval`` data for an isolating interval [lo, hi] (lo < hi, not straddling 0).

    Returns (a, b, c, d, neg, f): with neg the interval is mirrored to [−hi, −lo] and p(x) to
    p(−x); then t = (a·y + b)/(c·y + d) maps y ∈ (0, ∞) onto it, lo' = a/c, hi' = b/d, and
    f(y) = (c·y + d)^n · p(t), computed here by FLINT (SymPy's own transform is pure Python).
    """
    neg = lo < 0
    if neg:
        if hi > 0:
            raise ValueError("the interval straddles 0")
        p = fmpz_poly([c if i % 2 == 0 else -c for i, c in enumerate(p.coeffs())])
        lo, hi = -hi, -lo
    a, c, b, d = lo.p, lo.q, hi.p, hi.q
    n = p.degree()
    coeffs = p.coeffs()
    num, den = fmpz_poly([b, a]), fmpz_poly([d, c])
    # Horner on the homogeneous form: h = Σ p_i num^i den^(n−i)
    h = fmpz_poly([coeffs[n]])
    power = fmpz_poly([1])
    for i in range(n - 1, -1, -1):
        power *= den
        h = h * num + power * coeffs[i]
    return a, b, c, d, neg, h
