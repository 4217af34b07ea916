"""Numbers written with Lambert's W₀: exact zero tests by its defining identity, and closed forms
for the roots of (a·x + b)·e^{λx} + c·e^{μx}.

W = W₀(u) is defined by W·e^{W} = u (W ≥ −1), so e^{W} = u/W and e^{k·W} = (u/W)^k. A number
built from rationals, algebraic numbers, e^{rational} and values W₀(uᵢ) becomes, after every
exponential e^{c + Σ kᵢ·W₀(uᵢ)} (kᵢ integers) is rewritten that way, a rational function of the
symbols wᵢ = W₀(uᵢ). If that rational function is zero *formally* (every coefficient of its
numerator, a constant, is exactly zero by ``exact.is_zero``) and its denominator is certainly
nonzero, the number is zero. A formal non-zero proves nothing (the wᵢ might be algebraically
related); then only a certified numeric sign says "nonzero", and otherwise the test answers None.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..functions import lambertw, to_exp
from . import exact, numeric


def has_w(v: sp.Expr) -> bool:
    return bool(sp.sympify(v).atoms(lambertw))


def rewrite(v: sp.Expr) -> tuple[sp.Expr, dict[sp.Symbol, sp.Expr]]:
    """v with every e^{c + Σ kᵢ·W₀(uᵢ)} written e^{c}·Π (uᵢ/W₀(uᵢ))^{kᵢ} and every W₀(uᵢ) a
    symbol; the symbols' values. Raises ValueError when a W appears with a non-integer
    coefficient in an exponent."""
    v = to_exp(sp.sympify(v))
    ws = sorted(v.atoms(lambertw), key=sp.default_sort_key)
    symbols = {w: sp.Dummy(f"w{i}") for i, w in enumerate(ws)}
    mapping: dict[sp.Expr, sp.Expr] = {}
    for a in v.atoms(sp.exp):
        arg = sp.expand(a.args[0])
        if not arg.has(lambertw):
            continue
        term = sp.Integer(1)
        rest = arg
        for w in ws:
            k = arg.coeff(w)
            if k == 0:
                continue
            if not k.is_Integer:
                raise ValueError("a W with a non-integer coefficient in an exponent")
            term *= (w.args[0] / symbols[w]) ** int(k)
            rest -= k * w
        rest = sp.expand(rest)
        if rest.has(lambertw):
            raise ValueError("W inside a nonlinear exponent")
        mapping[a] = sp.exp(rest) * term
    out = v.xreplace(mapping).xreplace(symbols)
    return out, {s: w for w, s in symbols.items()}


def is_zero(v: sp.Expr) -> bool | None:
    """True / False when decided (exactly, or nonzero by a certified sign); None otherwise."""
    v = sp.sympify(v)
    if not has_w(v):
        return exact.is_zero(v)
    if numeric.sign(v) is not None:
        return False
    try:
        r, values = rewrite(v)
    except ValueError:
        return None
    if not exact.tame_exponentials(r):
        return None
    num, den = sp.fraction(sp.together(r))
    back = {s: w for s, w in values.items()}
    if numeric.sign(den.xreplace(back)) is None:
        return None  # a denominator that may vanish: not decided
    try:
        poly = sp.Poly(sp.expand(num), *values.keys()) if values else None
    except sp.PolynomialError:
        return None
    coeffs = poly.coeffs() if poly is not None else [num]
    for c in coeffs:
        z = exact.is_zero(c)
        if z is not True:
            return None  # formally nonzero (or undecided): no exact verdict
    return True


def compare(a: sp.Expr, b: sp.Expr) -> int | None:
    """sign(a − b) for real constants (or ±oo) that may contain W₀: certified sign, else the
    exact zero test above."""
    if a == b:
        return 0
    if a in (sp.oo, -sp.oo) or b in (sp.oo, -sp.oo):
        return 1 if (a == sp.oo or b == -sp.oo) else -1
    s = numeric.sign(a - b)
    if s is not None:
        return s
    return 0 if is_zero(a - b) else None


def simplify(v: sp.Expr) -> sp.Expr:
    """A shorter form of v by the identity e^{W(u)} = u/W(u) (display; equal to v exactly)."""
    try:
        r, values = rewrite(v)
    except ValueError:
        return v
    if not exact.tame_exponentials(r):
        return v
    out = sp.factor(sp.cancel(sp.together(r))).xreplace(values)
    return out if sp.count_ops(out) <= sp.count_ops(v) else v


def linear_exp_root(a: Fraction, b: Fraction, c: Fraction, k: Fraction) -> sp.Expr | None:
    """The root of a·x + b + c·e^{k·x} = 0 on W₀'s branch, when there is one:
    x = −b/a − W₀(z)/k with z = (k·c/a)·e^{−k·b/a}, real when z ≥ −1/e.

    (Put y = x + b/a: a·y = −c·e^{k(y − b/a)}, so (−k·y)·e^{−k·y} = z, hence −k·y = W(z).)
    The other real root, on the branch W₋₁ when −1/e < z < 0, is not returned.
    """
    if a == 0 or c == 0 or k == 0:
        return None
    q = sp.Rational

    def r(v: Fraction) -> sp.Rational:
        return q(v.numerator, v.denominator)

    z = r(k * c / a) * sp.exp(r(-k * b / a))
    if numeric.sign(z + sp.exp(-1)) != 1:
        return None
    return -r(b / a) - lambertw(z) / r(k)
