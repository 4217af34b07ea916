"""The functions sigsym knows by name, with their definitions and notation.

σ and softplus are SymPy functions of their own so that formulas print as ``\\sigma(x)``; each
rewrites to its definition in terms of ``exp`` and ``log`` before any decision is made, so the
engine never relies on a looked-up derivative.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

X = sp.Symbol("x", real=True)


class sigmoid(sp.Function):  # noqa: N801 - the user-facing name
    """σ(u) = 1/(1 + e^{-u})."""

    nargs = 1

    @classmethod
    def eval(cls, u):  # noqa: ANN001,ANN206 - SymPy protocol
        if u.is_zero:
            return sp.Rational(1, 2)
        return None

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        # The derivative of the definition, not a table entry.
        (u,) = self.args
        return sp.exp(-u) / (1 + sp.exp(-u)) ** 2

    def _eval_rewrite_as_exp(self, u, **kwargs):  # noqa: ANN001,ANN202
        return 1 / (1 + sp.exp(-u))

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None

    def _latex(self, printer, exp=None):  # noqa: ANN001,ANN202
        body = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return rf"{body}^{{{exp}}}" if exp else body


class softplus(sp.Function):  # noqa: N801 - the user-facing name
    """softplus(u) = log(1 + e^{u})."""

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        (u,) = self.args
        return sp.exp(u) / (1 + sp.exp(u))

    def _eval_rewrite_as_exp(self, u, **kwargs):  # noqa: ANN001,ANN202
        return sp.log(1 + sp.exp(u))

    def _eval_rewrite_as_log(self, u, **kwargs):  # noqa: ANN001,ANN202
        return sp.log(1 + sp.exp(u))

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _latex(self, printer, exp=None):  # noqa: ANN001,ANN202
        body = rf"\operatorname{{softplus}}\left({printer._print(self.args[0])}\right)"
        return rf"{body}^{{{exp}}}" if exp else body


_DEFINITIONS = {
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
    "softplus": lambda u: sp.log(1 + sp.exp(u)),
    "tanh": lambda u: (sp.exp(2 * u) - 1) / (sp.exp(2 * u) + 1),
    "sinh": lambda u: (sp.exp(u) - sp.exp(-u)) / 2,
    "cosh": lambda u: (sp.exp(u) + sp.exp(-u)) / 2,
    "sech": lambda u: 2 / (sp.exp(u) + sp.exp(-u)),
}


@lru_cache(maxsize=2048)
def to_exp(expr: sp.Expr) -> sp.Expr:
    """Rewrite every catalogue function into exp/log, the form the decision procedures read.

    A direct substitution, innermost first: SymPy's generic ``rewrite`` is far slower.
    """
    found = [a for a in expr.atoms(sp.Function) if a.func.__name__ in _DEFINITIONS and len(a.args) == 1]
    if not found:
        return expr
    mapping: dict[sp.Expr, sp.Expr] = {}
    for a in sorted(found, key=lambda a: (a.count(sp.Function), sp.default_sort_key(a))):
        mapping[a] = _DEFINITIONS[a.func.__name__](a.args[0].xreplace(mapping))
    return expr.xreplace(mapping)


@dataclass(frozen=True)
class Entry:
    """A catalogue function: its name, symbol, definition and the LaTeX of that definition."""

    name: str
    symbol: str  # LaTeX symbol used in prose, e.g. \sigma
    expr: sp.Expr  # the function of x as the parser builds it
    definition_tex: str
    blurb: str
    plain: str = ""  # the name in prose (Unicode), e.g. σ


CATALOGUE: dict[str, Entry] = {
    e.name: e
    for e in (
        Entry("sigmoid", r"\sigma", sigmoid(X), r"\sigma(x) = \frac{1}{1+e^{-x}}",
              "the logistic sigmoid", "σ"),
        Entry("tanh", r"\tanh", sp.tanh(X), r"\tanh x = \frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}",
              "the hyperbolic tangent", "tanh"),
        Entry("softplus", r"\operatorname{softplus}", softplus(X),
              r"\operatorname{softplus}(x) = \ln\left(1+e^{x}\right)", "the softplus function", "softplus"),
        Entry("sinh", r"\sinh", sp.sinh(X), r"\sinh x = \frac{e^{x}-e^{-x}}{2}",
              "the hyperbolic sine", "sinh"),
        Entry("cosh", r"\cosh", sp.cosh(X), r"\cosh x = \frac{e^{x}+e^{-x}}{2}",
              "the hyperbolic cosine", "cosh"),
        Entry("sech", r"\operatorname{sech}", sp.sech(X), r"\operatorname{sech} x = \frac{2}{e^{x}+e^{-x}}",
              "the hyperbolic secant", "sech"),
    )
}


def logistic(u: sp.Expr, big_l: sp.Expr = sp.Integer(1), k: sp.Expr = sp.Integer(1),
             x0: sp.Expr = sp.Integer(0)) -> sp.Expr:
    """The logistic family L/(1 + e^{-k(u - x0)}), written through σ so it prints as one."""
    return big_l * sigmoid(k * (u - x0))


def lookup(expr: sp.Expr) -> Entry | None:
    """The catalogue entry whose function of x is exactly ``expr``, if any."""
    for entry in CATALOGUE.values():
        if entry.expr == expr:
            return entry
    return None
