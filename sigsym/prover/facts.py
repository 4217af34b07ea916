"""Everything the properties table can say about f, computed and then proved (``sigsym facts``).

The engine *finds* the candidates — zeros and the sign between them (sign chart of f), monotone
pieces and critical points (chart of f′), convexity pieces and inflection points (chart of f″),
limits at ±∞ (leading terms), extremes and the range (candidates compared exactly) — and every
candidate is then stated as a claim and decided by ``prove``, so each fact is a checked ``Proof``:
a finding the prover does not confirm is listed as ``unknown``, never asserted. Facts come in a
fixed order, so the output is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from ..engine.expform import ExpForm, to_expform
from ..engine.signchart import Chart, Undecided, candidates, extreme, limit_at_infinity, sign_chart
from ..errors import OutsideClass
from ..language.parse import REAL_LINE, Interval
from .kernel import Proof, Verdict
from .properties import as_function, prove


@dataclass(frozen=True)
class Fact:
    """One fact: what it says (text), the claim (property and options) and its proof."""

    topic: str  # parity, sign, limit, monotone, extreme, range, convexity, lipschitz
    statement: str
    proof: Proof

    @property
    def verdict(self) -> Verdict:
        return self.proof.verdict

    def as_dict(self) -> dict[str, object]:
        return {"topic": self.topic, "statement": self.statement, "verdict": self.verdict.value,
                "property": self.proof.claim.prop,
                "options": {k: str(v) for k, v in self.proof.claim.options},
                "method": self.proof.method}


@dataclass(frozen=True)
class _Piece:
    interval: Interval  # open
    sign: int
    closable: tuple[bool, bool]  # an end where f is defined and continuous (not a pole)


def _pieces(chart: Chart, interval: Interval) -> list[_Piece]:
    """The open pieces of the interval between the chart's marks, with the sign on each."""
    inner = [m for m in chart.marks if not m.at_end]
    ends = [(interval.lo, interval.lo_closed), *[(m.x, m.kind == "zero") for m in inner],
            (interval.hi, interval.hi_closed)]
    return [_Piece(Interval(a, b, False, False), seg.sign, (ca, cb))
            for ((a, ca), (b, cb)), seg in zip(zip(ends, ends[1:], strict=False), chart.segments, strict=False)]


def _closed(piece: _Piece) -> Interval:
    """A monotone or convex piece includes its finite ends where f is defined (continuity)."""
    j = piece.interval
    return Interval(j.lo, j.hi, j.lo != -sp.oo and piece.closable[0], j.hi != sp.oo and piece.closable[1])


def facts(expr: object, on: object = None) -> tuple[Fact, ...]:
    """Compute and prove the facts about f (on an interval, default the real line)."""
    parsed = as_function(expr)
    f = parsed.expr
    text = expr if isinstance(expr, str) else str(expr)
    interval = on if isinstance(on, Interval) else REAL_LINE
    if isinstance(on, str):
        from ..language.parse import parse_interval

        interval = parse_interval(on)
    out: list[Fact] = []

    def add(topic: str, statement: str, prop: str, **options: object) -> Proof:
        proof = prove(text, prop, **options)
        out.append(Fact(topic, statement, proof))
        return proof

    whole = interval.is_real_line
    if whole:
        for prop in ("even", "odd"):
            proof = prove(text, prop)
            out.append(Fact("parity", f"f is {'not ' if proof.verdict is Verdict.REFUTED else ''}{prop}",
                            proof))
    try:
        form = to_expform(f)
        chart = sign_chart(form, interval)
    except (OutsideClass, Undecided):
        form = None
    if form is None:
        from . import xfacts

        if not xfacts.facts_of(f, text, interval, out, add):
            xfacts.general_facts(f, text, interval, out, add)
        return tuple(out)
    for mark in chart.zeros():
        add("zero", f"f({mark.x}) = 0", "value", at=mark.x, equals=sp.Integer(0))
    for piece in _pieces(chart, interval):
        prop = "positive" if piece.sign > 0 else "negative"
        add("sign", f"f is {prop} on {piece.interval}", prop, on=piece.interval)
    for at, plus in ((sp.oo, True), (-sp.oo, False)):
        if (plus and interval.hi == sp.oo) or (not plus and interval.lo == -sp.oo):
            lim = limit_at_infinity(form, plus)
            add("limit", f"f(x) → {lim} as x → {at}", "limit", at=at, equals=lim)
    try:
        _monotone_and_extremes(form, interval, add)
    except (Undecided, OutsideClass):
        pass
    try:
        second = sign_chart(form.derivative().derivative(), interval)
        f2 = f"diff({text}, x, 2)"
        pieces = _pieces(second, interval)
        for piece in pieces:
            s = piece.sign
            word = "convex" if s > 0 else "concave"
            shown = piece.interval if parsed.domain else _closed(piece)  # never close at a hole of f's domain
            out.append(Fact("convexity", f"f is {word} on {shown} (f″ "
                            f"{'>' if s > 0 else '<'} 0 inside)",
                            prove(f2, "positive" if s > 0 else "negative", on=piece.interval)))
        inner = [m for m in second.marks if not m.at_end]
        for k, mark in enumerate(inner):
            changes = k + 1 < len(pieces) and pieces[k].sign != pieces[k + 1].sign
            if mark.kind == "zero" and changes:  # the sign change is the two pieces beside it
                add("inflection", f"f has an inflection point at x = {mark.x}", "inflection", at=mark.x)
    except (Undecided, OutsideClass):
        pass
    from . import xfacts

    xfacts.lipschitz_fact(f, text, interval, add)
    xfacts.derivative_in_f(f, text, out)
    return tuple(out)


def _monotone_and_extremes(form: ExpForm, interval: Interval, add: Callable[..., Proof]) -> None:
    dchart, cands = candidates(form, interval)
    for piece in _pieces(dchart, interval):
        prop = "increasing" if piece.sign > 0 else "decreasing"
        closed = _closed(piece)
        add("monotone", f"f is {prop} on {closed}", prop, on=closed)
    for want, prop in ((1, "maximum"), (-1, "minimum")):
        best = extreme(cands, want)
        if best.attained_at is not None:
            opts: dict[str, object] = {"equals": best.value, "at": best.attained_at}
            if not interval.is_real_line:
                opts["on"] = interval
            add("extreme", f"the {prop} of f is {best.value}, at x = {best.attained_at}", prop, **opts)
    if interval.is_real_line:
        hi, lo = extreme(cands, 1), extreme(cands, -1)
        image = Interval(lo.value, hi.value, lo.attained_at is not None, hi.attained_at is not None)
        add("range", f"the range of f is {image}", "range", equals=image)


def facts_json(items: tuple[Fact, ...]) -> list[dict[str, object]]:
    return [f.as_dict() for f in items]


__all__ = ["Fact", "facts", "facts_json"]
