"""The decision procedures, one per kind of property: each reads a Claim and returns an Outcome
(verdict, method, typed steps, a counterexample with typed evidence). The kernel then re-checks
it and makes the Proof. A procedure raises ``Undecided`` or ``OutsideClass`` when it cannot
decide; ``decide`` then falls back to the property's refuter.
"""

from __future__ import annotations

from fractions import Fraction
from typing import cast

import sympy as sp

from ..engine import exact, numeric
from ..engine.algebraic import compare, member, positive_roots, simplify_number
from ..engine.expform import ExpForm, T, to_expform
from ..engine.signchart import (
    Chart,
    Extreme,
    Undecided,
    candidates,
    extreme,
    limit_at_infinity,
    sign_chart,
    sign_chart_poles,
    value_at_x,
    x_function,
)
from ..errors import InternalError, OutsideClass
from ..functions import X, to_exp
from ..language.parse import (
    REAL_LINE,
    Interval,
)
from . import refuters, witness
from .evidence import (
    EvaluatesUndefined,
    Evidence,
    ExactLimit,
    ExactZero,
    ExtremeIs,
    ImageIs,
    NoExtreme,
    OutsideInterval,
    RootOfFactor,
    RoundingCell,
    SignAt,
    Undefined,
)
from .kernel import Claim, Counterexample, Outcome, Step, StepKind, Verdict
from .signs import SIGNS

EXACT = "exact"
TeX = sp.latex


def _show(r: sp.Expr) -> sp.Expr:
    """A rational function of t for display: factored when small, as it is when large."""
    n, d = sp.fraction(r)
    small = all(sp.Poly(p, T).degree() <= 12 for p in (n, d) if p.has(T))
    return sp.factor(r) if small else r


def form_step(f: sp.Expr, form: ExpForm, lhs: str = "f(x)") -> Step:
    """The substitution step, checked against f by interval sampling before it is shown."""
    bad = witness.faithful(f, x_function(form), REAL_LINE)
    if bad is not None:
        raise InternalError(f"normal form of {f} disagrees with it at x = {bad}")

    def display() -> tuple[str, str]:
        t, shown = sp.exp((X - form.shift) / form.m), _show(form.rational)
        return (f"Substitute t = {t} > 0: f = {shown}", rf"t = {TeX(t)} > 0:\quad {lhs} = {TeX(shown)}")

    return Step.deferred(
        display, "exact: rewritten into a rational function of t over Q; agrees with f at every sample point "
        "(interval arithmetic)", StepKind.SUBSTITUTION, (("m", form.m), ("shift", form.shift), ("rational", form.rational)))


def _describe_marks(chart: Chart) -> str:
    parts = [f"{'zero' if m.kind == 'zero' else 'undefined'} at x = {m.x}" for m in chart.marks]
    return "; ".join(parts) if parts else "no zeros and no undefined points"


def _tex_marks(chart: Chart, name: str = "f") -> str:
    if not chart.marks:
        return rf"{name} \text{{ has no zeros and no poles here}}"
    undefined = r"\text{ undefined}"
    return r",\ ".join(rf"{name}({TeX(m.x)}) {'= 0' if m.kind == 'zero' else undefined}"
                       for m in chart.marks)


def _sign_word(s: int) -> str:
    return "+" if s > 0 else "−"


def _chart_steps(chart: Chart, name: str, interval: Interval) -> list[Step]:
    def marks() -> tuple[str, str]:
        return (f"Roots of numerator and poles of {name} on {interval}: {_describe_marks(chart)}",
                _tex_marks(chart, name))

    def signs() -> tuple[str, str]:
        words = ", ".join(f"{_sign_word(seg.sign)} at x = {seg.samples[0]}" for seg in chart.segments)
        tex = r",\ ".join(rf"{name}({TeX(seg.samples[0])}) {'>' if seg.sign > 0 else '<'} 0" for seg in chart.segments)
        return f"Sign of {name} between them (constant on each piece): {words}", tex

    return [
        Step.deferred(marks, "exact: real-root isolation of polynomials over Q (Sturm / Vincent), compared with the ends",
                      StepKind.ZEROS, (("zeros", tuple(m.x for m in chart.marks if m.kind == "zero")),
                                       ("poles", tuple(m.x for m in chart.marks if m.kind != "zero")))),
        Step.deferred(signs, "interval arithmetic at a rational point of each piece (no root there)", StepKind.SIGN_CHART,
                      (("signs", tuple((seg.samples[0], seg.sign) for seg in chart.segments)),)),
    ]


def _undefined_ce(form: ExpForm, mark) -> Counterexample:  # noqa: ANN001
    return Counterexample(f"f is not defined at x = {mark.x}", rf"f({TeX(mark.x)}) \text{{ is undefined}}",
                          Undefined(mark.x, form.poles.as_expr().subs(T, mark.root.value), 0), x=mark.x,
                          check="exact: a denominator vanishes there")


def _zero_ce(x: sp.Expr, value: sp.Expr, consequence: str, evidence: Evidence) -> Counterexample:
    """f(x) = value exactly (``evidence`` shows it), and the ``consequence`` of that for the claim."""
    where = "" if x.is_Rational else f" (x ≈ {_approx(x)})"
    return Counterexample(f"f({x}) = {value}{where}, {consequence}", rf"f\left({TeX(x)}\right) = {TeX(value)}",
                          evidence, x=x, check="exact zero test")


def _sign_ce(f: sp.Expr, x: sp.Expr, sign: int, what: str, shift: sp.Expr = sp.Integer(0)) -> Counterexample:
    """f(x) − shift has the certified sign ``sign`` (±1)."""
    fx = f.subs(X, x)
    approx = _approx(fx)
    return Counterexample(f"f({x}) = {approx} {what}", rf"f({TeX(x)}) \approx {approx}",
                          SignAt(fx - shift, sign), x=x, check="interval arithmetic")


def _approx(v: sp.Expr, digits: int = 6) -> str:
    return numeric.approx(v, digits)


# ---------------------------------------------------------------- procedures

def identity(claim: Claim) -> Outcome:
    f, g = claim.expr, claim.option("equals")
    try:
        form = to_expform(f - g)
    except OutsideClass:
        try:
            return _formal(claim, f - g, "f(x) - g(x)")
        except Undecided:  # logs: equal derivatives and one equal value
            from .calculus import identity as by_derivatives

            return by_derivatives(claim)
    steps = [form_step(f - g, form, lhs="f(x) - g(x)")]
    if not form.num.is_zero:
        ce = refuters.identity(claim)
        if ce is None:
            raise Undecided("difference is a nonzero rational function but no sample point certifies it")
        shown = _show(form.rational)  # refuted: this step is shown
        steps.append(Step(f"f − g = {shown} ≠ 0 as a rational function of t", rf"f - g = {TeX(shown)} \neq 0", EXACT, StepKind.DIFFERENCE,
                          (("difference", form.rational),)))
        return Outcome(Verdict.REFUTED, "rational-function identity over Q", tuple(steps), ce)
    steps.append(Step("f − g = 0 as a rational function of t", r"f(x) - g(x) = 0", EXACT + ": polynomial arithmetic over Q",
                      StepKind.DIFFERENCE, (("difference", sp.Integer(0)),)))
    pf, pg = to_expform(f).poles, to_expform(g).poles
    for a, b, name in ((pf, pg, "left"), (pg, pf, "right")):
        for r in positive_roots(a):
            if exact.is_zero(b.as_expr().subs(T, r.value)) is False:
                x = to_expform(f).x_of_t(r.value)
                return Outcome(Verdict.REFUTED, "domain comparison", tuple(steps), Counterexample(
                    f"the {name} side is undefined at x = {x} and the other is not",
                    rf"\text{{the {name} side is undefined at }} x = {TeX(x)}",
                    Undefined(x, a.as_expr().subs(T, r.value), 0), x=x, check="exact: a denominator vanishes"))
    steps.append(Step("Both sides are defined at the same points", r"\operatorname{dom} f = \operatorname{dom} g",
                      EXACT + ": positive roots of the denominators compared", StepKind.DOMAIN))
    return Outcome(Verdict.PROVED, "rational-function identity over Q", tuple(steps))


def _formal(claim: Claim, difference: sp.Expr, what: str) -> Outcome:
    """Exponentials with several shifts: e^{x−1} = e^{-1}·e^{x}, a constant times a power of t.

    The difference is zero when it vanishes as a rational function of x-exponentials and the
    constants e^{c} taken as independent symbols (a formal zero is a true zero); otherwise the
    claim is left to the numeric refuter.
    """
    if not exact.formal_zero(difference):
        raise Undecided(f"{what} is not a formal zero")
    return Outcome(Verdict.PROVED, "identity of exponential polynomials", (
        Step(f"{what} = 0 identically, as a rational function of the exponentials",
             rf"{what} = 0", EXACT + ": rational-function arithmetic", StepKind.FORMAL, (("difference", difference),)),))


def parity(claim: Claim) -> Outcome:
    f = claim.expr
    sym = f.subs(X, -X) - f if claim.prop == "even" else f.subs(X, -X) + f
    try:
        form = to_expform(f)
    except OutsideClass:
        return _formal(claim, sym, "f(-x) - f(x)" if claim.prop == "even" else "f(-x) + f(x)")
    if form.shift != 0:
        return _formal(claim, sym, "f(-x) - f(x)" if claim.prop == "even" else "f(-x) + f(x)")
    sgn = 1 if claim.prop == "even" else -1
    r = form.rational
    flipped = sp.cancel(r.subs(T, 1 / T))
    diff = sp.cancel(flipped - sgn * r)
    steps = [form_step(f, form),
             Step.deferred(lambda: ("x ↦ −x is t ↦ 1/t", rf"f(-x) = {TeX(_show(flipped))}"),
                           EXACT + ": substitution in a rational function", StepKind.REFLECTION, (("reflected", flipped),))]
    rel = "-" if sgn > 0 else "+"
    if diff != 0:
        ce = refuters.parity(claim)
        if ce is None:
            raise Undecided("no certified sample point")
        steps.append(Step(f"f(−x) {rel} f(x) = {_show(diff)} ≠ 0", rf"f(-x) {rel} f(x) = {TeX(_show(diff))} \neq 0", EXACT,
                          StepKind.SYMMETRY, (("difference", diff),)))
        return Outcome(Verdict.REFUTED, "t ↦ 1/t symmetry", tuple(steps), ce)
    poles = form.poles
    rev = sp.Poly(sp.numer(sp.together(poles.as_expr().subs(T, 1 / T))), T)
    for a, b in ((poles, rev), (rev, poles)):
        for root in positive_roots(a):
            if exact.is_zero(b.as_expr().subs(T, root.value)) is False:
                raise Undecided("domain not symmetric")
    steps.append(Step(f"f(−x) {rel} f(x) = 0 identically, on a domain symmetric about 0",
                      rf"f(-x) {rel} f(x) = 0", EXACT + ": polynomial arithmetic over Q", StepKind.SYMMETRY,
                      (("difference", sp.Integer(0)),)))
    return Outcome(Verdict.PROVED, "t ↦ 1/t symmetry", tuple(steps))


def value(claim: Claim) -> Outcome:
    f, at, v = claim.expr, claim.option("at"), claim.option("equals")
    digits = claim.option("digits")
    fa = to_exp(f).subs(X, at)
    if fa.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return Outcome(Verdict.REFUTED, "exact evaluation", (), Counterexample(
            f"f is undefined at x = {at}", rf"f({TeX(at)}) \text{{ is undefined}}", EvaluatesUndefined(f, at), x=at,
            check="exact: division by zero"))
    shown = fa if sp.count_ops(fa) > 40 or not exact.is_decidable(fa) else simplify_number(fa)
    steps = [Step(f"f({at}) = {shown}", rf"f({TeX(at)}) = {TeX(shown)}", EXACT + ": evaluation at the point",
                  StepKind.VALUE, (("at", at), ("value", fa)))]
    if digits is None:
        s = numeric.sign(fa - v)
        zero = None if s is not None else exact.is_zero(fa - v)
        if zero:
            steps.append(Step(f"= {v}", rf"= {TeX(v)}", EXACT + ": zero test (minimal polynomial, transcendence of e)",
                              StepKind.EXACT_VALUE, (("value", v),)))
            return Outcome(Verdict.PROVED, "exact evaluation", tuple(steps))
        if s is None:
            raise Undecided("value not separated from the claim")
        steps.append(Step(f"≈ {_approx(fa, 12)} ≠ {v}", rf"\approx {_approx(fa, 12)} \neq {TeX(v)}", "interval arithmetic",
                          StepKind.DECIMAL, (("sign", s),)))
        return Outcome(Verdict.REFUTED, "exact evaluation", tuple(steps), Counterexample(
            f"f({at}) = {_approx(fa, 12)}, not {v}", rf"f({TeX(at)}) \approx {_approx(fa, 12)} \neq {TeX(v)}",
            SignAt(fa - v, s), x=at, check="interval arithmetic"))
    rounded, text = _rounded(fa, digits, "could not certify the rounding")
    steps.append(Step(f"rounded to {digits} decimals: {text}", rf"\approx {text}",
                      "interval arithmetic: both ends of the enclosure round alike", StepKind.ROUNDING,
                      (("digits", digits), ("rounded", rounded))))
    want = Fraction(int(v.p), int(v.q))
    if rounded == want:
        return Outcome(Verdict.PROVED, "certified rounding", tuple(steps))
    # f(at) lies in the rounding cell of ``rounded`` (or on its boundary, a tie rounded away from
    # zero), so it rounds to ``rounded`` and not to ``want``.
    return Outcome(Verdict.REFUTED, "certified rounding", tuple(steps), Counterexample(
        f"f({at}) = {_approx(fa, digits + 4)} rounds to {text}, not {numeric.decimal(want, digits)}",
        rf"f({TeX(at)}) \approx {_approx(fa, digits + 4)} \to {text} \neq {numeric.decimal(want, digits)}",
        RoundingCell(fa, digits, rounded, want), x=at,
        check="interval arithmetic: outside the rounding cell of the claim"))


def _rounded(value: sp.Expr, digits: int, undecided: str) -> tuple[Fraction, str]:
    """The certified rounding of an exact value to ``digits`` decimals (a tie settled by the exact
    zero test) and its decimal text; ``Undecided`` when it cannot be certified."""
    rounded = numeric.certified_round(value, digits, lambda b: exact.is_zero(value - sp.Rational(b.numerator, b.denominator)))
    if rounded is None:
        raise Undecided(undecided)
    return rounded, numeric.decimal(rounded, digits)


def limit(claim: Claim) -> Outcome:
    f, at, v = claim.expr, claim.option("at"), claim.option("equals")
    form = to_expform(f)
    steps = [form_step(f, form)]
    if at in (sp.oo, -sp.oo):
        lim = limit_at_infinity(form, at == sp.oo)
        where = "t → ∞" if at == sp.oo else "t → 0⁺"
        t_tex = r"t\to\infty" if at == sp.oo else r"t\to 0^+"
        steps.append(Step.deferred(
            lambda: (f"As x → {at}, {where}; comparing leading terms, f → {lim}",
                     rf"\lim_{{x\to {TeX(at)}}} f(x) = \lim_{{{t_tex}}} {TeX(_show(form.rational))} = {TeX(lim)}"),
            EXACT + ": degrees and leading coefficients", StepKind.LIMIT, (("at", at), ("limit", lim))))
    else:
        tp = sp.simplify(form.t_of_x(at))
        pole = exact.is_zero(form.poles.as_expr().subs(T, tp))
        if pole is None:
            raise Undecided("cannot tell whether the point is a pole")
        if pole and exact.is_zero(form.den.as_expr().subs(T, tp)) is not False:
            raise Undecided("limit at a pole")
        lim = value_at_x(form, at)
        steps.append(Step(f"f is continuous at x = {at} (removable or no singularity): f → {lim}",
                          rf"\lim_{{x\to {TeX(at)}}} f(x) = {TeX(lim)}", EXACT + ": rational function continuous there",
                          StepKind.CONTINUITY, (("at", at), ("limit", lim))))
    s = compare(lim, v)
    if s is None:
        raise Undecided("limit not comparable with the claim")
    if s == 0:
        return Outcome(Verdict.PROVED, "rational-function limit", tuple(steps))
    return Outcome(Verdict.REFUTED, "rational-function limit", tuple(steps), Counterexample(
        f"the limit at {at} is {lim}, not {v}", rf"\lim_{{x\to {TeX(at)}}} f(x) = {TeX(lim)} \neq {TeX(v)}",
        ExactLimit(f, at, lim, v), check="exact: limit of a rational function"))


def sign(claim: Claim) -> Outcome:
    f, interval = claim.expr, claim.option("on", REAL_LINE)
    form = to_expform(f)
    rule = SIGNS[claim.prop]
    allowed, zeros_ok = rule.allowed, rule.zeros_ok
    method = "sign chart (real-root isolation)"
    if form.num.is_zero and not sign_chart_poles(form, interval):
        steps = [form_step(f, form), Step("f is identically 0", "f(x) = 0", EXACT + ": the numerator is the zero polynomial",
                                                    StepKind.CONSTANT, (("value", sp.Integer(0)),))]
        if zeros_ok:
            return Outcome(Verdict.PROVED, method, tuple(steps))
        p = witness.sample_points(interval)[0]
        return Outcome(Verdict.REFUTED, method, tuple(steps),
                       _zero_ce(p, sp.Integer(0), "so f is not strictly signed", ExactZero(f.subs(X, p))))
    chart = sign_chart(form, interval)
    steps = [form_step(f, form), *_chart_steps(chart, "f", interval)]
    for seg in chart.segments:  # a point with the wrong sign is the clearest counterexample
        if seg.sign not in allowed:
            return Outcome(Verdict.REFUTED, method, tuple(steps),
                           _sign_ce(f, seg.samples[0], seg.sign, "< 0" if seg.sign < 0 else "> 0"))
    for mark in chart.marks:
        if mark.kind == "pole":
            return Outcome(Verdict.REFUTED, method, tuple(steps), _undefined_ce(form, mark))
        if not zeros_ok:
            return Outcome(Verdict.REFUTED, method, tuple(steps), _zero_ce(
                mark.x, sp.Integer(0), "so f is not strictly signed", RootOfFactor(f, mark.x, mark.root.factor)))
    steps.append(Step(f"Hence f is {claim.prop} on {interval}", rf"f \text{{ is {claim.prop} on }} {interval.latex()}",
                      EXACT + ": every piece and point checked", StepKind.CONCLUSION))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def monotone(claim: Claim) -> Outcome:
    f, interval = claim.expr, claim.option("on", REAL_LINE)
    want = 1 if claim.prop == "increasing" else -1
    form = to_expform(f)
    method = "sign chart of f′"
    steps = [form_step(f, form)]
    poles = sign_chart_poles(form, interval)
    if poles:
        return Outcome(Verdict.REFUTED, method, tuple(steps), _undefined_ce(form, poles[0]))
    d = form.derivative()
    chain = "t·dR/dt" if form.m == 1 else f"(t/{form.m})·dR/dt"
    steps.append(Step.deferred(lambda: (f"f′(x) = {chain} = {_show(d.rational)}", rf"f'(x) = {TeX(_show(d.rational))}"),
                               EXACT + ": derivative of a rational function, chain rule dt/dx = t/m",
                      StepKind.DERIVATIVE, (("derivative", d.rational),)))
    if d.num.is_zero:
        a, b = witness.sample_points(interval)[:2]
        w = (f.subs(X, a) - f.subs(X, b))
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"f is constant: f({a}) = f({b})", rf"f({TeX(a)}) = f({TeX(b)})", ExactZero(w), x=a, x2=b,
            check="exact zero test"))
    chart = sign_chart(d, interval)
    steps += _chart_steps(chart, "f'", interval)
    for seg in chart.segments:
        if seg.sign != want:
            a, b = seg.samples
            lo, hi = min(a, b), max(a, b)
            w = (f.subs(X, hi) - f.subs(X, lo)) * want
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"{lo} < {hi} but f({lo}) = {_approx(f.subs(X, lo))} {'>' if want > 0 else '<'} f({hi}) = {_approx(f.subs(X, hi))}",
                rf"{TeX(lo)} < {TeX(hi)},\ f({TeX(lo)}) \approx {_approx(f.subs(X, lo))} {'>' if want > 0 else '<'} f({TeX(hi)}) \approx {_approx(f.subs(X, hi))}",
                SignAt(w, -1), x=lo, x2=hi, check="interval arithmetic"))
    word = "≥ 0" if want > 0 else "≤ 0"
    rel = r"\ge" if want > 0 else r"\le"
    steps.append(Step(f"f′ {word} on {interval} with finitely many zeros, so f is strictly {claim.prop} there",
                      rf"f' {rel} 0 \text{{ with isolated zeros}} \Rightarrow f \text{{ strictly {claim.prop}}}",
                      EXACT + ": mean value theorem on each piece", StepKind.MONOTONICITY))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def _extreme_steps(cands: list, name: str) -> Step:
    desc = "; ".join(f"{c.why} x = {c.x}: {c.value}" for c in cands)
    tex = r",\ ".join((rf"f({TeX(c.x)}) = {TeX(c.value)}" if c.attained or c.why == "open end"
                       else rf"\lim_{{x\to {TeX(c.x)}}} f = {TeX(c.value)}") for c in cands)
    return Step(f"Candidates for the {name} (f is monotone between them): {desc}", tex,
                EXACT + ": critical points are exact roots of f′; values compared exactly", StepKind.EXTREME,
                (("candidates", tuple((c.x, c.value, c.attained) for c in cands)),))


def maxmin(claim: Claim) -> Outcome:
    f, interval, v = claim.expr, claim.option("on", REAL_LINE), claim.option("equals")
    at = claim.option("at")
    want = 1 if claim.prop == "maximum" else -1
    form = to_expform(f)
    if form.derivative().num.is_zero and not sign_chart_poles(form, interval):
        c = form.num.LC() / form.den.LC() if not form.num.is_zero else sp.Integer(0)
        p = at if at is not None and member(interval, at) else witness.sample_points(interval)[0]
        steps = [form_step(f, form), Step(f"f is the constant {c}", rf"f(x) = {TeX(c)}", EXACT + ": f′ is identically 0",
                                                    StepKind.CONSTANT, (("value", c),))]
        if exact.is_zero(sp.Rational(c) - v):
            inside = True if at is None else member(interval, at)
            if inside is None:
                raise Undecided(f"cannot decide whether {at} lies in {interval}")
            if not inside:
                return Outcome(Verdict.REFUTED, "constant function", tuple(steps), Counterexample(
                    f"x = {at} is outside {interval}", rf"{TeX(at)} \notin {interval.latex()}",
                    OutsideInterval(at, interval), check="exact"))
            return Outcome(Verdict.PROVED, "constant function", tuple(steps))
        return Outcome(Verdict.REFUTED, "constant function", tuple(steps),
                       _sign_ce(f, p, 1 if c > v else -1, f"≠ {v}", shift=v))
    dchart, cands = candidates(form, interval)
    steps = [form_step(f, form), *_chart_steps(dchart, "f'", interval), _extreme_steps(cands, claim.prop)]
    best = extreme(cands, want)
    method = "critical points and exact comparison"
    if best.attained_at is None:
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"the {'supremum' if want > 0 else 'infimum'} {best.value} is approached but never attained, so there is no {claim.prop}",
            rf"\{'sup' if want > 0 else 'inf'} f = {TeX(best.value)} \text{{ is not attained}}",
            NoExtreme(f, interval, want), check="exact: sign chart of f′"))
    digits = claim.option("digits")
    if digits is not None:
        return _rounded_extreme(claim, best, v, digits, want, steps, method)
    s = compare(best.value, v)
    if s is None:
        raise Undecided("cannot compare the extreme with the claim")
    if s != 0:
        if s * want > 0:  # the true extreme lies beyond the claim: a point shows it
            return Outcome(Verdict.REFUTED, method, tuple(steps),
                           _sign_ce(f, best.attained_at, want, f"{'>' if want > 0 else '<'} {v}", shift=v))
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"the {claim.prop} is {best.value} (at x = {best.attained_at}), not {v}",
            rf"\{'max' if want > 0 else 'min'} f = {TeX(best.value)} \neq {TeX(v)}",
            ExtremeIs(f, interval, want, best.value, v), check="exact comparison"))
    steps.append(Step(f"The {claim.prop} is {best.value}, attained at x = {best.attained_at}",
                      rf"\{'max' if want > 0 else 'min'}_{{{interval.latex()}}} f = f({TeX(best.attained_at)}) = {TeX(best.value)}",
                      EXACT, StepKind.CONCLUSION, (("value", best.value), ("at", best.attained_at))))
    if at is not None:
        inside = member(interval, at)
        if inside is None:
            raise Undecided(f"cannot decide whether {at} lies in {interval}")
        fa = to_exp(f).subs(X, at)
        if not inside or exact.is_zero(fa - v) is not True:
            if inside and exact.is_zero(fa - v) is None:
                raise Undecided("value at the given point not decided")
            w = fa - v
            if inside and numeric.sign(w) is None:
                raise Undecided("the sign of f(at) − equals is not certified")
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"the {claim.prop} is not attained at x = {at}" + ("" if inside else f" (outside {interval})"),
                rf"f({TeX(at)}) \neq {TeX(v)}", SignAt(w, numeric.sign(w) or 0) if inside else OutsideInterval(at, interval),
                x=at, check="exact" if not inside else "interval arithmetic"))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def _rounded_extreme(claim: Claim, best: Extreme, v: sp.Expr, digits: int, want: int, steps: list[Step],
                     method: str) -> Outcome:
    """The extreme (exact, attained) rounded to ``digits`` decimals is v; otherwise the extreme
    itself, beyond the rounding cell of v, refutes."""
    value, at = best.value, best.attained_at
    rounded, text = _rounded(value, digits, "could not certify the rounding of the extreme")
    steps.append(Step(f"The {claim.prop} {value} (at x = {at}) rounds to {text}", rf"{TeX(value)} \approx {text}",
                      "interval arithmetic: both ends of the enclosure round alike", StepKind.ROUNDING,
                      (("digits", digits), ("rounded", rounded))))
    want_q = Fraction(int(v.p), int(v.q))
    if rounded == want_q:
        if claim.option("at") is not None and compare(claim.option("at"), at) != 0:
            raise Undecided("the place of a rounded extreme is not decided here")
        return Outcome(Verdict.PROVED, "certified rounding of the exact extreme", tuple(steps))
    return Outcome(Verdict.REFUTED, "certified rounding of the exact extreme", tuple(steps), Counterexample(
        f"the {claim.prop} {value} rounds to {text}, not {numeric.decimal(want_q, digits)}",
        rf"{TeX(value)} \to {text} \neq {numeric.decimal(want_q, digits)}",
        RoundingCell(value, digits, rounded, want_q), x=at, check="interval arithmetic: outside the rounding cell"))


def image(claim: Claim) -> Outcome:
    f, j = claim.expr, claim.option("equals")
    form = to_expform(f)
    dchart, cands = candidates(form, REAL_LINE)
    steps = [form_step(f, form), *_chart_steps(dchart, "f'", REAL_LINE), _extreme_steps(cands, "extremes")]
    hi, lo = extreme(cands, 1), extreme(cands, -1)
    image = Interval(lo.value, hi.value, lo.attained_at is not None, hi.attained_at is not None)
    steps.append(Step(f"f is continuous on R, so its image is {image}",
                      rf"f(\mathbb{{R}}) = {image.latex()}", EXACT + ": intermediate value theorem", StepKind.IMAGE,
                      (("image", image),)))
    method = "critical points, limits and the intermediate value theorem"
    for ext, end, closed, want in ((hi, j.hi, j.hi_closed, 1), (lo, j.lo, j.lo_closed, -1)):
        s = compare(ext.value, end)
        if s is None:
            raise Undecided("cannot compare an end of the range")
        attained = ext.attained_at is not None
        if s * want > 0 or (s == 0 and attained and not closed):
            x = ext.attained_at
            if x is not None:
                ce = _sign_ce(f, x, want, f"lies outside {j}", shift=end) if s != 0 else \
                    _zero_ce(x, end, f"which lies outside {j}", ExactZero(f.subs(X, x) - end))
                return Outcome(Verdict.REFUTED, method, tuple(steps), ce)
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"values of f come arbitrarily close to {ext.value}, beyond the end {end}",
                rf"f \to {TeX(ext.value)} \notin {j.latex()}", ImageIs(f, image, j), check="exact: limits"))
        if s * want < 0 or (s == 0 and closed and not attained):
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"the value {end} is not attained: the image is {image}",
                rf"{TeX(end)} \notin f(\mathbb{{R}}) = {image.latex()}", ImageIs(f, image, j),
                check="exact: image computed above"))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def smooth(claim: Claim) -> Outcome:
    f, interval = claim.expr, claim.option("on", REAL_LINE)
    conditions = _smoothness_conditions(to_exp(f))
    log_args = {a.args[0] for a in to_exp(f).atoms(sp.log)}
    steps = []
    for u, kind in conditions:
        form = to_expform(u)
        chart = sign_chart(form, interval)
        bad_pole = chart.poles()
        if bad_pole:
            return Outcome(Verdict.REFUTED, "smoothness of the building blocks", tuple(steps), _undefined_ce(form, bad_pole[0]))
        method = "smoothness of the building blocks"
        zeros = chart.zeros()
        if zeros and (kind == "nonzero" or u in log_args):
            z = zeros[0]
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"f is not defined at x = {z.x}: {u} = 0 there", rf"{TeX(u)} = 0 \text{{ at }} x = {TeX(z.x)}",
                RootOfFactor(u, z.x, z.root.factor), x=z.x, check="exact: a root of the building block"))
        negative = [seg for seg in chart.segments if seg.sign < 0]
        if kind == "positive" and negative:
            p = negative[0].samples[0]
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"f is not real at x = {p}: {u} < 0 there", rf"{TeX(u)} < 0 \text{{ at }} x = {TeX(p)}",
                Undefined(p, u.subs(X, p), -1), x=p, check="interval arithmetic"))
        if zeros:
            raise Undecided(f"{u} vanishes at x = {zeros[0].x}; smoothness there is not decided")
        rel = "> 0" if kind == "positive" else r"\neq 0"
        steps.append(Step(f"{u} is {kind} on {interval}", rf"{TeX(u)} {rel}",
                          EXACT + ": sign chart", StepKind.CONDITION, (("condition", u), ("kind", kind))))
    steps.append(Step(f"f is built from exp, rational operations and functions smooth where their arguments are, "
                      f"so f is C^∞ on {interval}", rf"f \in C^\infty\left({interval.latex()}\right)",
                      EXACT + ": composition of smooth functions", StepKind.SMOOTHNESS))
    return Outcome(Verdict.PROVED, "smoothness of the building blocks", tuple(steps))


def _smoothness_conditions(e: sp.Expr) -> list[tuple[sp.Expr, str]]:
    """Side conditions under which e is smooth: denominators nonzero, log/sqrt arguments positive."""
    out: list[tuple[sp.Expr, str]] = []
    for node in sp.preorder_traversal(e):
        if node.is_Pow:
            base, ex = node.args
            if base is sp.E:
                continue
            if ex.is_Integer and ex < 0:
                out.append((base, "nonzero"))
            elif ex.is_Rational and not ex.is_Integer:
                out.append((base, "positive"))
            elif not ex.is_Integer:
                raise OutsideClass("non-rational power")
        elif isinstance(node, sp.log):
            out.append((node.args[0], "positive"))
        elif isinstance(node, sp.Function) and not isinstance(node, sp.exp):
            raise OutsideClass(f"{node.func} in a smoothness claim")
    seen, unique = set(), []
    for item in out:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    return unique


def stirling(claim: Claim) -> Outcome:
    """f^{(n)} = L k^n Σ_j (−1)^j j! S(n+1, j+1) (f/L)^{j+1} for every n ≥ 0 (logistic family)."""
    from . import higher
    f = claim.expr
    ode = higher.ode_polynomial(f)
    shape = higher.logistic_shape(ode) if ode is not None else None
    if shape is None:
        raise OutsideClass("f′ is not of the form k·f·(1 − f/L)")
    k, big_l = shape
    rel = higher.pretty(higher.relation(f, 1))
    steps = [Step(f"f′ = {rel}, found by eliminating t", rf"f' = {TeX(higher.pretty_expr(higher.relation(f, 1)))}",
                  EXACT + ": resultant, verified by substitution", StepKind.SELF_REFERENCE,
                  (("relation", higher.relation(f, 1)),))]
    proof = higher.stirling_induction()
    if not proof.checked:
        raise InternalError("the Stirling induction step did not check")
    steps.append(Step("Base case n = 0", proof.base, EXACT, StepKind.BASE_CASE))
    for line in proof.step:
        steps.append(Step("Induction step", line, EXACT + ": SymPy algebra on symbolic n, j; Stirling recurrence checked",
                          StepKind.INDUCTION_STEP))
    if not higher.agrees_in_t(f, ode, range(1, 5)):
        raise InternalError("closed form disagrees with a derivative of the definition")
    steps.append(Step("The closed form agrees with the derivatives of the definition for n = 1..4",
                      r"f^{(n)} = L k^{n}\sum_{j=0}^{n}(-1)^j j!\,S(n+1,j+1)\,(f/L)^{j+1}",
                      EXACT + ": formal identity for each n", StepKind.CHECK))
    return Outcome(Verdict.PROVED, "induction on n (Stirling recurrence)", tuple(steps))


def second_derivative_claim(claim: Claim) -> Claim:
    """convex / concave on I is the sign claim f″ ≥ 0 / f″ ≤ 0 on I (design.md's definition)."""
    from dataclasses import replace

    prop = "nonnegative" if claim.prop == "convex" else "nonpositive"
    return replace(claim, expr=sp.diff(claim.expr, X, 2), prop=prop, source=f"diff({claim.source}, x, 2)")


def convexity(claim: Claim) -> Outcome:
    """The sign chart of f″ on the interval (f is C² where it is defined in the class)."""
    outcome = sign(second_derivative_claim(claim))
    word, rel = ("≥", r"\ge") if claim.prop == "convex" else ("≤", r"\le")
    steps = (Step(f"f is {claim.prop} on the interval exactly when f″ {word} 0 there", rf"f'' {rel} 0",
                  EXACT + ": the definition", StepKind.DERIVATIVE), *outcome.steps)
    return Outcome(outcome.verdict, "sign chart of f″", steps, outcome.counterexample)


def _extremes_of(f: sp.Expr, interval: Interval) -> tuple[Chart, Extreme, Extreme]:
    form = to_expform(f)
    dchart, cands = candidates(form, interval)
    return dchart, extreme(cands, 1), extreme(cands, -1)


def bounded(claim: Claim) -> Outcome:
    """|f| ≤ B on the interval: the supremum and infimum (critical values and limits, compared
    exactly) lie in [−B, B]. When the bound is broken at a point, that point refutes."""
    f, b = claim.expr, cast(sp.Expr, claim.option("equals"))
    interval = cast(Interval, claim.option("on", REAL_LINE))
    dchart, hi, lo = _extremes_of(f, interval)
    steps = [*_chart_steps(dchart, "f'", interval)]
    method = "critical points, limits and exact comparison"
    for ext, bound, want in ((hi, b, 1), (lo, -b, -1)):
        s = compare(ext.value, bound)
        if s is None:
            raise Undecided("cannot compare an extreme value with the bound")
        if s * want > 0:
            if ext.attained_at is None:
                raise Undecided("the bound is exceeded only in the limit; left to the point search")
            return Outcome(Verdict.REFUTED, method, tuple(steps),
                           _sign_ce(f, ext.attained_at, want, f"{'>' if want > 0 else '<'} {bound}", shift=bound))
    steps.append(Step(f"sup f = {hi.value} ≤ {b} and inf f = {lo.value} ≥ {-b}, so |f| ≤ {b} on {interval}",
                      rf"{TeX(-b)} \le {TeX(lo.value)} \le f(x) \le {TeX(hi.value)} \le {TeX(b)}",
                      EXACT + ": critical points are exact roots of f′; values compared exactly", StepKind.CONCLUSION,
                      (("sup", hi.value), ("inf", lo.value))))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def derivative_claim(claim: Claim, prop: str) -> Claim:
    """lipschitz with L on I is the claim |f′| ≤ L on I (design.md's definition)."""
    from dataclasses import replace

    return replace(claim, expr=sp.diff(claim.expr, X), prop=prop, source=f"diff({claim.source}, x)")


def lipschitz(claim: Claim) -> Outcome:
    """sup |f′| ≤ L: the claim bounded for f′ (f is differentiable where it is defined here)."""
    return lipschitz_outcome(bounded(derivative_claim(claim, "bounded")))


def lipschitz_outcome(outcome: Outcome) -> Outcome:
    """The outcome of |f′| ≤ L, told as a Lipschitz bound of f (the counterexample is about f′)."""
    from dataclasses import replace

    ce = outcome.counterexample
    if ce is not None:
        ce = replace(ce, statement=f"for f′: {ce.statement}", latex=ce.latex.replace("f(", "f'(", 1))
    steps = (Step("f is L-Lipschitz on the interval when |f′| ≤ L there (mean value theorem)",
                  r"|f(a) - f(b)| \le \sup|f'|\,|a - b|", EXACT + ": the definition", StepKind.DERIVATIVE),
             *outcome.steps)
    return Outcome(outcome.verdict, "bound of |f′|: " + outcome.method, steps, ce)


def inflection(claim: Claim) -> Outcome:
    """f″ changes sign at a: a is a zero of f″ in its exact sign chart with different signs on
    the two pieces beside it; f″(a) ≠ 0 (certified) refutes."""
    f, a = claim.expr, claim.option("at")
    f2 = sp.diff(f, X, 2)
    form = to_expform(f2)
    chart = sign_chart(form, REAL_LINE)
    steps = [form_step(f2, form, lhs="f''(x)"), *_chart_steps(chart, "f''", REAL_LINE)]
    method = "sign chart of f″"
    for k, mark in enumerate(chart.marks):
        if compare(mark.x, a) != 0:
            continue
        if mark.kind != "zero":
            raise Undecided("f″ is undefined at the point")
        before, after = chart.segments[k].sign, chart.segments[k + 1].sign
        if before != after:
            steps.append(Step(f"f″({a}) = 0 and f″ changes sign there", rf"f''({TeX(a)}) = 0",
                              EXACT + ": the pieces on either side have opposite signs", StepKind.CONCLUSION))
            return Outcome(Verdict.PROVED, method, tuple(steps))
        q1, q2 = chart.segments[k].samples[-1], chart.segments[k + 1].samples[0]
        w = f2.subs(X, q1) * f2.subs(X, q2)
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"f″ has the same sign on both sides of x = {a}", rf"f''({TeX(q1)})\,f''({TeX(q2)}) > 0",
            SignAt(w, 1), x=q1, x2=q2, check="interval arithmetic"))
    return Outcome(Verdict.REFUTED, method, tuple(steps), refuters.second_derivative_nonzero(to_exp(f2).subs(X, a), a))
