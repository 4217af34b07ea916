"""Pieces of the notes' view model that are plain data: relations, claims and content files.

The view model is a tree of dicts, lists and strings. LaTeX made by the engine (or written in the
bundled content files) is a ``Markup`` string, so the templates pass it through while they escape
prose; ``json.dumps`` writes the same tree as ``notes --format json``. Every displayed formula
that states something carries its ``relations``: ``{lhs, op, rhs, var, where}`` in sigsym's own
language (as in the readable proofs), so anyone can re-check it by evaluation.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import sympy as sp
from markupsafe import Markup
from sympy.printing.str import StrPrinter

from ..errors import InternalError
from ..functions import X
from ..language.parse import parse, parse_interval
from ..prover.kernel import Proof, Verdict
from ..prover.properties import prove
from ..prover.relations import Relation, check
from .render import templates_dir

M = Markup
F_SYMBOL = sp.Symbol("f")
F_PRIME = sp.Symbol("f'")


class _Lang(StrPrinter):  # type: ignore[misc]  # SymPy is untyped
    """SymPy's str printer, except d/dx: sigsym's language writes ``diff(EXPR, x[, n])``."""

    def _print_Derivative(self, expr: sp.Derivative) -> str:  # noqa: N802 - SymPy protocol
        (var, n), = expr.variable_count
        inner = self._print(expr.expr)
        return f"diff({inner}, {var})" if n == 1 else f"diff({inner}, {var}, {n})"


def lang(expr: sp.Expr) -> str:
    """An expression of x in sigsym's language (parseable by ``language.parse``)."""
    return str(_Lang({"order": "none"}).doprint(expr))


def relation(lhs: str, op: str, rhs: str, var: str = "x", where: str | None = None) -> dict[str, Any]:
    return {"lhs": lhs, "op": op, "rhs": rhs, "var": var, "where": where}


def checked(rel: dict[str, Any], *, checks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The relation, after the engine proved it (or, when it cannot decide it, proved the
    equivalent ``checks`` claims); anything else is an internal error, never a printed line."""
    verdict = check(Relation(rel["lhs"], rel["op"], rel["rhs"], rel.get("var") or "x", rel.get("where")))
    if verdict is not Verdict.PROVED:
        if not checks:
            raise InternalError(f"displayed relation {rel['lhs']} {rel['op']} {rel['rhs']} is {verdict.value}")
        for c in checks:
            proved(c)
    return relation(rel["lhs"], rel["op"], rel["rhs"], rel.get("var") or "x", rel.get("where"))


def claim_options(c: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in c.items() if k not in ("expr", "property")}


def run_claim(c: dict[str, Any]) -> Proof:
    return prove(c["expr"], c["property"], **claim_options(c))


def proved(c: dict[str, Any]) -> Proof:
    proof = run_claim(c)
    if proof.verdict is not Verdict.PROVED:
        raise InternalError(f"content claim {c['expr']} {c['property']} is {proof.verdict.value}, expected proved")
    return proof


def claim_relations(expr_text: str, prop: str, options: dict[str, Any]) -> list[dict[str, Any]]:
    """The relations a claim states, where it states relations (identity, signs, values,
    extremes, parity, range); limits, monotonicity and smoothness state none."""
    ops = {"positive": ">", "negative": "<", "nonnegative": ">=", "nonpositive": "<=", "nonzero": "!="}
    on = options.get("on")
    where = None if on in (None, "R") else str(on)
    if prop == "identity":
        return [relation(expr_text, "=", str(options["equals"]), where=where)]
    if prop in ops:
        return [relation(expr_text, ops[prop], "0", where=where)]
    f = parse(expr_text)
    if prop == "value":
        at_value = lang(f.subs(X, parse(str(options["at"]))))
        digits = options.get("digits")
        if digits is None:
            return [relation(at_value, "=", str(options["equals"]))]
        half = sp.Rational(1, 2 * 10 ** int(digits))
        v = sp.Rational(str(options["equals"]))
        return [relation(at_value, ">=", lang(v - half)), relation(at_value, "<", lang(v + half))]
    if prop in ("maximum", "minimum"):
        out = [relation(expr_text, "<=" if prop == "maximum" else ">=", str(options["equals"]), where=where)]
        if options.get("at") is not None:
            out.append(relation(lang(f.subs(X, parse(str(options["at"])))), "=", str(options["equals"])))
        return out
    if prop in ("even", "odd"):
        mirrored = lang(f.subs(X, -X))
        return [relation(mirrored, "=", expr_text if prop == "even" else f"-({expr_text})")]
    if prop == "range":
        iv = parse_interval(str(options["equals"]))
        out = []
        if iv.lo.is_finite:
            out.append(relation(expr_text, ">=" if iv.lo_closed else ">", lang(iv.lo)))
        if iv.hi.is_finite:
            out.append(relation(expr_text, "<=" if iv.hi_closed else "<", lang(iv.hi)))
        return out
    return []


# ---------------------------------------------------------------- content files

def content_dir() -> Path:
    return templates_dir() / "content"


def content(name: str) -> dict[str, Any]:
    """The prose and claims of the notes on a catalogue function (empty when there are none)."""
    if not content_dir().is_dir():
        raise InternalError(f"{content_dir()}: the notes' content files are missing (a broken installation)")
    path = content_dir() / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def marked(value: object) -> object:
    """Content-file LaTeX as Markup (the bundled files are LaTeX written for the notes)."""
    return M(str(value).strip()) if value is not None else None
