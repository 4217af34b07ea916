"""LaTeX for formulas as a lecturer writes them: σ′(x) rather than e^{−x}/(1+e^{−x})²."""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from ..functions import X, lookup
from ..language.parse import parse

_PRIMES = {1: "'", 2: "''", 3: "'''"}


class _Printer(LatexPrinter):
    def _print_Derivative(self, expr: sp.Derivative) -> str:  # noqa: N802 - SymPy protocol
        (var, n), = expr.variable_count
        inner = expr.expr
        named = lookup(inner) if var == X else None  # a catalogue function of x: f'(x); the rest as d/dx
        if named is not None:
            head = named.symbol
            mark = _PRIMES.get(int(n), f"^{{({int(n)})}}")
            return rf"{head}{mark}\left(x\right)"
        return super()._print_Derivative(expr)


def tex(expr: sp.Expr) -> str:
    return _Printer().doprint(expr)


def tex_of_text(text: str) -> str:
    """Display LaTeX of an expression as the user wrote it (derivatives unevaluated)."""
    return tex(parse(text, keep_derivatives=True))
