"""Integer powers of Arb balls: python-flint's ``arb ** int`` is NaN for a ball holding 0, so a sign
next to a root of odd multiplicity was never certified and a true refutation became an internal error."""

from fractions import Fraction

import sympy as sp
from flint import arb, fmpq

from sigsym import prove
from sigsym.engine.numeric import _arb_ipow, sign


def test_integer_powers_enclose_the_true_power() -> None:
    for mid, rad in ((Fraction(0), Fraction(1, 10**30)), (Fraction(-2), Fraction(1, 10)), (Fraction(3), Fraction(0)),
                     (Fraction(1, 2), Fraction(1, 1000))):
        b = arb(fmpq(mid.numerator, mid.denominator), fmpq(rad.numerator, rad.denominator))
        for n in range(-3, 8):
            if n < 0 and 0 in b:
                continue
            p = _arb_ipow(b, n)
            assert p.is_finite()
            for x in (mid - rad, mid, mid + rad):
                true = x**n
                assert p.contains(arb(fmpq(true.numerator, true.denominator))), (mid, rad, n, x)
    assert _arb_ipow(arb(0, fmpq(1, 10**30)), 2).lower() >= -arb(fmpq(1, 10**59))  # even power around 0


def test_sign_a_hair_from_a_root_of_odd_multiplicity() -> None:
    x = sp.Rational(2235281865747654, 1148707645536883)  # within 1e-31 of log 7, above it
    witness = (sp.tanh(x) - sp.Rational(24, 25)) ** 3 * (1 / (1 + sp.exp(x)) - sp.Rational(1, 8)) ** 2
    assert sign(witness) == 1


def test_the_refutation_in_a_tiny_interval_above_a_root_is_checked() -> None:
    proof = prove("(sigmoid(-x) - 1/(1 + 7))^2*(tanh(x) - (7^2 - 1)/(7^2 + 1))^3", "nonpositive",
                  on="(0.5*log(sqrt(49))*2, log(7.000000000000000000000000000002)]")
    assert proof.verdict.value == "refuted"
    assert proof.counterexample is not None and proof.counterexample.verify()


def test_a_root_of_huge_index_is_evaluated_not_an_overflow() -> None:
    # Arb's root takes a machine-word index; (1 + x²)^(1/10²⁰) was an internal error (OverflowError)
    from sigsym.engine.numeric import compile_iv, point
    from sigsym.functions import X

    fn = compile_iv((1 + X**2) ** sp.Rational(1, 10**20))
    value = fn(point(sp.Integer(3)))
    assert value.a <= 1 + sp.Float("2.302585092994045684e-20", 30) <= value.b  # 10^(1/10²⁰) = 1 + ln 10 / 10²⁰ + …
    assert prove("exp(1e-20*log(1+x**2)*1)", "positive").verdict.value in ("proved", "unknown")
