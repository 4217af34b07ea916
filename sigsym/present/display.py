"""LaTeX for formulas as a lecturer writes them: σ′(x) rather than e^{−x}/(1+e^{−x})²."""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from ..functions import X, sigmoid, softplus
from ..language.parse import parse

_PRIMES = {1: "'", 2: "''", 3: "'''"}
_NAMED = (sigmoid, softplus, sp.tanh, sp.sinh, sp.cosh, sp.sech)  # written f'(x); the rest as d/dx


class _Printer(LatexPrinter):
    def _print_Derivative(self, expr: sp.Derivative) -> str:  # noqa: N802 - SymPy protocol
        (var, n), = expr.variable_count
        inner = expr.expr
        if var == X and inner.func in _NAMED and inner.args == (X,):
            head = self._print(inner.func(sp.Symbol("x"))).split(r"\left(")[0]
            head = head.replace(r"\operatorname{tanh}", r"\tanh")
            if inner.func in (sp.tanh, sp.sinh, sp.cosh):
                head = "\\" + inner.func.__name__
            if inner.func is sp.sech:
                head = r"\operatorname{sech}"
            mark = _PRIMES.get(int(n), f"^{{({int(n)})}}")
            return rf"{head}{mark}\left(x\right)"
        return super()._print_Derivative(expr)


def tex(expr: sp.Expr) -> str:
    return _Printer().doprint(expr)


def tex_of_text(text: str) -> str:
    """Display LaTeX of an expression as the user wrote it (derivatives unevaluated)."""
    return tex(parse(text, keep_derivatives=True))
