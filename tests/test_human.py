"""Human proofs (issue 11): short, in the lecturer's words, every line a checked relation.

Each relation is re-checked here independently of the engine: both sides are evaluated by the
truth source of the adversarial battery (``truth.py``: its own parser and interval arithmetic),
at 50+ digits, at a few hundred points of ``where``.
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from truth import IV, Undefined, Unresolved, at_precision, ev, iv_of, parse

from sigsym.language.parse import parse as sig_parse
from sigsym.language.parse import parse_interval
from sigsym.prover.human import write
from sigsym.prover.relations import Relation, check

FORBIDDEN = ("Sturm", "Vincent", "interval arithmetic", "normal form", "over Q", "resultant",
             "sample point")

CLAIMS = [
    ("diff(sigmoid(x), x)", "positive", {}),
    ("diff(sigmoid(x), x)", "maximum", {"equals": "1/4"}),
    ("diff(sigmoid(x), x)", "even", {}),
    ("sigmoid(x) - 1/2", "odd", {}),
    ("diff(sigmoid(x), x)", "increasing", {"on": "(-oo, 0]"}),
    ("diff(sigmoid(x), x)", "decreasing", {"on": "[0, oo)"}),
    ("exp(x)/(1 + exp(2*x))", "positive", {}),
    ("diff(sigmoid(x), x)", "identity", {"equals": "sigmoid(x)*(1 - sigmoid(x))"}),
    ("diff(tanh(x), x)", "identity", {"equals": "1 - tanh(x)^2"}),
    ("tanh(x)", "identity", {"equals": "2*sigmoid(2*x) - 1"}),
]


def _options(opts: dict[str, str]) -> dict[str, object]:
    return {k: (parse_interval(v) if k == "on" else v) for k, v in opts.items()}


def _points(var: str, where: str | None) -> list[Fraction]:
    lo, hi = {"x": (-40, 40), "s": (0, 1), "u": (-1, 1)}[var]
    if where is not None:
        a, b = (w.strip() for w in where.strip("[]()").split(","))
        lo = lo if "oo" in a else Fraction(a)
        hi = hi if "oo" in b else Fraction(b)
    n = 240
    return [Fraction(lo) + (Fraction(hi) - Fraction(lo)) * Fraction(k, n) for k in range(1, n)]


def _holds(rel: Relation) -> None:
    """Evaluate lhs − rhs at 170 bits; '=' must be within 1e-40, inequalities certain."""
    lhs = parse(re.sub(rf"\b{rel.var}\b", "x", rel.lhs))
    rhs = parse(re.sub(rf"\b{rel.var}\b", "x", rel.rhs))
    for p in _points(rel.var, rel.where):
        try:
            d = at_precision(170, lambda p=p: ev(lhs, iv_of(p)) - ev(rhs, iv_of(p)))
        except (Undefined, Unresolved, ZeroDivisionError):
            continue
        lo, hi = d.a, d.b
        tiny = IV.mpf(10) ** -40
        if rel.op == "=":
            assert abs(lo) < tiny and abs(hi) < tiny, f"{rel} fails at {rel.var} = {p}"
        elif rel.op == ">":
            assert lo > 0, f"{rel} fails at {rel.var} = {p}"
        elif rel.op == "<":
            assert hi < 0, f"{rel} fails at {rel.var} = {p}"
        elif rel.op == ">=":
            assert lo > -tiny, f"{rel} fails at {rel.var} = {p}"
        elif rel.op == "<=":
            assert hi < tiny, f"{rel} fails at {rel.var} = {p}"


@pytest.mark.parametrize(("expr", "prop", "opts"), CLAIMS, ids=[f"{e} {p}" for e, p, _ in CLAIMS])
def test_human_proof_is_short_plain_and_every_line_holds(expr: str, prop: str, opts: dict[str, str]) -> None:
    steps = write(expr, sig_parse(expr), prop, _options(opts))
    assert steps is not None, "a human proof was expected"
    assert 2 <= len(steps) <= 8 or (prop == "identity" and 1 <= len(steps) <= 8)
    for step in steps:
        words = step.because + step.latex
        assert not any(w.lower() in words.lower() for w in FORBIDDEN), words
        assert step.relations, "every displayed line carries a relation"
        for rel in step.relations:
            _holds(rel)


def test_the_square_is_completed_for_the_maximum() -> None:
    steps = write("diff(sigmoid(x), x)", sig_parse("diff(sigmoid(x), x)"), "maximum", {"equals": "1/4"})
    assert steps is not None
    rel = steps[1].relations[0]
    assert (rel.op, rel.var, rel.rhs) == ("=", "s", "(s - 1/2)**2")
    assert steps[1].because == "complete the square"


def test_relations_in_s_are_checked_on_the_matching_x_interval() -> None:
    assert check(Relation("1 - 2*s", ">", "0", "s", "(0, 1/2)")).value == "proved"
    assert check(Relation("1 - 2*s", ">", "0", "s", "(0, 3/4)")).value == "refuted"
    assert check(Relation("1/4 - s*(1 - s)", "=", "(s - 1/2)^2", "s")).value == "proved"
    assert check(Relation("1 - u^2", ">", "0", "u")).value == "proved"


def test_a_relation_in_s_may_not_use_x() -> None:
    from sigsym.errors import ParseError

    with pytest.raises(ParseError, match="must not use x"):
        check(Relation("s + x", ">", "0", "s"))


def test_no_human_proof_outside_the_sigma_form() -> None:
    assert write("exp(x/2)", sig_parse("exp(x/2)"), "positive", {}) is None


def test_prove_json_carries_the_human_proof(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from sigsym.cli import main

    assert main(["prove", "diff(sigmoid(x), x)", "maximum", "--equals", "1/4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "proved" and data["steps"]  # the certificate stays
    human = data["human"]
    assert 2 <= len(human) <= 8
    assert human[1]["because"] == "complete the square"
    assert {"lhs", "op", "rhs", "var", "where"} <= set(human[1]["relation"])
    for step in human:
        for link in step["chain"]:
            _holds(Relation(**link))


def test_refuted_and_unknown_claims_have_no_human_proof(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from sigsym.cli import main

    main(["prove", "diff(sigmoid(x), x)", "decreasing", "--json"])
    assert json.loads(capsys.readouterr().out)["human"] is None
