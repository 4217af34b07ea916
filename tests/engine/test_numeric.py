"""Interval enclosures, exact ends, certified signs and certified decimals (engine/numeric.py).

Expected values come from mpmath at 100 digits or from hand arithmetic on fractions; nothing
here is compared through a double.
"""

from __future__ import annotations

import os
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import iv

from sigsym.engine import exact, numeric
from sigsym.errors import OutsideClass
from sigsym.functions import X, sigmoid

CI = bool(os.environ.get("CI"))


def mp100(f):  # noqa: ANN001,ANN201 - a value of mpmath at 100 digits
    with mpmath.workdps(100):
        return f()


def frac_of_mp(v: mpmath.mpf) -> Fraction:
    man, exp = v.man_exp  # exact, at the precision v was made with
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def contains(enc: object, value: Fraction) -> bool:
    lo, hi = numeric.to_fraction(enc)
    return lo <= value <= hi


# ---------------------------------------------------------------- signs of enclosures

def test_log_of_zero_gives_no_sign() -> None:
    assert numeric.certain_sign(iv.log(0)) is None  # [-inf, -inf]: no information, not "negative"


def test_unbounded_enclosure_has_no_exact_ends() -> None:
    assert numeric.exact_ends(iv.log(0)) is None
    with pytest.raises(numeric.Unbounded):
        numeric.to_fraction(iv.log(0))


def test_sign_at_a_point_where_log_is_minus_infinity_is_unknown() -> None:
    assert numeric.sign(sp.log(X), at=sp.Integer(0)) is None


@pytest.mark.parametrize(("lo", "hi", "expected"), [
    (1, 2, 1), (-2, -1, -1), (-1, 1, None), (0, 1, None), (-1, 0, None), (0, 0, None),
])
def test_certain_sign_needs_zero_excluded(lo: int, hi: int, expected: int | None) -> None:
    assert numeric.certain_sign(iv.mpf([lo, hi])) == expected


def test_certain_sign_of_a_tiny_positive_interval() -> None:
    tiny = iv.mpf(2) ** -3000
    assert numeric.certain_sign(iv.mpf([tiny.a, 1])) == 1


def test_sign_of_an_exact_zero_is_never_certified() -> None:
    # (√2+√3)² − 5 − 2√6 is exactly 0: interval arithmetic may never call it positive or negative
    assert numeric.sign((sp.sqrt(2) + sp.sqrt(3)) ** 2 - 5 - 2 * sp.sqrt(6)) is None


def test_sign_separates_numbers_1e30_apart() -> None:
    assert numeric.sign(sp.sqrt(2) + sp.Rational(1, 10**30) - sp.sqrt(2)) == 1
    assert numeric.sign(sp.exp(sp.Rational(1, 3)) - sp.exp(sp.Rational(1, 3)) * (1 + sp.Rational(1, 10**30))) == -1


def test_sign_of_sigmoid_derivative_far_left_is_positive() -> None:
    # σ'(−700) = e^{−700}/(1+e^{−700})² ≈ 1e−304: tiny, still certified positive
    assert numeric.sign(sp.exp(-X) / (1 + sp.exp(-X)) ** 2, at=sp.Integer(-700)) == 1


# ---------------------------------------------------------------- exact ends

def test_exact_ends_of_one_third_keep_all_200_bits() -> None:
    with numeric._Prec(200):
        third = iv.mpf(1) / 3
    lo, hi = numeric.exact_ends(third)
    assert lo < Fraction(1, 3) < hi
    assert hi - lo <= Fraction(1, 2**200)  # a double would have left a gap of about 2^-54


def test_exact_ends_of_a_binary_point() -> None:
    assert numeric.exact_ends(iv.mpf(0.1)) == (Fraction(0.1), Fraction(0.1))  # the double's exact value
    assert numeric.exact_ends(iv.mpf([-3, 5])) == (Fraction(-3), Fraction(5))


def test_exact_ends_beyond_the_binary_exponent_bound_are_no_information() -> None:
    huge = iv.mpf(2) ** (2**21)
    assert numeric.exact_ends(huge) is None


@settings(deadline=None, derandomize=CI, max_examples=60)
@given(p=st.integers(-10**40, 10**40), q=st.integers(1, 10**40), bits=st.sampled_from([53, 80, 200]))
def test_exact_ends_of_a_quotient_contain_it(p: int, q: int, bits: int) -> None:
    with numeric._Prec(bits):
        v = iv.mpf(p) / q
    lo, hi = numeric.exact_ends(v)
    assert lo <= Fraction(p, q) <= hi


# ---------------------------------------------------------------- enclosures of expressions

def test_sigmoid_at_zero_is_exactly_one_half() -> None:
    assert numeric.to_fraction(numeric.enclose(sigmoid(X), at=sp.Integer(0))) == (Fraction(1, 2), Fraction(1, 2))


@pytest.mark.parametrize(("expr", "mp_value"), [
    (sp.pi, lambda: +mpmath.pi),
    (sp.E, lambda: +mpmath.e),
    (sp.exp(sp.Rational(1, 3)), lambda: mpmath.exp(mpmath.mpf(1) / 3)),
    (sp.Integer(2) ** sp.Rational(1, 3), lambda: mpmath.cbrt(2)),
    (sp.log(3) / 2, lambda: mpmath.log(3) / 2),
])
def test_enclosures_at_200_bits_are_tight_and_contain_the_value(expr: sp.Expr, mp_value) -> None:  # noqa: ANN001
    enc = numeric.enclose(expr, bits=200)
    lo, hi = numeric.to_fraction(enc)
    value = mp100(mp_value)
    assert lo <= frac_of_mp(value) + Fraction(1, 10**95) and frac_of_mp(value) - Fraction(1, 10**95) <= hi
    assert hi - lo < Fraction(1, 2**190)  # the requested precision, whatever the context's default


def test_enclosure_of_sigmoid_at_700_contains_the_value() -> None:
    value = mp100(lambda: 1 / (1 + mpmath.exp(-700)))
    enc = numeric.enclose(sigmoid(X), at=sp.Integer(700), bits=160)
    lo, hi = numeric.to_fraction(enc)
    assert lo <= frac_of_mp(value) + Fraction(1, 10**99) and frac_of_mp(value) - Fraction(1, 10**99) <= hi


def test_enclosure_of_a_crootof_contains_the_root() -> None:
    r = sp.CRootOf(X**5 - X - 1, 0)
    root = mp100(lambda: mpmath.findroot(lambda t: t**5 - t - 1, mpmath.mpf("1.1673")))
    lo, hi = numeric.to_fraction(numeric.enclose(r, bits=120))
    assert lo - Fraction(1, 10**90) <= frac_of_mp(root) <= hi + Fraction(1, 10**90)
    assert hi - lo < Fraction(1, 10**30)


def test_unknown_functions_are_outside_the_interval_evaluator() -> None:
    with pytest.raises(OutsideClass):
        numeric.compile_iv(sp.gamma(X))
    assert numeric.enclose(sp.gamma(X), at=sp.Integer(1)) is None


# ---------------------------------------------------------------- rounding

@pytest.mark.parametrize(("value", "digits", "expected"), [
    (Fraction(5, 2), 0, Fraction(3)),
    (Fraction(-5, 2), 0, Fraction(-3)),
    (Fraction(1, 8), 2, Fraction(13, 100)),
    (Fraction(-1, 8), 2, Fraction(-13, 100)),
    (Fraction(1, 8) - Fraction(1, 10**30), 2, Fraction(12, 100)),
    (Fraction(2, 3), 3, Fraction(667, 1000)),
])
def test_round_half_away_from_zero(value: Fraction, digits: int, expected: Fraction) -> None:
    assert numeric.round_half_away(value, digits) == expected


def test_certified_round_of_a_rational_tie() -> None:
    assert numeric.certified_round(sp.Rational(1, 8), 2, lambda b: None) == Fraction(13, 100)


@pytest.mark.parametrize(("offset", "expected"), [(1, Fraction(13, 100)), (-1, Fraction(12, 100))])
def test_certified_round_just_off_a_half_unit(offset: int, expected: Fraction) -> None:
    number = sp.Rational(1, 8) + offset * sp.sqrt(2) / 10**30  # 1e-30 from the boundary 0.125
    assert numeric.certified_round(number, 2, lambda b: None) == expected


def test_certified_round_of_an_irrational_looking_exact_tie() -> None:
    # σ(log 3)/6 = (3/4)/6 = 1/8 exactly: the enclosure straddles 0.125 forever; the exact
    # tie test settles it and the tie rounds away from zero
    number = sigmoid(sp.log(3)) / 6
    assert not number.is_Rational
    assert numeric.certified_round(number, 2, lambda b: exact.is_zero(number - sp.Rational(b.numerator, b.denominator))) \
        == Fraction(13, 100)


def test_certified_round_of_a_negative_exact_tie_rounds_away_from_zero() -> None:
    number = -sigmoid(sp.log(3)) / 6  # −1/8 exactly
    assert numeric.certified_round(number, 2, lambda b: exact.is_zero(number - sp.Rational(b.numerator, b.denominator))) \
        == Fraction(-13, 100)


def test_certified_round_of_an_exact_zero_in_disguise() -> None:
    assert numeric.certified_round(sigmoid(sp.log(3)) - sp.Rational(3, 4), 2, lambda b: None) == 0


def test_certified_round_never_guesses_a_near_tie() -> None:
    number = sp.Rational(1, 8) + sp.exp(-1000)  # 1/8 + 1e-435: beyond every precision tried
    got = numeric.certified_round(number, 2, lambda b: exact.is_zero(number - sp.Rational(b.numerator, b.denominator)))
    assert got in (None, Fraction(13, 100))


def test_certified_round_of_pi_to_20_digits() -> None:
    expected = Fraction(int(mp100(lambda: mpmath.nint(mpmath.pi * mpmath.mpf(10) ** 20))), 10**20)
    assert numeric.certified_round(sp.pi, 20, lambda b: None) == expected


def test_decimal_prints_exactly_the_digits_asked_for() -> None:
    assert numeric.decimal(Fraction(-1, 8), 3) == "-0.125"
    assert numeric.decimal(Fraction(1, 20), 2) == "0.05"
    assert numeric.decimal(Fraction(7), 2) == "7.00"
    assert numeric.decimal(Fraction(12), 0) == "12"


@pytest.mark.parametrize(("expr", "mp_value"), [
    (sp.pi, lambda: +mpmath.pi),
    (sp.E, lambda: +mpmath.e),
    (sp.sqrt(2) / 10**30, lambda: mpmath.sqrt(2) / mpmath.mpf(10) ** 30),
    (-sp.log(7), lambda: -mpmath.log(7)),
])
def test_approx_is_correctly_rounded_at_20_digits(expr: sp.Expr, mp_value) -> None:  # noqa: ANN001
    expected = mp100(lambda: mpmath.nstr(mp_value(), 20))
    assert mpmath.mpf(numeric.approx(expr, 20)) == mpmath.mpf(expected)
    assert numeric.approx(expr, 20).replace("-", "").lstrip("0.")[:20] == expected.replace("-", "").lstrip("0.")[:20]


def test_approx_of_an_undefined_value_is_a_question_mark() -> None:
    assert numeric.approx(sp.gamma(sp.Rational(1, 3))) == "?"  # not evaluable: no digits made up
