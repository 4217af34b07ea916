"""Where f is defined: violations at points and on intervals (engine/domain.py).

Holes are known by hand: x/x at 0, 1/(e^x − 1) at 0, 1/(e^x − 2) at log 2, sqrt(tanh x) on x < 0.
"""

from __future__ import annotations

import pytest
import sympy as sp

from sigsym.engine.algebraic import compare
from sigsym.engine.domain import asymmetric, differs, violation_at, violation_on
from sigsym.engine.signchart import Undecided
from sigsym.language.parse import parse_function, parse_interval


def domain(text: str) -> tuple:
    return parse_function(text).domain


def test_x_over_x_is_undefined_at_zero_only() -> None:
    v = violation_at(domain("x/x"), sp.Integer(0))
    assert (v.x, v.witness, v.expect) == (0, 0, 0)
    assert violation_at(domain("x/x"), sp.Integer(1)) is None


def test_log_of_a_negative_point() -> None:
    v = violation_at(domain("log(x)"), sp.Integer(-1))
    assert (v.condition.kind, v.expect) == ("positive", -1)


def test_a_pole_at_an_irrational_point_is_found_exactly() -> None:
    v = violation_at(domain("1/(exp(x) - 2)"), sp.log(4) / 2)  # log(4)/2 = log 2: e^x − 2 = 0 exactly
    assert v is not None and v.expect == 0
    assert violation_at(domain("1/(exp(x) - 2)"), sp.log(2) + sp.Rational(1, 10**30)) is None


def test_violation_on_the_line_and_off_the_hole() -> None:
    d = domain("1/(exp(x) - 1)")
    assert violation_on(d).x == 0
    assert violation_on(d, parse_interval("(0, 1]")) is None
    assert violation_on(d, parse_interval("[0, 1]")).x == 0  # the hole on a closed end


def test_half_line_violation_of_a_class_condition() -> None:
    d = domain("sqrt(tanh(x))")  # tanh x ≥ 0 ⇔ x ≥ 0
    v = violation_on(d)
    assert v.expect == -1 and compare(v.x, sp.Integer(0)) == -1
    assert violation_on(d, parse_interval("[0, oo)")) is None


def test_an_irrational_hole_exactly_at_an_open_end_is_outside() -> None:
    d = domain("1/(exp(x) - 2)")
    assert violation_on(d, parse_interval("(log(2), oo)")) is None
    v = violation_on(d, parse_interval("[log(4)/2, 3]"))
    assert v is not None and compare(v.x, sp.log(2)) == 0


def test_a_condition_outside_the_class_is_undecided_where_samples_hold() -> None:
    # e^{e^x} − 3 ≠ 0 is outside both classes; it fails at x = ln ln 3 ≈ 0.094, which no
    # rational sample point hits: sampling proves nothing, so the answer is Undecided
    with pytest.raises(Undecided):
        violation_on(domain("1/(exp(exp(x)) - 3)"), parse_interval("(0, oo)"))


def test_a_polynomial_condition_is_decided_by_exponential_polynomials() -> None:
    assert violation_on(domain("x/x"), parse_interval("(0, oo)")) is None
    assert violation_on(domain("x/x"), parse_interval("[0, oo)")).x == 0


def test_differs_finds_where_f_is_undefined_and_g_defined() -> None:
    assert differs(domain("x/x"), domain("1")).x == 0
    assert differs(domain("x/x"), domain("1/x")) is None
    assert differs(domain("1"), domain("x/x")) is None


def test_asymmetric_domains() -> None:
    v = asymmetric(domain("1/(exp(x) - 2)"))  # undefined at log 2, defined at −log 2
    assert v is not None and compare(v.x, sp.log(2)) == 0
    assert asymmetric(domain("1/tanh(x)")) is None  # the hole at 0 is its own mirror
    assert asymmetric(domain("1/(cosh(x) - 2)")) is None  # holes at ±acosh 2
    assert asymmetric(domain("sqrt(x)")) is not None
