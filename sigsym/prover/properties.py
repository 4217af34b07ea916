"""The `prove` entry point: options checked against the property's spec, the domain pre-check,
the spec's decision procedure, the refuter as the fallback, and the kernel's re-check.

Outside the decidable class the fallback is a certified numeric counterexample search: it may
refute, it never proves.
"""

from __future__ import annotations

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..engine import domain
from ..engine.algebraic import compare, member
from ..engine.budget import BudgetExceeded, OuterBudgetExceeded, budget, seconds
from ..engine.signchart import (
    Undecided,
)
from ..errors import OptionError, OutsideClass
from ..functions import X
from ..language.parse import (
    REAL_LINE,
    Interval,
)
from . import witness
from .evidence import (
    ExactZero,
    ImageIs,
    OutsideInterval,
    Undefined,
    of_sign,
)
from .kernel import Claim, Counterexample, Outcome, Proof, Step, StepKind, Verdict, conclude
from .signs import SIGNS
from .specs import SPECS, PropertySpec
from .values import as_expr, as_function, convert

EXACT = "exact"
TeX = sp.latex
PROPERTIES: dict[str, PropertySpec] = SPECS
__all__ = ["PROPERTIES", "as_expr", "as_function", "decide", "normalize_options", "prove"]


def normalize_options(prop: str, options: dict[str, object],
                      expand: bool = True) -> tuple[tuple[str, object], ...]:
    """Check and convert the options of a property by its spec (``expand=False``: validate only)."""
    spec = SPECS.get(prop)
    if spec is None:
        raise OptionError(f"unknown property {prop!r}; known: {', '.join(SPECS)}")
    given = {k: v for k, v in options.items() if v is not None}
    for k in given:
        if spec.option(k) is None:
            allowed = ", ".join(o.name for o in spec.options) or "no options"
            raise OptionError(f"property {prop!r} does not take option {k!r} (it takes {allowed})")
    for k in spec.required:
        if k not in given:
            raise OptionError(f"property {prop!r} needs option {k!r}")
    out = {k: convert(spec.option(k).kind, v, k, expand) for k, v in given.items()}  # type: ignore[union-attr]
    spec.validate(out)
    return tuple(sorted(out.items()))


# ---------------------------------------------------------------- entry point

def cross_check(claim: Claim) -> Counterexample | None:
    """The property's refuter, run on a proved claim: a hit is an engine bug."""
    return SPECS[claim.prop].refuter(claim)


def decide(claim: Claim) -> Outcome:
    """Check where f is defined, run the property's procedure; fall back to a numeric search."""
    try:
        undefined = _domain_outcome(claim)
        if undefined is not None:
            return undefined
        if not claim.expr.has(X) and SPECS[claim.prop].about_constants:
            return _constant_claim(claim)
        return SPECS[claim.prop].procedure(claim)
    except OutsideClass as exc:
        reason = f"outside the decidable class ({exc})"
        beyond = _exponential_polynomials(claim)
        if beyond is not None:
            return beyond
    except Undecided as exc:
        reason = f"not decided ({exc})"
    except (BasePolynomialError, NotImplementedError, RecursionError) as exc:
        # SymPy gave up on an algebraic step (a minimal polynomial, a factorisation): no verdict
        reason = f"not decided (the algebra did not finish: {type(exc).__name__})"
    ce = SPECS[claim.prop].refuter(claim)
    if ce is not None:
        return Outcome(Verdict.REFUTED, "certified numeric counterexample", (), ce)
    return Outcome(Verdict.UNKNOWN, reason, (Step(f"No proof: {reason}; no counterexample found at sample points",
                                                  r"\text{undecided}", "none", StepKind.UNDECIDED),))


def _exponential_polynomials(claim: Claim) -> Outcome | None:
    """The second class: quotients of exponential polynomials (bare x allowed), then logs and
    compositions through calculus (``calculus``), when the claim is one they decide; None when
    they do not apply or do not decide."""
    from . import calculus, xclass

    for table in (xclass.PROCEDURES, calculus.PROCEDURES):
        procedure = table.get(claim.prop)
        if procedure is None:
            continue
        try:
            return procedure(claim)
        except (OutsideClass, Undecided, BasePolynomialError):
            continue
    return None


def _undefined(v: domain.Violation, method: str = "domain of f") -> Outcome:
    ce = Counterexample(v.statement(), rf"f({TeX(v.x)}) \text{{ is undefined}}", Undefined(v.x, v.witness, v.expect),
                        x=v.x, check="exact: a condition of the domain fails" if v.expect == 0
                        else "interval arithmetic: a condition of the domain fails")
    return Outcome(Verdict.REFUTED, method, (), ce)


def _domain_outcome(claim: Claim) -> Outcome | None:
    """Refuted when f is undefined where the claim needs it; None when f is defined there.

    Raises Undecided when that cannot be settled (then the claim is unknown unless a numeric
    counterexample is found at a point where f is defined).
    """
    conds = claim.domain
    prop = claim.prop
    if SPECS[prop].on_interval:
        v = domain.violation_on(conds, claim.option("on", REAL_LINE))
        if v is not None and prop in ("maximum", "minimum"):
            # the greatest value "on I" of a function undefined at points of I is not decided here
            raise Undecided(f"f is not defined at x = {v.x}, a point of the interval")
        return None if v is None else _undefined(v)
    if prop == "value":
        v = domain.violation_at(conds, claim.option("at"))
        return None if v is None else _undefined(v)
    if prop == "identity":
        for mine, other, side in ((conds, claim.other_domain, "left"), (claim.other_domain, conds, "right")):
            v = domain.differs(mine, other)
            if v is not None:
                ce = Counterexample(f"the {side} side is undefined at x = {v.x} and the other is not",
                                    rf"\text{{the {side} side is undefined at }} x = {TeX(v.x)}",
                                    Undefined(v.x, v.witness, v.expect), x=v.x, check="exact: domains differ")
                return Outcome(Verdict.REFUTED, "domain comparison", (), ce)
        return None
    if prop in ("even", "odd"):
        v = domain.asymmetric(conds)
        if v is None:
            return None
        ce = Counterexample(f"f is defined at x = {-v.x} but not at x = {v.x}",
                            rf"f({TeX(-v.x)}) \text{{ is defined, }} f({TeX(v.x)}) \text{{ is not}}",
                            Undefined(v.x, v.witness, v.expect), x=v.x, check="exact: the domain is not symmetric")
        return Outcome(Verdict.REFUTED, "domain of f", (), ce)
    if prop == "limit" and claim.option("at") in (sp.oo, -sp.oo):
        if domain.defined_near_infinity(conds, claim.option("at") == sp.oo):
            return None  # holes elsewhere do not matter for a limit at ±∞
        raise Undecided("f is not defined on a whole half-line towards the limit point")
    if conds and domain.violation_on(conds) is not None:
        raise Undecided("f is not defined on the whole line")  # range, limits at points: not decided here
    return None


def _constant_claim(claim: Claim) -> Outcome:
    """f is a real constant c (π, e − 2, log 3, …): every property is a comparison of c.

    Signs are certified by interval arithmetic or settled by the exact zero test.
    """
    c, prop = claim.expr, claim.prop
    steps = [Step(f"f is the constant {c}", rf"f(x) = {TeX(c)}", EXACT + ": f does not depend on x",
                  StepKind.CONSTANT, (("value", c),))]
    method = "constant function"
    interval = claim.option("on", REAL_LINE)

    def at_point() -> sp.Expr:
        at = claim.option("at")
        return at if at is not None and member(interval, at) else witness.sample_points(interval)[0]

    def sign_ce(x: sp.Expr, w: sp.Expr, s: int, text: str) -> Outcome:
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            text, rf"f({TeX(x)}) = {TeX(c)}", of_sign(w, s), x=x,
            check="exact zero test" if s == 0 else "interval arithmetic"))

    if prop in SIGNS:
        s = compare(c, sp.Integer(0))
        if s is None:
            raise Undecided(f"the sign of {c} is not decided")
        allowed, zeros_ok = SIGNS[prop].allowed, SIGNS[prop].zeros_ok
        if (s == 0 and zeros_ok) or s in allowed:
            return Outcome(Verdict.PROVED, method, tuple(steps))
        p = at_point()
        return sign_ce(p, c, s, f"f({p}) = {c}" + (" = 0" if s == 0 else f" {'<' if s < 0 else '>'} 0"))
    if prop in ("increasing", "decreasing"):
        a, b = witness.sample_points(interval)[:2]
        lo, hi = min(a, b), max(a, b)
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"f is constant: f({lo}) = f({hi})", rf"f({TeX(lo)}) = f({TeX(hi)})",
            ExactZero(c.subs(X, lo) - c.subs(X, hi)), x=lo, x2=hi, check="exact zero test"))
    if prop in ("even", "smooth"):
        return Outcome(Verdict.PROVED, method, tuple(steps))
    if prop == "odd":
        s = compare(c, sp.Integer(0))
        if s is None:
            raise Undecided(f"whether {c} is zero is not decided")
        if s == 0:
            return Outcome(Verdict.PROVED, method, tuple(steps))
        return sign_ce(sp.Integer(0), 2 * c, s, f"f(0) = {c} ≠ 0, so f(−0) ≠ −f(0)")
    if prop in ("maximum", "minimum", "limit"):
        v = claim.option("equals")
        s = compare(c, v)
        if s is None:
            raise Undecided(f"cannot compare {c} with {v}")
        at = claim.option("at")
        if s == 0:
            if prop != "limit" and at is not None:
                inside = member(interval, at)
                if inside is None:
                    raise Undecided(f"cannot decide whether {at} lies in {interval}")
                if not inside:
                    return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                        f"x = {at} is outside {interval}", rf"{TeX(at)} \notin {interval.latex()}",
                        OutsideInterval(at, interval), check="exact"))
            return Outcome(Verdict.PROVED, method, tuple(steps))
        p = at if prop == "limit" or at is None else at_point()
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"f = {c} everywhere, not {v}", rf"f = {TeX(c)} \neq {TeX(v)}",
            of_sign(c - v, s), x=None if prop == "limit" else p, check="interval arithmetic"))
    if prop == "range":
        j: Interval = claim.option("equals")
        ends = compare(j.lo, c), compare(j.hi, c)
        if None in ends:
            raise Undecided(f"cannot compare {c} with the ends of {j}")
        if j.lo_closed and j.hi_closed and ends == (0, 0):
            return Outcome(Verdict.PROVED, method, tuple(steps))
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"the image of R is the single value {c}, not {j}", rf"f(\mathbb{{R}}) = \{{{TeX(c)}\}}",
            ImageIs(c, Interval(c, c, True, True), j), check="exact: f is constant"))
    raise Undecided(f"{prop} of a constant")


def _unknown_budget(claim: Claim, limit: float) -> Proof:
    reason = f"time budget of {limit:g} s exhausted"
    return conclude(claim, Outcome(Verdict.UNKNOWN, reason, (Step(f"No verdict: {reason}", r"\text{undecided}", "none", StepKind.UNDECIDED),)),
                    cross_check)


def prove(expr: object, prop: str, **options: object) -> Proof:
    """Decide ``prop`` of ``expr``: proved, refuted with a checked counterexample, or unknown.

    Parsing (with every ``diff``), the decision and its re-checks run under one time budget
    (``SIGSYM_TIME_BUDGET`` seconds, default 30); when it runs out the verdict is ``unknown``.
    """
    limit = seconds()
    source = expr if isinstance(expr, str) else str(expr)
    claim = Claim(sp.nan, prop, (), source)
    try:
        with budget(limit):
            parsed = as_function(expr)
            opts = normalize_options(prop, options)
            other = as_function(options["equals"]).domain if prop == "identity" else ()
            claim = Claim(parsed.expr, prop, opts, source, parsed.domain, other)
            return conclude(claim, decide(claim), cross_check)
    except OuterBudgetExceeded:
        raise  # a budget around this call ran out: its owner answers
    except BudgetExceeded:
        return _unknown_budget(claim, limit)
