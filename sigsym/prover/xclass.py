"""Claims about f = N(x)/D(x) with N, D exponential polynomials (x², (x − 1)², x·e^{−x}, SiLU).

When f is not a rational function of one exponential (bare x appears), ``f = N/D`` is read with
``engine.exppoly``: N and D are sums of p(x)·e^{λx}. If D has no real root on the interval it
keeps one sign there, so the sign of f is the sign chart of N times that sign; f′ = (N′D − ND′)/D²
has the sign of M = N′D − ND′. Roots come from the certified Rolle–Pólya isolation (exact at
rational points, a multiple root at an irrational point is ``Unresolved`` and gives no verdict),
signs between them from an exact sign test at a rational point. Limits at ±∞ compare the
dominant terms of N and D. Interval ends must be rational or infinite here.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..engine import exppoly
from ..engine.signchart import Undecided
from ..errors import OutsideClass
from ..functions import X, to_exp
from ..language.parse import REAL_LINE, Interval
from .evidence import ExactZero, SignAt
from .kernel import Claim, Counterexample, Outcome, Step, StepKind, Verdict
from .signs import SIGNS

TeX = sp.latex
METHOD = "exponential polynomials (certified Rolle–Pólya root isolation)"


def _parts(f: sp.Expr) -> tuple[exppoly.ExpPoly, exppoly.ExpPoly]:
    num, den = sp.fraction(sp.together(to_exp(f)))
    try:
        n, d = exppoly.from_sympy(num, X), exppoly.from_sympy(den, X)
    except (OutsideClass, ValueError, TypeError) as exc:
        raise OutsideClass(f"not a quotient of exponential polynomials ({exc})") from None
    if n.is_zero or d.is_zero:
        raise OutsideClass("a zero numerator or denominator")
    return n, d


def _ends(interval: Interval) -> tuple[Fraction | None, Fraction | None]:
    out = []
    for end, inf in ((interval.lo, -sp.oo), (interval.hi, sp.oo)):
        if end == inf:
            out.append(None)
        elif end.is_Rational:
            out.append(Fraction(int(end.p), int(end.q)))
        else:
            raise Undecided("an interval end that is not rational (exponential polynomials)")
    return out[0], out[1]


def _chart(F: exppoly.ExpPoly, interval: Interval) -> exppoly.Chart:
    lo, hi = _ends(interval)
    try:
        return exppoly.sign_chart(F, lo, hi)
    except exppoly.Unresolved as exc:
        raise Undecided(f"roots not resolved ({exc})") from None


def _den_sign(d: exppoly.ExpPoly, interval: Interval) -> int:
    chart = _chart(d, interval)
    lo, hi = _ends(interval)
    at_ends = [s for s, e, closed in ((chart.lo_sign, lo, interval.lo_closed), (chart.hi_sign, hi, interval.hi_closed))
               if e is not None and closed]
    if chart.roots or 0 in at_ends or len(set(chart.signs)) != 1:
        raise Undecided("the denominator vanishes on the interval")
    return chart.signs[0]


def _q(v: Fraction) -> sp.Rational:
    return sp.Rational(v.numerator, v.denominator)


def sign(claim: Claim) -> Outcome:
    f, interval = claim.expr, claim.option("on", REAL_LINE)
    n, d = _parts(f)
    sd = _den_sign(d, interval)
    chart = _chart(n, interval)
    rule = SIGNS[claim.prop]
    steps = [Step(f"f = N/D with N = {n.to_sympy(X)}, D = {d.to_sympy(X)}; D keeps the sign {sd:+d} on {interval}",
                  rf"f(x) = \frac{{{TeX(n.to_sympy(X))}}}{{{TeX(d.to_sympy(X))}}}", "exact", StepKind.SUBSTITUTION)]
    for q, s in zip(chart.samples, chart.signs, strict=True):
        if s * sd not in rule.allowed:
            fx = f.subs(X, _q(q))
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f({_q(q)}) {'<' if s * sd < 0 else '>'} 0", rf"f({TeX(_q(q))}) {'<' if s * sd < 0 else '>'} 0",
                SignAt(fx, s * sd), x=_q(q), check="interval arithmetic"))
    lo, hi = _ends(interval)
    zeros = [r for r in chart.roots]
    for end, s, closed in ((lo, chart.lo_sign, interval.lo_closed), (hi, chart.hi_sign, interval.hi_closed)):
        if end is not None and closed and s * sd not in rule.allowed and not (s == 0 and rule.zeros_ok):
            fx = f.subs(X, _q(end))
            ev = ExactZero(fx) if s == 0 else SignAt(fx, s * sd)
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f({_q(end)}) has the wrong sign", rf"f({TeX(_q(end))})", ev, x=_q(end), check="exact"))
    if zeros and not rule.zeros_ok:
        exact = [r for r in zeros if r.exact]
        if not exact:  # a crossing root gives a piece of each sign: refuted above
            raise Undecided("a zero of f at an irrational point")
        z = _q(exact[0].lo)
        return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
            f"f({z}) = 0", rf"f({TeX(z)}) = 0", ExactZero(f.subs(X, z)), x=z, check="exact zero test"))
    steps.append(Step(f"N has {len(zeros)} root(s) on {interval}, isolated exactly; the sign of f on each piece is "
                      "the sign of N at a rational point times that of D", r"\text{sign chart of } N",
                      "exact", StepKind.SIGN_CHART))
    return Outcome(Verdict.PROVED, METHOD, tuple(steps))


def monotone(claim: Claim) -> Outcome:
    f, interval = claim.expr, claim.option("on", REAL_LINE)
    want = 1 if claim.prop == "increasing" else -1
    n, d = _parts(f)
    _den_sign(d, interval)
    m = n.derivative() * d - n * d.derivative()
    if m.is_zero:
        raise Undecided("f′ is identically zero")
    chart = _chart(m, interval)
    steps = [Step(f"f′ = M/D² with M = N′D − ND′ = {m.to_sympy(X)}", rf"f'(x) = \frac{{{TeX(m.to_sympy(X))}}}{{D^2}}",
                  "exact", StepKind.DERIVATIVE)]
    for q, s in zip(chart.samples, chart.signs, strict=True):
        if s != want:
            dq = sp.diff(f, X).subs(X, _q(q))
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f′({_q(q)}) {'<' if s < 0 else '>'} 0, so f is not {claim.prop} near x = {_q(q)}",
                rf"f'({TeX(_q(q))}) {'<' if s < 0 else '>'} 0", SignAt(dq, s), x=_q(q), check="interval arithmetic"))
    steps.append(Step(f"f′ has the sign {want:+d} on {interval} except at finitely many points, so f is strictly "
                      f"{claim.prop} there", r"\text{mean value theorem}", "exact", StepKind.MONOTONICITY))
    return Outcome(Verdict.PROVED, METHOD, tuple(steps))


def limit_value(f: sp.Expr, plus: bool) -> sp.Expr:
    """The exact limit of N/D at +∞ (``plus``) or −∞, by the dominant terms p(x)e^{λx}."""
    n, d = _parts(f)
    (ln, pn), (ld, pd) = n.dominant(plus), d.dominant(plus)
    key_n, key_d = (ln, len(pn) - 1), (ld, len(pd) - 1)
    sign_n = 1 if pn[-1] > 0 else -1
    sign_d = 1 if pd[-1] > 0 else -1
    if not plus:  # x → −∞: e^{λx} grows as λ decreases; x^k has the sign (−1)^k
        key_n, key_d = (-ln, len(pn) - 1), (-ld, len(pd) - 1)
        sign_n *= (-1) ** (len(pn) - 1)
        sign_d *= (-1) ** (len(pd) - 1)
    if key_n == key_d:
        return _q(pn[-1] / pd[-1])
    if key_n < key_d:
        return sp.Integer(0)
    return sp.oo if sign_n * sign_d > 0 else -sp.oo


def limit(claim: Claim) -> Outcome:
    at, v = claim.option("at"), claim.option("equals")
    if at not in (sp.oo, -sp.oo):
        raise Undecided("a limit at a point (exponential polynomials)")
    lim = limit_value(claim.expr, at == sp.oo)
    steps = (Step(f"dominant terms of numerator and denominator: f → {lim}", rf"\lim_{{x\to {TeX(at)}}} f(x) = {TeX(lim)}",
                  "exact", StepKind.LIMIT),)
    if lim == v:
        return Outcome(Verdict.PROVED, METHOD, steps)
    raise Undecided(f"the limit is {lim}, not {v}; the refutation is left to the numeric search")


def convexity(claim: Claim) -> Outcome:
    from .procedures import second_derivative_claim

    return sign(second_derivative_claim(claim))


PROCEDURES = {"convex": convexity, "concave": convexity, "positive": sign, "negative": sign, "nonnegative": sign, "nonpositive": sign, "nonzero": sign,
              "increasing": monotone, "decreasing": monotone, "limit": limit}
