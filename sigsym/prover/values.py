"""Option values and expressions from the user: text through the safe parser, SymPy values
checked, each converted by the kind of its option (``prover.options.OptionKind``)."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..engine.algebraic import compare
from ..errors import OptionError, ParseError
from ..functions import X
from ..language.parse import (
    REAL_LINE,
    Interval,
    Parsed,
    conditions_of,
    parse,
    parse_constant,
    parse_function,
    parse_interval,
)
from .options import OptionKind


def _interval(value: object, name: str) -> Interval:
    """An interval: text such as '(-oo, 0]', or a SymPy ``Interval`` / ``S.Reals``; its ends in
    order, decided exactly (log(1.0…01) < log(1.0…02) however close)."""
    interval = _interval_unchecked(value, name)
    if interval.lo.is_finite and interval.hi.is_finite:
        order = compare(interval.lo, interval.hi)
        if order is None:
            raise OptionError(f"option {name}: cannot decide whether the ends of {interval} are in order")
        if order >= 0:
            raise OptionError(f"option {name}: interval {interval} is empty or its ends are the wrong way round")
    return interval


def _interval_unchecked(value: object, name: str) -> Interval:
    if isinstance(value, Interval):
        return value
    if value is sp.S.Reals:
        return REAL_LINE
    if isinstance(value, sp.Interval):
        lo, hi = value.start, value.end
        if lo.free_symbols or hi.free_symbols or lo.is_extended_real is not True or hi.is_extended_real is not True:
            raise OptionError(f"option {name}: the ends of the interval must be real constants")
        text = f"{'(' if value.left_open else '['}{lo}, {hi}{')' if value.right_open else ']'}"
        return parse_interval(text)
    if not isinstance(value, str):
        raise OptionError(f"option {name} must be an interval such as '(-oo, 0]' or a SymPy Interval")
    return parse_interval(value)


def _constant(value: object, name: str, allow_infinity: bool = False) -> sp.Expr:
    if isinstance(value, bool):
        raise OptionError(f"option {name} must be a number, not {value!r}")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, float):
        return sp.Rational(repr(value))
    if isinstance(value, sp.Basic):
        v = sp.sympify(value)
        if v.free_symbols:
            raise OptionError(f"option {name} must be a constant")
        return v
    if not isinstance(value, str):
        raise OptionError(f"option {name} must be a number")
    v = parse_constant(value, allow_infinity=allow_infinity, what=f"option {name}")
    return v


def _function(value: object, name: str, expand: bool = True) -> sp.Expr:
    if not expand and isinstance(value, str):
        return parse(value, keep_derivatives=True)  # syntax and names only: no diff is expanded
    return as_expr(value, what=f"option {name}")


def as_expr(value: object, what: str = "expression") -> sp.Expr:
    """Text through the safe parser; SymPy expressions in x accepted as they are."""
    return as_function(value, what).expr


def as_function(value: object, what: str = "expression") -> Parsed:
    """A function of x with the conditions under which it is defined."""
    if isinstance(value, Parsed):
        return value
    if isinstance(value, str):
        return parse_function(value)
    expr = _as_sympy(value, what)
    return Parsed(expr, conditions_of(expr))


def _as_sympy(value: object, what: str) -> sp.Expr:
    if isinstance(value, str):
        return parse_function(value).expr
    if isinstance(value, sp.Expr):
        free = value.free_symbols
        if len(free) > 1:
            names = ", ".join(sorted(s.name for s in free))
            raise ParseError(f"{what} must be a function of one variable, not of {names}")
        if any(s.is_real is False for s in free):
            raise ParseError(f"{what}: the variable must be real")
        return value.xreplace({s: X for s in free})  # any single real symbol is the variable x
    if isinstance(value, int | Fraction):
        return _constant(value, what)
    raise ParseError(f"{what} must be text or a SymPy expression")

def digits(value: object, name: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 60:
        raise OptionError(f"option {name} must be a whole number from 0 to 60")
    return value


def convert(kind: OptionKind, value: object, name: str, expand: bool = True) -> object:
    """An option's value checked and converted by its kind (``expand=False``: validate only)."""
    if kind is OptionKind.INTERVAL:
        return _interval(value, name)
    if kind is OptionKind.DIGITS:
        return digits(value, name)
    if kind is OptionKind.FUNCTION:
        return _function(value, name, expand)
    return _constant(value, name, allow_infinity=kind is OptionKind.CONSTANT_OR_INFINITY)
