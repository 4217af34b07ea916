"""Claims as sentences and formulas: the property's spec prints them, this module gives it f.

The statement printers live in the property specs (``prover.specs``); they see f as a
``Subject``: its name in prose (σ′ for a derivative of a catalogue function), and LaTeX printers
in the lecturer's notation (``display``), including f at −x for the parity statements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

from ..functions import X, lookup
from ..language.notation import _PRIMES, _Printer, tex
from ..language.parse import parse
from .specs import SPECS, Subject, printed

if TYPE_CHECKING:
    from .kernel import Claim
    from .relations import Relation


class _AtPrinter(_Printer):
    """The notes' printer for f(−x): ``-x`` written tight, as in σ(−x), and a derivative of a
    catalogue function at a point written σ′(−x) (its notation as in ``display``)."""

    def _print_Mul(self, expr: sp.Mul) -> str:  # noqa: N802 - SymPy protocol
        return "-x" if expr == -X else super()._print_Mul(expr)

    def _print_Subs(self, expr: sp.Subs) -> str:  # noqa: N802 - SymPy protocol
        d, (var,), (point,) = expr.args
        if isinstance(d, sp.Derivative) and var == X and len(d.variable_count) == 1:
            (v, n), = d.variable_count
            inner = d.expr
            named = lookup(inner) if v == X else None  # the notation of the FunctionSpec
            if named is not None:
                head = named.symbol
                mark = _PRIMES.get(int(n), f"^{{({int(n)})}}")
                return rf"{head}{mark}\left({self._print(point)}\right)"
        return super()._print_Subs(expr)


def _tex_at(expr: sp.Expr, arg: sp.Expr) -> str:
    """f with x replaced by ``arg``, unevaluated (tanh(−x) stays tanh(−x)); a derivative at a
    point is a ``Subs``."""
    if arg == X:
        return tex(expr)
    with sp.evaluate(False):
        moved = expr.replace(lambda e: isinstance(e, sp.Derivative), lambda d: sp.Subs(d, X, arg))
        moved = moved.xreplace({X: arg}) if not moved.has(sp.Subs) else moved
    return _AtPrinter().doprint(moved)


def subject_of_text(expr_text: str, name: str | None = None, symbol: str | None = None) -> Subject:
    e = parse(expr_text, keep_derivatives=True)
    return Subject(name or expr_text, symbol, e, expr_text, tex, lambda arg: _tex_at(e, arg))


def claim_relation(expr_text: str, prop: str, options: dict) -> Relation | None:
    """The relation a claim states, when it is one (identity, parity, a sign on an interval):
    the object the statement is printed from and that ``relations.check`` re-proves."""
    from .human import _at_minus_x
    from .relations import Relation
    from .signs import SIGNS

    if prop == "identity":
        return Relation(expr_text, "=", str(options["equals"]))
    if prop in ("even", "odd"):
        f = parse(expr_text)
        return Relation(_at_minus_x(expr_text, f), "=", expr_text if prop == "even" else f"-({expr_text})")
    if prop in SIGNS and prop in _SIGN_OPS:
        on = str(options.get("on", "R"))
        return Relation(expr_text, _SIGN_OPS[prop], "0", "x", None if on == "R" else on)
    return None


_SIGN_OPS = {"positive": ">", "negative": "<", "nonnegative": ">=", "nonpositive": "<=", "nonzero": "!="}
_REL_TEX = {"=": "=", "<": "<", "<=": r"\le", ">": ">", ">=": r"\ge", "!=": r"\ne"}


def relation_tex(rel: Relation, expr_text: str) -> str:
    """A claim's relation as the notes print it: each side that is f, f at −x or −f is printed by
    the lecturer's printers (σ′(−x), −(σ(x) − ½) with its brackets); any other side as a formula."""
    from .human import _at_minus_x

    subject = subject_of_text(expr_text)

    def side(text: str) -> str:
        if text == expr_text:
            return subject.f()
        if text == _at_minus_x(expr_text, subject.expr):
            return subject.f(-X)
        if text == f"-({expr_text})":
            body = subject.f()
            return rf"-\left({body}\right)" if subject.compound else f"-{body}"
        return tex(parse(text, keep_derivatives=True))

    body = f"{side(rel.lhs)} {_REL_TEX[rel.op]} {side(rel.rhs)}"
    if rel.op == "=":
        return body
    from ..language.parse import REAL_LINE, parse_interval

    where = REAL_LINE if rel.where is None else parse_interval(rel.where)
    return rf"{body} \quad (x \in {where.latex()})"


def claim_tex(expr_text: str, prop: str, options: dict) -> str:
    """The claim as a formula, from the text of f and of its options (as in a theorem file); a
    claim that is a relation is printed from that relation (``claim_relation``)."""
    rel = claim_relation(expr_text, prop, options)
    if rel is not None:
        return relation_tex(rel, expr_text)
    spec = SPECS[prop]
    return spec.formula(subject_of_text(expr_text), printed(spec, options, tex))


def claim_sentence(claim: Claim, symbol: str | None) -> str:
    """The claim as an English sentence."""
    spec = SPECS[claim.prop]
    name = symbol or (claim.source or str(claim.expr))
    subject = Subject(name, symbol, claim.expr, claim.source)
    opts = {k: (v if isinstance(v, int) and not isinstance(v, bool) else str(v)) for k, v in claim.options}
    return spec.say(subject, printed(spec, opts))
