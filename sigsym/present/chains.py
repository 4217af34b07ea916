"""The derivative as one aligned chain per route, ending at the self-referential form.

A route's steps come from ``derivation.derive`` (each step already checked there). The engine's
last step, "eliminate t = e^{x/m}", is not something a student can follow, so it is dropped and
replaced by the closing algebra of the content file ``derivatives.toml`` (each closing line is a
relation the engine checks here), and the chain ends with a "Hence ..." line, also checked.
"""

from __future__ import annotations

import re
from typing import Any

import sympy as sp
from markupsafe import Markup

from ..derivation.derive import ROUTES, DStep, derive
from ..errors import InternalError, RouteError
from ..functions import X
from ..language.notation import tex
from ..language.parse import parse
from .viewmodel import F_PRIME, F_SYMBOL, checked, content, lang, marked, relation

M = Markup
ROUTE_TITLES = {"rules": "By the differentiation rules", "first-principles": "From first principles",
                "implicit": "By implicit differentiation"}
ENGINE_ONLY_RULES = ("in terms of f",)
ELEMENTARY = frozenset({"sum", "constant", "constant multiple", "variable", "exp", "chain (exp)", "power"})
MAX_LINES = 10  # a longer chain shows each run of elementary rules as one line


def _merge_elementary(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Runs of elementary steps (sum, constant, eˣ, x ...) shown as one line naming their rules:
    the line after the run is still ``d/dx f = ...``, checked like every other line."""
    out: list[dict[str, Any]] = []
    run: list[str] = []
    for i, line in enumerate(lines):
        elementary = isinstance(line["rule"], str) and line["rule"] in ELEMENTARY and not line["lhs_tex"]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if elementary and nxt is not None and isinstance(nxt["rule"], str) and nxt["rule"] in ELEMENTARY:
            run.append(line["rule"])
            continue
        if run:
            names = list(dict.fromkeys([*run, line["rule"]]))
            line = {**line, "rule": ", ".join(names) + " rules", "law_tex": None}
            run = []
        out.append(line)
    return out


_SKIP = re.compile(r"\\(left|right|bigl|bigr|Bigl|Bigr|displaystyle|textstyle)(?![a-zA-Z])|\\[,;!]|[{}\s]")
_FRAC = re.compile(r"\\[dt]?frac")
_NAMED = frozenset({"tanh", "sinh", "cosh", "sech", "log", "ln", "exp", "lim", "max", "min", "sup", "inf"})


def _group(tex: str, i: int) -> tuple[str, int]:
    """The brace group starting at tex[i] == "{" and the index after it."""
    depth = 0
    for j in range(i, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[j], 0)
        if depth == 0:
            return tex[i + 1:j], j + 1
    return tex[i + 1:], len(tex)


def width(tex: str) -> float:
    """A rough width of displayed LaTeX in characters (a fraction is as wide as its wider part,
    exponents count half, a command such as \\sigma one character): enough to choose a layout
    that keeps every line inside the page, never to scale a formula."""
    total, i = 0.0, 0
    while i < len(tex):
        m = _FRAC.match(tex, i)
        if m and m.end() < len(tex) and tex[m.end()] == "{":
            a, j = _group(tex, m.end())
            b, k = _group(tex, j) if j < len(tex) and tex[j] == "{" else ("", j)
            total += max(width(a), width(b)) + 0.5
            i = k
            continue
        skip = _SKIP.match(tex, i)
        if skip:
            i = skip.end()
            continue
        if tex[i] in "^_" and i + 1 < len(tex):
            if tex[i + 1] == "{":
                inner, i = _group(tex, i + 1)
            else:
                inner, i = tex[i + 1], i + 2
            total += 0.6 * width(inner)
            continue
        if tex[i] == "\\":
            m2 = re.match(r"\\(operatorname|text|mathrm)\{([^}]*)\}|\\[a-zA-Z]+", tex[i:])
            if m2:
                name = m2.group(0)[1:]
                total += len(m2.group(2)) if m2.group(2) else (len(name) if name in _NAMED else 1)
                i += m2.end()
                continue
        total += 1
        i += 1
    return total


def function_content(f: sp.Expr) -> dict[str, Any]:
    """The entry of ``derivatives.toml`` for f (its closing algebra, "hence" line, title), or {}."""
    for entry in content("derivatives").get("function", []):
        if parse(entry["expr"]) == f:
            return dict(entry)
    return {}


def _plain(after: object, f: sp.Expr) -> sp.Expr | None:
    """A step's expression with the implicit route's symbols f, f′ replaced by f(x), f′(x)."""
    if not isinstance(after, sp.Basic):
        return None
    return after.xreplace({F_PRIME: sp.Derivative(f, X), F_SYMBOL: f})


def _lang_or_none(e: sp.Expr) -> str | None:
    """The relation side, or None when it involves more than x (h, limits): not re-checkable."""
    if e.free_symbols - {X} or e.has(sp.Limit):
        return None
    return lang(e)


def _line(lhs_tex: str, rhs_tex: str, step: DStep | None, rule: object, rel: dict[str, Any] | None, law: str | None = None) -> dict[str, Any]:
    return {"lhs_tex": M(lhs_tex) if lhs_tex else None, "op_tex": M("="), "rhs_tex": M(rhs_tex), "rule": rule,
            "law_tex": M(law) if law else None, "relation": rel,
            "check": step.check if step is not None else "checked here: an identity for every real x"}


def _route_lines(f: sp.Expr, d_lhs: str, steps: tuple[DStep, ...]) -> list[dict[str, Any]]:
    """Each step as a row of the aligned chain: ``lhs = rhs`` when the step is an equation,
    ``= rhs`` (continuing the derivative) when it is an expression."""
    lines: list[dict[str, Any]] = []
    start = lang(sp.Derivative(f, X))
    for s in steps:
        after = _plain(s.after, f)
        law = s.law if s.law and not s.law.startswith(r"\text{") else None
        if isinstance(after, sp.Equality):
            lhs, rhs = after.lhs, after.rhs
            lt, rt = _lang_or_none(lhs), _lang_or_none(rhs)
            rel = relation(lt, "=", rt) if lt is not None and rt is not None else None
            lines.append(_line(tex(lhs), tex(rhs), s, s.rule, rel, law))
        elif isinstance(after, sp.Limit):
            lines.append(_line(d_lhs, tex(after), s, s.rule, None, law))
        else:
            rt = _lang_or_none(after) if after is not None else None
            rel = relation(start, "=", rt) if rt is not None else None
            lines.append(_line("" if lines else d_lhs, s.latex, s, s.rule, rel, law))
    return lines


def chains(f: sp.Expr, fsym: str) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The chains of every route that applies, and the checked "hence" line (or None)."""
    data = function_content(f)
    routes = data.get("routes", list(ROUTES))
    d_lhs = tex(sp.Derivative(f, X)) if fsym == "f" else rf"{fsym}'(x)"
    start = lang(sp.Derivative(f, X))
    out = []
    for route in routes:
        try:
            d = derive(f, 1, route)
        except RouteError:
            continue
        steps = tuple(s for s in d.steps if s.rule not in ENGINE_ONLY_RULES)
        drop = set(data.get("drop", {}).get(route, []))
        while steps and steps[-1].rule in drop:
            steps = steps[:-1]
        lines = _route_lines(f, d_lhs, steps)
        for c in data.get("closing", {}).get(route, []):
            rel = checked(relation(start, "=", c["rhs"]))
            lines.append(_line("", c["tex"], None, marked(c["rule"]), rel))
        if len(lines) > MAX_LINES:
            lines = _merge_elementary(lines)
        if not lines:
            continue
        widths = [width(str(ln["lhs_tex"] or "")) + width(str(ln["rhs_tex"])) for ln in lines]
        span = max(w + 0.55 * len(str(ln["rule"])) for w, ln in zip(widths, lines, strict=True))
        out.append({"route": route, "title": ROUTE_TITLES[route], "lines": lines, "width": round(max(widths)),
                    "span": round(span)})
    hence = None
    if data.get("hence"):
        rel = checked(relation(start, "=", data["hence"]))
        hence = {"tex": marked(data["hence_tex"]), "relation": rel}
    if not out and not hence:
        raise InternalError("no route derives the first derivative")
    return out, hence
