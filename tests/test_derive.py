"""Derivations: every rule, every route, self-referential forms, higher orders and the induction."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from sigsym import derive
from sigsym.cli import main
from sigsym.derivation.derive import ROUTES
from sigsym.derivation.examples import evaluate
from sigsym.derivation.rules import RULES
from sigsym.engine.exact import formal_zero
from sigsym.errors import RouteError
from sigsym.functions import X
from sigsym.language.parse import parse
from sigsym.prover.higher import (
    nth_in_f,
    poly_expr,
    sigmoid_polys,
    stirling_coefficients,
    stirling_induction,
    stirling_matches,
    taylor_matches,
    taylor_sigmoid,
)


def test_sigmoid_rules_route_ends_in_self_referential_form() -> None:
    d = derive("sigmoid")
    rules = [s.rule for s in d.steps]
    assert rules[0] == "definition" and rules[-1] == "in terms of f"
    assert d.in_terms_of_f_text == "f*(1 - f)"
    assert d.steps[-1].latex == r"\sigma\left(x\right)\,\left(1 - \sigma\left(x\right)\right)"
    assert all(s.check.startswith("exact") for s in d.steps)


def test_every_rule_is_exercised() -> None:
    used = set()
    for text in ("sigmoid", "tanh", "softplus", "x**3 + 2*x", "x*exp(x)", "log(x)", "exp(x)", "exp(2*x)/(1 + x**2)",
                 "1/(1 + x**2)", "3*sinh(x)", "sqrt(1 + exp(x))", "log(1 + x**2)", "lambertw(x**2)"):
        used |= {s.rule.split(" (")[0] for s in derive(text).steps}
    for rule in RULES:
        assert rule.name in used, rule.name


@pytest.mark.parametrize("text", ["sigmoid", "tanh"])
def test_routes_agree(text: str) -> None:
    results = []
    for route in ROUTES:
        d = derive(text, route=route)
        results.append(parse(d.result_text))
        assert d.in_terms_of_f is not None
    assert all(formal_zero(results[0] - r) for r in results[1:])


def test_implicit_route_for_any_quotient() -> None:
    d = derive("logistic(x, 2, 3, 1)", route="implicit")
    assert d.in_terms_of_f_text == "3*f*(1 - f/2)"


def test_route_that_does_not_apply_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RouteError):
        derive("sech", route="first-principles")
    assert main(["derive", "sech", "--route", "first-principles"]) == 2
    assert main(["derive", "sigmoid", "--route", "magic"]) == 2
    assert main(["derive", "sigmoid", "--order", "0"]) == 2
    assert main(["derive", "sigmoid", "--order", "x"]) == 2
    assert main(["derive", "exp(x)", "--route", "implicit"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 5 and all(e.startswith("sigsym: error:") for e in err)


@pytest.mark.parametrize(("text", "expected"), [
    ("sigmoid", "f*(1 - f)"), ("tanh", "1 - f**2"), ("logistic(x, 2, 3, 1)", "3*f*(1 - f/2)"),
    ("diff(softplus(x), x)", "f*(1 - f)"), ("sech", None), ("softplus", None),
])
def test_in_terms_of_f_found_by_elimination(text: str, expected: str | None) -> None:
    assert derive(text).in_terms_of_f_text == expected


def test_order_7_matches_stirling_form() -> None:
    d = derive("sigmoid", order=7)
    closed = stirling_coefficients(7)
    expected = sp.Add(*[c * sp.Symbol("f") ** j for j, c in enumerate(closed)])
    assert sp.expand(d.in_terms_of_f - expected) == 0
    # and with the definition itself
    assert formal_zero(poly_expr(nth_in_f((0, 1, -1), 7)).subs(sp.Symbol("f"), parse("sigmoid")) - parse("diff(sigmoid, x, 7)"))


def test_second_derivative_and_inflection() -> None:
    d = derive("sigmoid", order=2)
    assert sp.factor(d.in_terms_of_f) == sp.factor(sp.sympify("f*(1 - f)*(1 - 2*f)"))


def test_stirling_induction_is_checked() -> None:
    proof = stirling_induction()
    assert proof.checked and len(proof.step) == 3
    assert all(stirling_matches(n) for n in (0, 1, 2, 10, 50))


def test_high_order_is_fast_path_and_consistent() -> None:
    p = sigmoid_polys(60).polys[60]
    assert list(p) == stirling_coefficients(60)
    d = derive("sigmoid", order=200)
    import math

    assert d.in_terms_of_f_text.startswith(f"{math.factorial(200)}*f**201 - ")
    assert d.in_terms_of_f_text.endswith(f"- {2**200 - 1}*f**2 + f")


def test_taylor_series() -> None:
    series = taylor_sigmoid(3)
    assert sp.expand(series - (sp.Rational(1, 2) + X / 4 - X**3 / 48 + X**5 / 480)) == 0
    assert taylor_matches(8)


def test_sigmoid_via_tanh() -> None:
    from sigsym import prove

    assert prove("sigmoid", "identity", equals="(1 + tanh(x/2))/2").proved


@pytest.mark.parametrize(("a", "decimal"), [("0", "0.2500"), ("1", "0.1966"), ("-1", "0.1966"), ("2", "0.1050"),
                                             ("-2", "0.1050"), ("3", "0.0452")])
def test_article_table_certified(a: str, decimal: str) -> None:
    ex = evaluate(parse("sigmoid"), sp.Integer(int(a)), 4)
    assert ex.decimal == decimal


def test_exact_example() -> None:
    ex = evaluate(parse("sigmoid"), sp.Integer(1), 10)
    assert sp.simplify(ex.exact - sp.E / (1 + sp.E) ** 2) == 0
    assert ex.decimal == "0.1966119332"


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["derive", "sigmoid", "--json", "--at", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("expr", "order", "result", "in_terms_of_f", "steps"):
        assert key in data
    for step in data["steps"]:
        assert {"rule", "before", "after", "latex"} <= set(step)
    assert data["in_terms_of_f"] == "f*(1 - f)" and data["at"]["decimal"] == "0.1050"


def test_repr_latex() -> None:
    assert derive("sigmoid")._repr_latex_().startswith(r"\begin{align*}")
    from sigsym import prove

    assert prove("sigmoid", "positive")._repr_latex_().startswith("$")
