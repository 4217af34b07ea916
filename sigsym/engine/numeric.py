"""Interval arithmetic (mpmath ``iv``): enclosures, certified signs, certified decimals.

Expressions are compiled once into closures over interval values, so sampling a formula at many
points costs one tree walk. An enclosure is always rigorous; a sign is returned only when the
enclosure excludes zero, so a numeric answer can refute but never prove an equality.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import Any

import sympy as sp
from flint import arb, ctx, fmpq, fmpq_poly, fmpz
from mpmath import iv
from mpmath.libmp import (
    finf,
    fnan,
    fninf,
    from_man_exp,
    fzero,
    mpf_add,
    mpf_sub,
    round_ceiling,
    round_floor,
)

from ..errors import OutsideClass
from ..functions import FUNCTIONS, X

Enc = object  # an mpmath ivmpf
PRECISIONS = (80, 160, 320, 640)

# Each named function's interval version, from its spec; sqrt is never looked up (SymPy builds a power).
_FUNCS: dict[type, Callable] = {s.func: s.interval for s in FUNCTIONS.values() if s.interval is not None}
_ARITY: dict[type, int] = {s.func: s.arity for s in FUNCTIONS.values()}


class _Prec:
    """Set the interval context's precision for a block; mpmath's iv has no workprec."""

    def __init__(self, bits: int):
        self.bits = bits

    def __enter__(self) -> None:
        self.saved = iv.prec
        iv.prec = self.bits

    def __exit__(self, *exc: object) -> None:
        iv.prec = self.saved


_RATIONALS: dict[tuple[int, int, int], Enc] = {}


def _rational(q: sp.Rational) -> Enc:
    """Enclosure of a rational at the current precision (cached: sampling reuses the same few)."""
    key = (int(q.p), int(q.q), iv.prec)
    hit = _RATIONALS.get(key)
    if hit is None:
        if len(_RATIONALS) > 20000:
            _RATIONALS.clear()
        hit = _RATIONALS[key] = iv.mpf(key[0]) / iv.mpf(key[1])
    return hit


# Arb versions of the catalogue's functions (by name); a function missing here is evaluated by
# mpmath's iv instead (the whole expression then is).
_ARB_BY_NAME: dict[str, Callable[..., arb]] = {
    "exp": lambda u: u.exp(),
    "log": lambda u: u.log(),
    "sqrt": lambda u: u.sqrt(),
    "sinh": lambda u: u.sinh(),
    "cosh": lambda u: u.cosh(),
    "tanh": lambda u: u.tanh(),
    "sech": lambda u: u.sech(),
    "sigmoid": lambda u: 1 / (1 + (-u).exp()),
    "softplus": lambda u: u.exp().log1p(),
    "swish": lambda u, beta: u / (1 + (-beta * u).exp()),
}
_ARB_FUNCS: dict[object, Callable[..., arb]] = {
    FUNCTIONS[name].func: fn for name, fn in _ARB_BY_NAME.items() if name in FUNCTIONS}


class _NoArb(Exception):
    """A node without an Arb version: the expression is evaluated with mpmath's iv."""


def _arb_of(expr: sp.Expr) -> Callable[[arb], arb]:
    """The expression as a function of an Arb ball x (raises _NoArb for an unknown node)."""
    if expr == X:
        return lambda x: x
    if expr.is_Rational:
        q = fmpq(int(expr.p), int(expr.q))
        return lambda x: arb(q)
    if expr is sp.pi:
        return lambda x: arb.pi()
    if expr is sp.E:
        return lambda x: arb(1).exp()
    if isinstance(expr, sp.CRootOf):  # its certified enclosure at the working precision
        return lambda x, r=expr: _to_arb(_root_enclosure(r))
    if expr.is_Add or expr.is_Mul:
        return _fold([_arb_of(a) for a in expr.args], operator.add if expr.is_Add else operator.mul)
    if expr.is_Pow:
        base, e = expr.args
        if base is sp.E:
            fe = _arb_of(e)
            return lambda x: fe(x).exp()
        fb = _arb_of(base)
        if e.is_Integer:
            n = int(e)
            return lambda x: _arb_ipow(fb(x), n)
        if e == sp.Rational(1, 2):
            return lambda x: fb(x).sqrt()
        if e.is_Rational:
            p, q = int(e.p), int(e.q)
            if q > 1 << 20:  # Arb's root takes a machine-word index: b^(p/q) = e^{(p/q)·log b} (b > 0; else NaN)
                pq = arb(fmpq(p, q))
                return lambda x: (fb(x).log() * pq).exp()
            return lambda x: _arb_ipow(fb(x).root(q), p)  # real semantics: the base must be ≥ 0 (else NaN)
        raise _NoArb
    func = _ARB_FUNCS.get(type(expr)) or _ARB_FUNCS.get(expr.func)
    if func is not None and len(expr.args) == _ARITY.get(expr.func, 1):
        args = [_arb_of(a) for a in expr.args]
        return lambda x: func(*(a(x) for a in args))
    if isinstance(expr, sp.Abs):
        inner = _arb_of(expr.args[0])
        return lambda x: abs(inner(x))
    raise _NoArb


def _arb_ipow(b: arb, n: int) -> arb:
    """b**n for an integer n by multiplication. python-flint's ``arb ** int`` goes through the real
    power e^{n log b}: NaN for a ball holding 0 and very wide for a negative one (sound, but no
    information), so a sign at a point next to a root was never certified."""
    if n < 0:
        return 1 / _arb_ipow(b, -n)
    result, base = arb(1), abs(b) if n % 2 == 0 else b
    while n:
        if n & 1:
            result = result * base
        n >>= 1
        if n:
            base = base * base
    return result


def _mpf_to_arb(v: tuple) -> arb:
    sign, man, exp, _bc = v
    if v in (finf, fninf, fnan):
        raise ValueError("unbounded argument")
    if not man:
        return arb(0)
    ball = arb(fmpz(-man if sign else man))  # exact up to the context precision, else a ball holding it
    return ball * arb(2) ** int(exp) if exp else ball  # powers of two are exact


def _to_arb(x: Enc) -> arb:
    """An mpmath interval as an Arb ball holding it (its binary ends read exactly)."""
    mpi = getattr(x, "_mpi_", None) or (x._mpf_, x._mpf_)  # type: ignore[attr-defined]
    lo = _mpf_to_arb(mpi[0])
    return lo if mpi[1] == mpi[0] else lo.union(_mpf_to_arb(mpi[1]))


def _arb_to_iv(v: arb) -> Enc | None:
    """An Arb ball as an mpmath interval at the current precision, rounded outwards (raw binary
    arithmetic, exact ends, any exponent); None when the ball is not finite."""
    if not v.is_finite():
        return None
    (m, e), (rm, re_) = v.mid().man_exp(), v.rad().man_exp()
    mid, rad = from_man_exp(int(m), int(e)), from_man_exp(int(rm), int(re_))
    lo = mpf_sub(mid, rad, iv.prec, round_floor)
    hi = mpf_add(mid, rad, iv.prec, round_ceiling)
    return iv.make_mpf((lo, hi))


def _from_arb(v: arb) -> Enc:
    """``_arb_to_iv``; a ball that is not finite (a domain error, a division by a ball holding 0)
    raises ValueError, which every caller reads as 'no information here'."""
    out = _arb_to_iv(v)
    if out is None:
        raise ValueError("no finite enclosure")
    return out


def _arb_function(inner: Callable[[arb], arb]) -> Callable[[Enc], Enc]:
    def fn(x: Enc) -> Enc:
        old = ctx.prec
        ctx.prec = iv.prec + 8
        try:
            return _from_arb(inner(_to_arb(x)))
        finally:
            ctx.prec = old
    return fn


def _fold(parts: list[Callable[[Any], Any]], op: Callable[[Any, Any], Any]) -> Callable[[Any], Any]:
    """x ↦ the parts' values at x combined left to right by ``op`` (a sum or a product), for Arb
    balls and mpmath intervals alike."""
    def fn(x: Any) -> Any:
        total = parts[0](x)
        for p in parts[1:]:
            total = op(total, p(x))
        return total
    return fn


def compile_iv(expr: sp.Expr) -> Callable[[Enc], Enc]:
    """A function x-interval -> value-interval. Raises OutsideClass for unknown nodes.

    Evaluated with Arb balls (FLINT, in C) when every node has an Arb version, with mpmath's iv
    otherwise; both are rigorous enclosures, and either way a domain error gives no enclosure.
    """
    try:
        return _arb_function(_arb_of(expr))
    except _NoArb:
        return _compile_mpmath(expr)


def _compile_mpmath(expr: sp.Expr) -> Callable[[Enc], Enc]:
    if expr == X:
        return lambda x: x
    if expr.is_Rational:
        return lambda x, q=expr: _rational(q)
    # mpmath's iv.pi / iv.e are lazy constants whose ends are computed at whatever precision is
    # current when they are *read*; unary + evaluates them now, at the enclosure's precision.
    if expr is sp.pi:
        return lambda x: +iv.pi
    if expr is sp.E:
        return lambda x: +iv.e
    if isinstance(expr, sp.CRootOf):
        return lambda x, r=expr: _root_enclosure(r)
    if expr.is_Add or expr.is_Mul:
        return _fold([_compile_mpmath(a) for a in expr.args], operator.add if expr.is_Add else operator.mul)
    if expr.is_Pow:
        base, e = expr.args
        fb = _compile_mpmath(base)
        if e.is_Integer:
            n = int(e)
            return lambda x: _ipow(fb(x), n)
        if e.is_Rational:
            fe = _rational(e)
            return lambda x: iv.exp(fe * iv.log(fb(x)))
        if base is sp.E:
            fe2 = _compile_mpmath(e)
            return lambda x: iv.exp(fe2(x))
        # b**e with an irrational exponent (SymPy writes exp(e*log(b)) at a point as b**e, e.g.
        # (5/4)**exp(1/2)): real only for b > 0, where it is exp(e*log(b))
        fe3 = compile_iv(e)

        def gpow(x: Enc) -> Enc:
            b = fb(x)
            if certain_sign(b) != 1:
                raise ValueError("a power whose base is not shown positive")
            return iv.exp(fe3(x) * iv.log(b))
        return gpow
    func = _FUNCS.get(type(expr)) or _FUNCS.get(expr.func)
    if func is not None and len(expr.args) == 1:
        inner = _compile_mpmath(expr.args[0])
        return lambda x: func(inner(x))
    if func is not None and len(expr.args) == _ARITY.get(expr.func):  # a function with parameters
        args = [_compile_mpmath(a) for a in expr.args]
        return lambda x: func(*(a(x) for a in args))
    if isinstance(expr, sp.Abs):
        inner = _compile_mpmath(expr.args[0])
        return lambda x: abs(inner(x))
    raise OutsideClass(f"cannot evaluate {type(expr).__name__} numerically")


def exp_rational(num: fmpq_poly, den: fmpq_poly, shift: Fraction, m: int) -> Callable[[Enc], Enc]:
    """x ↦ num(t)/den(t), t = e^{(x − shift)/m}, as an interval function evaluated with Arb.

    The x-interval's binary ends are read exactly, the value is an Arb ball (Horner in C: a
    degree-120 rational function costs microseconds, against milliseconds term by term in
    mpmath), and the ball's exact ends are rounded outwards into an mpmath interval at the
    current precision. A denominator ball holding 0 gives the whole line, as mpmath does.
    """
    shift_q = fmpq(shift.numerator, shift.denominator)

    def fn(x: Enc) -> Enc:
        old = ctx.prec
        ctx.prec = iv.prec + 16
        try:
            xa = _to_arb(x)
            t = ((xa - arb(shift_q)) / m).exp()
            n, d = _horner(num, t), _horner(den, t)
            out = None if 0 in d else _arb_to_iv(n / d)
        except ValueError:
            out = None
        finally:
            ctx.prec = old
        return iv.mpf(["-inf", "inf"]) if out is None else out
    return fn


def _horner(p: fmpq_poly, t: arb) -> arb:
    total = arb(0)
    for c in reversed(p.coeffs()):
        total = total * t + arb(c)
    return total


def _ipow(v: Enc, n: int) -> Enc:
    if n == 0:
        return iv.mpf(1)
    if n < 0:
        return 1 / _ipow(v, -n)
    return v**n


def _root_enclosure(root: sp.CRootOf) -> Enc:
    bounds = getattr(root, "bounds", None)  # a root that narrows itself on FLINT (algebraic.RealRoot)
    if bounds is not None:
        lo, hi = bounds(iv.prec + 8)
        return iv.mpf([_rational(sp.Rational(lo.numerator, lo.denominator)).a,
                       _rational(sp.Rational(hi.numerator, hi.denominator)).b])
    digits = int(iv.prec * 0.302) + 5
    width = sp.Rational(1, 10**digits)
    approx = root.eval_rational(dx=width, dy=width)
    return iv.mpf([_rational(approx - width).a, _rational(approx + width).b])


def point(value: sp.Expr) -> Enc:
    """An enclosure of a real constant (a sample point), at the current precision."""
    return _point(sp.sympify(value), iv.prec)


@lru_cache(maxsize=2048)  # the same sample points recur in every cross-examination of a run
def _point(value: sp.Expr, prec: int) -> Enc:
    return compile_iv(value)(iv.mpf(0))  # at ``prec``: iv.prec is the key's precision


def enclosure_at(fn: Callable[[Enc], Enc], x: sp.Expr, bits: int = 80) -> Enc | None:
    """A compiled function's enclosure at the point x, at ``bits``; None when it cannot be
    evaluated there (a domain error, a pole, a ball holding one)."""
    with _Prec(bits):
        try:
            return fn(point(x))
        except (ValueError, ZeroDivisionError, TypeError, OutsideClass):
            return None


def enclose(expr: sp.Expr, at: sp.Expr | None = None, bits: int = 80) -> Enc | None:
    """Enclosure of expr (at x = at); None when it cannot be evaluated there."""
    with _Prec(bits):
        try:
            fn = compile_iv(expr)
            x = point(at) if at is not None else iv.mpf(0)
            value = fn(x)
        except (OutsideClass, ValueError, ZeroDivisionError, TypeError):
            return None
    return value


def certain_sign(value: Enc) -> int | None:
    """The sign every point of an enclosure has; None when it holds 0, or is unbounded or NaN.

    An infinite end (mpmath's ``iv.log(0)`` is [-inf, -inf]) carries no information: it is
    never taken as a sign.
    """
    mpi = getattr(value, "_mpi_", None)
    if mpi is None:
        mpi = (value._mpf_, value._mpf_)
    lo, hi = mpi
    if any(end in (finf, fninf, fnan) for end in mpi):
        return None
    if lo[1] and not lo[0]:  # nonzero mantissa, sign bit clear: lo > 0
        return 1
    if hi[1] and hi[0]:  # hi < 0
        return -1
    return None


def sign_of(fn: Callable[[Enc], Enc], at: sp.Expr) -> int | None:
    """Certified sign of fn(at), escalating precision; None when zero cannot be excluded."""
    for bits in PRECISIONS:
        with _Prec(bits):
            try:
                value = fn(point(at))
            except ValueError:  # no finite enclosure at this precision (a ball holding a pole): try more bits
                continue
            except (ZeroDivisionError, TypeError, OutsideClass):
                return None
        s = certain_sign(value)
        if s is not None:
            return s
    return None


def sign(expr: sp.Expr, at: sp.Expr | None = None) -> int | None:
    """Certified sign of a constant, or of expr at x = at."""
    try:
        fn = compile_iv(sp.sympify(expr))
    except OutsideClass:
        return None
    return sign_of(fn, at if at is not None else sp.Integer(0))


MAX_BINARY_EXPONENT = 1 << 20


class Unbounded(ValueError):
    """An enclosure with an infinite or NaN end: no information."""


def to_fraction(v: Enc) -> tuple[Fraction, Fraction]:
    """Exact rational ends of an interval, read from its binary ends (never through a double).

    Raises ``Unbounded`` for an infinite or NaN end.
    """
    ends = exact_ends(v)
    if ends is None:
        raise Unbounded("unbounded enclosure")
    return ends


def exact_ends(v: Enc) -> tuple[Fraction, Fraction] | None:
    """The ends of an enclosure as exact rationals; None when an end is infinite or NaN."""
    mpi = getattr(v, "_mpi_", None)
    if mpi is None:  # a plain mpf
        mpi = (v._mpf_, v._mpf_)
    lo, hi = _frac(mpi[0]), _frac(mpi[1])
    if lo is None or hi is None or lo > hi:
        return None
    return lo, hi


def _frac(value: tuple) -> Fraction | None:
    """The exact value of an mpf tuple (sign, mantissa, exponent, bitcount); None if special."""
    sign, man, exp, _bc = value
    if not man:
        return Fraction(0) if value == fzero else None  # inf, -inf and nan have mantissa 0
    if abs(int(exp)) > MAX_BINARY_EXPONENT:
        return None  # beyond any number a decision needs: no information
    frac = Fraction(int(man) << int(exp)) if exp >= 0 else Fraction(int(man), 1 << int(-exp))
    return -frac if sign else frac


def decimal(value: Fraction, digits: int) -> str:
    """A rational with exactly ``digits`` decimals, as text."""
    sign_txt = "-" if value < 0 else ""
    scaled = abs(value) * 10**digits
    whole = int(scaled)
    text = str(whole).rjust(digits + 1, "0")
    return f"{sign_txt}{text[:-digits]}.{text[-digits:]}" if digits else f"{sign_txt}{text}"


def round_half_away(value: Fraction, digits: int) -> Fraction:
    scaled = abs(value) * 10**digits
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if value >= 0 else -whole, 10**digits)


def certified_round(number: sp.Expr, digits: int, is_tie: Callable[[Fraction], bool | None]) -> Fraction | None:
    """The number rounded to ``digits`` decimals (half away from zero), certified.

    The enclosure is tightened until both ends round alike; when it keeps straddling a
    rounding boundary, the exact test ``is_tie`` says whether the number sits on it.
    """
    number = sp.sympify(number)
    if number.is_Rational:
        return round_half_away(Fraction(int(number.p), int(number.q)), digits)
    for bits in (*PRECISIONS, 1280):
        v = enclose(number, bits=bits)
        if v is None:
            return None
        try:
            lo, hi = to_fraction(v)
        except Unbounded:
            return None
        a, b = round_half_away(lo, digits), round_half_away(hi, digits)
        if a == b:
            return a
    step = Fraction(1, 10**digits)
    boundary = round_half_away(hi, digits) - step / 2 if hi >= 0 else round_half_away(lo, digits) + step / 2
    tie = is_tie(boundary)
    if tie:
        return round_half_away(boundary, digits)
    return None


def approx(value: sp.Expr, digits: int = 6) -> str:
    """A decimal approximation for display (``≈``): the midpoint of a tight enclosure, with
    ``digits`` significant digits, computed without doubles so that long decimals are right."""
    enc = enclose(value, bits=max(120, int(digits * 3.33) + 40))
    ends = None if enc is None else exact_ends(enc)
    if ends is None:
        return "?"
    mid = (ends[0] + ends[1]) / 2
    if mid == 0:
        return "0"
    # a first guess of the decimal exponent from bit lengths (str() of a 10^5-digit integer fails)
    e = int((abs(mid.numerator).bit_length() - mid.denominator.bit_length()) * 0.30103)
    while abs(mid) >= Fraction(10) ** (e + 1):
        e += 1
    while abs(mid) < Fraction(10) ** e:
        e -= 1
    scaled = round_half_away(mid / Fraction(10) ** (e - digits + 1), 0)  # `digits` significant digits
    text = f"{int(scaled)}e{e - digits + 1}"
    return str(sp.Float(text, digits))
