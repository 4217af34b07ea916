"""The figures of the notes: the graph of f, of f′, and both in one plot, as data for figure.tex.j2.

Everything a figure says is computed by the engine: the horizontal asymptotes are the proved
limits at ±∞, the marked maximum is the proved greatest value, the ticks sit at the values the
text talks about (0, ½, 1 for σ; ¼ for σ′; the inflection points ±1.317 of σ′, which are the
points where the sign chart of the second derivative changes sign). Coordinates and tick
positions are decimals for pgfplots: display only, nothing here decides anything.

Labels are stable for ``\\ref``: ``fig:<slug>`` (f), ``fig:<slug>-prime`` (f′) and
``fig:<slug>-overlay`` (both), with the slug of ``texutil.slug``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from markupsafe import Markup

from ..errors import OutsideClass
from ..functions import X, lookup
from ..language.notation import polish
from ..language.notation import tex as _raw_tex
from ..prover import discovery as facts

M = Markup
XMIN, XMAX = -6, 6


def tex(expr: sp.Expr) -> str:
    return polish(_raw_tex(expr))


@dataclass(frozen=True)
class Curve:
    """One more curve in a figure (the main one is ``Figure.coords``)."""

    coords: Markup
    style: Markup  # pgfplots options, e.g. "thick, red, densely dashed"
    legend: Markup  # LaTeX, e.g. $\sigma'(x)$


@dataclass(frozen=True)
class Figure:
    """A plot. The first five fields are the original interface; the rest have defaults, so a
    template written for the first five keeps working."""

    caption: str | Markup
    label: str
    ylabel: Markup
    coords: Markup
    mark: tuple[Markup, Markup, Markup] | None  # x, y, label
    curves: tuple[Curve, ...] = ()
    legend: Markup | None = None  # legend entry of the main curve (shown when there are more curves)
    style: Markup = M("thick, blue")
    xticks: tuple[tuple[Markup, Markup], ...] = ()  # (position, label); empty: pgfplots chooses
    yticks: tuple[tuple[Markup, Markup], ...] = ()
    asymptotes: tuple[Markup, ...] = ()  # y values of dashed horizontal lines
    xmin: Markup = M(str(XMIN))
    xmax: Markup = M(str(XMAX))
    ymin: Markup | None = None
    ymax: Markup | None = None


# ---------------------------------------------------------------- numbers for display only

def _display_number(value: sp.Expr) -> Fraction:
    """A decimal approximation of an exact number, for a coordinate (display only)."""
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return Fraction(str(sp.N(value, 30)))  # the 30-digit decimal itself, not a guessed closed form


def _display_decimal(value: Fraction, places: int = 4) -> str:
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tick_label(value: sp.Expr) -> str:
    """An exact value as a tick label: 0, ½ as \\tfrac{1}{2}; other numbers to three decimals."""
    if value.is_Integer:
        return f"${value}$"
    if value.is_Rational:
        sign = "-" if value < 0 else ""
        return rf"${sign}\tfrac{{{abs(value.p)}}}{{{value.q}}}$"
    return f"${_display_decimal(_display_number(value), 3)}$"


def _coords(points: list[tuple[Fraction, Fraction]]) -> Markup:
    return M(" ".join(f"({_display_decimal(x)},{_display_decimal(y, 5)})" for x, y in points))


# ---------------------------------------------------------------- what the engine knows about g

@dataclass(frozen=True)
class _Shape:
    points: list[tuple[Fraction, Fraction]]
    limits: tuple[sp.Expr, ...]  # finite limits at ±∞ (the horizontal asymptotes)
    top: facts.Fact | None  # the proved maximum, if any
    inflections: tuple[sp.Expr, ...]  # where the second derivative changes sign
    at_zero: sp.Expr | None  # g(0) when it is rational


def _inflections(g: sp.Expr) -> tuple[sp.Expr, ...]:
    from ..engine.expform import to_expform
    from ..engine.signchart import Undecided, sign_chart
    from ..language.parse import REAL_LINE

    try:
        chart = sign_chart(to_expform(g).derivative().derivative(), REAL_LINE)  # g″ on the normal form
    except (OutsideClass, Undecided):
        return ()
    if chart.poles():
        return ()
    signs = [s.sign for s in chart.segments]
    return tuple(m.x for i, m in enumerate(chart.marks) if signs[i] != signs[i + 1])


def _shape(g: sp.Expr) -> _Shape | None:
    try:
        points = facts.graph(g, XMIN, XMAX)
    except (OutsideClass, ValueError, TypeError, ZeroDivisionError):
        return None
    if not facts.in_class(g):
        return _Shape(points, (), None, (), None)
    limits = []
    for at in ("-oo", "oo"):
        fact = facts.limit(g, at)
        if fact is not None and fact.value is not None and fact.value.is_finite and fact.value not in limits:
            limits.append(fact.value)
    zero = g.subs(X, 0)
    return _Shape(points, tuple(limits), facts.maximum(g), _inflections(g),
                  zero if zero.is_Rational else None)


# ---------------------------------------------------------------- ticks

def _ticks(special: list[sp.Expr], lo: Fraction, hi: Fraction, scale: bool) -> tuple[tuple[Markup, Markup], ...]:
    """The special values first, then evenly spaced ones that do not crowd them (display only)."""
    span = hi - lo
    chosen: list[tuple[Fraction, str]] = []
    for v in special:
        pos = _display_number(v)
        if lo <= pos <= hi and all(abs(pos - p) >= span / 12 for p, _ in chosen):
            chosen.append((pos, _tick_label(v)))
    if scale or len(chosen) < 3:
        step = _nice_step(span / 6)
        k = -(-lo // step)
        while k * step <= hi:
            pos = k * step
            if all(abs(pos - p) > step * Fraction(3, 5) for p, _ in chosen):
                chosen.append((pos, f"${_display_decimal(pos)}$"))
            k += 1
    return tuple((M(_display_decimal(p, 5)), M(label)) for p, label in sorted(chosen))


def _nice_step(raw: Fraction) -> Fraction:
    step = Fraction(1)
    while step > raw:
        step /= 10
    while step * 10 <= raw:
        step *= 10
    for m in (1, 2, 5, 10):
        if step * m >= raw:
            return step * m
    return step * 10


def _yrange(points: list[tuple[Fraction, Fraction]], extra: list[Fraction], headroom: Fraction) -> tuple[Fraction, Fraction]:
    ys = [y for _, y in points] + extra
    lo, hi = min(ys), max(ys)
    span = hi - lo or Fraction(1)
    return lo - span / 10, hi + span * headroom


# ---------------------------------------------------------------- the figures

def _name(f: sp.Expr) -> tuple[str, str]:
    """LaTeX of f(x) and of f′(x) for labels and legends: σ(x) and σ'(x), (x σ(x))' for a short
    formula, f(x) and f'(x) for a long one."""
    body = tex(f)
    if lookup(f) is not None and body.endswith("(x)"):
        return body, body[:-3] + "'(x)"
    if len(body) > 24:
        return "f(x)", "f'(x)"
    return body, rf"\bigl({body}\bigr)'"


def _single(g: sp.Expr, shape: _Shape, label: str, ylabel: str, what: str) -> Figure:
    lo_x, hi_x = Fraction(XMIN), Fraction(XMAX)
    special_y = list(shape.limits)
    if shape.at_zero is not None:
        special_y.append(shape.at_zero)
    mark = None
    special_x: list[sp.Expr] = [sp.Integer(0)]
    notes: list[str] = []
    if shape.top is not None:
        special_y.append(shape.top.value)
        special_x.append(shape.top.at)
        mark = (M(_display_decimal(_display_number(shape.top.at))), M(_display_decimal(_display_number(shape.top.value), 5)),
                M(rf"$\max = {tex(shape.top.value)}$"))
        notes.append(rf"its maximum ${tex(shape.top.value)}$ at $x = {tex(shape.top.at)}$ marked")
    special_x += list(shape.inflections)
    if shape.inflections:
        shown = ", ".join(f"$x = {tex(p)}$" if p.is_Rational else
                          f"$x = {tex(p)} \\approx {_display_decimal(_display_number(p), 3)}$" for p in shape.inflections)
        notes.append(f"its inflection points {shown}" if len(shape.inflections) > 1
                     else f"its inflection point {shown}")
    if shape.limits:
        lines = " and ".join(f"$y = {tex(v)}$" for v in shape.limits)
        notes.append(f"the asymptote{'s' if len(shape.limits) > 1 else ''} {lines} dashed")
    ymin, ymax = _yrange(shape.points, [_display_number(v) for v in special_y],
                         Fraction(1, 4) if mark else Fraction(1, 10))
    caption = f"The graph of {what}" + (": " + "; ".join(notes) if notes else "") + "."
    return Figure(M(caption), label, M(f"${ylabel}$"), _coords(shape.points), mark,
                  xticks=_ticks(special_x, lo_x, hi_x, True), yticks=_ticks(special_y, ymin, ymax, False),
                  asymptotes=tuple(M(_display_decimal(_display_number(v), 5)) for v in shape.limits),
                  ymin=M(_display_decimal(ymin, 3)), ymax=M(_display_decimal(ymax, 3)))


def figures(f: sp.Expr, slug: str = "f") -> list[Figure]:
    """The graph of f, of f′ (with its maximum marked), and of both in one plot: labels
    ``fig:<slug>``, ``fig:<slug>-prime``, ``fig:<slug>-overlay``. None for a function with poles,
    or one that cannot be evaluated on [−6, 6]."""
    if facts.in_class(f) and facts.has_poles(f):
        return []
    d = sp.diff(f, X)
    fs, ds = _shape(f), _shape(d)
    if fs is None or ds is None:
        return []
    fx, dx = _name(f)
    out = [_single(f, fs, f"fig:{slug}", fx, f"${fx}$"),
           _single(d, ds, f"fig:{slug}-prime", dx, f"the derivative ${dx}$")]
    special_y = sorted(set(fs.limits) | set(ds.limits) | ({fs.at_zero} - {None})
                       | ({ds.top.value} if ds.top else set()), key=_display_number)
    special_x = [sp.Integer(0), *ds.inflections]
    ymin, ymax = _yrange(fs.points + ds.points, [_display_number(v) for v in special_y], Fraction(1, 10))
    out.append(Figure(M(f"${fx}$ and its derivative ${dx}$ in one plot."), f"fig:{slug}-overlay", M(""),
                      _coords(fs.points), None,
                      curves=(Curve(_coords(ds.points), M("thick, red, densely dashed"), M(f"${dx}$")),),
                      legend=M(f"${fx}$"),
                      xticks=_ticks(special_x, Fraction(XMIN), Fraction(XMAX), True),
                      yticks=_ticks(special_y, ymin, ymax, False),
                      asymptotes=tuple(M(_display_decimal(_display_number(v), 5)) for v in fs.limits),
                      ymin=M(_display_decimal(ymin, 3)), ymax=M(_display_decimal(ymax, 3))))
    return out
