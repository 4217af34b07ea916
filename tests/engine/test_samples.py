"""Deterministic sample points (engine/samples.py): exact rationals, inside the interval."""

from __future__ import annotations

import sympy as sp

from sigsym.engine.algebraic import member
from sigsym.engine.samples import sample_points
from sigsym.language.parse import REAL_LINE, parse_interval


def test_the_line_reaches_700_both_ways() -> None:
    pts = sample_points(REAL_LINE)
    assert pts[0] == 0
    assert {sp.Integer(700), sp.Integer(-700), sp.Rational(1, 4)} <= set(pts)
    assert all(p.is_Rational for p in pts)
    assert [abs(p) for p in pts] == sorted(abs(p) for p in pts)


def test_open_and_closed_ends() -> None:
    closed = sample_points(parse_interval("[0, 1]"))
    opened = sample_points(parse_interval("(0, 1)"))
    assert 0 in closed and 1 in closed
    assert 0 not in opened and 1 not in opened
    assert {sp.Rational(k, 12) for k in range(1, 12)} <= set(opened)


def test_irrational_ends_are_respected_exactly() -> None:
    interval = parse_interval("(log(2), log(3)]")  # ≈ (0.693, 1.099]
    pts = sample_points(interval)
    assert pts == [sp.Integer(1)]
    assert all(member(interval, p) for p in pts)


def test_half_lines_get_points_near_their_end() -> None:
    pts = sample_points(parse_interval("[5/2, oo)"))
    assert {sp.Rational(5, 2), sp.Rational(21, 8), sp.Rational(7, 2)} <= set(pts)
    assert min(pts) == sp.Rational(5, 2)
    assert max(pts) == 700


def test_sampling_is_deterministic() -> None:
    interval = parse_interval("(-3, 7/3]")
    assert sample_points(interval) == sample_points.__wrapped__(interval)


def test_irrational_ends_a_hair_apart_still_get_points() -> None:
    """No point of the usual grid falls between them: the simplest rational between certified
    bounds just inside the ends comes first, then evenly spaced ones (all exactly inside)."""
    interval = parse_interval("[log(3 + 10**-15), log(3 + 2*10**-15)]")
    pts = sample_points(interval)
    assert len(pts) >= 3 and all(member(interval, p) for p in pts)
    assert pts[0].q < min(p.q for p in pts[1:])
    for text in ("(700 + sqrt(2), oo)", "(-oo, -700 - sqrt(3))"):
        far = parse_interval(text)
        pts = sample_points(far)
        assert pts and all(p.is_Integer and member(far, p) for p in pts)
