"""Typed evidence: each kind is accepted exactly when its own exact or certified check holds,
and the kernel never reads the words of a counterexample."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from sigsym.functions import X, sigmoid
from sigsym.language.parse import REAL_LINE, parse_interval
from sigsym.prover.evidence import (
    EvaluatesUndefined,
    ExactLimit,
    ExactZero,
    ExtremeIs,
    ImageIs,
    NoExtreme,
    OutsideInterval,
    RootOfFactor,
    RoundingCell,
    SignAt,
    Undefined,
)
from sigsym.prover.kernel import Counterexample, StepKind
from sigsym.prover.properties import as_expr, prove

S1 = sigmoid(X).diff(X)  # σ′


@pytest.mark.parametrize(("evidence", "holds"), [
    (SignAt(sp.log(3) - 1, 1), True),
    (SignAt(sp.log(3) - 1, -1), False),
    (SignAt(sp.Integer(0), 0), False),  # a sign is ±1; zero needs ExactZero
    (ExactZero(sp.log(sp.Integer(8)) - 3 * sp.log(2)), True),
    (ExactZero(sp.Rational(1, 10**30)), False),
    (Undefined(sp.Integer(0), sp.Integer(0), 0), True),
    (Undefined(sp.Integer(0), sp.Integer(-1), -1), True),
    (Undefined(sp.Integer(0), sp.Integer(1), -1), False),
    (EvaluatesUndefined(1 / X, sp.Integer(0)), True),
    (EvaluatesUndefined(1 / X, sp.Integer(1)), False),
    (OutsideInterval(sp.Integer(0), parse_interval("(0, oo)")), True),
    (OutsideInterval(sp.Integer(0), parse_interval("[0, oo)")), False),
    (ExactLimit(sigmoid(X), sp.oo, sp.Integer(1), sp.oo), True),
    (ExactLimit(sigmoid(X), sp.oo, sp.Integer(1), sp.Integer(1)), False),  # the claim is right
    (ExactLimit(sigmoid(X), sp.oo, sp.Integer(0), sp.Integer(1)), False),  # the value is wrong
    (ExactLimit(sigmoid(X), sp.Integer(0), sp.Rational(1, 2), sp.Integer(0)), True),
    (ImageIs(S1, parse_interval("(0, 1/4]"), parse_interval("(0, 1/4)")), True),
    (ImageIs(S1, parse_interval("(0, 1/4]"), parse_interval("(0, 1/4]")), False),
    (ImageIs(S1, parse_interval("(0, 1/4)"), parse_interval("(0, 1/4]")), False),
    (NoExtreme(sigmoid(X), REAL_LINE, 1), True),
    (NoExtreme(S1, REAL_LINE, 1), False),
    (ExtremeIs(S1, REAL_LINE, 1, sp.Rational(1, 4), sp.Rational(1, 5)), True),
    (ExtremeIs(S1, REAL_LINE, 1, sp.Rational(1, 5), sp.Rational(1, 4)), False),
    (RoundingCell(S1.subs(X, 2), 4, Fraction(1050, 10**4), Fraction(1048, 10**4)), True),
    (RoundingCell(S1.subs(X, 2), 4, Fraction(1048, 10**4), Fraction(1050, 10**4)), False),
    (RoundingCell(S1.subs(X, 2), 4, Fraction(1050, 10**4), Fraction(1050, 10**4)), False),
    (RoundingCell(sp.Rational(1, 4), 1, Fraction(3, 10), Fraction(2, 10)), True),  # a tie, away from 0
])
def test_each_evidence_is_checked_by_its_own_test(evidence: object, holds: bool) -> None:
    assert evidence.verify() is holds  # type: ignore[attr-defined]


def test_root_of_factor_is_checked_by_divisibility() -> None:
    t = sp.Symbol("t", positive=True)
    f = sigmoid(X).diff(X, 2)  # σ″ = 0 at x = 0: t = 1 is a root of t − 1
    assert RootOfFactor(f, sp.Integer(0), sp.Poly(t - 1, t)).verify()
    assert not RootOfFactor(f, sp.Integer(1), sp.Poly(t - 1, t)).verify()  # e ≠ 1
    assert not RootOfFactor(f, sp.Integer(0), sp.Poly(t - 2, t)).verify()  # t − 2 does not divide
    assert not RootOfFactor(sigmoid(X), sp.Integer(0), sp.Poly(t - 1, t)).verify()


def test_the_kernel_does_not_read_the_check_words() -> None:
    """A counterexample whose words say 'exact' but whose evidence fails is not believed."""
    ce = Counterexample("exact", "exact", SignAt(sp.Integer(1), -1), check="exact: trust me")
    assert not ce.verify()
    ce = Counterexample("", "", ExactZero(sp.Integer(0)), check="interval arithmetic")
    assert ce.verify() and ce.expect == 0 and ce.witness == 0


def test_a_zero_of_a_high_derivative_is_shown_by_a_factor() -> None:
    p = prove("diff(sigmoid(x), x, 12)", "nonzero")
    assert p.verdict.value == "refuted"
    assert isinstance(p.counterexample.evidence, RootOfFactor)  # type: ignore[union-attr]


def test_refutations_without_a_point_carry_recomputable_evidence() -> None:
    assert isinstance(prove("sigmoid", "limit", at="oo", equals="oo").counterexample.evidence, ExactLimit)  # type: ignore[union-attr]
    assert isinstance(prove("sigmoid", "maximum", equals="1").counterexample.evidence, NoExtreme)  # type: ignore[union-attr]
    ce = prove("diff(sigmoid(x), x)", "range", equals="(0, 1/4)").counterexample
    assert ce is not None and ce.verify()


def test_steps_have_kinds_and_the_json_keeps_its_keys() -> None:
    p = prove("diff(sigmoid(x), x)", "positive")
    kinds = [s.kind for s in p.certificate]
    assert kinds[:3] == [StepKind.SUBSTITUTION, StepKind.ZEROS, StepKind.SIGN_CHART]
    assert kinds[-1] is StepKind.CONCLUSION
    step = p.as_dict()["certificate"][0]
    assert {"text", "latex", "check", "kind"} <= set(step) and step["kind"] == "substitution"
    assert as_expr("x") == X
