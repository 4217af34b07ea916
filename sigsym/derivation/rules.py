"""The differentiation rules: one small immutable rule per law.

Each rule rewrites d/dx u into an expression that may still contain unevaluated derivatives of
the parts of u. ``pick`` chooses the rule a lecturer would use; ``derive`` in derive.py applies
them one at a time and checks each rewrite against SymPy's own derivative, exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..functions import FUNCTIONS, X, lambertw


def D(u: sp.Expr) -> sp.Expr:  # noqa: N802 - the operator
    """An unevaluated d/dx u."""
    return sp.Derivative(u, X, evaluate=False)


@dataclass(frozen=True)
class Rule:
    name: str
    law: str  # the law in LaTeX

    def matches(self, u: sp.Expr) -> bool:
        raise NotImplementedError

    def apply(self, u: sp.Expr) -> sp.Expr:
        raise NotImplementedError


@dataclass(frozen=True)
class Constant(Rule):
    """d/dx c = 0"""

    def matches(self, u: sp.Expr) -> bool:
        return not u.has(X)

    def apply(self, u: sp.Expr) -> sp.Expr:
        return sp.Integer(0)


@dataclass(frozen=True)
class Variable(Rule):
    """d/dx x = 1"""

    def matches(self, u: sp.Expr) -> bool:
        return u == X

    def apply(self, u: sp.Expr) -> sp.Expr:
        return sp.Integer(1)


@dataclass(frozen=True)
class Sum(Rule):
    """d/dx (u + v) = u′ + v′"""

    def matches(self, u: sp.Expr) -> bool:
        return u.is_Add

    def apply(self, u: sp.Expr) -> sp.Expr:
        return sp.Add(*[D(a) for a in u.args])


@dataclass(frozen=True)
class ConstantMultiple(Rule):
    """d/dx (c·u) = c·u′"""

    def matches(self, u: sp.Expr) -> bool:
        return u.is_Mul and u.as_independent(X)[0] != 1

    def apply(self, u: sp.Expr) -> sp.Expr:
        c, rest = u.as_independent(X)
        return c * D(rest)


@dataclass(frozen=True)
class Reciprocal(Rule):
    """d/dx (1/v) = −v′/v²"""

    def matches(self, u: sp.Expr) -> bool:
        return u.is_Pow and u.exp == -1 and u.base.has(X)

    def apply(self, u: sp.Expr) -> sp.Expr:
        v = u.base
        return -D(v) / v**2


@dataclass(frozen=True)
class Quotient(Rule):
    """d/dx (u/v) = (u′v − uv′)/v²"""

    def matches(self, u: sp.Expr) -> bool:
        if not u.is_Mul:
            return False
        n, d = sp.fraction(u)
        return n.has(X) and d.has(X)

    def apply(self, u: sp.Expr) -> sp.Expr:
        n, d = sp.fraction(u)
        return (D(n) * d - n * D(d)) / d**2


@dataclass(frozen=True)
class Product(Rule):
    """d/dx (u·v) = u′v + uv′"""

    def matches(self, u: sp.Expr) -> bool:
        return u.is_Mul

    def apply(self, u: sp.Expr) -> sp.Expr:
        a, *rest = u.args
        b = sp.Mul(*rest)
        return D(a) * b + a * D(b)


@dataclass(frozen=True)
class Power(Rule):
    """d/dx xⁿ = n·xⁿ⁻¹"""

    def matches(self, u: sp.Expr) -> bool:
        return u.is_Pow and u.base == X and not u.exp.has(X)

    def apply(self, u: sp.Expr) -> sp.Expr:
        return u.exp * X ** (u.exp - 1)


@dataclass(frozen=True)
class Exp(Rule):
    """d/dx eˣ = eˣ"""

    def matches(self, u: sp.Expr) -> bool:
        return isinstance(u, sp.exp) and u.args[0] == X

    def apply(self, u: sp.Expr) -> sp.Expr:
        return u


@dataclass(frozen=True)
class Log(Rule):
    """d/dx ln x = 1/x"""

    def matches(self, u: sp.Expr) -> bool:
        return isinstance(u, sp.log) and u.args[0] == X

    def apply(self, u: sp.Expr) -> sp.Expr:
        return 1 / X


@dataclass(frozen=True)
class Chain(Rule):
    """d/dx f(g(x)) = f′(g(x))·g′(x)"""

    def matches(self, u: sp.Expr) -> bool:
        if isinstance(u, sp.exp | sp.log):
            return u.args[0] != X
        return u.is_Pow and not u.exp.has(X) and u.base != X

    def apply(self, u: sp.Expr) -> sp.Expr:
        if isinstance(u, sp.exp):
            return u * D(u.args[0])
        if isinstance(u, sp.log):
            return D(u.args[0]) / u.args[0]
        g, n = u.base, u.exp
        return n * g ** (n - 1) * D(g)


@dataclass(frozen=True)
class LambertW(Rule):
    """d/dx W(g) = g′ / ((1 + W(g))·e^{W(g)}), from W·e^W = g (implicit differentiation)"""

    def matches(self, u: sp.Expr) -> bool:
        return isinstance(u, lambertw)

    def apply(self, u: sp.Expr) -> sp.Expr:
        return D(u.args[0]) / ((1 + u) * sp.exp(u))


# The definition each named function is replaced by, from its spec (the textbook form when it has one).
_DEFINITIONS = {s.func: s.definition for s in FUNCTIONS.values() if s.definition is not None}


def definition(u: sp.Expr) -> sp.Expr | None:
    maker = _DEFINITIONS.get(u.func)
    return maker(*u.args) if maker is not None else None


@dataclass(frozen=True)
class Definition(Rule):
    """f(g) = its definition in exp and log"""

    def matches(self, u: sp.Expr) -> bool:
        return u.func in _DEFINITIONS

    def apply(self, u: sp.Expr) -> sp.Expr:
        return D(definition(u))


RULES: tuple[Rule, ...] = (
    Constant("constant", r"\frac{d}{dx} c = 0"),
    Variable("variable", r"\frac{d}{dx} x = 1"),
    Definition("definition", r"\text{replace the function by its definition}"),
    Sum("sum", r"(u+v)' = u' + v'"),
    ConstantMultiple("constant multiple", r"(c\,u)' = c\,u'"),
    Reciprocal("reciprocal", r"\left(\frac{1}{v}\right)' = -\frac{v'}{v^{2}}"),
    Quotient("quotient", r"\left(\frac{u}{v}\right)' = \frac{u'v - uv'}{v^{2}}"),
    Product("product", r"(uv)' = u'v + uv'"),
    Power("power", r"(x^{n})' = n\,x^{n-1}"),
    Exp("exp", r"(e^{x})' = e^{x}"),
    Log("log", r"(\ln x)' = \frac{1}{x}"),
    Chain("chain", r"\frac{d}{dx} f(g(x)) = f'(g(x))\,g'(x)"),
    LambertW("Lambert W", r"\bigl(W_0(g)\bigr)' = \frac{g'}{(1 + W_0(g))\,e^{W_0(g)}}"),
)


def pick(u: sp.Expr) -> Rule | None:
    """The first rule whose pattern fits u; None is the explicit "don't know"."""
    for rule in RULES:
        if rule.matches(u):
            return rule
    return None


def chain_name(u: sp.Expr) -> str:
    if isinstance(u, sp.exp):
        return "chain (exp)"
    if isinstance(u, sp.log):
        return "chain (log)"
    return "chain (power)"
