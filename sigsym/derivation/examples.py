"""Worked examples: exact values and certified decimals of a derivative at a point."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from ..engine import exact, numeric
from ..engine.algebraic import simplify_number
from ..errors import OptionError
from ..functions import X, to_exp


@dataclass(frozen=True)
class Example:
    at: sp.Expr
    exact: sp.Expr
    decimal: str
    digits: int


def evaluate(expr: sp.Expr, at: sp.Expr, digits: int = 4, order: int = 1) -> Example:
    """f^{(order)}(at) exactly, and rounded (half away from zero) to ``digits`` places, certified."""
    value = sp.diff(to_exp(expr), X, order).subs(X, at)
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise OptionError(f"the derivative is not defined at x = {at}")
    nice = simplify_number(value) if exact.is_decidable(value) else value
    if nice.has(sp.exp, sp.E):
        forms = [sp.together(value), nice]
        if any(p.exp.is_Rational and not p.exp.is_Integer for p in value.atoms(sp.Pow)):
            forms.insert(1, sp.radsimp(value))  # rationalising a denominator needs a radical (15 ms a call)
        nice = min(forms, key=sp.count_ops)
    rounded = numeric.certified_round(value, digits,
                                      lambda b: exact.is_zero(value - sp.Rational(b.numerator, b.denominator)))
    if rounded is None:
        raise OptionError(f"could not certify {digits} decimals of the value at x = {at}")
    return Example(at, nice, numeric.decimal(Fraction(rounded), digits), digits)


ARTICLE_POINTS = (0, 1, -1, 2, -2, 3)
