"""What the lecture notes say about f: computed by the engine, then each fact proved.

(``facts.py`` is the complete list behind ``sigsym facts``; this is the notes' smaller selection
for the rational functions of eˣ, and for every other f the proved facts of ``facts.py``.)

Every fact offered here is a claim the prover has decided ``proved`` (``prove``), or a
value the engine computed exactly on the way (a limit, an extreme), returned only with the
proof of the claim that states it. Only the engine's own "cannot decide here" exceptions
(``Undecided``, ``OutsideClass``) mean "no such fact"; anything else propagates.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from ..engine import numeric
from ..engine.expform import in_class
from ..engine.signchart import Undecided, candidates, extreme, limit_at_infinity, sign_chart_poles
from ..errors import OutsideClass
from ..functions import to_exp
from ..language.parse import REAL_LINE, Interval
from .kernel import Proof
from .properties import prove
from .values import as_expr

__all__ = ["Fact", "discover", "graph", "in_class", "limit", "maximum", "has_poles"]


@dataclass(frozen=True)
class Fact:
    """A proved claim: property, options as text, and its proof."""

    prop: str
    options: tuple[tuple[str, str], ...]
    proof: Proof
    value: sp.Expr | None = None  # the limit, the greatest value: exact, as the engine found it
    at: sp.Expr | None = None  # where the greatest value is attained


def _fact(f: object, prop: str, value: sp.Expr | None = None, where: sp.Expr | None = None, /,
          **options: str) -> Fact | None:
    proof = prove(f, prop, **options)
    return Fact(prop, tuple(sorted(options.items())), proof, value, where) if proof.proved else None


def has_poles(f: object) -> bool:
    """Whether f (in the class) is undefined somewhere on the real line."""
    from ..engine.expform import to_expform

    return bool(sign_chart_poles(to_expform(as_expr(f)), REAL_LINE))


def limit(f: object, at: str) -> Fact | None:
    """The limit at ``oo`` or ``-oo``, proved; None outside the class or when not decided."""
    from ..engine.expform import to_expform

    try:
        value = limit_at_infinity(to_expform(as_expr(f)), at == "oo")
    except (OutsideClass, Undecided):
        return None
    return _fact(f, "limit", value, None, at=at, equals=str(value))


def _extremes(f: sp.Expr) -> tuple[object, object] | None:
    from ..engine.expform import to_expform

    try:
        _, cands = candidates(to_expform(f), REAL_LINE)
        return extreme(cands, 1), extreme(cands, -1)
    except (OutsideClass, Undecided):
        return None


def maximum(f: object) -> Fact | None:
    """The greatest value on the real line with a rational point where it is attained, proved."""
    ext = _extremes(as_expr(f))
    if ext is None:
        return None
    hi = ext[0]
    if hi.attained_at is None or not hi.value.is_Rational or not hi.attained_at.is_Rational:  # type: ignore[attr-defined]
        return None
    return _fact(f, "maximum", hi.value, hi.attained_at,  # type: ignore[attr-defined]
                 equals=str(hi.value), at=str(hi.attained_at))  # type: ignore[attr-defined]


def image(f: object) -> Fact | None:
    """The image of the real line when its ends are rational or infinite, proved."""
    ext = _extremes(as_expr(f))
    if ext is None:
        return None
    hi, lo = ext
    ends = (lo.value, hi.value)  # type: ignore[attr-defined]
    if not all(v.is_Rational or v in (sp.oo, -sp.oo) for v in ends):
        return None
    j = Interval(lo.value, hi.value, lo.attained_at is not None, hi.attained_at is not None)  # type: ignore[attr-defined]
    return _fact(f, "range", equals=str(j))


def discover(f_text: str) -> list[tuple[str, str, Fact]]:
    """(id, title, fact) for everything the property table can say about f and the prover proves:
    parity, limits at ±∞, monotonicity and sign on ℝ, range, maximum, smoothness."""
    f = as_expr(f_text)
    if not in_class(f):
        return _from_facts(f_text)
    out: list[tuple[str, str, Fact]] = []

    def add(tid: str, title: str, fact: Fact | None) -> None:
        if fact is not None:
            out.append((tid, title, fact))
    for prop in ("even", "odd"):
        add(prop, f"f is {prop}", _fact(f_text, prop))
    for at in ("oo", "-oo"):
        add(f"limit-{at}", f"the limit at {'∞' if at == 'oo' else '−∞'}", limit(f_text, at))
    for prop in ("increasing", "decreasing", "positive", "negative"):
        add(prop, f"f is {prop} on ℝ", _fact(f_text, prop))
    add("range", "the range", image(f_text))
    add("maximum", "the maximum", maximum(f_text))
    add("smooth", "smoothness", _fact(f_text, "smooth"))
    return out


def _from_facts(f_text: str) -> list[tuple[str, str, Fact]]:
    """Outside the rational functions of eˣ (SiLU, x², softplus, σ(σ(x))): the proved facts of
    ``facts.facts``, each with an id made from its property and its place in the list."""
    from .facts import facts

    out: list[tuple[str, str, Fact]] = []
    seen: dict[str, int] = {}
    for item in facts(f_text):
        if not item.proof.proved:
            continue
        claim = item.proof.claim
        seen[claim.prop] = seen.get(claim.prop, 0) + 1
        tid = claim.prop if seen[claim.prop] == 1 else f"{claim.prop}-{seen[claim.prop]}"
        options = tuple(sorted((k, str(v)) for k, v in claim.options))
        value = claim.option("equals") if claim.prop in ("limit", "maximum", "minimum") else None
        out.append((tid, item.statement, Fact(claim.prop, options, item.proof, value, claim.option("at"))))
    return out


def graph(f: sp.Expr, lo: int = -6, hi: int = 6, n: int = 96) -> list[tuple[Fraction, Fraction]]:
    """Points (x, f(x)) for a plot: the midpoints of interval enclosures, display only."""
    out = []
    for k in range(n + 1):
        x = sp.Rational(lo) + sp.Rational(hi - lo, n) * k
        v = numeric.enclose(to_exp(f), at=x, bits=60)
        ends = None if v is None else numeric.exact_ends(v)
        if ends is None:
            raise OutsideClass(f"f cannot be evaluated at x = {x} for the plot")
        out.append((Fraction(int(x.p), int(x.q)), (ends[0] + ends[1]) / 2))
    return out
