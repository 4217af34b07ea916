"""Claims outside both classes decided through calculus: logs and compositions.

- **Through the derivative.** f is strictly increasing on an interval when f′ ≥ 0 there with
  isolated zeros; when f′ is in a decidable class (softplus′ = σ, (log σ)′ = 1 − σ) that is a
  sign claim about f′, decided by the class's procedure. Two functions defined on the whole line
  are equal when their derivatives are identically equal and they agree at one point (the mean
  value theorem on ℝ, which is connected): softplus(x) − softplus(−x) = x, log σ(x) = −softplus(−x).
- **Compositions g(h(x))** with g strictly increasing and continuous on ℝ (exp, σ, tanh,
  softplus, sinh): g∘h is strictly increasing (decreasing) exactly where h is; its limits are g
  of the limits of h (g's own limits at ±∞ when h → ±∞); the image of ℝ is g(image of h), with
  the same ends open or closed. So σ(σ(x)) is increasing with range (σ(0), σ(1)) = (1/2, σ(1)).
- **Logarithms at ±∞.** f = q·x + r + Σ cᵢ·log gᵢ (cᵢ integers) is log G with
  G = e^{qx+r}·Π gᵢ^{cᵢ}; when G is in a class, lim f = log(lim G) (−∞ for 0, ∞ for ∞):
  softplus(x) − x = log((1 + eˣ)e^{−x}) → log 1 = 0.

Each procedure returns an Outcome whose steps say which rule was used; a sub-claim is decided
by ``properties.decide`` (it is a claim like any other, about f′ or the inner function).
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import sympy as sp

from ..engine import lambert
from ..engine.signchart import Undecided
from ..errors import OutsideClass
from ..functions import FUNCTIONS, X, to_exp
from ..language.parse import REAL_LINE, Interval
from .evidence import SignAt
from .kernel import Claim, Outcome, Step, StepKind, Verdict

TeX = sp.latex
EXACT = "exact"

# g strictly increasing and continuous on ℝ: (limit at −∞, limit at +∞)
_INCREASING: dict[object, tuple[sp.Expr, sp.Expr]] = {
    sp.exp: (sp.Integer(0), sp.oo),
    FUNCTIONS["sigmoid"].func: (sp.Integer(0), sp.Integer(1)),
    sp.tanh: (sp.Integer(-1), sp.Integer(1)),
    FUNCTIONS["softplus"].func: (sp.Integer(0), sp.oo),
    sp.sinh: (-sp.oo, sp.oo),
}


def _decide(claim: Claim) -> Outcome:
    from .properties import decide

    return decide(claim)


def _outer(f: sp.Expr) -> tuple[object, sp.Expr] | None:
    """(g, h) when f = g(h(x)) with g in the table and h not x itself."""
    g = f.func
    if g in _INCREASING and len(f.args) == 1 and f.args[0].has(X):
        return g, f.args[0]
    return None


def _g_at(g: object, v: sp.Expr) -> sp.Expr:
    """g(v), with g's limits at ±∞."""
    lo, hi = _INCREASING[g]
    if v == sp.oo:
        return hi
    if v == -sp.oo:
        return lo
    return g(v)  # type: ignore[operator]


# ---------------------------------------------------------------- monotonicity

def monotone(claim: Claim) -> Outcome:
    comp = _outer(claim.expr)
    if comp is not None:
        g, h = comp
        inner = _decide(replace(claim, expr=h, source=str(h), domain=()))
        steps = (Step(f"f = g(h(x)) with g = {g} strictly increasing on R, so f is {claim.prop} exactly where "
                      f"h = {h} is", r"f = g\circ h,\ g' > 0", EXACT + ": chain rule", StepKind.DERIVATIVE),
                 *inner.steps)
        if inner.verdict is Verdict.PROVED:
            return Outcome(Verdict.PROVED, "composition with an increasing function", steps)
        raise Undecided("the inner function is not shown monotone")
    d = sp.diff(claim.expr, X)
    want = "nonnegative" if claim.prop == "increasing" else "nonpositive"
    sub = replace(claim, expr=d, prop=want, source=f"diff({claim.source}, x)")
    outcome = _decide(sub)
    if outcome.verdict is Verdict.UNKNOWN:
        raise Undecided("the sign of f′ is not decided")
    step = Step(f"f′ = {d}: f is strictly {claim.prop} on the interval when f′ {'≥' if want == 'nonnegative' else '≤'} 0 "
                "there with isolated zeros", rf"f'(x) = {TeX(d)}", EXACT + ": derivative", StepKind.DERIVATIVE)
    if outcome.verdict is Verdict.PROVED:
        if _identically_zero(d):
            raise Undecided("f′ is identically zero")
        return Outcome(Verdict.PROVED, "sign of f′ (" + outcome.method + ")", (step, *outcome.steps))
    ce = outcome.counterexample
    if ce is None or not isinstance(ce.evidence, SignAt) or ce.x is None:
        raise Undecided("f′ has the wrong sign somewhere, but not at a point that shows it")
    return Outcome(Verdict.REFUTED, "sign of f′", (step, *outcome.steps), replace(
        ce, statement=f"f′({ce.x}) has the wrong sign, so f is not {claim.prop} near x = {ce.x}"))


def _identically_zero(d: sp.Expr) -> bool:
    from .properties import decide

    try:
        return decide(Claim(d, "identity", (("equals", sp.Integer(0)),), str(d))).verdict is Verdict.PROVED
    except (OutsideClass, Undecided):
        return False


# ---------------------------------------------------------------- identities

def _zero_in_a_class(e: sp.Expr) -> bool:
    """e = 0 identically, decided exactly: as a rational function of eˣ, as a quotient of
    exponential polynomials, or as a formal zero; False when not shown (never recursing)."""
    from ..engine import exact, exppoly
    from ..engine.expform import to_expform

    try:
        return bool(to_expform(e).num.is_zero)
    except OutsideClass:
        pass
    try:
        num, _den = sp.fraction(sp.together(to_exp(e)))
        return exppoly.from_sympy(num, X).is_zero
    except (OutsideClass, ValueError, TypeError):
        pass
    return exact.formal_zero(e)


def identity(claim: Claim) -> Outcome:
    """f = g on ℝ: f′ = g′ identically and f(0) = g(0) (both defined on all of ℝ)."""
    f, g = claim.expr, claim.option("equals")
    if claim.domain or claim.other_domain:
        raise Undecided("a domain that may not be connected")
    df, dg = sp.diff(f, X), sp.diff(g, X)
    if not _zero_in_a_class(df - dg):
        raise Undecided("the derivatives are not shown equal")
    a = sp.Integer(0)
    fa, ga = to_exp(f).subs(X, a), to_exp(g).subs(X, a)
    z = lambert.is_zero(sp.expand_log(fa - ga, force=False))
    if z is not True:
        z = lambert.is_zero(fa - ga)
    if z is not True:
        raise Undecided("the two sides are not shown equal at a point")
    steps = (Step.deferred(lambda: (f"f′ = g′ identically: {df} = {dg}", r"f'(x) = g'(x)"),
                           EXACT + ": algebra of exponentials", StepKind.DERIVATIVE),
             Step.deferred(lambda: (f"f(0) = g(0) = {sp.simplify(fa)}", r"f(0) = g(0)"), EXACT + ": evaluation",
                           StepKind.VALUE),
             Step("f − g has derivative 0 on R and vanishes at 0, so it is 0 everywhere",
                  r"f - g = 0", EXACT + ": mean value theorem", StepKind.CONCLUSION))
    return Outcome(Verdict.PROVED, "equal derivatives and one equal value", steps)


# ---------------------------------------------------------------- exact limits and ranges

def exact_limit(h: sp.Expr, at: sp.Expr) -> sp.Expr:
    """lim h at ±∞, exactly: in either class, or through a composition or a logarithm."""
    from ..engine.expform import to_expform
    from ..engine.signchart import limit_at_infinity
    from . import xclass

    try:
        return limit_at_infinity(to_expform(h), at == sp.oo)
    except OutsideClass:
        pass
    try:
        return xclass.limit_value(h, at == sp.oo)
    except OutsideClass:
        pass
    return _limit(h, at)[0]


def exact_range(h: sp.Expr) -> Interval:
    """The image of ℝ under h (continuous on ℝ), exactly: in either class or by composition."""
    from ..engine.expform import to_expform
    from ..engine.signchart import candidates, extreme
    from . import xclass

    try:
        _c, cands = candidates(to_expform(h), REAL_LINE)
        hi, lo = extreme(cands, 1), extreme(cands, -1)
        return Interval(lo.value, hi.value, lo.attained_at is not None, hi.attained_at is not None)
    except OutsideClass:
        pass
    try:
        _c2, xc = xclass.candidates(h, REAL_LINE)
    except OutsideClass:
        comp = _outer(h)
        if comp is None:
            raise Undecided("the range of the inner function is not known") from None
        g, inner_h = comp
        inner = exact_range(inner_h)
        return Interval(_g_at(g, inner.lo), _g_at(g, inner.hi), inner.lo_closed, inner.hi_closed)
    top, bottom = xclass.best(h, xc, 1).candidate, xclass.best(h, xc, -1).candidate
    if top.value is None or bottom.value is None:
        raise Undecided("an extreme value of the inner function without a closed form")
    return Interval(bottom.value, top.value, bottom.attained, top.attained)


# ---------------------------------------------------------------- limits

def _log_form(f: sp.Expr) -> sp.Expr | None:
    """G with f = log G (see the module text), or None."""
    e = sp.expand(to_exp(f))
    logs, rest = [], []
    for term in sp.Add.make_args(e):
        c, body = term.as_coeff_Mul()
        if isinstance(body, sp.log) and c.is_Integer:
            logs.append((int(c), body.args[0]))
        else:
            rest.append(term)
    if not logs:
        return None
    r = sp.Add(*rest)
    q = r.coeff(X, 1) if r.has(X) else sp.Integer(0)
    if not (q.is_Rational and not (r - q * X).has(X)):
        return None
    G = sp.exp(r)
    for c, a in logs:
        G = G * a**c
    return G


def limit(claim: Claim) -> Outcome:
    f, at, v = claim.expr, claim.option("at"), claim.option("equals")
    if at not in (sp.oo, -sp.oo):
        raise Undecided("a limit at a point")
    lim, steps = _limit(f, at)
    s = lambert.compare(lim, v)
    if s == 0:
        return Outcome(Verdict.PROVED, "limits of compositions and logarithms", steps)
    raise Undecided(f"the limit is {lim}, not {v}; the refutation is left to the numeric search")


def _limit(f: sp.Expr, at: sp.Expr) -> tuple[sp.Expr, tuple[Step, ...]]:
    comp = _outer(f)
    if comp is not None:
        g, h = comp
        inner = exact_limit(h, at)
        lim = _g_at(g, inner)
        return lim, (Step(f"h = {h} → {inner}, and g = {g} is continuous and increasing, so f = g(h) → {lim}",
                          rf"\lim_{{x\to {TeX(at)}}} f(x) = {TeX(lim)}", EXACT + ": continuity of g",
                          StepKind.LIMIT),)
    G = _log_form(f)
    if G is None:
        raise Undecided("not a composition or a logarithm")
    inner = exact_limit(G, at)
    lim = -sp.oo if inner == 0 else sp.oo if inner == sp.oo else sp.log(inner)
    if inner.is_number and inner.is_negative:
        raise Undecided("a logarithm of a negative limit")
    return lim, (Step(f"f = log G with G = {G} → {inner}, so f → {lim}", rf"\lim f = \log\lim G = {TeX(lim)}",
                      EXACT + ": continuity of log", StepKind.LIMIT),)


# ---------------------------------------------------------------- range

def image(claim: Claim) -> Outcome:
    """The range of g(h(x)): g applied to the range of h, ends kept open or closed."""
    comp = _outer(claim.expr)
    if comp is None:
        raise Undecided("not a composition")
    g, h = comp
    inner = exact_range(h)
    image = Interval(_g_at(g, inner.lo), _g_at(g, inner.hi), inner.lo_closed, inner.hi_closed)
    j = cast(Interval, claim.option("equals"))
    ends = lambert.compare(image.lo, j.lo), lambert.compare(image.hi, j.hi)
    steps = (Step(f"h = {h} has range {inner}; g = {g} is continuous and strictly increasing, so f = g(h) has range "
                  f"{image}", rf"f(\mathbb{{R}}) = g\left({inner.latex()}\right) = {image.latex()}",
                  EXACT + ": monotone image", StepKind.IMAGE),)
    if ends == (0, 0) and (image.lo_closed, image.hi_closed) == (j.lo_closed, j.hi_closed):
        return Outcome(Verdict.PROVED, "image under an increasing function", steps)
    raise Undecided(f"the range is {image}; the refutation is left to the numeric search")


def sign(claim: Claim) -> Outcome:
    """A sign on the whole line from the exact range of g∘h (softplus > 0: its range is (0, ∞))."""
    from .signs import SIGNS

    if _outer(claim.expr) is None:
        raise Undecided("a sign through the range: compositions only")
    j = exact_range(claim.expr)  # the image of the whole line: what holds there holds on any interval
    rule = SIGNS[claim.prop]
    lo, hi = lambert.compare(j.lo, sp.Integer(0)), lambert.compare(j.hi, sp.Integer(0))
    if lo is None or hi is None:
        raise Undecided("the range is not compared with 0")
    signs = set()
    if lo < 0:
        signs.add(-1)
    if hi > 0:
        signs.add(1)
    if (lo < 0 or (lo == 0 and j.lo_closed)) and (hi > 0 or (hi == 0 and j.hi_closed)):
        signs.add(0)
    ok = all(s in rule.allowed or (s == 0 and rule.zeros_ok) for s in signs)
    if not ok:
        raise Undecided("the sign claim fails somewhere; left to the point search")
    return Outcome(Verdict.PROVED, "range of a composition", (
        Step(f"the range of f is {j}", rf"f(\mathbb{{R}}) = {j.latex()}", EXACT + ": monotone image", StepKind.IMAGE),))


PROCEDURES = {"increasing": monotone, "decreasing": monotone, "identity": identity, "limit": limit,
              "range": image, "positive": sign, "negative": sign, "nonnegative": sign, "nonpositive": sign,
              "nonzero": sign}
__all__ = ["PROCEDURES", "exact_limit", "exact_range"]
