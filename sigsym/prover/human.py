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
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from ..engine.expform import ExpForm, T, to_expform
from ..errors import InternalError, OutsideClass
from ..functions import X, sigmoid
from ..language.parse import REAL_LINE, Interval
from . import reasons
from .kernel import Verdict
from .relations import Relation, check

S = sp.Symbol("s")
SIGMA = sigmoid(X)


@dataclass(frozen=True)
class HumanStep:
    """One line of a human proof: checked relations, the reason in words, and the LaTeX shown to
    the reader. With ``chain`` the relations are the links a = b ≤ c … of one aligned chain
    (each link checked), and ``relation`` is what the chain shows, a … c; otherwise they are
    facts shown together (0 < σ(x) < 1) and ``relation`` is the first."""

    relations: tuple[Relation, ...]
    reason: str
    latex: str
    chain: bool = False

    @property
    def because(self) -> str:
        """The reason in words, Unicode (terminal, JSON): "since e⁻ˣ > 0"."""
        return reasons.plain(self.reason)

    @property
    def because_tex(self) -> str:
        """The reason as LaTeX for the notes: prose, with its mathematics typeset in $…$."""
        return reasons.latex(self.reason)

    @property
    def relation(self) -> Relation:
        first = self.relations[0]
        if not self.chain or len(self.relations) == 1:
            return first
        ops = {r.op for r in self.relations} - {"="}
        directions = {op[0] for op in ops}
        if len(directions) > 1 or "!=" in ops:
            raise InternalError(f"a chain mixes directions: {self.relations}")
        if not ops:
            op = "="
        else:
            (d,) = directions
            op = d if d in ops else d + "="  # strict as soon as one link is strict
        return Relation(first.lhs, op, self.relations[-1].rhs, first.var, first.where)

    def as_dict(self) -> dict[str, object]:
        from .text import relation_text

        return {"relation": self.relation.as_dict(), "chain": [r.as_dict() for r in self.relations],
                "text": relation_text(self.relation), "because": self.because, "because_tex": self.because_tex,
                "latex": self.latex}


class _GiveUp(Exception):
    """A line could not be decided (the engine said unknown): this strategy gives way to the next."""



def _simp(e: sp.Expr) -> sp.Expr:
    """A tidy form for choosing and printing a strategy (every line is checked afterwards anyway).
    Rational functions only need ``cancel``: ``sp.simplify``'s first call imports
    ``sympy.physics.units``, a tenth of a cold ``sigsym prove``."""
    e = sp.sympify(e)
    if e.is_Rational or (e.free_symbols and e.is_rational_function(*sorted(e.free_symbols, key=str))):
        return sp.cancel(e)
    return sp.simplify(e)

def _txt(e: sp.Expr) -> str:
    """Text in sigsym's language (SymPy's str uses ** and the catalogue names)."""
    return str(e)


def _tex_sigma(e: sp.Expr, arg: sp.Expr = SIGMA) -> str:
    """G(σ(x)) as a lecturer writes it: a product in the order σ(x)(1 − σ(x))(1 − 2σ(x)), the
    way σ′ = σ(1 − σ) is known (display only: the relation beside it is what is checked)."""
    if isinstance(e, sp.Mul):
        def rank(factor: sp.Expr) -> int:
            base = factor.as_base_exp()[0]
            return 0 if factor.is_number else 1 if base == S else 2 if sp.expand(base - (1 - S)) == 0 else 3

        factors = sorted(e.as_ordered_factors(), key=rank)
        shown = sp.Mul(*[f.subs(S, arg) for f in factors], evaluate=False)
        return _fn_tex(sp.latex(shown, order="none"))
    return _fn_tex(sp.latex(e.subs(S, arg)))


def _form_in_exp(f: sp.Expr) -> ExpForm | None:
    """f = R(eˣ), t = eˣ, defined on the whole line; None when f is not of that kind."""
    try:
        form = to_expform(f)
    except OutsideClass:
        return None
    if form.shift != 0 or form.m != 1 or form.poles.degree() > 0 and _has_positive_root(form.poles):
        return None
    return form


def _rational_in_exp(f: sp.Expr) -> sp.Expr | None:
    """R(t) with f = R(eˣ), t = eˣ, defined on the whole line; None when f is not of that kind."""
    form = _form_in_exp(f)
    return None if form is None else form.rational


def in_sigma(f: sp.Expr) -> sp.Expr | None:
    """G(s) with f(x) = G(σ(x)), when f is a rational function of eˣ; None otherwise.

    t = s/(1 − s) is substituted and the fraction reduced on FLINT (exact polynomials over ℚ), so
    that ``pretty`` only factors a reduced fraction: the same expression, at half the time (SymPy
    spent it in ``together`` on the nested fractions)."""
    form = _form_in_exp(f)
    if form is None:
        return None
    return _pretty_sigma_flint(form.num, form.den)


def _pretty_sigma_flint(num: sp.Poly, den: sp.Poly) -> sp.Expr:
    """num(t)/den(t) at t = s/(1 − s), reduced on FLINT, then written by ``pretty``."""
    from flint import fmpq_poly

    from ..engine.flintpoly import rational as q
    from ..engine.flintpoly import to_rational_poly

    s_, one_minus = fmpq_poly([0, 1]), fmpq_poly([1, -1])

    def at_s(p: fmpq_poly) -> fmpq_poly:  # p(s/(1 − s))·(1 − s)^deg p
        d = p.degree()
        return sum((p[k] * s_**k * one_minus ** (d - k) for k in range(d + 1)), fmpq_poly([0]))

    n, d = q(num), q(den)
    top, bottom = at_s(n), at_s(d)
    shift = d.degree() - n.degree()  # the (1 − s) powers the two clearings leave over
    if shift > 0:
        top *= one_minus**shift
    elif shift < 0:
        bottom *= one_minus ** (-shift)
    g = top.gcd(bottom)
    return pretty(to_rational_poly(top // g, S).as_expr() / to_rational_poly(bottom // g, S).as_expr())


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
    """Every relation of every line decided by the prover: a refuted line is an internal error
    (the proof writer is wrong), an undecided one makes the strategy give way."""
    for step in steps:
        for rel in step.relations:
            verdict = check(rel)
            if verdict is Verdict.REFUTED:
                raise InternalError(f"a step of a human proof is false: {rel}")
            if verdict is not Verdict.PROVED:
                raise _GiveUp(str(rel))
        step.relation  # noqa: B018 - a chain must have one direction
    return tuple(steps)


def _start(f_text: str, f: sp.Expr, g: sp.Expr) -> list[HumanStep]:
    from ..language.parse import parse

    rel = Relation(f_text, "=", _txt(g.subs(S, SIGMA)))
    if _simp(g - S) == 0 or sp.expand(parse(f_text, keep_derivatives=True) - g.subs(S, SIGMA)) == 0:
        return []
    why = _SIGMA_WHY
    if f_text.replace(" ", "").startswith("diff(sigmoid(x),x"):
        why = r"differentiate, using $\sigma' = \sigma(1 - \sigma)$"
    elif f_text.startswith("diff("):
        why = "differentiate, then " + why
    return [HumanStep((rel,), why,
                      rf"{_f_tex(f_text)} = {_tex_sigma(g)}")]


_SIGMA_WHY = r"write $e^{x} = \frac{\sigma(x)}{1 - \sigma(x)}$, since $\sigma(x) = \frac{e^{x}}{1 + e^{x}}$"
_RANGE = HumanStep((Relation("sigmoid(x)", ">", "0"), Relation("sigmoid(x)", "<", "1")),
                   r"$e^{x} > 0$, so $0 < \frac{e^{x}}{1 + e^{x}} < 1$", r"0 < \sigma(x) < 1")


def _factor_reason(g: sp.Expr, lo: sp.Expr = sp.Integer(0), hi: sp.Expr = sp.Integer(1), v: sp.Symbol = S) -> str:
    """Why G keeps its sign for lo < v < hi, factor by factor, as a textbook says it."""
    num, den = sp.fraction(sp.cancel(sp.together(g)))
    name = f"${v}$"
    words = []
    for p in (num, den):
        if not p.has(v):
            continue
        for b, _e in sp.factor_list(p, v)[1]:
            if _e % 2 == 0:
                words.append(f"{_words(b ** _e)[:-1]} \\ge 0$")
                continue
            roots = sp.Poly(b, v).real_roots() if sp.Poly(b, v).degree() <= 2 else None
            if b == v or b == -v:
                words.append(f"${v} > 0$" if lo >= 0 else f"{name} keeps its sign")
            elif sp.expand(b - (1 - v)) == 0 or sp.expand(b - (v - 1)) == 0:
                words.append(f"$1 - {v} > 0$" if hi <= 1 else f"$1 - {v}$ keeps its sign")
            elif sp.expand(b - (1 + v)) == 0 and lo >= -1:
                words.append(f"$1 + {v} > 0$")
            elif roots == []:
                words.append(f"{_words(b)} has no real root")
            elif roots is not None:
                words.append(f"{_words(b)} vanishes only at ${v} = "
                             + ", ".join(_words(sp.radsimp(r))[1:-1] for r in dict.fromkeys(roots)) + "$")
            else:
                words.append(f"{_words(b)} has no root between {_words(lo)} and {_words(hi)}")
    where = f"${v} > {_words(lo)[1:-1]}$" if hi == sp.oo else f"${_words(lo)[1:-1]} < {v} < {_words(hi)[1:-1]}$"
    return f"for {where}: " + "; ".join(dict.fromkeys(words)) if words else f"a constant, for {where}"


_SIGN = {"positive": ">", "negative": "<", "nonnegative": ">=", "nonpositive": "<="}
_TEX = {">": ">", "<": "<", ">=": r"\ge", "<=": r"\le"}
_WORD = {">": ">", "<": "<", ">=": "≥", "<=": "≤"}


def _s_end(end: sp.Expr) -> sp.Expr | None:
    """σ(end) in closed form (an end of the s-interval), or None."""
    if end == -sp.oo:
        return sp.Integer(0)
    if end == sp.oo:
        return sp.Integer(1)
    v = sp.radsimp(_simp(1 / (1 + sp.exp(-end))))
    return v if v.is_algebraic and not v.has(sp.exp, sp.log) else None


def _logit_steps(on: Interval) -> list[HumanStep]:
    """σ at each finite end that is not rational: solved back through the logit x = ln(s/(1 − s))."""
    from ..engine.numeric import approx

    out = []
    for end in (on.lo, on.hi):
        if end in (sp.oo, -sp.oo) or end.is_Rational:
            continue
        v = _s_end(end)
        out.append(HumanStep((Relation(f"sigmoid({_txt(end)})", "=", _txt(v)),),
                             f"$x = \\ln(s/(1 - s))$ at $s = {_words(v)[1:-1]}$ is "
                             f"$x = {_words(end)[1:-1]} \\approx {approx(end, 5)}$",
                             rf"\sigma\left({sp.latex(end)}\right) = {sp.latex(v)}"))
    return out


def _sign(f_text: str, f: sp.Expr, g: sp.Expr, prop: str, on: Interval = REAL_LINE) -> list[HumanStep] | None:
    op = _SIGN[prop]
    lo, hi = _s_end(on.lo), _s_end(on.hi)
    if lo is None or hi is None:
        return None
    whole = on.is_real_line
    where_s = "(0, 1)" if whole else _interval_text(lo, hi, on.lo_closed, on.hi_closed)
    where_x = None if whole else _interval_text(on.lo, on.hi, on.lo_closed, on.hi_closed)
    runs = (f"take $s = \\sigma(x)$, which runs through {_mi(lo, hi, on.lo_closed, on.hi_closed)} as $x$ runs "
            f"through {_mi(on.lo, on.hi, on.lo_closed, on.hi_closed)}")
    s_tex = r"0 < s < 1" if whole else rf"s \in {Interval(lo, hi, on.lo_closed, on.hi_closed).latex()}"
    x_tex = r"x \in \mathbb{R}" if whole else rf"x \in {on.latex()}"
    return [*_start(f_text, f, g), *([_RANGE] if whole else _logit_steps(on)),
            HumanStep((Relation(_txt(g), op, "0", "s", where_s),), _factor_reason(g, lo, hi),
                      rf"{sp.latex(g)} {_TEX[op]} 0 \quad ({s_tex})"),
            HumanStep((Relation(f_text, op, "0", "x", where_x),), runs,
                      rf"{_f_tex(f_text)} {_TEX[op]} 0 \quad ({x_tex})")]


def _extreme(f_text: str, f: sp.Expr, g: sp.Expr, prop: str, value: sp.Expr) -> list[HumanStep] | None:
    """Complete the square: value − G(s) = c·(s − s0)² (c > 0 for a maximum)."""
    want = 1 if prop == "maximum" else -1
    found = _square(g, value, want)
    if found is None:
        return None
    lines, s0, x0 = found
    op = "<=" if want > 0 else ">="
    return [*_start(f_text, f, g), *lines,
            HumanStep((Relation(f_text, op, _txt(value)),),
                      f"put $s = \\sigma(x)$: equality only where $s = {_words(s0)[1:-1]}$, that is at "
                      f"$x = {_words(x0)[1:-1]}$",
                      rf"{_f_tex(f_text)} {_TEX[op]} {sp.latex(value)} \quad (x \in \mathbb{{R}}),\ "
                      rf"\text{{equality only at }} x = {sp.latex(x0)}")]


def _parity(f_text: str, f: sp.Expr, g: sp.Expr, prop: str) -> list[HumanStep] | None:
    flipped = sp.cancel(g.subs(S, 1 - S))
    target = g if prop == "even" else -g
    if sp.cancel(flipped - target) != 0:
        return None
    lhs = _txt(f.subs(X, -X))
    return [*_start(f_text, f, g),
            HumanStep((Relation(lhs, "=", _txt(g.subs(S, 1 - SIGMA))),), r"$\sigma(-x) = 1 - \sigma(x)$",
                      rf"{_f_tex(f_text, -X)} = {_tex_sigma(g.subs(S, 1 - S))}"),
            HumanStep((Relation(_txt(g.subs(S, 1 - S)), "=", _txt(target), "s"),), "expand and compare",
                      rf"{sp.latex(g.subs(S, 1 - S))} = "
                      + (sp.latex(g) if prop == "even" else rf"-{_paren(sp.latex(g), g)}")),
            HumanStep((Relation(lhs, "=", _txt(f if prop == "even" else -f)),),
                      r"hence, with $s = \sigma(x)$",
                      rf"{_f_tex(f_text, -X)} = " + (_f_tex(f_text) if prop == "even"
                                                     else rf"-{_paren(_f_tex(f_text), f)}"))]


def _monotone(f_text: str, f: sp.Expr, g: sp.Expr, prop: str, on: Interval) -> list[HumanStep] | None:
    """f′ = G′(σ)·σ(1 − σ), and σ(1 − σ) > 0: the sign of f′ is the sign of G′ on σ(I)."""
    ends = [_s_end(on.lo), _s_end(on.hi)]
    if None in ends:
        return None
    dg = pretty(sp.diff(g, S))
    op = ">" if prop == "increasing" else "<"
    where_s = _interval_text(ends[0], ends[1])
    where_x = _interval_text(on.lo, on.hi)
    chain = dg * S * (1 - S)
    d1, name = _d_tex(f_text), _d_name(f_text)
    whole = ends == [0, 1]
    derivative = (rf"{d1} = \sigma(x)\bigl(1 - \sigma(x)\bigr)" if dg == 1 else
                  rf"{d1} = \sigma(x)\bigl(1 - \sigma(x)\bigr)\,{_paren(_tex_sigma(dg), dg)}")
    rhs = _txt(chain.subs(S, SIGMA))
    if sp.expand(g - S * (1 - S)) == 0 and not dg.is_number:  # f = σ′: f′ = σ′·(1 − 2σ)
        derivative = rf"{d1} = {_f_tex(f_text)}\,{_paren(_tex_sigma(dg), dg)}"
        rhs = f"({f_text})*({_txt(dg.subs(S, SIGMA))})"
    steps = [*_start(f_text, f, g),
             HumanStep((Relation(f"diff({f_text}, x)", "=", rhs),),
                       r"chain rule, with $\sigma' = \sigma(1 - \sigma)$", derivative),
             HumanStep((Relation("s*(1 - s)", ">", "0", "s"),), r"$0 < \sigma(x) < 1$",
                       r"\sigma(x)\bigl(1 - \sigma(x)\bigr) > 0")]
    if dg.is_number:
        interval = "" if on.is_real_line else f" on {_mi(on.lo, on.hi)}"
        steps.append(HumanStep((Relation(f"diff({f_text}, x)", op, "0", "x", where_x),),
                               f"so {name[:-1]} {_TEX[op]} 0${' everywhere' if whole else ''}, and a "
                               f"function with a {'positive' if op == '>' else 'negative'} derivative is strictly "
                               f"{prop}{interval} (mean value theorem)",
                               rf"{d1} {op} 0 \quad (x \in {Interval(on.lo, on.hi, False, False).latex()})"))
        return steps
    return [*steps,
            HumanStep((Relation(_txt(dg), op, "0", "s", where_s),), _factor_reason(dg, ends[0], ends[1]),
                      rf"{sp.latex(dg)} {op} 0 \quad ({sp.latex(ends[0])} < s < {sp.latex(ends[1])})"),
            HumanStep((Relation(f"diff({f_text}, x)", op, "0", "x", where_x),),
                      f"$\\sigma$ maps {_mi(on.lo, on.hi)} onto {_mi(ends[0], ends[1])}, so {name[:-1]} "
                      f"{_TEX[op]} 0$ inside the interval, and the function is strictly {prop} on it "
                      f"(mean value theorem)",
                      rf"{d1} {op} 0 \quad (x \in {Interval(on.lo, on.hi, False, False).latex()})")]


def form_g(step: HumanStep) -> sp.Expr:
    from ..language.parse import parse

    return parse(step.relations[0].rhs)


def _identity(f_text: str, f: sp.Expr, g_text: str, g: sp.Expr) -> list[HumanStep] | None:
    """Both sides as functions of one variable — s = σ(x), or u = tanh x for functions of e^{2x}
    — and the two rational functions compared."""
    for conv, v, fn, name, why in (
            (in_tanh, U, TANH, r"$\tanh x$", _TANH_WHY),
            (in_sigma, S, SIGMA, r"$\sigma(x)$", _SIGMA_WHY)):
        gf, gg = conv(f), conv(g)
        if gf is None or gg is None or sp.cancel(gf - gg) != 0:
            continue
        steps = []
        for side, text, expr, form in (("f", f_text, f, gf), ("g", g_text, g, gg)):
            if "diff(" not in text and _simp(expr - form.subs(v, fn)) == 0 and \
                    sp.count_ops(expr) <= sp.count_ops(form.subs(v, fn)):
                continue  # already written in that variable (display only: the next line is checked)
            reason = ("differentiate, then " + why) if text.startswith("diff(") else why
            shown = _f_tex(text) if side == "f" else _fn_tex(_g_tex(text))
            steps.append(HumanStep((Relation(text, "=", _txt(form.subs(v, fn))),), reason,
                                   rf"{shown} = {_fn_tex(sp.latex(form.subs(v, fn)))}"))
        if len(steps) == 1 and steps[0].relations[0].lhs == f_text and sp.cancel(form_g(steps[0]) - g) == 0:
            return [HumanStep((Relation(f_text, "=", g_text),), steps[0].reason,
                              rf"{_f_tex(f_text)} = {_fn_tex(_g_tex(g_text))}")]  # g is that form already
        steps.append(HumanStep((Relation(f_text, "=", g_text),),
                               f"both sides are the same function of {name}",
                               rf"{_f_tex(f_text)} = {_fn_tex(_g_tex(g_text))}"))
        return steps
    return None


# ---------------------------------------------------------------- text helpers

def _subst(text: str, name: str, by: str) -> str:
    """``text`` with every token ``name`` replaced by ``(by)`` — a token substitution in the
    expression language (never on LaTeX)."""
    import io
    import tokenize

    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    out, last = [], 0
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.NAME and tok.start[0] == 1 and tok.string == name:
            alone = 0 < i < len(tokens) - 1 and tokens[i - 1].string in "(," and tokens[i + 1].string in "),"
            out += [text[last:tok.start[1]], by if alone else f"({by})"]
            last = tok.end[1]
    out.append(text[last:])
    return "".join(out)


def _at_minus_x(f_text: str, f: sp.Expr) -> str:
    """f(−x) in the language: diff(A, x, n) at −x is (−1)ⁿ·diff(A(−x), x, n) (chain rule)."""
    from ..language.parse import parse

    shown = parse(f_text, keep_derivatives=True)
    if _subst(f_text, "x", "-x") == f_text:  # a bare name (tanh): write it as a function of x first
        f_text = _txt(shown)
    if not shown.has(sp.Derivative):
        return _subst(f_text, "x", "-x")
    if isinstance(shown, sp.Derivative) and len(shown.variable_count) == 1:
        (var, n), = shown.variable_count
        if var == X:
            inner = _subst(_txt(shown.expr), "x", "-x")
            order = f", {int(n)}" if int(n) > 1 else ""
            return f"{'-' if int(n) % 2 else ''}diff({inner}, x{order})"
    return _txt(f.subs(X, -X))


def _f_tex(f_text: str, arg: sp.Expr = X) -> str:
    """f (or f at −x) as the notes print it: σ′(x), σ(−x) − ½."""
    from .claims import subject_of_text

    try:
        return _fn_tex(subject_of_text(f_text).f(arg))
    except Exception:  # noqa: BLE001 - display only; the relation beside it is what is checked
        return "f(-x)" if arg != X else "f(x)"


def _g_tex(g_text: str) -> str:
    """The other side of an identity as the user wrote it."""
    from ..language.notation import tex_of_text

    return tex_of_text(g_text)


def _words(e: sp.Expr) -> str:
    """A number or expression as the mathematics of a reason: ``$…$`` LaTeX (see ``reasons``)."""
    from ..language.notation import polish, tex

    return f"${polish(tex(sp.sympify(e)))}$"


def _mi(lo: sp.Expr, hi: sp.Expr, lo_closed: bool = False, hi_closed: bool = False) -> str:
    """An interval as the mathematics of a reason: $(-\\infty, 0)$, $\\mathbb{R}$."""
    return f"${Interval(sp.sympify(lo), sp.sympify(hi), lo_closed, hi_closed).latex()}$"


def _named(f_text: str) -> bool:
    """The claim is about a catalogue function or a derivative of one (σ′, tanh″): its
    derivatives have names of their own; any other expression is called f."""
    from ..functions import lookup
    from ..language.parse import parse

    try:
        shown = parse(f_text, keep_derivatives=True)
    except Exception:  # noqa: BLE001 - display only
        return False
    while isinstance(shown, sp.Derivative):
        shown = shown.expr
    return lookup(shown) is not None


def _d_tex(f_text: str, k: int = 1) -> str:
    """The k-th derivative of the claim's function as the notes print it: σ″(x), or f′(x)."""
    if _named(f_text):
        return _f_tex(f"diff({f_text}, x, {k})" if k > 1 else f"diff({f_text}, x)")
    return "f" + "'" * k + "(x)"


def _d_name(f_text: str, k: int = 1) -> str:
    """The same without its argument, for a reason: $\\sigma''$, $f'$."""
    return "$" + _d_tex(f_text, k).removesuffix("(x)") + "$"


def _about(v: sp.Expr) -> str:
    """A number as a lecturer writes it: exact, and its decimals when it is not rational."""
    from ..engine.numeric import approx

    return _words(v) if v.is_Rational else f"{_words(v)[:-1]} \\approx {approx(v, 5)}$"


def _interval_text(lo: sp.Expr, hi: sp.Expr, lo_closed: bool = False, hi_closed: bool = False) -> str:
    return f"{'[' if lo_closed else '('}{_txt(lo)}, {_txt(hi)}{']' if hi_closed else ')'}"


# ---------------------------------------------------------------- derivatives a lecturer knows

# f = diff(F, x) written as one aligned chain from the definition, each link checked: (lhs, its
# LaTeX, links (rhs, rhs LaTeX, reason)).
_CHAINS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("diff(sigmoid(x), x)", r"\sigma'(x)", (
        ("exp(-x)/(1 + exp(-x))^2", r"\frac{e^{-x}}{(1 + e^{-x})^2}",
         r"$\sigma(x) = \frac{1}{1 + e^{-x}}$: quotient rule, with $(1 + e^{-x})' = -e^{-x}$"),
        ("1/(1 + exp(-x)) * (exp(-x)/(1 + exp(-x)))",
         r"\frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}", "split the fraction"),
        ("1/(1 + exp(-x)) * (1 - 1/(1 + exp(-x)))",
         r"\frac{1}{1 + e^{-x}} \left(1 - \frac{1}{1 + e^{-x}}\right)", r"$e^{-x} = (1 + e^{-x}) - 1$"),
        ("sigmoid(x)*(1 - sigmoid(x))", r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", r"$\sigma(x) = \frac{1}{1 + e^{-x}}$"))),
    ("sigmoid(-x)", r"\sigma(-x)", (
        ("1/(1 + exp(x))", r"\frac{1}{1 + e^{x}}", r"the definition $\sigma(x) = \frac{1}{1 + e^{-x}}$ at $-x$"),
        ("1 - exp(x)/(1 + exp(x))", r"1 - \frac{e^{x}}{1 + e^{x}}", r"$1 = \frac{1 + e^{x}}{1 + e^{x}}$"),
        ("1 - sigmoid(x)", r"1 - \sigma(x)",
         r"$\frac{e^{x}}{1 + e^{x}} = \frac{1}{e^{-x} + 1} = \sigma(x)$ (divide above and below by $e^{x}$)"))),
    ("diff(tanh(x), x)", r"\tanh'(x)", (
        ("(cosh(x)^2 - sinh(x)^2)/cosh(x)^2", r"\frac{\cosh^2 x - \sinh^2 x}{\cosh^2 x}",
         r"$\tanh = \frac{\sinh}{\cosh}$: quotient rule, with $\sinh' = \cosh$ and $\cosh' = \sinh$"),
        ("1 - sinh(x)^2/cosh(x)^2", r"1 - \frac{\sinh^2 x}{\cosh^2 x}", "split the fraction"),
        ("1 - tanh(x)^2", r"1 - \tanh^2 x", r"$\tanh = \frac{\sinh}{\cosh}$"))),
    ("tanh(x)", r"\tanh x", (
        ("(exp(x) - exp(-x))/(exp(x) + exp(-x))", r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
         "definition of tanh"),
        ("(1 - exp(-2*x))/(1 + exp(-2*x))", r"\frac{1 - e^{-2x}}{1 + e^{-2x}}",
         r"divide numerator and denominator by $e^{x}$"),
        ("2/(1 + exp(-2*x)) - 1", r"\frac{2}{1 + e^{-2x}} - 1", r"$1 - e^{-2x} = 2 - (1 + e^{-2x})$"),
        ("2*sigmoid(2*x) - 1", r"2\sigma(2x) - 1", r"$\sigma(2x) = \frac{1}{1 + e^{-2x}}$"))),
)


def _known_chain(f_text: str, f: sp.Expr, g_text: str, g: sp.Expr) -> list[HumanStep] | None:
    """The identity f = g as the lecturer's chain of equalities from the definition."""
    from ..language.parse import parse

    for lhs, lhs_tex, links in _CHAINS:
        if parse(lhs) != f:
            continue
        rels = [Relation(f_text, "=", links[0][0])]
        rels += [Relation(a[0], "=", b[0]) for a, b in zip(links, links[1:], strict=False)]
        rows = [rf"{lhs_tex} &= {links[0][1]}"] + [rf"&= {tex}" for _r, tex, _w in links[1:]]
        last = links[-1][0]
        tail = []
        if parse(last) != g:
            gs, gl = in_sigma(g), in_sigma(parse(last))
            if gs is None or gl is None or sp.cancel(gs - gl) != 0:
                continue
            rels.append(Relation(last, "=", g_text))
            rows.append(rf"&= {_fn_tex(sp.latex(g))}")
            tail = ["expand"]
        because = "; ".join([w for _r, _t, w in links] + tail)
        return [HumanStep(tuple(rels), because, r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}",
                          chain=True)]
    return None


# ---------------------------------------------------------------- parity, limits, range

def _parity_chain(f_text: str, f: sp.Expr, g: sp.Expr, prop: str) -> list[HumanStep] | None:
    """f(−x) = G(σ(−x)) = G(1 − σ(x)) = ±G(σ(x)) = ±f(x)."""
    flipped = sp.cancel(g.subs(S, 1 - S))
    target = g if prop == "even" else -g
    if sp.cancel(flipped - target) != 0:
        return None
    at = _at_minus_x(f_text, f)
    sign_f = f_text if prop == "even" else f"-({f_text})"
    g_minus = g.subs(S, sigmoid(-X))
    g_flip = g.subs(S, 1 - SIGMA)
    from ..language.parse import parse

    rels = [Relation(at, "=", _txt(g_minus)), Relation(_txt(g_minus), "=", _txt(g_flip))]
    rows = [rf"{_f_tex(f_text, -X)} &= {_tex_sigma(g, sigmoid(-X))}", rf"&= {_tex_sigma(g, 1 - SIGMA)}"]
    because = [f"${_f_tex(f_text)} = {_tex_sigma(g)}$ at $-x$", r"$\sigma(-x) = 1 - \sigma(x)$"]
    if sp.expand(parse(at, keep_derivatives=True) - g_minus) == 0:  # f is already written in σ
        rels, because = [Relation(at, "=", _txt(g_flip))], because[1:]
        rows = [rf"{_f_tex(f_text, -X)} &= {_tex_sigma(g, 1 - SIGMA)}"]
    f_tex = _f_tex(f_text)
    if prop == "even":
        rels.append(Relation(_txt(g_flip), "=", sign_f))
        rows.append(rf"&= {f_tex}")
        because.append("expand and compare")
    else:
        rels.append(Relation(_txt(g_flip), "=", sign_f))
        rows.append(rf"&= -\left({f_tex}\right)" if "+" in f_tex or "-" in f_tex else rf"&= -{f_tex}")
        because.append("expand and take out the minus sign")
    return [*_start(f_text, f, g),
            HumanStep(tuple(rels), "; ".join(because),
                      r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}", chain=True)]


def _continuous_at(g: sp.Expr, b: int) -> bool:
    den = sp.denom(sp.cancel(sp.together(g)))
    return bool(_simp(den.subs(S, b)) != 0)


def _limit_steps(f_text: str, g: sp.Expr, toward: sp.Expr) -> tuple[list[HumanStep], sp.Expr] | None:
    """x → ±∞ is s → 1⁻ / 0⁺: 1 − σ(x) < e^{−x} (σ(x) < eˣ), and |G(s) − L| ≤ M(1 − s) (M·s) on
    (0, 1); so |f(x) − L| ≤ M e^{∓x} → 0 (squeeze). Returns the steps and the limit L."""
    b = 1 if toward == sp.oo else 0
    if not _continuous_at(g, b):
        return None
    limit = _simp(g.subs(S, b))
    w = 1 - S if b == 1 else S
    q = sp.cancel((g - limit) / w)
    if not q.is_polynomial(S) or q == 0:
        return None
    qp = sp.Poly(q, S)
    where = [sp.Integer(0), sp.Integer(1)] + [r for r in qp.diff(S).real_roots() if 0 < r < 1]
    bound = sp.ceiling(max(abs(qp.eval(r)) for r in where) * 8) / 8  # |Q| on [0, 1], checked below
    ex = "exp(-x)" if b == 1 else "exp(x)"
    ex_tex = "e^{-x}" if b == 1 else "e^{x}"
    scaled = ex if bound == 1 else f"{_txt(bound)}*{ex}"
    sig = ("1 - sigmoid(x)", r"1 - \sigma(x)") if b == 1 else ("sigmoid(x)", r"\sigma(x)")
    gap = pretty(g - limit) if limit != 0 else g
    w_scaled = w if bound == 1 else bound * w
    mb = "" if bound == 1 else sp.latex(bound)
    f_minus = f_text if limit == 0 else f"{f_text} - ({_txt(limit)})"
    fx = _f_tex(f_text)
    dist = rf"\left|{fx}\right|" if limit == 0 else rf"\left|{fx} - {sp.latex(limit)}\right|"
    tl, wl, ql = _words(gap)[1:-1], _words(w)[1:-1], _words(q)[1:-1]
    if q.is_number:
        bound_why = f"${wl} > 0$" if q == 1 else f"${tl} = {_words(q)[1:-1]}\\,{f'({wl})' if w.is_Add else wl}$"
    else:
        bound_why = (f"$\\left|{tl}\\right| = {f'({wl})' if w.is_Add else wl}\\,\\left|{ql}\\right|$ and "
                     f"$\\left|{ql}\\right| \\le {_words(bound)[1:-1]}$ for $0 < s < 1$")
    sig_bound = rf"{mb}\bigl({sig[1]}\bigr)" if mb else sig[1]
    trivial = q in (1, -1)  # |G(s) − L| is 1 − s (or s) itself
    steps = [
        HumanStep((Relation(sig[0], ">", "0"), Relation(sig[0], "<", ex)),
                  (r"$1 - \sigma(x) = \frac{e^{-x}}{1 + e^{-x}}$ and $1 + e^{-x} > 1$" if b == 1 else
                   r"$\sigma(x) = \frac{e^{x}}{1 + e^{x}}$ and $1 + e^{x} > 1$"),
                  rf"0 < {sig[1]} < {ex_tex}"),
        HumanStep((Relation(_txt(gap), "<=", _txt(w_scaled), "s", "(0, 1)"),
                   Relation(_txt(gap), ">=", _txt(-w_scaled), "s", "(0, 1)")),
                  bound_why,
                  rf"\left|{sp.latex(gap)}\right| \le {sp.latex(w_scaled)} \quad (0 < s < 1)"),
        HumanStep((Relation(f_minus, "<=", scaled), Relation(f_minus, ">=", f"-{scaled}")),
                  f"put $s = \\sigma(x)$: ${dist} \\le {sig_bound} < {mb}{ex_tex}$, which tends to $0$ "
                  f"as $x \\to {'' if b == 1 else '-'}\\infty$; so ${fx} \\to {_words(limit)[1:-1]}$ (squeeze)",
                  dist + rf" \le {mb}{ex_tex} \to 0 \quad "
                  rf"(x \to {'+' if b == 1 else '-'}\infty)")]
    if trivial:
        del steps[1]
    return steps, limit


def _limit(f_text: str, f: sp.Expr, g: sp.Expr, at: sp.Expr, value: sp.Expr) -> list[HumanStep] | None:
    if at not in (sp.oo, -sp.oo):
        return None
    found = _limit_steps(f_text, g, at)
    if found is None or _simp(found[1] - value) != 0:
        return None
    return [*_start(f_text, f, g), *found[0]]


def _square(g: sp.Expr, value: sp.Expr, want: int) -> tuple[list[HumanStep], sp.Expr, sp.Expr] | None:
    """want·(value − G(s)) = c(s − s0)² ≥ 0, and σ(x0) = s0: the two lines, s0 and x0."""
    gap = sp.cancel(want * (value - g))
    poly = sp.Poly(sp.numer(sp.together(gap)), S) if sp.denom(sp.together(gap)).is_number else None
    if poly is None or poly.degree() != 2:
        return None
    c = poly.LC() / sp.denom(sp.together(gap))
    s0 = -poly.all_coeffs()[1] / (2 * poly.LC())
    if c <= 0 or sp.expand(c * (S - s0) ** 2 - gap) != 0 or not (0 < s0 < 1):
        return None
    x0 = _simp(sp.log(s0 / (1 - s0)))
    square = c * (S - s0) ** 2
    gap_text = f"{_txt(value)} - ({_txt(g)})" if want > 0 else f"{_txt(g)} - ({_txt(value)})"
    return [HumanStep((Relation(gap_text, "=", _txt(square), "s"),
                       Relation(_txt(square), ">=", "0", "s")),
                      f"complete the square; a square is never negative, and it is $0$ only at "
                      f"$s = {_words(s0)[1:-1]}$",
                      rf"{sp.latex(want * value)} {'-' if want > 0 else '+'} {_paren(sp.latex(g), g)} = "
                      rf"{sp.latex(square)} \ge 0"),
            HumanStep((Relation(f"sigmoid({x0})", "=", _txt(s0)),),
                      f"$\\sigma$ is increasing, so $\\sigma(x) = {_words(s0)[1:-1]}$ only at "
                      f"$x = {_words(x0)[1:-1]}$",
                      rf"\sigma({sp.latex(x0)}) = {sp.latex(s0)}")], s0, x0


def _range(f_text: str, f: sp.Expr, g: sp.Expr, image: Interval) -> list[HumanStep] | None:
    """Bounds (a square for an attained end, a strict sign for an open one), a limit at ±∞ for
    each open end, continuity and the intermediate value theorem."""
    steps: list[HumanStep] = [_RANGE] if g == S else []
    limits: list[HumanStep] = []
    facts = []
    fx = _f_tex(f_text)
    for end, closed, want, op in ((image.lo, image.lo_closed, -1, ">"), (image.hi, image.hi_closed, 1, "<")):
        if end in (sp.oo, -sp.oo):
            return None
        if closed:
            found = _square(g, end, want)
            if found is None:
                return None
            steps += found[0]
            facts.append(f"${_f_tex(f_text, found[2])} = {_words(end)[1:-1]}$")
            op += "="
        else:
            if g != S:  # for σ itself the bound is 0 < σ(x) < 1
                steps.append(HumanStep((Relation(_txt(pretty(g - end)) if end != 0 else _txt(g), op, "0", "s",
                                                 "(0, 1)"),),
                                       _factor_reason(pretty(g - end) if end != 0 else g),
                                       rf"{sp.latex(pretty(g - end) if end != 0 else g)} {_TEX[op]} 0 "
                                       r"\quad (0 < s < 1)"))
            for toward in (sp.oo, -sp.oo):
                found_l = _limit_steps(f_text, g, toward)
                if found_l is not None and _simp(found_l[1] - end) == 0:
                    limits += found_l[0]
                    facts.append(f"${fx} \\to {_words(end)[1:-1]}$ as "
                                 f"$x \\to {'' if toward == sp.oo else '-'}\\infty$")
                    break
            else:
                return None
    shown = f"${image.latex()}$"
    lo_op = ">=" if image.lo_closed else ">"
    hi_op = "<=" if image.hi_closed else "<"
    final = HumanStep((Relation(f_text, lo_op, _txt(image.lo)), Relation(f_text, hi_op, _txt(image.hi))),
                      f"${fx}$ is continuous, {', '.join(facts)}: by the intermediate value theorem it takes "
                      f"every value in {shown}, and by the bounds above no other",
                      rf"\{{{fx} : x \in \mathbb{{R}}\}} = {image.latex()}")
    return [*_start(f_text, f, g), *steps, *limits, final]


def _inflection(f_text: str, f: sp.Expr, g: sp.Expr, at: sp.Expr) -> list[HumanStep] | None:
    """f″ = H(σ(x)) with H from the chain rule twice; H changes sign at s0 = σ(at), which is
    solved back through the logit; so f″ changes sign at x = at (never f″(at) = 0 alone)."""
    from functools import cmp_to_key

    s0 = _s_end(at)
    if s0 is None or s0 in (0, 1):
        return None
    h1 = sp.expand(sp.diff(g, S) * S * (1 - S))
    h2 = pretty(sp.diff(h1, S) * S * (1 - S))
    num = sp.numer(sp.together(h2))
    roots = [sp.radsimp(r) for r in sp.Poly(num, S).real_roots()]
    if any(isinstance(r, sp.CRootOf) for r in roots):
        return None
    def before(p: sp.Expr, q: sp.Expr) -> int:
        return -1 if (p - q).is_negative else 1

    inside = sorted({r for r in roots if 0 < r < 1}, key=cmp_to_key(before))
    index = next((i for i, r in enumerate(inside) if _simp(r - s0) == 0), None)
    if index is None:
        return None
    a = inside[index - 1] if index > 0 else sp.Integer(0)
    b = inside[index + 1] if index + 1 < len(inside) else sp.Integer(1)
    ops = []
    for lo, hi in ((a, s0), (s0, b)):
        for op in (">", "<"):
            if check(Relation(_txt(h2), op, "0", "s", _interval_text(lo, hi))) is Verdict.PROVED:
                ops.append(op)
                break
        else:
            return None
    if ops[0] == ops[1]:
        return None
    second = f"diff({f_text}, x, 2)"
    xa = sp.Integer(-1) * sp.oo if a == 0 else _simp(sp.log(a / (1 - a)))
    xb = sp.oo if b == 1 else _simp(sp.log(b / (1 - b)))
    word = {">": "positive", "<": "negative"}
    return [*_start(f_text, f, g),
            HumanStep((Relation(second, "=", _txt(h2.subs(S, SIGMA))),),
                      r"differentiate twice, each time with the chain rule and $\sigma' = \sigma(1 - \sigma)$",
                      rf"{_d_tex(f_text, 2)} = {_tex_sigma(h2)}"),
            HumanStep((Relation(f"sigmoid({_txt(at)})", "=", _txt(s0)),),
                      f"$x = \\ln(s/(1 - s))$ at $s = {_words(s0)[1:-1]}$ is $x = {_about(at)[1:-1]}$",
                      rf"\sigma\left({sp.latex(at)}\right) = {sp.latex(s0)}"),
            HumanStep((Relation(_txt(h2), ops[0], "0", "s", _interval_text(a, s0)),
                       Relation(_txt(h2), ops[1], "0", "s", _interval_text(s0, b))),
                      _factor_reason(h2, a, b) + f"; so the sign changes at $s = {_words(s0)[1:-1]}$",
                      rf"{sp.latex(h2)} {ops[0]} 0 \ ({sp.latex(a)} < s < {sp.latex(s0)}),\quad "
                      rf"{ops[1]} 0 \ ({sp.latex(s0)} < s < {sp.latex(b)})"),
            HumanStep((Relation(second, ops[0], "0", "x", _interval_text(xa, at)),
                       Relation(second, ops[1], "0", "x", _interval_text(at, xb))),
                      f"$\\sigma$ is increasing, so {_d_name(f_text, 2)} is {word[ops[0]]} just left of "
                      f"$x = {_words(at)[1:-1]}$ and {word[ops[1]]} just right of it: it changes sign there, and "
                      f"${_f_tex(f_text)}$ has an inflection point at $x = {_about(at)[1:-1]}$",
                      rf"{_d_tex(f_text, 2)} {ops[0]} 0 \ (x < {sp.latex(at)}),\quad {_d_tex(f_text, 2)} {ops[1]} 0 "
                      rf"\ (x > {sp.latex(at)})"
                      r"\ \text{near it}")]


def _value(f_text: str, f: sp.Expr, g: sp.Expr, at: sp.Expr, value: sp.Expr,
           digits: int | None) -> list[HumanStep] | None:
    """f(at) = G(σ(at)): exactly, or between the ends of the rounding cell of the claimed decimal."""
    s0 = _s_end(at)
    known = s0 is not None and not at.is_Rational  # σ(at) in closed form, through the logit
    point = _subst(_txt(g), "s", _txt(s0) if known else f"sigmoid({_txt(at)})")
    first: tuple[Relation, ...] = (Relation(f"sigmoid({_txt(at)})", "=", _txt(s0)),) if known else ()
    a_tex = _words(at)[1:-1]
    where = (f"put $x = {a_tex}$, so $s = \\sigma({a_tex})" + (f" = {_words(s0)[1:-1]}" if known else "") + "$")
    shown = s0 if known else sp.Symbol(rf"\sigma({sp.latex(at)})")
    if digits is None:
        rels: tuple[Relation, ...] = (*first, Relation(point, "=", _txt(value)))
        why = where
        tex = rf"{_f_tex(f_text, at)} = {sp.latex(g.subs(S, shown))} = {sp.latex(value)}"
    else:
        half = sp.Rational(1, 2 * 10**digits)
        rels = (*first, Relation(point, ">=", _txt(value - half)), Relation(point, "<", _txt(value + half)))
        why = (f"{where}; the value lies between ${_decimal(value - half, digits + 1)}$ and "
               f"${_decimal(value + half, digits + 1)}$, so it rounds to ${_decimal(value, digits)}$ at "
               f"{digits} decimals")
        tex = (rf"{_decimal(value - half, digits + 1)} \le {_f_tex(f_text, at)} < "
               rf"{_decimal(value + half, digits + 1)}")
    return [*_start(f_text, f, g), HumanStep(rels, why, tex)]


def _decimal(value: sp.Expr, digits: int) -> str:
    from fractions import Fraction

    from ..engine.numeric import decimal

    return decimal(Fraction(int(value.p), int(value.q)), digits) if value.is_Rational else str(value)


# ---------------------------------------------------------------- the same in u = tanh x

_TANH_WHY = r"write $e^{2x} = \frac{1 + \tanh x}{1 - \tanh x}$"


def _u_start(f_text: str, h: sp.Expr) -> list[HumanStep]:
    from ..language.parse import parse

    if sp.expand(parse(f_text, keep_derivatives=True) - h.subs(U, TANH)) == 0:
        return []
    why = (r"differentiate, using $\tanh' = 1 - \tanh^{2}$" if f_text.replace(" ", "").startswith("diff(tanh(x),x")
           else ("differentiate, then " if f_text.startswith("diff(") else "") + _TANH_WHY)
    return [HumanStep((Relation(f_text, "=", _txt(h.subs(U, TANH))),), why,
                      rf"{_f_tex(f_text)} = {_fn_tex(sp.latex(h.subs(U, TANH)))}")]


_U_RANGE = HumanStep((Relation("tanh(x)", ">", "-1"), Relation("tanh(x)", "<", "1")),
                     r"$\tanh x = \frac{e^{2x} - 1}{e^{2x} + 1}$ and $e^{2x} > 0$", r"-1 < \tanh x < 1")


def _u_sign(f_text: str, h: sp.Expr, prop: str) -> list[HumanStep]:
    op = _SIGN[prop]
    return [*_u_start(f_text, h), _U_RANGE,
            HumanStep((Relation(_txt(h), op, "0", "u", "(-1, 1)"),), _factor_reason(h, -1, 1, U),
                      rf"{sp.latex(h)} {_TEX[op]} 0 \quad (-1 < u < 1)"),
            HumanStep((Relation(f_text, op, "0"),),
                      r"take $u = \tanh x$, which runs through $(-1, 1)$ as $x$ runs through $\mathbb{R}$",
                      rf"{_f_tex(f_text)} {_TEX[op]} 0 \quad (x \in \mathbb{{R}})")]


def _u_extreme(f_text: str, h: sp.Expr, prop: str, value: sp.Expr) -> list[HumanStep] | None:
    """value − H(u) = c·(u − u0)² (c > 0 for a maximum), and tanh(x0) = u0."""
    want = 1 if prop == "maximum" else -1
    gap = sp.cancel(want * (value - h))
    if not gap.is_polynomial(U) or sp.Poly(gap, U).degree() != 2:
        return None
    poly = sp.Poly(gap, U)
    c, u0 = poly.LC(), -poly.all_coeffs()[1] / (2 * poly.LC())
    if c <= 0 or sp.expand(c * (U - u0) ** 2 - gap) != 0 or not (-1 < u0 < 1):
        return None
    x0 = _simp(sp.log((1 + u0) / (1 - u0)) / 2)
    square = c * (U - u0) ** 2
    op = "<=" if want > 0 else ">="
    gap_text = f"{_txt(value)} - ({_txt(h)})" if want > 0 else f"{_txt(h)} - ({_txt(value)})"
    return [*_u_start(f_text, h),
            HumanStep((Relation(gap_text, "=", _txt(square), "u"), Relation(_txt(square), ">=", "0", "u")),
                      f"complete the square; a square is never negative, and it is $0$ only at "
                      f"$u = {_words(u0)[1:-1]}$",
                      rf"{sp.latex(want * value)} {'-' if want > 0 else '+'} {_paren(sp.latex(h), h)} = "
                      rf"{sp.latex(square)} \ge 0"),
            HumanStep((Relation(f"tanh({_txt(x0)})", "=", _txt(u0)),),
                      f"$\\tanh$ is increasing, so $\\tanh x = {_words(u0)[1:-1]}$ only at $x = {_words(x0)[1:-1]}$",
                      rf"\tanh {sp.latex(x0)} = {sp.latex(u0)}"),
            HumanStep((Relation(f_text, op, _txt(value)),),
                      f"put $u = \\tanh x$: equality only at $x = {_words(x0)[1:-1]}$",
                      rf"{_f_tex(f_text)} {_TEX[op]} {sp.latex(value)} \quad (x \in \mathbb{{R}})")]


def _u_parity(f_text: str, f: sp.Expr, h: sp.Expr, prop: str) -> list[HumanStep] | None:
    """f(−x) = H(tanh(−x)) = H(−tanh x) = ±H(tanh x) = ±f(x); tanh itself from its definition."""
    from ..language.parse import parse

    target = h if prop == "even" else -h
    if sp.cancel(h.subs(U, -U) - target) != 0:
        return None
    at = _at_minus_x(f_text, f)
    sign_f = f_text if prop == "even" else f"-({f_text})"
    f_tex = _f_tex(f_text)
    last = rf"&= {f_tex}" if prop == "even" else (rf"&= -\left({f_tex}\right)" if "+" in f_tex or "-" in f_tex
                                                  else rf"&= -{f_tex}")
    if h == U:  # f is tanh: from the definition
        chain = (Relation(at, "=", "(exp(-x) - exp(x))/(exp(-x) + exp(x))"),
                Relation("(exp(-x) - exp(x))/(exp(-x) + exp(x))", "=", "-((exp(x) - exp(-x))/(exp(x) + exp(-x)))"),
                Relation("-((exp(x) - exp(-x))/(exp(x) + exp(-x)))", "=", sign_f))
        rows = [rf"{_f_tex(f_text, -X)} &= \frac{{e^{{-x}} - e^{{x}}}}{{e^{{-x}} + e^{{x}}}}",
                r"&= -\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", last]
        return [HumanStep(chain, r"$\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$ at $-x$; take out the "
                                 "minus sign; the definition again",
                          r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}", chain=True)]
    h_minus = h.subs(U, sp.tanh(-X))
    h_flip = h.subs(U, -TANH)
    rels = [Relation(at, "=", _txt(h_minus)), Relation(_txt(h_minus), "=", _txt(h_flip)),
            Relation(_txt(h_flip), "=", sign_f)]
    if sp.expand(parse(at, keep_derivatives=True) - h_minus) == 0:
        rels = rels[1:]
    rels = [r for r in rels if r.lhs != r.rhs]  # tanh(−x) is printed −tanh x already
    rows = [rf"{_f_tex(f_text, -X)} &= {_fn_tex(sp.latex(h_flip))}", last]
    return [*_u_start(f_text, h),
            HumanStep(tuple(rels), r"$\tanh(-x) = -\tanh x$; expand and compare",
                      r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}", chain=True)]


# ---------------------------------------------------------------- the certificate, in a textbook's words

def _t_form(f: sp.Expr) -> sp.Expr | None:
    """R(t) with f = R(t), t = eˣ (no shift, m = 1; poles none), or None."""
    return _rational_in_exp(f)


def _t_start(f_text: str, r: sp.Expr) -> HumanStep:
    return HumanStep((Relation("exp(x)", ">", "0"), Relation(f_text, "=", _txt(r.subs(T, sp.exp(X))))),
                     (r"put $t = e^{x}$, which is positive, and write the function as a fraction in $t$"
                      if _named(f_text) else
                      r"put $t = e^{x}$, which is positive, and write the function (call it $f$) as a fraction in $t$"),
                     (rf"{_fx(f_text)} = {sp.latex(r)}" if _named(f_text) else
                      rf"f(x) = {_f_tex(f_text)} = {sp.latex(r)}") + r" \quad (t = e^{x} > 0)")


def _fx(f_text: str, arg: sp.Expr = X) -> str:
    """The claim's function at ``arg``: σ′(x) for a named one, f(x) for any other (defined in the
    proof's first line)."""
    if _named(f_text):
        return _f_tex(f_text, arg)
    from ..language.notation import polish, tex

    return f"f({polish(tex(arg))})"


def _t_interval(on: Interval) -> tuple[sp.Expr, sp.Expr]:
    return (sp.Integer(0) if on.lo == -sp.oo else sp.exp(on.lo),
            sp.oo if on.hi == sp.oo else sp.exp(on.hi))


def _t_where(lo: sp.Expr, hi: sp.Expr, on: Interval) -> str | None:
    if lo == 0 and hi == sp.oo:
        return None
    return _interval_text(lo, hi, on.lo_closed and on.lo != -sp.oo, on.hi_closed and on.hi != sp.oo)


def _t_sign(f_text: str, r: sp.Expr, prop: str, on: Interval) -> list[HumanStep] | None:
    """The numerator and the denominator of R(t), each with its sign on the t-interval."""
    op = _SIGN[prop]
    lo, hi = _t_interval(on)
    where = _t_where(lo, hi, on)
    num, den = (pretty_in(p, T) for p in sp.fraction(sp.cancel(r)))
    steps = [_t_start(f_text, r)]
    t_tex = "t > 0" if where is None else rf"t \in {Interval(lo, hi, on.lo_closed, on.hi_closed).latex()}"
    signs = []
    for part, name in ((num, "numerator"), (den, "denominator")):
        if not part.has(T):
            signs.append(1 if part > 0 else -1)
            continue
        for want, rel in ((1, ">"), (-1, "<")):
            relation = Relation(_txt(part), rel, "0", "t", where)
            if check(relation) is Verdict.PROVED:
                signs.append(want)
                steps.append(HumanStep((relation,), f"the {name} " + _factor_reason(part, lo, hi, T),
                                       rf"{sp.latex(part)} {_TEX[rel]} 0 \quad ({t_tex})"))
                break
        else:
            return None
    sign = signs[0] * signs[1]
    if (op in (">", ">=")) != (sign > 0):
        return None
    where_x = None if on.is_real_line else _interval_text(on.lo, on.hi, on.lo_closed, on.hi_closed)
    steps.append(HumanStep((Relation(f_text, op, "0", "x", where_x),),
                           "a quotient of a " + ("positive" if signs[0] > 0 else "negative") + " numerator by a "
                           + ("positive" if signs[1] > 0 else "negative") + r" denominator; $t = e^{x}$ runs through "
                           + _mi(lo, hi, on.lo_closed and on.lo != -sp.oo, on.hi_closed and on.hi != sp.oo)
                           + " as $x$ runs through " + f"${on.latex()}$",
                           rf"{_fx(f_text)} {_TEX[op]} 0 \quad (x \in {on.latex()})"))
    return steps


def _t_extreme(f_text: str, r: sp.Expr, prop: str, value: sp.Expr) -> list[HumanStep] | None:
    """value − R(t) (or R(t) − value) as a fraction whose factors have known signs, 0 only at a
    t0 > 0; the greatest (least) value is attained at x0 = ln t0."""
    want = 1 if prop == "maximum" else -1
    gap = sp.factor(sp.cancel(want * (value - r)))
    num, den = sp.fraction(gap)
    zeros = sorted({z for z in sp.Poly(num, T).real_roots() if z > 0}, key=sp.default_sort_key) \
        if num.has(T) else []
    if len(zeros) != 1 or not zeros[0].is_Rational:
        return None
    t0 = zeros[0]
    x0 = sp.log(t0)
    op = "<=" if want > 0 else ">="
    shown = _txt(want * (value - r))
    steps = [_t_start(f_text, r),
             HumanStep((Relation(shown, "=", _txt(gap), "t"), Relation(_txt(gap), ">=", "0", "t")),
                       "bring to one fraction and factor: " + _factor_reason(gap, sp.Integer(0), sp.oo, T)
                       + f"; it is $0$ only at $t = {_words(t0)[1:-1]}$",
                       rf"{sp.latex(want * value)} {'-' if want > 0 else '+'} {_paren(sp.latex(r), r)} = "
                       rf"{sp.latex(gap)} \ge 0"),
             HumanStep((Relation(_subst(_txt(r), "t", f"exp({_txt(x0)})"), "=", _txt(value)),),
                       f"at $x = {_words(x0)[1:-1]}$, where $t = {_words(t0)[1:-1]}$",
                       rf"{_fx(f_text, x0)} = {sp.latex(value)}"),
             HumanStep((Relation(f_text, op, _txt(value)),),
                       f"therefore ${_fx(f_text)} {_TEX[op]} {_words(value)[1:-1]}$ for every $x$, with equality at "
                       f"$x = {_words(x0)[1:-1]}$",
                       rf"{_fx(f_text)} {_TEX[op]} {sp.latex(value)} \quad (x \in \mathbb{{R}})")]
    return steps


# ---------------------------------------------------------------- choosing a strategy

def _nice_in(h: sp.Expr, v: sp.Symbol) -> bool:
    """H is a polynomial in v (its sign and extremes read off on the interval)."""
    return bool(sp.cancel(h).is_polynomial(v))


def _nice(g: sp.Expr) -> bool:
    """G's denominator is made of s and 1 − s only (σ and 1 − σ), so its signs read off."""
    den = sp.denom(sp.cancel(sp.together(g)))
    if not den.has(S):
        return True
    return all(b in (S, 1 - S, S - 1) for b, _e in sp.factor_list(den, S)[1])


def _strategies(f_text: str, f: sp.Expr, prop: str,
                options: dict[str, object]) -> list[Callable[[], list[HumanStep] | None]]:
    """The strategies that apply to the claim, in order; each is a thunk giving steps or None."""
    from ..language.parse import parse

    out: list[Callable[[], list[HumanStep] | None]] = []
    if prop == "identity":
        g = options.get("equals")
        if g is None:
            return out
        g_text = g if isinstance(g, str) else _txt(g)
        g_expr = parse(g_text)
        out.append(lambda: _known_chain(f_text, f, g_text, g_expr))
        out.append(lambda: _identity(f_text, f, g_text, g_expr))
        return out
    on = options.get("on", REAL_LINE)
    g = in_sigma(f)
    if g is not None and _nice(g):
        if prop in _SIGN and isinstance(on, Interval):
            out.append(lambda: _sign(f_text, f, g, prop, on))
        elif prop in ("maximum", "minimum") and on == REAL_LINE and options.get("equals") is not None:
            out.append(lambda: _extreme(f_text, f, g, prop, sp.sympify(options["equals"])))
        elif prop in ("even", "odd"):
            out.append(lambda: _parity_chain(f_text, f, g, prop))
            out.append(lambda: _parity(f_text, f, g, prop))
        elif prop in ("increasing", "decreasing") and isinstance(on, Interval):
            out.append(lambda: _monotone(f_text, f, g, prop, on))
        elif prop == "limit" and options.get("equals") is not None:
            out.append(lambda: _limit(f_text, f, g, sp.sympify(options["at"]), sp.sympify(options["equals"])))
        elif prop == "value" and options.get("at") is not None and options.get("equals") is not None:
            digits = options.get("digits")
            out.append(lambda: _value(f_text, f, g, sp.sympify(options["at"]), sp.sympify(options["equals"]),
                                      None if digits is None else int(str(digits))))
        elif prop == "inflection" and options.get("at") is not None:
            out.append(lambda: _inflection(f_text, f, g, sp.sympify(options["at"])))
        elif prop == "range" and isinstance(image := options.get("equals"), Interval):
            out.append(lambda: _range(f_text, f, g, image))
    h = in_tanh(f) if g is None or not _nice(g) or prop in ("even", "odd") else None
    if h is not None and _nice_in(h, U):
        if prop in _SIGN and on == REAL_LINE:
            out.append(lambda: _u_sign(f_text, h, prop))
        elif prop in ("maximum", "minimum") and on == REAL_LINE and options.get("equals") is not None:
            out.append(lambda: _u_extreme(f_text, h, prop, sp.sympify(options["equals"])))
        elif prop in ("even", "odd"):
            out.append(lambda: _u_parity(f_text, f, h, prop))
    r = _t_form(f)
    if r is not None:
        if prop in _SIGN and isinstance(on, Interval):
            out.append(lambda: _t_sign(f_text, r, prop, on))
        elif prop in ("maximum", "minimum") and on == REAL_LINE and options.get("equals") is not None:
            out.append(lambda: _t_extreme(f_text, r, prop, sp.sympify(options["equals"])))
    return out


def _defined(f_text: str, steps: list[HumanStep]) -> list[HumanStep]:
    """A proof that calls the function f (an expression with no name of its own, whose derivative
    it uses) opens with the line that says what f is."""
    uses_f = any(re.search(r"(?<![A-Za-z\\])f(\(|')", s.latex) for s in steps)
    if _named(f_text) or not uses_f or steps[0].latex.startswith("f(x) = "):
        return steps
    return [HumanStep((Relation(f_text, "=", f_text),), "the function of the claim, called $f$",
                      rf"f(x) = {_f_tex(f_text)}"), *steps]


def write(f_text: str, f: sp.Expr, prop: str, options: dict[str, object]) -> tuple[HumanStep, ...] | None:
    """A checked human proof of a claim already proved, or None when no strategy applies: the
    strategies are tried in order, and one whose line the engine cannot decide gives way."""
    from ..engine.budget import BudgetExceeded

    for strategy in _strategies(f_text, f, prop, options):
        try:
            steps = strategy()
            if steps:
                return _checked(_defined(f_text, steps))
        except (InternalError, BudgetExceeded):
            raise
        except Exception:  # noqa: BLE001 - a strategy that cannot be carried out gives way (nothing shown)
            continue
    return None


def proof_steps(proof: object) -> tuple[HumanStep, ...]:
    """``Proof.steps``: the human proof of a proved claim (empty when no strategy applies, or
    the verdict is not proved). The engine's own "cannot decide here" answers mean "no human
    proof"; a line that is false is an ``InternalError``."""
    from ..engine.budget import BudgetExceeded, OuterBudgetExceeded
    from ..engine.signchart import Undecided
    from .kernel import Proof

    assert isinstance(proof, Proof)
    if proof.verdict is not Verdict.PROVED:
        return ()
    claim = proof.claim
    options = dict(claim.options)
    if claim.prop == "identity" and isinstance(options.get("equals"), sp.Expr):
        options["equals"] = _txt(options["equals"])
    try:
        return write(claim.source or _txt(claim.expr), claim.expr, claim.prop, options) or ()
    except OuterBudgetExceeded:
        raise  # the notes' (or another caller's) budget, not this proof's
    except (Undecided, OutsideClass, sp.PolynomialError, BudgetExceeded):
        return ()


def for_proof(proof: object) -> tuple[HumanStep, ...] | None:
    """The human proof of a proved claim (``Proof.steps``), None when there is none."""
    from .kernel import Proof

    assert isinstance(proof, Proof)
    return proof.steps or None


# ---------------------------------------------------------------- refutations

_VIOLATED = {"positive": "<=", "negative": ">=", "nonnegative": "<", "nonpositive": ">", "nonzero": "="}


def violated(proof: object) -> Relation | None:
    """The relation a refutation's counterexample shows, as a checked line with constant sides
    (f at the point): f(x0) ≤ 0 against "positive", f(x2) ≤ f(x1) against "increasing", … None
    when the counterexample is not a point of that kind or its values cannot be written."""
    from ..errors import SigsymError
    from ..language.parse import parse
    from .kernel import Proof

    assert isinstance(proof, Proof)
    ce, claim = proof.counterexample, proof.claim
    if proof.verdict is not Verdict.REFUTED or ce is None or ce.x is None:
        return None
    f = claim.expr

    def at(e: sp.Expr, p: sp.Expr) -> str:
        return _txt(e.subs(X, p))

    prop, x1, x2 = claim.prop, ce.x, ce.x2
    rel: Relation | None = None
    if prop in _VIOLATED:
        rel = Relation(at(f, x1), _VIOLATED[prop], "0")
    elif prop in ("even", "odd"):
        rel = Relation(at(f, -x1), "!=", at(f if prop == "even" else -f, x1))
    elif prop == "identity" and isinstance(claim.option("equals"), sp.Expr):
        rel = Relation(at(f, x1), "!=", at(claim.option("equals"), x1))
    elif prop in ("increasing", "decreasing") and x2 is not None:
        lo, hi = (x1, x2) if _simp(x2 - x1).is_positive else (x2, x1)
        rel = Relation(at(f, hi), "<=" if prop == "increasing" else ">=", at(f, lo))
    elif prop in ("maximum", "minimum") and claim.option("equals") is not None:
        rel = Relation(at(f, x1), ">" if prop == "maximum" else "<", _txt(claim.option("equals")))
    if rel is None:
        return None
    try:
        parse(rel.lhs), parse(rel.rhs)
        verdict = check(rel)
    except (SigsymError, OutsideClass, ValueError, TypeError):
        return None
    if verdict is Verdict.REFUTED:
        raise InternalError(f"a counterexample's relation is false: {rel}")
    return rel if verdict is Verdict.PROVED else None
