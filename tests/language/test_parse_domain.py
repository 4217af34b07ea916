"""The parser records where f is defined before SymPy simplifies (language/parse.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from sigsym.errors import ParseError
from sigsym.functions import X, sigmoid
from sigsym.language.parse import MAX_EXPONENT, Condition, parse, parse_function


@pytest.mark.parametrize(("text", "expr", "conditions"), [
    ("x/x", sp.Integer(1), [Condition(X, "nonzero")]),
    ("exp(log(x))", X, [Condition(X, "positive")]),
    ("sqrt(x)*sqrt(x)", X, [Condition(X, "nonnegative")]),
    ("sqrt(x)^2", X, [Condition(X, "nonnegative")]),
    ("x**(-1/2)", 1 / sp.sqrt(X), [Condition(X, "positive")]),
    ("x^(-2)", X**-2, [Condition(X, "nonzero")]),
    ("log(x^2)", sp.log(X**2), [Condition(X**2, "positive")]),
    ("1/(exp(x) - 1)", 1 / (sp.exp(X) - 1), [Condition(sp.exp(X) - 1, "nonzero")]),
])
def test_conditions_survive_simplification(text: str, expr: sp.Expr, conditions: list[Condition]) -> None:
    parsed = parse_function(text)
    assert parsed.expr == expr
    assert list(parsed.domain) == conditions


@pytest.mark.parametrize("text", ["1/sigmoid(x)", "log(sigmoid(x))", "1/(1 + exp(x))", "sqrt(cosh(x))", "x^2"])
def test_structurally_positive_subexpressions_need_no_condition(text: str) -> None:
    assert parse_function(text).domain == ()


def test_conditions_are_recorded_once() -> None:
    assert parse_function("1/x + 2/x").domain == (Condition(X, "nonzero"),)


@pytest.mark.parametrize(("text", "expected"), [
    ("2^3^2", sp.Integer(512)),                       # right associative: 2^(3^2)
    ("-x^2", -X**2),                                  # binds tighter than unary minus
    ("1 - tanh(x)^2", 1 - sp.tanh(X) ** 2),
    ("sigmoid(x)^2*2", 2 * sigmoid(X) ** 2),
    ("x^(1/2)", sp.sqrt(X)),
])
def test_caret_is_power_with_the_precedence_of_double_star(text: str, expected: sp.Expr) -> None:
    assert parse(text) == expected
    assert parse(text) == parse(text.replace("^", "**"))


def test_caret_power_records_its_condition() -> None:
    assert parse_function("x^(1/2)").domain == (Condition(X, "nonnegative"),)


def test_exponent_at_the_bound_is_accepted() -> None:
    assert parse(f"x^{MAX_EXPONENT}") == X**MAX_EXPONENT


@pytest.mark.parametrize("text", [f"x^{MAX_EXPONENT + 1}", f"x**(-{MAX_EXPONENT + 1})", "2^5000", "x^(1/2)^3000"])
def test_exponents_beyond_the_bound_are_rejected(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)


def test_error_column_points_at_the_caret_operand_in_the_original_text() -> None:
    with pytest.raises(ParseError) as info:
        parse(f"1 + x^{MAX_EXPONENT + 1}")
    assert info.value.column == 7  # the exponent, counted in the text as typed (^ is one character)
