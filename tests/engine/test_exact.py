"""Exact zero tests of real constants (engine/exact.py).

Every expected verdict is established by hand: the algebra is in the comment beside it.
A `None` (undecided) is the only acceptable answer outside the decidable kind.
"""

from __future__ import annotations

import pytest
import sympy as sp

from sigsym.engine import exact
from sigsym.functions import X, sigmoid

THIRD = sp.Rational(1, 3)


@pytest.mark.parametrize("number", [
    sp.log(9) / 2 - sp.log(3),                       # log 9 = 2 log 3
    sp.log(2) + sp.log(3) - sp.log(6),               # log is a homomorphism
    sp.log(sp.sqrt(2)) - sp.log(2) / 2,
    2 + sp.sqrt(3) - sp.sqrt(7 + 4 * sp.sqrt(3)),    # (2+√3)² = 7+4√3
    (sp.sqrt(2) + sp.sqrt(3)) ** 2 - 5 - 2 * sp.sqrt(6),
    sp.exp(THIRD) ** 3 - sp.E,                        # (e^{1/3})³ = e
    sigmoid(sp.log(3)) - sp.Rational(3, 4),          # 1/(1 + 1/3)
    sp.tanh(sp.log(2)) - sp.Rational(3, 5),          # (4−1)/(4+1)
    sp.CRootOf(X**5 - X - 1, 0) ** 5 - sp.CRootOf(X**5 - X - 1, 0) - 1,
])
def test_zero_written_differently_is_zero(number: sp.Expr) -> None:
    assert exact.is_zero(number) is True


@pytest.mark.parametrize("number", [
    sp.exp(THIRD) - sp.Rational(7, 5),               # e^{1/3} is transcendental (Lindemann)
    sp.exp(THIRD) - sp.cbrt(3),                       # … and never equal to an algebraic number
    sp.exp(THIRD) - sp.CRootOf(X**5 - X - 1, 0),
    sp.log(2) + sp.log(3) - sp.log(5),               # 6 ≠ 5
    1 + sp.log(2) - sp.log(3),                       # e = 3/2 would make e algebraic
    2 + sp.sqrt(3) - sp.sqrt(7 + 4 * sp.sqrt(3)) + sp.Rational(1, 10**30),
    sp.sqrt(2) - sp.Rational(141421356237309504880168872421, 10**29),
])
def test_nonzero_numbers_are_nonzero(number: sp.Expr) -> None:
    assert exact.is_zero(number) is False


@pytest.mark.parametrize("number", [sp.pi - 3, sp.pi - sp.Rational(355, 113), sp.exp(sp.sqrt(2)) - 4])
def test_outside_the_decidable_kind_is_undecided(number: sp.Expr) -> None:
    assert exact.is_zero(number) is None
    assert exact.is_decidable(number) is False


@pytest.mark.parametrize("number", [
    1 + sp.log(sp.cos(1)),             # Lindemann needs an algebraic argument: cos 1 is not one
    1 + sp.log(sp.LambertW(1)),        # nor is the omega constant
    1 + sp.log(1 + sp.Integer(2) ** sp.sqrt(2)),  # nor 1 + 2^√2 (Gelfond–Schneider)
])
def test_log_combinations_need_algebraic_arguments(number: sp.Expr) -> None:
    # c + Σ q·log(a) ≠ 0 for c ≠ 0 only when every a is algebraic; otherwise: not decided
    assert exact.is_zero(number) is None


def test_rationals_are_decided_directly() -> None:
    assert exact.is_zero(sp.Integer(0)) is True
    assert exact.is_zero(sp.Rational(1, 10**40)) is False


def test_tiny_exponents_share_a_small_generator() -> None:
    # e^{3/10^34} = (e^{1/10^34})³: the gcd of the exponents is the generator, not 1/10^34·lcm
    g = sp.Rational(1, 10**34)
    number = sp.exp(3 * g) - sp.Mul(sp.exp(g), sp.exp(g), sp.exp(g), evaluate=False)
    assert exact.is_zero(number) is True
    assert exact.is_zero(sp.exp(3 * g) - sp.exp(2 * g)) is False


def test_formal_zero_of_sigmoid_symmetry() -> None:
    assert exact.formal_zero(sigmoid(X) + sigmoid(-X) - 1) is True       # σ(−x) = 1 − σ(x)
    assert exact.formal_zero(sp.tanh(X) - (2 * sigmoid(2 * X) - 1)) is True


def test_formal_zero_is_never_a_claim_of_nonzero() -> None:
    assert exact.formal_zero(sigmoid(X) - sp.Rational(1, 2)) is False   # zero at x = 0 only
    assert exact.formal_zero(sigmoid(X) - sigmoid(-X)) is False
