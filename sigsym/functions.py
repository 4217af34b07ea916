"""The functions sigsym knows by name: one ``FunctionSpec`` each, and every table derived from them.

A spec says everything each layer needs about one function: the SymPy object the parser builds,
the definition in exp and log that the decision procedures read (``to_exp``), the interval
version (mpmath ``iv``) the numeric layer evaluates, the textbook definition a derivation
substitutes, where the function is defined, and its notation. The parser's whitelist, the
engine's interval table, the derivation's definition rule and the LaTeX printer are built from
``FUNCTIONS``; adding a function is adding one entry to it (and its tests).

σ, softplus and swish are SymPy functions of their own, made from their specs by
``_sympy_function``, so that formulas print as ``\\sigma(x)``; each rewrites to its definition in
exp and log before any decision is made, and its derivative is the derivative of that
definition, so the engine never relies on a looked-up derivative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import sympy as sp
from mpmath import iv, mp
from sympy.core.logic import fuzzy_and

X = sp.Symbol("x", real=True)


@dataclass(frozen=True)
class Param:
    """A rational parameter written after the argument, e.g. swish(x, beta); may be left out."""

    name: str
    default: sp.Rational


@dataclass(frozen=True)
class Notation:
    """How prose and LaTeX name a catalogue function (one that a bare name like ``tanh`` means)."""

    symbol: str  # LaTeX symbol used in prose, e.g. \sigma
    definition_tex: str
    blurb: str
    plain: str  # the name in prose (Unicode), e.g. σ


@dataclass(frozen=True)
class FunctionSpec:
    """One named function of the expression language and everything each layer needs about it.

    ``func(u, *params)`` is the SymPy object the parser builds. ``exp_form`` is the definition in
    exp and log read by the decision procedures (None for exp and log themselves, and for sqrt,
    which SymPy builds as a power); ``textbook`` the definition a derivation substitutes when it
    is written differently (tanh as (e^u − e^{−u})/(e^u + e^{−u}), not the exp-rational
    (e^{2u} − 1)/(e^{2u} + 1)). ``interval`` evaluates the function on mpmath ``iv`` intervals.
    ``domain`` is the condition on the argument ("positive", "nonnegative"), recorded by the
    parser exactly as written (on ``domain_of(u)`` when that is given: u + 1/e ≥ 0 for W). ``positive`` marks functions structurally positive at every real
    argument, so that no domain condition is recorded for them. ``notation`` makes the function
    a catalogue function: its bare name means the function of x, prose and LaTeX name it, and a
    derivative of it at x is written f′(x).
    """

    name: str
    func: Callable[..., Any]
    exp_form: Callable[..., sp.Expr] | None = None
    interval: Callable[..., Any] | None = None
    params: tuple[Param, ...] = ()
    textbook: Callable[..., sp.Expr] | None = None
    domain: str | None = None
    positive: bool = False
    notation: Notation | None = None
    domain_of: Callable[[sp.Expr], sp.Expr] | None = None

    def domain_expr(self, u: sp.Expr) -> sp.Expr:
        """The expression whose ``domain`` condition says where the function of u is defined:
        u itself (log: u > 0), or u + 1/e for Lambert's W (u ≥ −1/e)."""
        return u if self.domain_of is None else self.domain_of(u)

    @property
    def arity(self) -> int:
        """How many arguments the SymPy object has: the argument and every parameter."""
        return 1 + len(self.params)

    @property
    def definition(self) -> Callable[..., sp.Expr] | None:
        """The definition a derivation substitutes: the textbook form, else the exp form."""
        return self.textbook or self.exp_form

    def build(self, u: sp.Expr, *params: sp.Expr) -> sp.Expr:
        """The function at u, the parameters left out taking their defaults."""
        given = list(params) + [p.default for p in self.params[len(params):]]
        return self.func(u, *given)

    @property
    def expr(self) -> sp.Expr:
        """The function of x that the bare name means."""
        return self.build(X)

    @property
    def usage(self) -> str:
        """How a call is written, e.g. ``swish(EXPR[, beta])``."""
        optional = "".join(f"[, {p.name}" for p in self.params) + "]" * len(self.params)
        return f"{self.name}(EXPR{optional})"

    # notation, for catalogue functions
    @property
    def symbol(self) -> str:
        return self._notation.symbol

    @property
    def definition_tex(self) -> str:
        return self._notation.definition_tex

    @property
    def blurb(self) -> str:
        return self._notation.blurb

    @property
    def plain(self) -> str:
        return self._notation.plain

    @property
    def _notation(self) -> Notation:
        if self.notation is None:
            raise AttributeError(f"{self.name} has no notation: it is not a catalogue function")
        return self.notation


def _sympy_function(name: str, exp_form: Callable[..., sp.Expr], symbol: str, params: tuple[Param, ...] = (),
                    positive: bool = False, value: Callable[..., sp.Expr | None] | None = None) -> Any:
    """A SymPy function class whose derivative, rewrite and assumptions come from its definition.

    The class is registered under its own name in this module, so that pickling (the theorem
    runner's worker processes) finds it.
    """
    u_, p_ = sp.Dummy("u"), [sp.Dummy(p.name) for p in params]
    shape = exp_form(u_, *p_)

    @cache
    def derivative() -> sp.Expr:  # the derivative of the definition, not a table entry; made when first asked
        return sp.diff(shape, u_)

    def eval(cls: Any, *args: sp.Expr) -> sp.Expr | None:  # noqa: A001 - SymPy protocol
        return value(*args) if value is not None else None

    def fdiff(self: Any, argindex: int = 1) -> sp.Expr:
        if argindex != 1:  # parameters are constants: SymPy never asks for their derivative
            raise sp.ArgumentIndexError(self, argindex)
        return derivative().xreplace(dict(zip((u_, *p_), self.args, strict=True)))

    def rewrite(self: Any, *args: sp.Expr, **kwargs: Any) -> sp.Expr:
        return exp_form(*args)

    def is_real(self: Any) -> bool | None:
        return fuzzy_and(a.is_real for a in self.args)

    def is_positive(self: Any) -> bool | None:
        return True if self.args[0].is_real else None

    def latex(self: Any, printer: Any, exp: str | None = None) -> str:
        args = list(self.args)
        while len(args) > 1 and args[-1] == params[len(args) - 2].default:  # defaults are not written
            args.pop()
        body = rf"{symbol}\left({', '.join(printer._print(a) for a in args)}\right)"
        return rf"{body}^{{{exp}}}" if exp else body

    namespace: dict[str, Any] = {
        "__doc__": f"{name}({', '.join(['u', *(p.name for p in params)])}) = {exp_form(*sp.symbols(['u', *(p.name for p in params)]))}.",
        "__module__": __name__,
        "nargs": 1 + len(params),
        "eval": classmethod(eval),
        "fdiff": fdiff,
        "_eval_rewrite_as_exp": rewrite,
        "_eval_is_real": is_real,
        "_latex": latex,
    }
    if shape.has(sp.log):
        namespace["_eval_rewrite_as_log"] = rewrite
    if positive:
        namespace["_eval_is_positive"] = is_positive
    cls = type(sp.Function)(name, (sp.Function,), namespace)
    globals()[name] = cls
    return cls


def _named(name: str, exp_form: Callable[..., sp.Expr], *, interval: Callable[..., Any], notation: Notation,
           params: tuple[Param, ...] = (), textbook: Callable[..., sp.Expr] | None = None,
           positive: bool = False, value: Callable[..., sp.Expr | None] | None = None) -> FunctionSpec:
    """The spec of a function sigsym defines itself, with its SymPy class made from the definition."""
    func = _sympy_function(name, exp_form, notation.symbol, params, positive, value)
    return FunctionSpec(name, func, exp_form, interval, params=params, textbook=textbook, positive=positive,
                        notation=notation)


class lambertw(sp.LambertW):  # noqa: N801 - the name as the expression language writes it
    """W₀(u), the principal branch of Lambert's W: the w ≥ −1 with w·e^w = u, real for u ≥ −1/e.

    Its derivative is written 1/((1 + W)·e^W), defined wherever W is differentiable (u > −1/e),
    rather than SymPy's W/(u(1 + W)), which would make u = 0 look like a hole of f′.
    """

    nargs = 1

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        if argindex != 1:
            raise sp.ArgumentIndexError(self, argindex)
        w = self.func(self.args[0])
        return 1 / ((1 + w) * sp.exp(w))

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        body = rf"W_0\left({printer._print(self.args[0])}\right)"
        return rf"{{{body}}}^{{{exp}}}" if exp else body


def _w_end(a: Any, upper: bool) -> Any:
    """A certified bound w ≥ −1 on W₀(a): w·e^w ≤ a (lower) or ≥ a (upper), checked with ``iv``
    (w ↦ w·e^w is increasing on [−1, ∞), so the bound holds for W₀, which is increasing too)."""
    if upper and a == mp.inf:
        return mp.inf
    with mp.workprec(iv.prec + 20):
        w = mp.mpf(-1) if a <= -mp.exp(-1) else mp.lambertw(a).real
        step = mp.ldexp(1 + abs(w), 8 - iv.prec)
        for _ in range(200):
            if w < -1:
                w = mp.mpf(-1)
            value = iv.mpf(w) * iv.exp(iv.mpf(w))
            if (value.b <= a) if not upper else (value.a >= a):
                return w
            if not upper and w == -1:
                return w  # W₀ ≥ −1 everywhere
            w = w + step if upper else w - step
            step *= 2
    raise ValueError("no certified bound for W")


def _iv_lambertw(u: Any) -> Any:
    """W₀ on an ``iv`` interval; ValueError unless the interval lies certainly in [−1/e, ∞)."""
    u = iv.mpf(u)
    if not (u + iv.exp(-1)).a >= 0:
        raise ValueError("lambertw of a number that may be below -1/e")
    return iv.mpf([_w_end(u.a, False), _w_end(u.b, True)])


FUNCTIONS: dict[str, FunctionSpec] = {s.name: s for s in (
    FunctionSpec("exp", sp.exp, interval=iv.exp, positive=True),
    FunctionSpec("log", sp.log, interval=iv.log, domain="positive"),
    FunctionSpec("sqrt", sp.sqrt, interval=iv.sqrt, domain="nonnegative"),  # SymPy builds u**(1/2)
    FunctionSpec("lambertw", lambertw, interval=_iv_lambertw, domain="nonnegative",
                 domain_of=lambda u: u + sp.exp(-1)),
    FunctionSpec(
        "sinh", sp.sinh, lambda u: (sp.exp(u) - sp.exp(-u)) / 2, lambda u: (iv.exp(u) - iv.exp(-u)) / 2,
        notation=Notation(r"\sinh", r"\sinh x = \frac{e^{x}-e^{-x}}{2}", "the hyperbolic sine", "sinh")),
    FunctionSpec(
        "cosh", sp.cosh, lambda u: (sp.exp(u) + sp.exp(-u)) / 2, lambda u: (iv.exp(u) + iv.exp(-u)) / 2,
        positive=True,
        notation=Notation(r"\cosh", r"\cosh x = \frac{e^{x}+e^{-x}}{2}", "the hyperbolic cosine", "cosh")),
    FunctionSpec(
        "tanh", sp.tanh, lambda u: (sp.exp(2 * u) - 1) / (sp.exp(2 * u) + 1), lambda u: 1 - 2 / (iv.exp(2 * u) + 1),
        textbook=lambda u: (sp.exp(u) - sp.exp(-u)) / (sp.exp(u) + sp.exp(-u)),
        notation=Notation(r"\tanh", r"\tanh x = \frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}", "the hyperbolic tangent", "tanh")),
    FunctionSpec(
        "sech", sp.sech, lambda u: 2 / (sp.exp(u) + sp.exp(-u)), lambda u: 2 / (iv.exp(u) + iv.exp(-u)),
        positive=True,
        notation=Notation(r"\operatorname{sech}", r"\operatorname{sech} x = \frac{2}{e^{x}+e^{-x}}",
                          "the hyperbolic secant", "sech")),
    _named(
        "sigmoid", lambda u: 1 / (1 + sp.exp(-u)), interval=lambda u: 1 / (1 + iv.exp(-u)), positive=True,
        value=lambda u: sp.Rational(1, 2) if u.is_zero else None,
        notation=Notation(r"\sigma", r"\sigma(x) = \frac{1}{1+e^{-x}}", "the logistic sigmoid", "σ")),
    _named(
        "softplus", lambda u: sp.log(1 + sp.exp(u)), interval=lambda u: iv.log(1 + iv.exp(u)),
        notation=Notation(r"\operatorname{softplus}", r"\operatorname{softplus}(x) = \ln\left(1+e^{x}\right)",
                          "the softplus function", "softplus")),
    _named(
        "swish", lambda u, beta: u / (1 + sp.exp(-beta * u)), params=(Param("beta", sp.Integer(1)),),
        interval=lambda u, beta: u / (1 + iv.exp(-beta * u)),
        textbook=lambda u, beta: u * sigmoid(beta * u),
        value=lambda u, beta: sp.Integer(0) if u.is_zero else None,
        notation=Notation(r"\operatorname{swish}", r"\operatorname{swish}(x) = x\,\sigma(x) = \frac{x}{1+e^{-x}}",
                          "the swish function (SiLU)", "swish")),
)}

sigmoid: Any = FUNCTIONS["sigmoid"].func
softplus: Any = FUNCTIONS["softplus"].func
swish: Any = FUNCTIONS["swish"].func

# ---------------------------------------------------------------- tables derived from FUNCTIONS

_DEFINITIONS: dict[str, Callable[..., sp.Expr]] = {s.name: s.exp_form for s in FUNCTIONS.values() if s.exp_form}
_ARITY: dict[str, int] = {s.name: s.arity for s in FUNCTIONS.values()}
CATALOGUE: dict[str, FunctionSpec] = {s.name: s for s in FUNCTIONS.values() if s.notation is not None}
BY_FUNC: dict[Any, FunctionSpec] = {s.func: s for s in FUNCTIONS.values()}


@lru_cache(maxsize=2048)
def to_exp(expr: sp.Expr) -> sp.Expr:
    """Rewrite every named function into exp/log, the form the decision procedures read.

    A direct substitution, innermost first: SymPy's generic ``rewrite`` is far slower.
    """
    found = [a for a in expr.atoms(sp.Function)
             if a.func.__name__ in _DEFINITIONS and len(a.args) == _ARITY[a.func.__name__]]
    if not found:
        return expr
    mapping: dict[sp.Expr, sp.Expr] = {}
    for a in sorted(found, key=lambda a: (a.count(sp.Function), sp.default_sort_key(a))):
        mapping[a] = _DEFINITIONS[a.func.__name__](*(arg.xreplace(mapping) for arg in a.args))
    return expr.xreplace(mapping)


def logistic(u: sp.Expr, big_l: sp.Expr = sp.Integer(1), k: sp.Expr = sp.Integer(1),
             x0: sp.Expr = sp.Integer(0)) -> sp.Expr:
    """The logistic family L/(1 + e^{-k(u - x0)}), written through σ so it prints as one."""
    return big_l * sigmoid(k * (u - x0))


def lookup(expr: sp.Expr) -> FunctionSpec | None:
    """The catalogue function whose function of x is exactly ``expr``, if any."""
    for spec in CATALOGUE.values():
        if spec.expr == expr:
            return spec
    return None
