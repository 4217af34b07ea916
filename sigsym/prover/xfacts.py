"""Facts beyond the rational functions of eˣ: quotients of exponential polynomials (SiLU, x²,
x·e^{−x}, mish), and for anything else what calculus gives (limits of compositions and logs,
monotonicity, the range of g∘h). Also the Lipschitz constant and f′ in terms of f for every f.

As in ``facts``, the engine finds and ``prove`` decides: every fact is a claim with its Proof.
A root of an exponential polynomial is named exactly when it has a checked closed form (a
rational, a radical, −b/a − W₀(z)/k); otherwise the pieces it bounds are stated on slightly
smaller intervals with decimal ends (6 decimals, on the inner side of the root, so the claim is
true as stated), and the root itself as a sign change between two decimals (the intermediate
value theorem: the claim "nonzero" there is refuted).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor
from typing import Any

import sympy as sp

from ..engine import exppoly, lambert, numeric
from ..engine.signchart import Undecided
from ..errors import OutsideClass
from ..functions import X
from ..language.parse import Interval
from . import xclass
from .kernel import Proof, Verdict

DIGITS = 6
Add = Callable[..., Proof]


def _q(v: Fraction) -> sp.Rational:
    return sp.Rational(v.numerator, v.denominator)


@dataclass(frozen=True)
class Point:
    """A place on the line as a fact can name it: ``exact`` (a closed form) or, for a root
    without one, decimals ``below`` < root < ``above``."""

    exact: sp.Expr | None
    below: sp.Rational | None = None
    above: sp.Rational | None = None

    def text(self) -> str:
        if self.exact is not None:
            return str(self.exact)
        return f"a point in ({self.below}, {self.above})"


def _itext(j: Interval) -> str:
    """An interval as text, decimal ends (6 decimals) written as decimals."""
    def end(v: sp.Expr) -> str:
        if v.is_Rational and (10**DIGITS % int(v.q)) == 0 and v.q != 1:
            return _dec(v).rstrip("0")
        return str(v)
    if j.is_real_line:
        return "R"
    return f"{'[' if j.lo_closed else '('}{end(j.lo)}, {end(j.hi)}{']' if j.hi_closed else ')'}"


def _near(r: exppoly.Root | None) -> str:
    """A root without closed form, for display: its place to 6 decimals (certified rounding)."""
    if r is None:
        return "?"
    try:
        return exppoly.refine(r, DIGITS)
    except exppoly.Unresolved:
        return f"a point of ({_q(r.lo)}, {_q(r.hi)})"


def _dec(v: sp.Rational) -> str:
    return numeric.decimal(Fraction(int(v.p), int(v.q)), DIGITS)


def _point(F: exppoly.ExpPoly, r: exppoly.Root) -> Point:
    cf = xclass._closed_form(F, r)
    if cf is not None:
        return Point(cf)
    scale = 10**DIGITS
    r.narrow(Fraction(1, 10 * scale))
    below = Fraction(floor(r.lo * scale), scale)
    above = Fraction(ceil(r.hi * scale), scale)
    return Point(None, _q(below), _q(above))


def _piece(a: Point | None, b: Point | None, interval: Interval, closed_at_roots: bool) -> Interval | None:
    """The interval between two points (None: the interval's own end), on the inner side of a
    root without a closed form; None when that leaves nothing."""
    if a is None:
        lo, lo_closed = interval.lo, interval.lo_closed
    elif a.exact is not None:
        lo, lo_closed = a.exact, closed_at_roots
    else:
        lo, lo_closed = a.above, True
    if b is None:
        hi, hi_closed = interval.hi, interval.hi_closed
    elif b.exact is not None:
        hi, hi_closed = b.exact, closed_at_roots
    else:
        hi, hi_closed = b.below, True
    if lo != -sp.oo and hi != sp.oo and numeric.sign(hi - lo) != 1:
        return None
    return Interval(lo, hi, lo_closed and lo != -sp.oo, hi_closed and hi != sp.oo)


def _pieces(F: exppoly.ExpPoly, chart: xclass.Chart, interval: Interval, crossing_only: bool,
            closed_at_roots: bool) -> list[tuple[Interval, int]]:
    """(piece, sign) between the roots of F (only those where F changes sign, if asked)."""
    cuts: list[Point] = []
    signs: list[int] = [chart.signs[0]]
    for i, r in enumerate(chart.roots):
        if crossing_only and chart.signs[i] == chart.signs[i + 1]:
            continue
        cuts.append(_point(F, r))
        signs.append(chart.signs[i + 1])
    bounds: list[Point | None] = [None, *cuts, None]
    out = []
    for k, s in enumerate(signs):
        piece = _piece(bounds[k], bounds[k + 1], interval, closed_at_roots)
        if piece is not None:
            out.append((piece, s))
    return out


def facts_of(f: sp.Expr, text: str, interval: Interval, out: list[Any], add: Add) -> bool:
    """The facts of f = N/D (exponential polynomials); False when f is not of that kind."""
    try:
        n, d = xclass._parts(f)
        xclass._den_sign(d, interval)
        chart = xclass.chart(n, interval)
    except (OutsideClass, Undecided):
        return False
    from .facts import Fact

    for r in chart.roots:
        p = _point(n, r)
        if p.exact is not None:
            add("zero", f"f({p.exact}) = 0", "value", at=p.exact, equals=sp.Integer(0))
        else:
            on = Interval(p.below, p.above, True, True)
            add("zero", f"f has a zero in ({_dec(p.below)}, {_dec(p.above)}) (it changes sign there)", "nonzero", on=on)
    open_at_zeros = Interval(interval.lo, interval.hi, interval.lo_closed and chart.lo_sign != 0,
                             interval.hi_closed and chart.hi_sign != 0)
    for end, closed, s0 in ((interval.lo, interval.lo_closed, chart.lo_sign),
                            (interval.hi, interval.hi_closed, chart.hi_sign)):
        if closed and s0 == 0:  # a zero at a closed end of the interval
            add("zero", f"f({end}) = 0", "value", at=end, equals=sp.Integer(0))
    for piece, s in _pieces(n, chart, open_at_zeros, False, False):
        prop = "positive" if s > 0 else "negative"
        add("sign", f"f is {prop} on {_itext(piece)}", prop, on=piece)
    for at, plus in ((sp.oo, True), (-sp.oo, False)):
        if (plus and interval.hi == sp.oo) or (not plus and interval.lo == -sp.oo):
            lim = xclass.limit_value(f, plus)
            add("limit", f"f(x) → {lim} as x → {at}", "limit", at=at, equals=lim)
    try:
        _n, _d, m = xclass._derivative_parts(f, interval)
        mchart = xclass.chart(m, interval)
        for piece, s in _pieces(m, mchart, interval, True, True):
            prop = "increasing" if s > 0 else "decreasing"
            add("monotone", f"f is {prop} on {_itext(piece)}", prop, on=piece)
        _extremes(f, text, interval, add)
    except (Undecided, OutsideClass):
        pass
    try:
        n2, d2 = xclass._parts(sp.diff(f, X, 2))
        xclass._den_sign(d2, interval)
        c2 = xclass.chart(n2, interval)
        for piece, s in _pieces(n2, c2, interval, True, True):
            word = "convex" if s > 0 else "concave"
            add("convexity", f"f is {word} on {_itext(piece)}", word, on=piece)
        for i, r in enumerate(c2.roots):
            if c2.signs[i] == c2.signs[i + 1]:
                continue
            p = _point(n2, r)
            if p.exact is not None:
                add("inflection", f"f has an inflection point at x = {p.exact}", "inflection", at=p.exact)
            else:
                from .properties import prove

                on = Interval(p.below, p.above, True, True)
                out.append(Fact("inflection", f"f has an inflection point in ({_dec(p.below)}, {_dec(p.above)}) (f″ changes "
                                "sign there)", prove(f"diff({text}, x, 2)", "nonzero", on=on)))
    except (Undecided, OutsideClass):
        pass
    lipschitz_fact(f, text, interval, add)
    return True


def _rounded(f: sp.Expr, c: xclass.Candidate, digits: int) -> sp.Rational | None:
    for k in range(xclass.MAX_REFINE):
        e = xclass._value_enclosure(f, c, 80 + 4 * k)
        if e is not None:
            lo, hi = numeric.round_half_away(e[0], digits), numeric.round_half_away(e[1], digits)
            if lo == hi:
                return _q(lo)
        if c.root is None:
            return None
        c.root.refine()
    return None


def _extremes(f: sp.Expr, text: str, interval: Interval, add: Add) -> None:
    _c, cands = xclass.candidates(f, interval)
    ends = {}
    for want, prop in ((1, "maximum"), (-1, "minimum")):
        top = xclass.best(f, cands, want).candidate
        ends[want] = top
        if not top.attained:
            continue
        opts: dict[str, object] = {} if interval.is_real_line else {"on": interval}
        if top.value is not None and top.x is not None:
            add("extreme", f"the {prop} of f is {top.value}, at x = {top.x}", prop, equals=top.value, at=top.x,
                **opts)
        else:
            v = _rounded(f, top, DIGITS)
            if v is not None:
                where = f"= {top.x}" if top.x is not None else f"≈ {_near(top.root)}"
                add("extreme", f"the {prop} of f is {numeric.decimal(Fraction(int(v.p), int(v.q)), DIGITS)} "
                    f"(rounded to {DIGITS} decimals), at x {where}", prop,
                    equals=v, digits=DIGITS, **opts)
    hi, lo = ends[1], ends[-1]
    if interval.is_real_line and hi.value is not None and lo.value is not None:
        image = Interval(lo.value, hi.value, lo.attained, hi.attained)
        add("range", f"the range of f is {image}", "range", equals=image)


def lipschitz_fact(f: sp.Expr, text: str, interval: Interval, add: Add) -> None:
    """The least Lipschitz constant sup |f′| when it is finite: exact, or rounded up to 6 decimals."""
    d = sp.diff(f, X)
    try:
        vals = _sup_inf(d, interval)
    except (OutsideClass, Undecided):
        return
    if vals is None:
        return
    (sup, sup_exact), (inf, inf_exact) = vals
    if sup in (sp.oo, -sp.oo) or inf in (sp.oo, -sp.oo):
        return
    if sup_exact and inf_exact:
        a, b = sp.Abs(sup), sp.Abs(inf)
        s = lambert.compare(a, b)
        big = a if s is not None and s >= 0 else b
        if s is not None:
            add("lipschitz", f"f is {big}-Lipschitz: |f′| ≤ {big}, and no smaller constant works", "lipschitz",
                equals=big, **({} if interval.is_real_line else {"on": interval}))
            return
    bound = _upper_decimal(sup, inf)
    if bound is not None:
        shown = numeric.decimal(Fraction(int(bound.p), int(bound.q)), DIGITS)
        add("lipschitz", f"f is {shown}-Lipschitz: |f′| ≤ {shown} (sup |f′| rounded up to {DIGITS} decimals)",
            "lipschitz", equals=bound, **({} if interval.is_real_line else {"on": interval}))


def _upper_decimal(*values: sp.Expr) -> sp.Rational | None:
    best = None
    for v in values:
        enc = numeric.enclose(sp.Abs(v), bits=120)
        ends = None if enc is None else numeric.exact_ends(enc)
        if ends is None:
            return None
        up = Fraction(ceil(ends[1] * 10**DIGITS), 10**DIGITS)
        best = up if best is None or up > best else best
    return None if best is None else _q(best)


def _sup_inf(d: sp.Expr, interval: Interval) -> tuple[tuple[sp.Expr, bool], tuple[sp.Expr, bool]] | None:
    """(sup d, exact?), (inf d, exact?) on the interval; a value without closed form is returned
    as the upper end of its enclosure (sup) or the lower end (inf), marked not exact."""
    from ..engine.expform import to_expform
    from ..engine.signchart import candidates, extreme

    try:
        _c, cands = candidates(to_expform(d), interval)
        return (extreme(cands, 1).value, True), (extreme(cands, -1).value, True)
    except OutsideClass:
        pass
    _c2, xc = xclass.candidates(d, interval)
    out = []
    for want in (1, -1):
        top = xclass.best(d, xc, want).candidate
        if top.value is not None:
            out.append((top.value, True))
            continue
        e = None
        for _k in range(xclass.MAX_REFINE):
            e = xclass._value_enclosure(d, top, 120)
            if e is None or e[1] - e[0] < Fraction(1, 10**(DIGITS + 2)) or top.root is None:
                break
            top.root.refine()
        if e is None:
            return None
        out.append((_q(e[1] if want > 0 else e[0]), False))
    return out[0], out[1]


def derivative_in_f(f: sp.Expr, text: str, out: list[Any]) -> None:
    """f′ written through f alone (σ′ = σ(1 − σ)), found by eliminating t, proved as an identity."""
    from .facts import Fact
    from .higher import F, pretty, relation
    from .properties import prove

    try:
        rel = relation(f, 1)
    except (OutsideClass, Undecided, ValueError):
        return
    if rel is None or not rel.has(F):
        return
    g = sp.factor(rel).subs(F, f)
    proof = prove(f"diff({text}, x)", "identity", equals=str(g))
    if proof.verdict is not Verdict.PROVED:  # g is written with f's simplified form: a domain hole of
        return  # f is lost there, so a refutation would say "f′ = f(1 − f)" is false where it is true
    out.append(Fact("derivative", f"f′ = {pretty(rel)} (f′ in terms of f)", proof))


def general_facts(f: sp.Expr, text: str, interval: Interval, out: list[Any], add: Add) -> None:
    """Beyond both classes: limits, monotonicity, range and the Lipschitz constant where calculus
    decides them (compositions, logs); whatever it cannot decide is listed as unknown."""
    from . import calculus
    from .facts import Fact
    from .properties import prove

    for at, plus in ((sp.oo, True), (-sp.oo, False)):
        if (plus and interval.hi == sp.oo) or (not plus and interval.lo == -sp.oo):
            try:
                lim = calculus.exact_limit(f, at)
            except (OutsideClass, Undecided):
                out.append(Fact("limit", f"f(x) → 0 as x → {at}", _unknown(text, at)))
                continue
            add("limit", f"f(x) → {lim} as x → {at}", "limit", at=at, equals=lim)
    opts = {} if interval.is_real_line else {"on": interval}
    for prop in ("positive", "negative"):
        proof = prove(text, prop, **opts)
        if proof.verdict is Verdict.PROVED:
            out.append(Fact("sign", f"f is {prop} on {interval}", proof))
    for prop in ("increasing", "decreasing"):
        proof = prove(text, prop, **opts)
        if proof.verdict is Verdict.PROVED:
            out.append(Fact("monotone", f"f is {prop} on {interval}", proof))
            break
    else:
        out.append(Fact("monotone", f"f is increasing on {interval}", prove(text, "increasing", **opts)))
    if interval.is_real_line:
        try:
            image = calculus.exact_range(f)
            add("range", f"the range of f is {image}", "range", equals=image)
        except (OutsideClass, Undecided):
            pass
    for word in ("convex", "concave"):
        proof = prove(text, word, **opts)
        if proof.verdict is Verdict.PROVED:
            out.append(Fact("convexity", f"f is {word} on {interval}", proof))
    lipschitz_fact(f, text, interval, add)


def _unknown(text: str, at: sp.Expr) -> Proof:
    """The claim 'the limit is 0', as decided (unknown when nothing decides the limit)."""
    from .properties import prove

    return prove(text, "limit", at=at, equals=sp.Integer(0))
