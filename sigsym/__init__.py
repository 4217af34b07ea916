"""sigsym: derive, prove and typeset the logistic sigmoid and its derivative, exactly.

Every verdict is ``proved`` (a decision procedure or an exact computation), ``refuted`` (with a
checked counterexample) or ``unknown``::

    >>> import sigsym
    >>> proof = sigsym.prove("diff(sigmoid(x), x)", "maximum", equals="1/4", at="0")
    >>> proof.verdict.value
    'proved'
    >>> print(proof)                                      # doctest: +ELLIPSIS
    proved: σ′ has maximum 1/4 at x = 0. Proof by ...
    >>> sigsym.derive("sigmoid").in_terms_of_f             # a SymPy expression in the symbol f
    f*(1 - f)

Expressions are text in sigsym's expression language (``"diff(sigmoid(x), x)"``) or SymPy
expressions in any one real symbol, which sigsym calls x throughout its output; intervals are
text (``"(-oo, 0]"``) or SymPy ``Interval`` objects. In Jupyter, proofs and derivations display
as formulas.

The package imports nothing heavy until it is used, so that ``import sigsym`` and the pytest
plugin stay cheap: the functions below import SymPy when called, and the classes are loaded on
first access.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable
    from fractions import Fraction

    import sympy

    from .derivation.derive import Derivation
    from .errors import SigsymError
    from .functions import X as x
    from .functions import sigmoid, softplus
    from .language.parse import Interval
    from .prover.facts import Fact
    from .prover.kernel import Proof, Verdict
    from .prover.properties import PROPERTIES
    from .theorems.files import Theorem
    from .theorems.files import load as load_theorems
    from .theorems.runner import Outcome

    ExprLike: TypeAlias = str | sympy.Expr | int | Fraction
    IntervalLike: TypeAlias = str | Interval | sympy.Interval

__all__ = [
    "PROPERTIES",
    "Derivation",
    "Interval",
    "Outcome",
    "Proof",
    "SigsymError",
    "Theorem",
    "Verdict",
    "Fact",
    "check",
    "derive",
    "facts",
    "load_theorems",
    "notes",
    "parse",
    "parse_interval",
    "prove",
    "sigmoid",
    "softplus",
    "x",
]

# Classes and constants, loaded on first access.
_LAZY = {
    "__version__": ("sigsym.version", "__version__"),  # importlib.metadata costs 20 ms
    "PROPERTIES": ("sigsym.prover.properties", "PROPERTIES"),
    "Derivation": ("sigsym.derivation.derive", "Derivation"),
    "Fact": ("sigsym.prover.facts", "Fact"),
    "Interval": ("sigsym.language.parse", "Interval"),
    "Outcome": ("sigsym.theorems.runner", "Outcome"),
    "Proof": ("sigsym.prover.kernel", "Proof"),
    "SigsymError": ("sigsym.errors", "SigsymError"),
    "Theorem": ("sigsym.theorems.files", "Theorem"),
    "Verdict": ("sigsym.prover.kernel", "Verdict"),
    "load_theorems": ("sigsym.theorems.files", "load"),
    "sigmoid": ("sigsym.functions", "sigmoid"),
    "softplus": ("sigsym.functions", "softplus"),
    "x": ("sigsym.functions", "X"),
}


def _in_x(expr: object) -> object:
    """A SymPy expression in one symbol, rewritten in sigsym's x so that all output says x."""
    free = getattr(expr, "free_symbols", None)
    if free and len(free) == 1:
        from .functions import X

        (var,) = free
        if var != X and getattr(var, "is_real", None) is not False:
            return expr.xreplace({var: X})  # type: ignore[attr-defined]
    return expr


def prove(expr: ExprLike, prop: str, *, on: IntervalLike | None = None, at: ExprLike | None = None,
          equals: ExprLike | IntervalLike | None = None, digits: int | None = None) -> Proof:
    """Decide a property of ``expr``: proved, refuted with a checked counterexample, or unknown.

    ``prop`` is one of ``sigsym.PROPERTIES`` (identity, even, odd, value, limit, positive, negative,
    nonnegative, nonpositive, nonzero, increasing, decreasing, maximum, minimum, range, smooth,
    stirling-form). ``on`` restricts to an interval (default: the real line), ``at`` is a point,
    ``equals`` the claimed value, function (identity) or interval (range), ``digits`` the decimals
    of a rounded value. Each decision runs under the time budget ``SIGSYM_TIME_BUDGET`` (seconds).

    >>> sigsym.prove("diff(sigmoid(x), x)", "decreasing").counterexample.statement  # doctest: +SKIP
    '-1 < -1/2 but f(-1) = 0.196612 < f(-1/2) = 0.235004'
    """
    from .prover.properties import prove as _prove

    return _prove(_in_x(expr), prop, on=on, at=at, equals=_in_x(equals), digits=digits)


def derive(expr: ExprLike, order: int = 1, route: str = "rules") -> Derivation:
    """Derive the ``order``-th derivative of ``expr`` step by step; every step is checked exactly.

    ``route`` is ``rules`` (one differentiation rule per step), ``implicit`` (f·Q = P) or
    ``first-principles`` (the limit of the difference quotient, for sigmoid and tanh). The
    result is ``.result`` (a SymPy expression) and, when the derivative can be written through
    the function itself, ``.in_terms_of_f`` (a SymPy expression in the symbol ``f``).
    """
    from .derivation.derive import derive as _derive

    return _derive(_in_x(expr), order=order, route=route)


def check(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None, *,
          jobs: int = 1) -> list[Outcome]:
    """Run theorem files (``[[theorem]]`` TOML tables; default: the bundled ones).

    Folders are searched for theorem files; each outcome says whether the theorem got the
    verdict it expects (``.ok``), and why not (``.explanation``). ``jobs`` > 1 runs theorems in
    that many processes (0: one per core). Raises ``SigsymError`` for a bad theorem file.
    """
    import os as _os

    from .theorems.runner import check as _check

    if isinstance(paths, str | _os.PathLike):
        paths = [paths]
    return _check(list(paths) if paths is not None else None, jobs=jobs)


def notes(expr: ExprLike = "sigmoid", *, format: str = "article", title: str | None = None,
          author: str | None = None, solutions: bool = True, templates: str | None = None,
          theorems: list[str] | None = None) -> str:
    """The LaTeX source of lecture notes on ``expr`` (``format``: article, beamer or fragment).

    Every formula in them is made and checked by the engine; ``templates`` is a folder searched
    before the built-in jinja2 templates; ``theorems`` are theorem files or folders of your own,
    added with their statements and proofs. ``sigsym notes --pdf`` on the command line builds the PDF.
    """
    from .present.notes import build
    from .present.render import render

    text = expr if isinstance(expr, str) else str(_in_x(expr))
    doc = build(text, title=title, author=author, fmt=format, solutions=solutions, theorems=theorems)
    return render(doc, format, templates)


def parse(text: str) -> sympy.Expr:
    """Parse text in sigsym's expression language into a SymPy expression in x (never evaluated
    as Python: read through a whitelist of the syntax tree)."""
    from .language.parse import parse as _parse

    return _parse(text)


def parse_interval(text: str) -> Interval:
    """Parse an interval such as ``(-oo, 0]``, ``[0, oo)``, ``(0, 1/4]`` or ``R``."""
    from .language.parse import parse_interval as _parse_interval

    return _parse_interval(text)


def facts(expr: ExprLike, *, on: str | None = None) -> tuple[Fact, ...]:
    """Everything sigsym can say about ``expr`` (parity, zeros, signs, limits, monotone pieces,
    extremes, range, convexity, inflection points), each a checked ``Proof``, in a fixed order."""
    from .prover.facts import facts as _facts

    return _facts(expr if isinstance(expr, str) else _in_x(expr), on=on)


_FUNCTIONS = frozenset({"prove", "derive", "check", "notes", "facts", "parse", "parse_interval"})


class _Package(types.ModuleType):
    """The sigsym package object. Importing a submodule normally binds it as an attribute of the
    package, which would replace a function such as ``sigsym.parse`` by a module of the same name;
    here the functions of the API always stay. Modules import as usual
    (``from sigsym.language.parse import parse_interval``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)

    def __getattr__(self, name: str) -> Any:
        """The classes and constants of the API, imported on first access."""
        if name in _LAZY:
            module, attr = _LAZY[name]
            value = getattr(import_module(module), attr)
            setattr(self, name, value)
            return value
        raise AttributeError(f"module 'sigsym' has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted(set(__all__) | {n for n in vars(self) if n.startswith("__")})


sys.modules[__name__].__class__ = _Package
