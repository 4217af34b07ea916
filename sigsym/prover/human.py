"""Human proofs: short arguments a lecturer writes, every displayed line a checked relation.

The main strategy works in s = σ(x). If f = R(eˣ) is a rational function of eˣ, then, because
eˣ = σ/(1 − σ), f(x) = G(σ(x)) with G rational, and σ is a strictly increasing bijection of ℝ onto
(0, 1). Signs, bounds, extremes, monotonicity and parity of f become facts about G on (0, 1):
factors of known sign, a completed square, G(1 − s) against G(s) (since σ(−x) = 1 − σ(x)), the
chain rule with σ′ = σ(1 − σ) > 0. Each line is a ``Relation`` that ``relations.check`` decides
with the prover before the proof is made; a line that does not check is an internal error, never
printed. A strategy that does not apply gives None, and the caller keeps the certificate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from ..engine.expform import T, to_expform
from ..errors import InternalError, OutsideClass
from ..functions import X, sigmoid
from ..language.parse import REAL_LINE, Interval
from .kernel import Verdict
from .relations import Relation, check

S = sp.Symbol("s")
SIGMA = sigmoid(X)


@dataclass(frozen=True)
class HumanStep:
    """One line of a human proof: checked relations (a chain has several links), the reason in
    words, and the LaTeX shown to the reader."""

    relations: tuple[Relation, ...]
    because: str
    latex: str

    def as_dict(self) -> dict[str, object]:
        first = self.relations[0].as_dict() if self.relations else None
        return {"relation": first, "chain": [r.as_dict() for r in self.relations],
                "because": self.because, "latex": self.latex}


def _txt(e: sp.Expr) -> str:
    """Text in sigsym's language (SymPy's str uses ** and the catalogue names)."""
    return str(e)


def _tex_sigma(e: sp.Expr) -> str:
    return _fn_tex(sp.latex(e.subs(S, SIGMA)))


def _rational_in_exp(f: sp.Expr) -> sp.Expr | None:
    """R(t) with f = R(eˣ), t = eˣ, defined on the whole line; None when f is not of that kind."""
    try:
        form = to_expform(f)
    except OutsideClass:
        return None
    if form.shift != 0 or form.m != 1 or form.poles.degree() > 0 and _has_positive_root(form.poles):
        return None
    return form.rational


def in_sigma(f: sp.Expr) -> sp.Expr | None:
    """G(s) with f(x) = G(σ(x)), when f is a rational function of eˣ; None otherwise."""
    r = _rational_in_exp(f)
    return None if r is None else pretty(r.subs(T, S / (1 - S)))


def pretty(g: sp.Expr) -> sp.Expr:
    """G factored the way a lecturer writes it: s(1 − s), not −(s − 1)s."""
    return pretty_in(g, S)


def pretty_in(g: sp.Expr, v: sp.Symbol) -> sp.Expr:
    num, den = sp.fraction(sp.cancel(sp.together(g)))

    def factored(p: sp.Expr) -> sp.Expr:
        if not p.has(v):
            return p
        c, factors = sp.factor_list(p, v)
        out = sp.Integer(1)
        for b, e in factors:
            if sp.expand(b - (v - 1)) == 0:
                b, c = 1 - v, c * (-1) ** e
            out *= b**e
        if v == U and sp.expand(out - (1 - v) * (1 + v)) == 0:
            out = 1 - v**2  # 1 − tanh², as in the textbooks
        return c * out

    return factored(num) / factored(den)


U = sp.Symbol("u")
TANH = sp.tanh(X)


def in_tanh(f: sp.Expr) -> sp.Expr | None:
    """H(u) with f(x) = H(tanh x), when f is a rational function of e^{2x} (e^{2x} = (1+u)/(1−u))."""
    r = _rational_in_exp(f)
    if r is None:
        return None
    w = sp.Symbol("w", positive=True)
    even = sp.cancel(r.subs(T, sp.sqrt(w)))
    if even.has(sp.sqrt(w)) or even.atoms(sp.Pow) and any(not e.exp.is_Integer for e in even.atoms(sp.Pow)):
        return None
    return pretty_in(even.subs(w, (1 + U) / (1 - U)), U)


def _has_positive_root(p: sp.Poly) -> bool:
    from ..engine.algebraic import positive_roots

    return bool(positive_roots(p))


def _fn_tex(tex: str) -> str:
    """σ(x) and tanh x as printed in the notes, without \\left…\\right around a bare x."""
    tex = tex.replace(r"\left(x\right)", "(x)")
    return re.sub(r"\\tanh(\^\{\d+\})?\{\\left\(x \\right\)\}", lambda m: rf"\tanh{m.group(1) or ''} x", tex)


def _paren(tex: str, e: sp.Expr) -> str:
    return rf"\left({tex}\right)" if e.is_Add else tex


def _checked(steps: list[HumanStep]) -> tuple[HumanStep, ...]:
    for step in steps:
        for rel in step.relations:
            if check(rel) is not Verdict.PROVED:
                raise InternalError(f"a step of a human proof did not check: {rel}")
    return tuple(steps)


def _start(f_text: str, f: sp.Expr, g: sp.Expr) -> list[HumanStep]:
    rel = Relation(f_text, "=", _txt(g.subs(S, SIGMA)))
    if sp.simplify(g - S) == 0:
        return []
    return [HumanStep((rel,), "write eˣ = σ(x)/(1 − σ(x)), since σ(x) = eˣ/(1 + eˣ)",
                      rf"f(x) = {_tex_sigma(g)}")]


_RANGE = HumanStep((Relation("sigmoid(x)", ">", "0"), Relation("sigmoid(x)", "<", "1")),
                   "eˣ > 0, so 0 < eˣ/(1 + eˣ) < 1", r"0 < \sigma(x) < 1")


def _factor_reason(g: sp.Expr) -> str:
    num, den = sp.fraction(sp.cancel(sp.together(g)))
    factors = [b for p in (num, den) if p.has(S) for b, _e in sp.factor_list(p, S)[1]]
    known = {S: "s > 0", 1 - S: "1 − s > 0", S - 1: "1 − s > 0"}
    words = [known.get(b) or known.get(-b) for b in factors]
    if factors and all(words):
        return "for 0 < s < 1: " + ", ".join(dict.fromkeys(w for w in words if w))
    return "no factor vanishes between 0 and 1, and each keeps its sign there"


_SIGN = {"positive": ">", "negative": "<", "nonnegative": ">=", "nonpositive": "<="}
_TEX = {">": ">", "<": "<", ">=": r"\ge", "<=": r"\le"}
_WORD = {">": ">", "<": "<", ">=": "≥", "<=": "≤"}


def _sign(f_text: str, f: sp.Expr, g: sp.Expr, prop: str) -> list[HumanStep]:
    op = _SIGN[prop]
    return [*_start(f_text, f, g), _RANGE,
            HumanStep((Relation(_txt(g), op, "0", "s", "(0, 1)"),), _factor_reason(g),
                      rf"{sp.latex(g)} {_TEX[op]} 0 \quad (0 < s < 1)"),
            HumanStep((Relation(f_text, op, "0"),), f"take s = σ(x): f(x) {op} 0 for every real x",
                      rf"f(x) {_TEX[op]} 0 \quad (x \in \mathbb{{R}})")]


def _extreme(f_text: str, f: sp.Expr, g: sp.Expr, prop: str, value: sp.Expr) -> list[HumanStep] | None:
    """Complete the square: value − G(s) = c·(s − s0)² (c > 0 for a maximum)."""
    want = 1 if prop == "maximum" else -1
    gap = sp.cancel(want * (value - g))
    poly = sp.Poly(sp.numer(sp.together(gap)), S) if sp.denom(sp.together(gap)).is_number else None
    if poly is None or poly.degree() != 2:
        return None
    c = poly.LC() / sp.denom(sp.together(gap))
    s0 = -poly.all_coeffs()[1] / (2 * poly.LC())
    if c <= 0 or sp.expand(c * (S - s0) ** 2 - gap) != 0 or not (0 < s0 < 1):
        return None
    x0 = sp.simplify(sp.log(s0 / (1 - s0)))
    op = "<=" if want > 0 else ">="
    square = c * (S - s0) ** 2
    steps = [*_start(f_text, f, g),
             HumanStep((Relation(_txt(want * (value - g)), "=", _txt(square), "s"),), "complete the square",
                       rf"{sp.latex(want * value)} {'-' if want > 0 else '+'} {_paren(sp.latex(g), g)} = "
                       rf"{sp.latex(square)}"),
             HumanStep((Relation(_txt(square), ">=", "0", "s"),),
                       f"a square is never negative, and it is 0 only at s = {s0}",
                       rf"{sp.latex(square)} \ge 0"),
             HumanStep((Relation(f"sigmoid({x0})", "=", _txt(s0)),),
                       f"σ is increasing, so σ(x) = {s0} only at x = {x0}",
                       rf"\sigma({sp.latex(x0)}) = {sp.latex(s0)}"),
             HumanStep((Relation(f_text, op, _txt(value)),),
                       f"so f(x) {_WORD[op]} {value} for every x, with equality only where s = {s0}, "
                       f"that is at x = {x0}",
                       rf"f(x) {_TEX[op]} {sp.latex(value)} \quad (x \in \mathbb{{R}})")]
    return steps


def _parity(f_text: str, f: sp.Expr, g: sp.Expr, prop: str) -> list[HumanStep] | None:
    flipped = sp.cancel(g.subs(S, 1 - S))
    target = g if prop == "even" else -g
    if sp.cancel(flipped - target) != 0:
        return None
    lhs = _txt(f.subs(X, -X))
    return [*_start(f_text, f, g),
            HumanStep((Relation(lhs, "=", _txt(g.subs(S, 1 - SIGMA))),), "σ(−x) = 1 − σ(x)",
                      rf"f(-x) = {_tex_sigma(g.subs(S, 1 - S))}"),
            HumanStep((Relation(_txt(g.subs(S, 1 - S)), "=", _txt(target), "s"),), "expand and compare",
                      rf"{sp.latex(g.subs(S, 1 - S))} = "
                      + (sp.latex(g) if prop == "even" else rf"-{_paren(sp.latex(g), g)}")),
            HumanStep((Relation(lhs, "=", _txt(f if prop == "even" else -f)),),
                      "hence, with s = σ(x)", rf"f(-x) = {'f(x)' if prop == 'even' else '-f(x)'}")]


def _monotone(f_text: str, f: sp.Expr, g: sp.Expr, prop: str, on: Interval) -> list[HumanStep] | None:
    """f′ = G′(σ)·σ(1 − σ), and σ(1 − σ) > 0: the sign of f′ is the sign of G′ on σ(I)."""
    ends = []
    for end in (on.lo, on.hi):
        if end in (sp.oo, -sp.oo):
            ends.append(sp.Integer(0) if end == -sp.oo else sp.Integer(1))
            continue
        v = sp.nsimplify(sp.simplify(1 / (1 + sp.exp(-end))))
        if not v.is_Rational:
            return None
        ends.append(v)
    dg = pretty(sp.diff(g, S))
    op = ">" if prop == "increasing" else "<"
    where_s = f"({ends[0]}, {ends[1]})"
    where_x = f"({on.lo}, {on.hi})"
    chain = dg * S * (1 - S)
    return [*_start(f_text, f, g),
            HumanStep((Relation(f"diff({f_text}, x)", "=", _txt(chain.subs(S, SIGMA))),),
                      "chain rule, with σ′ = σ(1 − σ)",
                      rf"f'(x) = {_paren(_tex_sigma(dg), dg)} \cdot \sigma(x)(1 - \sigma(x))"),
            HumanStep((Relation("s*(1 - s)", ">", "0", "s"),), "0 < s < 1", r"\sigma(x)(1 - \sigma(x)) > 0"),
            HumanStep((Relation(_txt(dg), op, "0", "s", where_s),), _factor_reason(dg),
                      rf"{sp.latex(dg)} {op} 0 \quad ({sp.latex(ends[0])} < s < {sp.latex(ends[1])})"),
            HumanStep((Relation(f"diff({f_text}, x)", op, "0", "x", where_x),),
                      f"σ maps {where_x} onto {where_s}; f′ {op} 0 inside the interval, so f is strictly "
                      f"{prop} on it (mean value theorem)",
                      rf"f'(x) {op} 0 \quad (x \in {Interval(on.lo, on.hi, False, False).latex()})")]


def _identity(f_text: str, f: sp.Expr, g_text: str, g: sp.Expr) -> list[HumanStep] | None:
    """Both sides as functions of one variable — s = σ(x), or u = tanh x for functions of e^{2x}
    — and the two rational functions compared."""
    for conv, v, fn, name, why in (
            (in_tanh, U, TANH, "tanh x", "write e^{2x} = (1 + tanh x)/(1 − tanh x)"),
            (in_sigma, S, SIGMA, "σ(x)", "write eˣ = σ(x)/(1 − σ(x)), since σ(x) = eˣ/(1 + eˣ)")):
        gf, gg = conv(f), conv(g)
        if gf is None or gg is None or sp.cancel(gf - gg) != 0:
            continue
        steps = []
        for side, text, expr, form in (("f", f_text, f, gf), ("g", g_text, g, gg)):
            if "diff(" not in text and sp.simplify(expr - form.subs(v, fn)) == 0 and \
                    sp.count_ops(expr) <= sp.count_ops(form.subs(v, fn)):
                continue  # already written in that variable (display only: the next line is checked)
            reason = ("differentiate, then " + why) if text.startswith("diff(") else why
            steps.append(HumanStep((Relation(text, "=", _txt(form.subs(v, fn))),), reason,
                                   rf"{side}(x) = {_fn_tex(sp.latex(form.subs(v, fn)))}"))
        steps.append(HumanStep((Relation(f_text, "=", g_text),),
                               f"both sides are the same function of {name}", r"f(x) = g(x)"))
        return steps
    return None


def write(f_text: str, f: sp.Expr, prop: str, options: dict[str, object]) -> tuple[HumanStep, ...] | None:
    """A checked human proof of a claim already proved, or None when no strategy applies."""
    if prop == "identity":
        g = options.get("equals")
        if g is None:
            return None
        g_text = g if isinstance(g, str) else _txt(g)
        from ..language.parse import parse

        steps = _identity(f_text, f, g_text, parse(g_text))
        return None if steps is None else _checked(steps)
    g = in_sigma(f)
    if g is None:
        return None
    on = options.get("on", REAL_LINE)
    steps: list[HumanStep] | None = None
    if prop in _SIGN and on == REAL_LINE:
        steps = _sign(f_text, f, g, prop)
    elif prop in ("maximum", "minimum") and on == REAL_LINE and options.get("equals") is not None:
        steps = _extreme(f_text, f, g, prop, sp.sympify(options["equals"]))
    elif prop in ("even", "odd"):
        steps = _parity(f_text, f, g, prop)
    elif prop in ("increasing", "decreasing") and isinstance(on, Interval):
        steps = _monotone(f_text, f, g, prop, on)
    return None if steps is None else _checked(steps)


def for_proof(proof: object) -> tuple[HumanStep, ...] | None:
    """The human proof of a proved claim, when a strategy applies (None otherwise).

    Each line is checked before it is returned; a line that fails its check is an
    ``InternalError``. The engine's own "cannot decide here" answers mean "no human proof".
    """
    from ..engine.signchart import Undecided
    from .kernel import Proof

    assert isinstance(proof, Proof)
    if proof.verdict is not Verdict.PROVED:
        return None
    claim = proof.claim
    options = dict(claim.options)
    if claim.prop == "identity" and isinstance(options.get("equals"), sp.Expr):
        options["equals"] = _txt(options["equals"])
    try:
        return write(claim.source or _txt(claim.expr), claim.expr, claim.prop, options)
    except (Undecided, OutsideClass, sp.PolynomialError):
        return None
