"""Claims about f = N(x)/D(x) with N, D exponential polynomials (x², (x − 1)², x·e^{−x}, SiLU).

When f is not a rational function of one exponential (bare x appears), ``f = N/D`` is read with
``engine.exppoly``: N and D are sums of p(x)·e^{λx}. If D has no real root on the interval it
keeps one sign there, so the sign of f is the sign chart of N times that sign; f′ = (N′D − ND′)/D²
has the sign of M = N′D − ND′. Roots come from the certified Rolle–Pólya isolation (exact at
rational points, a multiple root at an irrational point is ``Unresolved`` and gives no verdict),
signs between them from an exact sign test at a rational point. Limits at ±∞ compare the
dominant terms of N and D.

Interval ends may be irrational numbers in closed form (log 2, √2, −1 − W₀(1/e)): the chart is
made on a rational interval around them, and each root near an end is placed exactly — on the
end when it is a root there (an exact zero test: for W₀ by its identity W·e^W = u) and inside
the isolating interval, otherwise on one side of it by certified comparisons.

Extremes: the candidates are the ends (values or limits) and the critical points where f′
changes sign; a critical point at an irrational place is known by its isolating interval, and
its value by an enclosure of f over it, tightened as the interval is refined. Its exact value is
known when the point has a closed form that can be checked: a root of a polynomial, or the root
x = −b/a − W₀(z)/k of a·x + b + c·e^{kx} (``engine.lambert``), checked by an exact zero test of
M there and by lying in the isolating interval (where M has one root).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, cast

import sympy as sp
from mpmath import iv

from ..engine import exact, exppoly, lambert, numeric
from ..engine.signchart import Undecided, simplest_between
from ..errors import OutsideClass
from ..functions import X, to_exp
from ..language.parse import REAL_LINE, Interval
from . import refuters
from .evidence import ExactZero, ExtremeIs, RoundingCell, SignAt
from .kernel import Claim, Counterexample, Outcome, Step, StepKind, Verdict
from .signs import SIGNS

TeX = sp.latex
METHOD = "exponential polynomials (certified root isolation)"
MAX_REFINE = 200


def _parts(f: sp.Expr) -> tuple[exppoly.ExpPoly, exppoly.ExpPoly]:
    num, den = sp.fraction(sp.together(to_exp(f)))
    try:
        n, d = exppoly.from_sympy(num, X), exppoly.from_sympy(den, X)
    except (OutsideClass, ValueError, TypeError) as exc:
        raise OutsideClass(f"not a quotient of exponential polynomials ({exc})") from None
    if n.is_zero or d.is_zero:
        raise OutsideClass("a zero numerator or denominator")
    return n, d


def _on(claim: Claim) -> Interval:
    """The claim's interval (default: the real line), typed."""
    return cast(Interval, claim.option("on", REAL_LINE))


def _opt(claim: Claim, name: str) -> Any:
    """An option's exact value (a SymPy number, an Interval or an int), as the spec made it."""
    return claim.option(name)


def _q(v: Fraction) -> sp.Rational:
    return sp.Rational(v.numerator, v.denominator)


def _fr(v: sp.Rational) -> Fraction:
    return Fraction(int(v.p), int(v.q))


# ---------------------------------------------------------------- ends that are not rational

def _bracket(e: sp.Expr, bits: int = 80) -> tuple[Fraction, Fraction]:
    """Rationals p < e < q (certified)."""
    for b in (bits, 2 * bits, 4 * bits, 8 * bits):
        enc = numeric.enclose(e, bits=b)
        ends = None if enc is None else numeric.exact_ends(enc)
        if ends is not None:
            w = ends[1] - ends[0] or Fraction(1, 2**b)
            return ends[0] - w, ends[1] + w
    raise Undecided(f"cannot enclose the interval end {e}")


def _side(e: sp.Expr, q: Fraction) -> int | None:
    """sign(q − e), certified; None when not separated."""
    return numeric.sign(_q(q) - e)


def _place(F: exppoly.ExpPoly, r: exppoly.Root, e: sp.Expr) -> int:
    """Where the root r lies relative to e: −1 left of it, 0 exactly at it, 1 right of it."""
    at_e: bool | None = None
    for _ in range(MAX_REFINE):
        if r.exact:
            s = numeric.sign(_q(r.lo) - e)
            if s is not None:
                return s
            if exact.is_zero(_q(r.lo) - e) is True:
                return 0
            break  # a rational root not separated from an irrational end: not decided
        if _side(e, r.hi) == -1 or (_side(e, r.hi) == 0):
            return -1
        if _side(e, r.lo) == 1:
            return 1
        if _side(e, r.lo) == -1 and _side(e, r.hi) == 1:  # e strictly inside the isolating interval
            if at_e is None:
                at_e = exact.is_zero(to_exp(F.to_sympy(X)).subs(X, e)) is True
            if at_e:
                return 0
        r.refine()
    raise Undecided(f"cannot place a root relative to the interval end {e}")


@dataclass(frozen=True)
class Chart:
    """Roots of F strictly inside the interval, the sign on each open piece between them (with a
    rational sample inside the interval), and the sign of F at each end (0: a root at a finite
    end; the eventual sign at ±∞)."""

    roots: tuple[exppoly.Root, ...]
    signs: tuple[int, ...]
    samples: tuple[Fraction, ...]
    lo_sign: int
    hi_sign: int


def _end(e: sp.Expr, inf: sp.Expr) -> tuple[Fraction | None, bool]:
    """A rational (or None for ±∞) bound of the wide interval, and whether e is exact there."""
    if e == inf:
        return None, True
    if e.is_Rational:
        return _fr(e), True
    p, q = _bracket(e)
    return (p if inf == -sp.oo else q), False


def _between(a: Fraction | sp.Expr | None, b: Fraction | sp.Expr | None) -> Fraction:
    """A rational strictly between a and b (rationals, irrational constants, or None for ±∞)."""
    def rat(v: Fraction | sp.Expr | None, upper: bool) -> Fraction | None:
        if v is None or isinstance(v, Fraction):
            return v
        p, q = _bracket(v)
        return q if upper else p
    lo, hi = rat(a, True), rat(b, False)
    if lo is not None and hi is not None and not lo < hi:
        for bits in (160, 320, 640, 1280):
            lo2 = rat(a, True) if isinstance(a, Fraction | type(None)) else _bracket(a, bits)[1]
            hi2 = rat(b, False) if isinstance(b, Fraction | type(None)) else _bracket(b, bits)[0]
            if lo2 is not None and hi2 is not None and lo2 < hi2:
                lo, hi = lo2, hi2
                break
        else:
            raise Undecided("could not separate a sample point from an interval end")
    return simplest_between(lo, hi)


def chart(F: exppoly.ExpPoly, interval: Interval) -> Chart:
    """The sign chart of F on the interval (ends rational, infinite, or irrational constants)."""
    lo, lo_exact = _end(interval.lo, -sp.oo)
    hi, hi_exact = _end(interval.hi, sp.oo)
    try:
        wide = exppoly.sign_chart(F, lo, hi)
    except exppoly.Unresolved as exc:
        raise Undecided(f"roots not resolved ({exc})") from None
    pos_lo = [1 if lo_exact else _place(F, r, interval.lo) for r in wide.roots]
    pos_hi = [-1 if hi_exact else _place(F, r, interval.hi) for r in wide.roots]
    keep = [i for i in range(len(wide.roots)) if pos_lo[i] > 0 and pos_hi[i] < 0]
    if lo_exact:
        lo_sign = wide.lo_sign
    else:
        lo_sign = 0 if 0 in pos_lo else wide.signs[sum(1 for p in pos_lo if p < 0)]
    if hi_exact:
        hi_sign = wide.hi_sign
    else:
        hi_sign = 0 if 0 in pos_hi else wide.signs[sum(1 for p in pos_hi if p < 0)]
    roots = tuple(wide.roots[i] for i in keep)
    first = sum(1 for p in pos_lo if p <= 0)  # the wide piece just right of the left end
    signs = tuple(wide.signs[first:first + len(roots) + 1])
    points: list[Fraction | sp.Expr | None] = [None if interval.lo == -sp.oo else interval.lo]
    for r in roots:
        points += [r.lo, r.hi]
    points.append(None if interval.hi == sp.oo else interval.hi)
    samples = []
    for k in range(len(roots) + 1):
        a, b = points[2 * k], points[2 * k + 1]
        a = _fr(a) if isinstance(a, sp.Expr) and a.is_Rational else a
        b = _fr(b) if isinstance(b, sp.Expr) and b.is_Rational else b
        q = _between(a, b)
        if F.sign_at(q) != signs[k]:
            raise Undecided("a sample point disagrees with the chart")
        samples.append(q)
    return Chart(roots, signs, tuple(samples), lo_sign, hi_sign)


def _inside(interval: Interval, q: Fraction) -> bool:
    """Whether a rational lies in the interval (certified for irrational ends)."""
    for end, closed, side in ((interval.lo, interval.lo_closed, 1), (interval.hi, interval.hi_closed, -1)):
        if end in (sp.oo, -sp.oo):
            continue
        s = numeric.sign((_q(q) - end) * side) if not end.is_Rational else (int(bool(_q(q) > end)) - int(bool(_q(q) < end))) * side
        if s is None or s < 0 or (s == 0 and not closed):
            return False
    return True


def _den_sign(d: exppoly.ExpPoly, interval: Interval) -> int:
    c = chart(d, interval)
    at_ends = [s for s, e, closed in ((c.lo_sign, interval.lo, interval.lo_closed),
                                      (c.hi_sign, interval.hi, interval.hi_closed))
               if e not in (sp.oo, -sp.oo) and closed]
    if c.roots or 0 in at_ends or len(set(c.signs)) != 1:
        raise Undecided("the denominator vanishes on the interval")
    return c.signs[0]


# ---------------------------------------------------------------- signs and monotonicity

def _at(f: sp.Expr, x: sp.Expr) -> sp.Expr:
    return f.subs(X, x)


def sign(claim: Claim) -> Outcome:
    f, interval = claim.expr, _on(claim)
    n, d = _parts(f)
    sd = _den_sign(d, interval)
    c = chart(n, interval)
    rule = SIGNS[claim.prop]
    steps = [Step(f"f = N/D with N = {n.to_sympy(X)}, D = {d.to_sympy(X)}; D keeps the sign {sd:+d} on {interval}",
                  rf"f(x) = \frac{{{TeX(n.to_sympy(X))}}}{{{TeX(d.to_sympy(X))}}}", "exact", StepKind.SUBSTITUTION)]
    for q, s in zip(c.samples, c.signs, strict=True):
        if s * sd not in rule.allowed:
            fx = _at(f, _q(q))
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f({_q(q)}) {'<' if s * sd < 0 else '>'} 0", rf"f({TeX(_q(q))}) {'<' if s * sd < 0 else '>'} 0",
                SignAt(fx, s * sd), x=_q(q), check="interval arithmetic"))
    for end, s, closed in ((interval.lo, c.lo_sign, interval.lo_closed), (interval.hi, c.hi_sign, interval.hi_closed)):
        if end not in (sp.oo, -sp.oo) and closed and s * sd not in rule.allowed and not (s == 0 and rule.zeros_ok):
            fx = _at(f, end)
            ev = ExactZero(fx) if s == 0 else SignAt(fx, s * sd)
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f({end}) has the wrong sign", rf"f({TeX(end)})", ev, x=end, check="exact"))
    if c.roots and not rule.zeros_ok:
        exact_roots = [r for r in c.roots if r.exact]
        if exact_roots:
            z = _q(exact_roots[0].lo)
            return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                f"f({z}) = 0", rf"f({TeX(z)}) = 0", ExactZero(_at(f, z)), x=z, check="exact zero test"))
        r = c.roots[0]
        if r.crossing:
            closed_form = _closed_form(n, r)
            if closed_form is not None:
                return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                    f"f({closed_form}) = 0", rf"f({TeX(closed_form)}) = 0", ExactZero(_at(f, closed_form)),
                    x=closed_form, check="exact zero test"))
            for _ in range(MAX_REFINE):
                if _inside(interval, r.lo) and _inside(interval, r.hi):
                    break
                r.refine()
            lo_q, hi_q = _q(r.lo), _q(r.hi)
            w = _at(f, lo_q) * _at(f, hi_q)
            if _inside(interval, r.lo) and _inside(interval, r.hi) and numeric.sign(w) == -1:
                return Outcome(Verdict.REFUTED, METHOD, tuple(steps), Counterexample(
                    f"f changes sign between {lo_q} and {hi_q}, so it vanishes there (intermediate value theorem)",
                    rf"f({TeX(lo_q)})\,f({TeX(hi_q)}) < 0", SignAt(w, -1), x=lo_q, x2=hi_q,
                    check="interval arithmetic"))
        raise Undecided("a zero of f at an irrational point where f keeps its sign")
    steps.append(Step(f"N has {len(c.roots)} root(s) on {interval}, isolated exactly; the sign of f on each piece is "
                      "the sign of N at a rational point times that of D", r"\text{sign chart of } N",
                      "exact", StepKind.SIGN_CHART))
    return Outcome(Verdict.PROVED, METHOD, tuple(steps))


def _derivative_parts(f: sp.Expr, interval: Interval) -> tuple[exppoly.ExpPoly, exppoly.ExpPoly, exppoly.ExpPoly]:
    n, d = _parts(f)
    _den_sign(d, interval)
    m = n.derivative() * d - n * d.derivative()
    return n, d, m


def monotone(claim: Claim) -> Outcome:
    f, interval = claim.expr, _on(claim)
    want = 1 if claim.prop == "increasing" else -1
    _n, _d, m = _derivative_parts(f, interval)
    if m.is_zero:
        raise Undecided("f′ is identically zero")
    c = chart(m, interval)
    steps = [Step(f"f′ = M/D² with M = N′D − ND′ = {m.to_sympy(X)}", rf"f'(x) = \frac{{{TeX(m.to_sympy(X))}}}{{D^2}}",
                  "exact", StepKind.DERIVATIVE)]
    for q, s in zip(c.samples, c.signs, strict=True):
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
    at, v = _opt(claim, "at"), _opt(claim, "equals")
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


# ---------------------------------------------------------------- closed forms of roots

def _closed_form(m: exppoly.ExpPoly, r: exppoly.Root) -> sp.Expr | None:
    """The root r of m in closed form when one is found and checked (see the module text)."""
    r.try_rational()
    if r.exact:
        return _q(r.lo)
    cands: list[sp.Expr] = []
    if len(m.terms) == 1:
        (_lam, p), = m.terms
        poly = sp.Poly([_q(c) for c in reversed(p)], X)
        for factor, _mult in poly.factor_list()[1]:
            if factor.degree() <= 2:
                cands += [v for v in sp.roots(factor, X) if v.is_real]
    elif len(m.terms) == 2:
        (l1, p1), (l2, p2) = m.terms
        for (la, pa), (lb, pb) in (((l1, p1), (l2, p2)), ((l2, p2), (l1, p1))):
            if len(pa) <= 2 and len(pb) == 1 and len(pa) == 2:  # (a·x + b)e^{la·x} + c·e^{lb·x}
                w = lambert.linear_exp_root(pa[1], pa[0], pb[0], lb - la)
                if w is not None:
                    cands.append(w)
    for cand in cands:
        inside = numeric.sign(cand - _q(r.lo)) == 1 and numeric.sign(_q(r.hi) - cand) == 1
        if inside and exact.is_zero(to_exp(m.to_sympy(X)).subs(X, cand)) is True:
            return cand
    return None


# ---------------------------------------------------------------- extremes

@dataclass
class Candidate:
    """A candidate for the greatest / least value: at an end, a limit, or at a critical point
    (``root``, its exact place ``x`` when known); ``value`` exact when known."""

    why: str  # "closed end", "open end", "limit", "critical point"
    x: sp.Expr | None
    value: sp.Expr | None
    attained: bool
    root: exppoly.Root | None = None


def _value_enclosure(f: sp.Expr, c: Candidate, bits: int) -> tuple[Fraction, Fraction] | None:
    if c.value is not None:
        if c.value in (sp.oo, -sp.oo):
            return None
        enc = numeric.enclose(c.value, bits=bits)
    else:
        assert c.root is not None
        with numeric._Prec(bits):
            try:
                fn = numeric.compile_iv(to_exp(f))
                left, right = numeric._rational(_q(c.root.lo)), numeric._rational(_q(c.root.hi))
                xs = iv.mpf([left.a, right.b])  # type: ignore[attr-defined]
                enc = fn(xs)
            except (ValueError, ZeroDivisionError, TypeError, OutsideClass):
                return None
    return None if enc is None else numeric.exact_ends(enc)


def _compare(f: sp.Expr, a: Candidate, b: Candidate | sp.Expr) -> int | None:
    """sign(value(a) − value(b)), certified (refining critical points) or exact."""
    other = b if isinstance(b, Candidate) else Candidate("number", None, b, True)
    if a.value is not None and other.value is not None:
        return lambert.compare(a.value, other.value)
    for k in range(60):
        bits = 80 + 8 * k
        for c in (a, other):
            if c.value is not None and c.value in (sp.oo, -sp.oo):
                s = 1 if c.value == sp.oo else -1
                return s if c is a else -s
        ea, eb = _value_enclosure(f, a, bits), _value_enclosure(f, other, bits)
        if ea is not None and eb is not None:
            if ea[1] < eb[0]:
                return -1
            if ea[0] > eb[1]:
                return 1
        for c in (a, other):
            if c.root is not None:
                c.root.refine()
                c.root.refine()
    return None


def _critical_value(f: sp.Expr, m: exppoly.ExpPoly, r: exppoly.Root) -> Candidate:
    x = _closed_form(m, r)
    if x is None:
        return Candidate("critical point", None, None, True, r)
    v = to_exp(f).subs(X, x)
    v = lambert.simplify(v) if lambert.has_w(v) else sp.radsimp(sp.simplify(v))
    return Candidate("critical point", x, v, True, r)


def candidates(f: sp.Expr, interval: Interval) -> tuple[Chart, list[Candidate]]:
    """Critical points (sign changes of f′) and the ends: f is monotone between them."""
    n, d, m = _derivative_parts(f, interval)
    if m.is_zero:
        raise Undecided("f is constant")
    closure = Interval(interval.lo, interval.hi, interval.lo != -sp.oo, interval.hi != sp.oo)
    _den_sign(d, closure)
    c = chart(m, interval)
    out: list[Candidate] = []
    for i, r in enumerate(c.roots):
        if c.signs[i] != c.signs[i + 1]:
            out.append(_critical_value(f, m, r))
    for end, closed, plus in ((interval.lo, interval.lo_closed, False), (interval.hi, interval.hi_closed, True)):
        if end in (sp.oo, -sp.oo):
            out.append(Candidate("limit", end, limit_value(f, plus), False))
        else:
            v = to_exp(f).subs(X, end)
            if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                raise Undecided("f is undefined at an end")
            out.append(Candidate("closed end" if closed else "open end", end, v, closed))
    return c, out


@dataclass
class Best:
    candidate: Candidate
    ties: tuple[Candidate, ...]  # other candidates with the same value


def best(f: sp.Expr, cands: list[Candidate], want: int) -> Best:
    """The greatest (want 1) or least (−1) candidate; ties allowed only between exact values."""
    top = cands[0]
    ties: list[Candidate] = []
    for c in cands[1:]:
        s = _compare(f, c, top)
        if s is None:
            raise Undecided("could not compare two candidate values")
        if s * want > 0:
            top, ties = c, []
        elif s == 0:
            ties.append(c)
    if not top.attained:  # an attained candidate of the same value is the extreme
        for c in ties:
            if c.attained:
                ties = [t for t in ties if t is not c] + [top]
                top = c
                break
    return Best(top, tuple(ties))


def _approach_point(f: sp.Expr, c: Candidate, v: sp.Expr, want: int, interval: Interval) -> sp.Expr | None:
    """A rational point near the candidate where want·(f − v) > 0 is certified."""
    if c.root is not None:
        for _ in range(MAX_REFINE):
            for q in (c.root.lo, c.root.hi):
                inside = interval.contains(_q(q))
                if inside is not False and numeric.sign((_at(f, _q(q)) - v) * want) == 1:
                    return _q(q)
            c.root.refine()
        return None
    if c.x in (sp.oo, -sp.oo):
        s = 1 if c.x == sp.oo else -1
        for k in range(11):
            p = sp.Integer(s * 2**k)
            if interval.contains(p) and numeric.sign((_at(f, p) - v) * want) == 1:
                return p
        return None
    if c.x is not None and c.x.is_Rational:
        for k in range(1, 60):
            p = c.x + (1 if c.x == interval.lo else -1) * sp.Rational(1, 2**k)
            if interval.contains(p) and numeric.sign((_at(f, p) - v) * want) == 1:
                return p
    return None


def _digits_cell(v: sp.Expr, digits: int | None) -> tuple[sp.Expr, sp.Expr] | None:
    if digits is None:
        return None
    h = sp.Rational(1, 2 * 10**digits)
    return v - h, v + h


def maxmin(claim: Claim) -> Outcome:
    f, interval, v = claim.expr, _on(claim), _opt(claim, "equals")
    at, digits = _opt(claim, "at"), _opt(claim, "digits")
    want = 1 if claim.prop == "maximum" else -1
    c, cands = candidates(f, interval)
    b = best(f, cands, want)
    top = b.candidate
    word = "greatest" if want > 0 else "least"
    shown = "; ".join(f"{k.why} x = {k.x if k.x is not None else _interval_text(k.root)}"
                      + (f": {k.value}" if k.value is not None else "") for k in cands)
    steps = [Step(f"f′ has the sign of M = {_m_text(f)}; candidates for the {word} value (f is monotone between "
                  f"them): {shown}", r"\text{critical points and ends}", "exact: certified root isolation",
                  StepKind.EXTREME)]
    method = "critical points (certified root isolation) and exact comparison"
    if not top.attained:
        p = _approach_point(f, top, v if digits is None else v + want * sp.Rational(1, 2 * 10**digits),
                            want, interval)
        if p is not None:
            return _beyond(f, p, v, want, claim.prop, steps, method, digits)
        raise Undecided(f"the {word} value is approached but not attained")
    if digits is not None:
        return _rounded(claim, f, top, b, v, digits, want, steps, method, interval)
    s = _compare(f, top, v)
    if s is None:
        raise Undecided(f"the {word} value is not separated from {v}")
    if s * want > 0:
        p = top.x if top.x is not None and top.root is None and top.x.is_Rational else \
            _approach_point(f, top, v, want, interval)
        if p is None and top.x is not None:
            p = top.x
        if p is None:
            raise Undecided("no point certifies the extreme beyond the claim")
        return _beyond(f, p, v, want, claim.prop, steps, method, None)
    if s * want < 0:
        if at is not None and lambert.compare(_at(to_exp(f), at), v) not in (0, None):
            w = _at(to_exp(f), at) - v
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"f({at}) ≠ {v}", rf"f({TeX(at)}) \neq {TeX(v)}", SignAt(w, numeric.sign(w) or 0), x=at,
                check="interval arithmetic"))
        approx = _approx_c(f, top)
        if top.value is None and approx == "?":
            raise Undecided("the extreme could not be enclosed")
        shown = top.value if top.value is not None else sp.Rational(approx)
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"the {claim.prop} is {top.value if top.value is not None else '≈ ' + _approx_c(f, top)}"
            f"{'' if top.x is None else f' (at x = {top.x})'}, not {v}",
            rf"\{'max' if want > 0 else 'min'} f \neq {TeX(v)}", ExtremeIs(f, interval, want, shown, v),
            check="exact: critical points and ends recomputed, values compared"))
    steps.append(Step(f"The {word} value is {v}, attained at x = {top.x}", rf"f({TeX(top.x)}) = {TeX(v)}",
                      "exact: zero test (W₀ by its identity W·e^W = u)" if lambert.has_w(v) else "exact",
                      StepKind.CONCLUSION, (("value", v), ("at", top.x))))
    if at is not None:
        spots = [k for k in (top, *b.ties) if k.attained]
        for k in spots:
            if k.x is not None and lambert.compare(k.x, at) == 0:
                return Outcome(Verdict.PROVED, method, tuple(steps))
            if k.x is None and k.root is not None and _place(_m_of(f, interval), k.root, at) == 0:
                return Outcome(Verdict.PROVED, method, tuple(steps))
        fa = _at(to_exp(f), at)
        inside = interval.contains(at) if at.is_Rational else None
        z = lambert.compare(fa, v)
        if z not in (0, None) and inside is not False:
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"f({at}) ≠ {v}", rf"f({TeX(at)}) \neq {TeX(v)}", SignAt(fa - v, z), x=at,
                check="interval arithmetic"))
        raise Undecided(f"whether the {claim.prop} is attained at {at} is not decided")
    return Outcome(Verdict.PROVED, method, tuple(steps))


def _m_of(f: sp.Expr, interval: Interval) -> exppoly.ExpPoly:
    return _derivative_parts(f, interval)[2]


def _m_text(f: sp.Expr) -> str:
    n, d = _parts(f)
    return str((n.derivative() * d - n * d.derivative()).to_sympy(X))


def _interval_text(r: exppoly.Root | None) -> str:
    if r is None:
        return "?"
    return f"in ({_q(r.lo)}, {_q(r.hi)})"


def _tight(e: tuple[Fraction, Fraction]) -> bool:
    """The enclosure fixes 8 significant digits (or the value is within 1e-30 of 0)."""
    return e[1] - e[0] <= max(abs(e[0] + e[1]) / 2 * Fraction(1, 10**10), Fraction(1, 10**30))


def _approx_c(f: sp.Expr, c: Candidate) -> str:
    """The extreme value to 8 significant digits, from an enclosure narrowed until it is that
    tight (the root's isolating interval refined); "?" when it cannot be narrowed so far."""
    e = None
    for k in range(MAX_REFINE):
        e = _value_enclosure(f, c, 80 + 4 * k)
        if e is None:
            return "?"
        if _tight(e) or c.root is None:
            break
        c.root.refine()
    if e is None or not _tight(e):
        return "?"
    return numeric.approx(_q((e[0] + e[1]) / 2), 8)


def _beyond(f: sp.Expr, p: sp.Expr, v: sp.Expr, want: int, prop: str, steps: list[Step], method: str,
            digits: int | None) -> Outcome:
    shift = v if digits is None else v + want * sp.Rational(1, 2 * 10**digits)
    fx = _at(f, p)
    side = ">" if want > 0 else "<"
    return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
        f"f({p}) = {numeric.approx(fx, 8)} {side} {shift}, so the {prop} is not {v}",
        rf"f({TeX(p)}) \approx {numeric.approx(fx, 8)} {side} {TeX(shift)}",
        SignAt(fx - shift, want), x=p, check="interval arithmetic"))


def _rounded(claim: Claim, f: sp.Expr, top: Candidate, b: Best, v: sp.Expr, digits: int, want: int,
             steps: list[Step], method: str, interval: Interval) -> Outcome:
    """The extreme rounded (half away from zero) to ``digits`` decimals is v: certified by an
    enclosure of the extreme whose two ends round alike."""
    claimed = _fr(v)
    rounded = None
    if top.value is not None:
        rounded = numeric.certified_round(top.value, digits, lambda q: exact.is_zero(top.value - _q(q)))
    else:
        for k in range(MAX_REFINE):
            e = _value_enclosure(f, top, 80 + 4 * k)
            if e is not None:
                lo, hi = numeric.round_half_away(e[0], digits), numeric.round_half_away(e[1], digits)
                if lo == hi:
                    rounded = lo
                    break
            top.root.refine()  # type: ignore[union-attr]
    if rounded is None:
        raise Undecided("could not certify the rounding of the extreme")
    text = numeric.decimal(rounded, digits)
    steps.append(Step(f"The {claim.prop} is attained at x = {top.x if top.x is not None else _interval_text(top.root)} "
                      f"and rounds to {text}", rf"\approx {text}",
                      "interval arithmetic: both ends of the enclosure round alike", StepKind.ROUNDING,
                      (("digits", digits), ("rounded", rounded))))
    if rounded == claimed:
        if _opt(claim, "at") is not None:
            raise Undecided("a rounded extreme with a place is not decided")
        return Outcome(Verdict.PROVED, method, tuple(steps))
    # the extreme rounds to another decimal: a point beyond the claimed cell, or none
    cell = _digits_cell(v, digits)
    assert cell is not None
    edge = cell[1] if want > 0 else cell[0]
    if (rounded > claimed) == (want > 0):
        p = _approach_point(f, top, edge, want, interval) if top.root is not None else top.x
        if p is not None and numeric.sign((_at(f, p) - edge) * want) == 1:
            return _beyond(f, p, v, want, claim.prop, steps, method, digits)
    if top.value is not None and top.value not in (sp.oo, -sp.oo):
        return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
            f"the {claim.prop} {top.value} rounds to {text}, not {numeric.decimal(claimed, digits)}",
            rf"{TeX(top.value)} \to {text} \neq {numeric.decimal(claimed, digits)}",
            RoundingCell(top.value, digits, rounded, claimed), x=top.x,
            check="interval arithmetic: outside the rounding cell"))
    return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
        f"the {claim.prop} rounds to {text}, not {numeric.decimal(claimed, digits)}",
        rf"\{'max' if want > 0 else 'min'} f \approx {text} \neq {numeric.decimal(claimed, digits)}",
        ExtremeIs(f, interval, want, _q(rounded), v), check="exact: critical points and ends recomputed"))


def image(claim: Claim) -> Outcome:
    """The image of the real line: the least and greatest candidates (attained or not) and the
    intermediate value theorem; each end of the claimed interval compared exactly."""
    f, j = claim.expr, _opt(claim, "equals")
    _c, cands = candidates(f, REAL_LINE)
    hi, lo = best(f, cands, 1).candidate, best(f, cands, -1).candidate
    method = "critical points, limits and the intermediate value theorem"
    steps = [Step("f is continuous on R: its image runs from its least to its greatest candidate value",
                  r"f(\mathbb{R})", "exact: intermediate value theorem", StepKind.IMAGE)]
    for ext, end, closed, want in ((hi, j.hi, j.hi_closed, 1), (lo, j.lo, j.lo_closed, -1)):
        s = _compare(f, ext, end)
        if s is None:
            raise Undecided("cannot compare an end of the range")
        if s * want > 0:
            p = _approach_point(f, ext, end, want, REAL_LINE) if ext.root is not None or not ext.attained \
                else ext.x
            if p is not None and numeric.sign((_at(f, p) - end) * want) == 1:
                fx = _at(f, p)
                return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                    f"f({p}) = {numeric.approx(fx, 8)} lies outside {j}",
                    rf"f({TeX(p)}) \approx {numeric.approx(fx, 8)} \notin {j.latex()}",
                    SignAt(fx - end, want), x=p, check="interval arithmetic"))
            raise Undecided("the range is wider than claimed, but no point shows it")
        if s == 0 and ext.attained and not closed:
            x = ext.x
            if x is not None:
                return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                    f"f({x}) = {end}, which lies outside {j}", rf"f({TeX(x)}) = {TeX(end)}",
                    ExactZero(_at(f, x) - end), x=x, check="exact zero test"))
            raise Undecided("an attained end of the range at a point without a closed form")
        if s * want < 0 or (s == 0 and closed and not ext.attained):
            raise Undecided("the claimed range is wider than the image; no point shows it")
    return Outcome(Verdict.PROVED, method, tuple(steps))


def bounded(claim: Claim) -> Outcome:
    """|f| ≤ B on the interval: the greatest and least candidate values (limits included)
    compared with ±B."""
    f, b_, interval = claim.expr, _opt(claim, "equals"), _on(claim)
    _c, cands = candidates(f, interval)
    method = "critical points and limits (certified root isolation)"
    steps = [Step("f is monotone between its critical points; its supremum and infimum are among the candidate "
                  "values and limits", r"\sup |f|", "exact: certified root isolation", StepKind.EXTREME)]
    for want, bound in ((1, b_), (-1, -b_)):
        top = best(f, cands, want).candidate
        s = _compare(f, top, bound)
        if s is None:
            raise Undecided("the bound is not separated from an extreme value")
        if s * want > 0:
            p = top.x if top.attained and top.root is None else _approach_point(f, top, bound, want, interval)
            if p is None or numeric.sign((_at(f, p) - bound) * want) != 1:
                raise Undecided("f goes beyond the bound, but no point shows it")
            fx = _at(f, p)
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"|f({p})| ≈ {numeric.approx(abs(fx), 8)} > {b_}", rf"|f({TeX(p)})| > {TeX(b_)}",
                SignAt(fx - bound, want), x=p, check="interval arithmetic"))
    steps.append(Step(f"−{b_} ≤ f ≤ {b_} on {interval}", rf"|f(x)| \le {TeX(b_)}", "exact comparison",
                      StepKind.CONCLUSION))
    return Outcome(Verdict.PROVED, method, tuple(steps))


def inflection(claim: Claim) -> Outcome:
    """f″ changes sign at a: a is a root of the numerator of f″ where the chart's signs differ."""
    f, a = claim.expr, _opt(claim, "at")
    f2 = sp.diff(f, X, 2)
    n, d = _parts(f2)
    interval = REAL_LINE
    _den_sign(d, interval)
    c = chart(n, interval)
    method = "sign chart of f″ (certified root isolation)"
    steps = [Step(f"f″ = N/D with N = {n.to_sympy(X)}, D = {d.to_sympy(X)} of one sign", r"f''(x) = N/D",
                  "exact", StepKind.DERIVATIVE)]
    for i, r in enumerate(c.roots):
        where = _place(n, r, a)
        if where == 0:
            if c.signs[i] != c.signs[i + 1]:
                steps.append(Step(f"f″({a}) = 0 and f″ changes sign there ({c.signs[i]:+d} before, "
                                  f"{c.signs[i + 1]:+d} after)", rf"f''({TeX(a)}) = 0", "exact", StepKind.SIGN_CHART))
                return Outcome(Verdict.PROVED, method, tuple(steps))
            q1, q2 = _q(c.samples[i]), _q(c.samples[i + 1])
            return Outcome(Verdict.REFUTED, method, tuple(steps), Counterexample(
                f"f″ has the same sign on both sides of x = {a} (it has no other zero between {q1} and {q2})",
                rf"f''({TeX(q1)})\,f''({TeX(q2)}) > 0", SignAt(_at(f2, q1) * _at(f2, q2), 1), x=q1, x2=q2,
                check="interval arithmetic"))
    return Outcome(Verdict.REFUTED, method, tuple(steps), refuters.second_derivative_nonzero(_at(to_exp(f2), a), a))


def lipschitz(claim: Claim) -> Outcome:
    from .procedures import lipschitz_outcome

    return lipschitz_outcome(bounded(replace(claim, expr=sp.diff(claim.expr, X), prop="bounded")))


PROCEDURES = {"convex": convexity, "concave": convexity, "positive": sign, "negative": sign, "nonnegative": sign,
              "nonpositive": sign, "nonzero": sign, "increasing": monotone, "decreasing": monotone, "limit": limit,
              "maximum": maxmin, "minimum": maxmin, "range": image, "bounded": bounded, "lipschitz": lipschitz,
              "inflection": inflection}
