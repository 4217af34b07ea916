"""The exp normal form f = R(t), t = e^{(x − x0)/m}, poles kept (engine/expform.py).

Expected rational functions are worked out by hand beside each test; a numeric cross-check
evaluates R at t = e^{(x−x0)/m} with mpmath at 100 digits against the definition.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sigsym.engine.expform import T, in_class, to_expform
from sigsym.errors import OutsideClass
from sigsym.functions import X, sigmoid, softplus


def poly(expr: sp.Expr) -> sp.Poly:
    return sp.Poly(expr, T, domain=sp.QQ)


def as_ratio(expr: sp.Expr) -> tuple[sp.Poly, sp.Poly, int, sp.Expr]:
    f = to_expform(expr)
    return f.num, f.den, f.m, f.shift


def test_sigmoid() -> None:
    # 1/(1 + 1/t) = t/(t + 1)
    assert as_ratio(sigmoid(X)) == (poly(T), poly(T + 1), 1, 0)


def test_tanh() -> None:
    # (t − 1/t)/(t + 1/t) = (t² − 1)/(t² + 1)
    assert as_ratio(sp.tanh(X)) == (poly(T**2 - 1), poly(T**2 + 1), 1, 0)


def test_sech() -> None:
    # 2/(t + 1/t) = 2t/(t² + 1)
    assert as_ratio(sp.sech(X)) == (poly(2 * T), poly(T**2 + 1), 1, 0)


def test_shifted_sigmoid_keeps_the_shift() -> None:
    # σ(x − 1) with t = e^{x − 1}: the same t/(t + 1), shift x0 = 1
    assert as_ratio(sigmoid(X - 1)) == (poly(T), poly(T + 1), 1, 1)


def test_sigmoid_of_an_affine_argument() -> None:
    # σ(2x + 1): x0 = −1/2, t = e^{x + 1/2}, e^{−(2x+1)} = t^{−2}: t²/(t² + 1)
    assert as_ratio(sigmoid(2 * X + 1)) == (poly(T**2), poly(T**2 + 1), 1, sp.Rational(-1, 2))


def test_half_rates_use_a_root_of_e() -> None:
    # σ(x/2) with t = e^{x/2}: m = 2
    assert as_ratio(sigmoid(X / 2)) == (poly(T), poly(T + 1), 2, 0)
    # e^{x/2} + e^{x/3}: t = e^{x/6}, t³ + t²
    assert as_ratio(sp.exp(X / 2) + sp.exp(X / 3)) == (poly(T**3 + T**2), poly(1), 6, 0)


def test_different_shifts_are_outside_the_class() -> None:
    with pytest.raises(OutsideClass, match="different shifts"):
        to_expform(sigmoid(X) + sigmoid(X - 1))


@pytest.mark.parametrize("expr", [
    X * sigmoid(X),                  # x outside exp
    softplus(X),                     # a logarithm
    sp.exp(X**2),                    # not linear
    sp.exp(sp.sqrt(2) * X),          # irrational rate
    sp.exp(X) + sp.E,                # a transcendental constant beside t
    sp.exp(5000 * X),                # degree beyond the bound
    sp.sqrt(sigmoid(X)),             # fractional power
])
def test_outside_the_class(expr: sp.Expr) -> None:
    with pytest.raises(OutsideClass):
        to_expform(expr)
    assert in_class(expr) is False


def test_poles_survive_cancellation() -> None:
    # (e^x − 1)·(e^x − 1)^{−1} is 1 as a rational function, but undefined at x = 0 (t = 1)
    expr = sp.Mul(sp.exp(X) - 1, sp.Pow(sp.exp(X) - 1, -1, evaluate=False), evaluate=False)
    f = to_expform(expr)
    assert (f.num, f.den) == (poly(1), poly(1))
    assert f.poles == poly(T - 1)


def test_poles_are_squarefree() -> None:
    f = to_expform(1 / (sp.exp(X) - 2) ** 3)
    assert f.poles == poly(T - 2)
    assert f.den == poly((T - 2) ** 3)


def test_derivative_of_sigmoid() -> None:
    # d/dx t/(t+1) = t·(1/(t+1)²) = t/(t+1)²  (= σ(1 − σ)), same poles
    d = to_expform(sigmoid(X)).derivative()
    assert (d.num, d.den, d.poles) == (poly(T), poly((T + 1) ** 2), poly(T + 1))


def test_derivative_with_m_two() -> None:
    # e^x + e^{x/2} = t² + t with t = e^{x/2}; d/dx = (t/2)·(2t + 1) = t² + t/2
    d = to_expform(sp.exp(X) + sp.exp(X / 2)).derivative()
    assert (d.num, d.den, d.m) == (poly(T**2 + T / 2), poly(1), 2)


def test_t_and_x_correspond() -> None:
    f = to_expform(sigmoid(X - 1))
    assert f.t_of_x(sp.Integer(1)) == 1
    assert f.t_of_x(sp.oo) == sp.oo and f.t_of_x(-sp.oo) == 0
    assert f.x_of_t(sp.E**2) == 3


@pytest.mark.parametrize(("expr", "mp_f"), [
    (sigmoid(X), lambda x: 1 / (1 + mpmath.exp(-x))),
    (sp.tanh(3 * X / 2 - 1), lambda x: mpmath.tanh(3 * x / 2 - 1)),
    (sp.diff(sigmoid(X), X, 3), lambda x: mpmath.diff(lambda u: 1 / (1 + mpmath.exp(-u)), x, 3)),
    (sp.cosh(X) ** 2 - sp.sinh(X) ** 2, lambda x: mpmath.mpf(1)),
])
def test_normal_form_agrees_with_the_definition(expr: sp.Expr, mp_f) -> None:  # noqa: ANN001
    f = to_expform(expr)
    with mpmath.workdps(100):
        for x in (mpmath.mpf(-7) / 3, mpmath.mpf(0), mpmath.mpf(5) / 2):
            t = mpmath.exp((x - mpmath.mpf(f.shift.p) / f.shift.q) / f.m)
            num = sum(mpmath.mpf(c.p) / c.q * t**k for (k,), c in f.num.terms())
            den = sum(mpmath.mpf(c.p) / c.q * t**k for (k,), c in f.den.terms())
            assert abs(num / den - mp_f(x)) < mpmath.mpf(10) ** -80
