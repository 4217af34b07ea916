"""Exact tests on real constants: is this number zero?

Numbers that reach here are built from rationals, algebraic numbers (radicals, ``CRootOf``) and
powers of e with rational exponents. Since e is transcendental over the algebraic numbers, such
a number, written as a rational function of z = e^{1/M} with algebraic coefficients, is zero
exactly when every coefficient of its numerator is zero; each coefficient is decided by its
minimal polynomial. Anything else (π, logarithms) gives ``None``: not decided.
"""

from __future__ import annotations

from functools import lru_cache
from math import lcm

import sympy as sp

_Z = sp.Dummy("z")
_Y = sp.Dummy("y")


def _is_algebraic_atomfree(expr: sp.Expr) -> bool:
    for atom in expr.atoms(sp.Function, sp.NumberSymbol):
        if not isinstance(atom, sp.CRootOf):
            return False
    return not expr.free_symbols - {_Z}


@lru_cache(maxsize=4096)
def is_zero(number: sp.Expr) -> bool | None:
    """True / False when decided exactly; None when the number is outside the decidable kind."""
    number = sp.sympify(number)
    if number.is_Rational:
        return number == 0
    if number.free_symbols:
        return None
    exps = list(number.atoms(sp.exp))
    args = [a.args[0] for a in exps]
    if number.has(sp.E):
        exps.append(sp.E)
        args.append(sp.Integer(1))
    if any(not arg.is_Rational for arg in args):
        return None
    big_m = lcm(*[int(a.q) for a in args]) if args else 1
    replaced = number.xreplace({a: _Z ** int(arg * big_m) for a, arg in zip(exps, args, strict=True)})
    if not _is_algebraic_atomfree(replaced):
        return None
    numer = sp.numer(sp.together(replaced))
    try:
        coeffs = sp.Poly(sp.expand(numer), _Z).all_coeffs() if numer.has(_Z) else [numer]
    except sp.PolynomialError:
        return None
    for coeff in coeffs:
        if coeff == 0:
            continue
        if coeff.is_Rational:
            return False
        try:
            poly = sp.minimal_polynomial(coeff, _Y)
        except (NotImplementedError, sp.PolynomialError, ValueError):
            return None
        if poly != _Y:
            return False
    return True


def is_decidable(number: sp.Expr) -> bool:
    """Whether ``is_zero`` can decide this number."""
    return is_zero(number) is not None


def formal_zero(expr: sp.Expr) -> bool:
    """True when expr is zero as a rational function of its variables and e^{variable/M}.

    Each exponential of a rational-linear argument becomes a monomial in new generators; other
    functions are kept as opaque atoms. A formal zero is a real zero; anything else is reported
    as "not shown" (False), never as "nonzero".
    """
    from .catalogue import to_exp

    e = to_exp(sp.sympify(expr)).subs(sp.E, sp.exp(1))
    symbols = sorted(e.free_symbols, key=lambda s: s.name)
    exps = list(e.atoms(sp.exp))
    denominators: dict[sp.Symbol, int] = {s: 1 for s in symbols}
    linear: dict[sp.Expr, tuple[dict, sp.Expr]] = {}
    for a in exps:
        arg = sp.expand(a.args[0])
        coeffs = {s: arg.coeff(s) for s in symbols}
        rest = sp.expand(arg - sum(c * s for s, c in coeffs.items()))
        if rest.free_symbols or any(not c.is_Rational for c in coeffs.values()):
            continue
        linear[a] = (coeffs, rest)
        for s, c in coeffs.items():
            denominators[s] = lcm(denominators[s], int(c.q))
    gens = {s: sp.Dummy(f"e_{s.name}") for s in symbols}
    mapping = {}
    for a, (coeffs, rest) in linear.items():
        term = sp.exp(rest) if rest != 0 else sp.Integer(1)
        for s, c in coeffs.items():
            term *= gens[s] ** int(c * denominators[s])
        mapping[a] = term
    replaced = e.xreplace(mapping)
    return sp.cancel(sp.together(replaced)) == 0
