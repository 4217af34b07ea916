"""`sigsym facts`: what is found is then proved; the list is complete for σ, σ′ and tanh."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sigsym
from sigsym.prover.facts import facts


def _table(expr: str) -> dict[str, str]:
    return {f.statement: f.verdict.value for f in facts(expr)}


def test_sigmoid_prime_facts_are_the_lecture_facts() -> None:
    t = _table("diff(sigmoid(x), x)")
    assert t["f is even"] == "proved" and t["f is not odd"] == "refuted"
    assert t["f is positive on R"] == "proved"
    assert t["f(x) → 0 as x → oo"] == "proved" and t["f(x) → 0 as x → -oo"] == "proved"
    assert t["f is increasing on (-oo, 0]"] == "proved"
    assert t["f is decreasing on [0, oo)"] == "proved"
    assert t["the maximum of f is 1/4, at x = 0"] == "proved"
    assert t["the range of f is (0, 1/4]"] == "proved"
    assert t["f has an inflection point at x = log(sqrt(3) + 2)"] == "proved"
    assert t["f has an inflection point at x = -log(sqrt(3) + 2)"] == "proved"
    assert "unknown" not in t.values()


def test_sigmoid_and_tanh() -> None:
    s = _table("sigmoid")
    assert s["f is increasing on R"] == "proved" and s["the range of f is (0, 1)"] == "proved"
    assert s["f is convex on (-oo, 0] (f″ > 0 inside)"] == "proved"
    th = _table("tanh")
    assert th["f is odd"] == "proved" and th["f(0) = 0"] == "proved"
    assert th["the range of f is (-1, 1)"] == "proved"


def test_a_pole_splits_the_pieces_and_stays_open() -> None:
    t = _table("1/(exp(x) - 1)")
    assert t["f is negative on (-oo, 0)"] == "proved"
    assert t["f is convex on (0, oo) (f″ > 0 inside)"] == "proved"
    assert t["f(x) → -1 as x → -oo"] == "proved"


def test_facts_are_deterministic_and_in_the_api() -> None:
    a = [f.as_dict() for f in sigsym.facts("diff(sigmoid(x), x)")]
    b = [f.as_dict() for f in sigsym.facts("diff(sigmoid(x), x)")]
    assert a == b and "facts" in dir(sigsym)


def test_cli_facts_json() -> None:
    out = subprocess.run([sys.executable, "-m", "sigsym", "facts", "tanh", "--json"], capture_output=True,
                         text=True, check=True).stdout
    data = json.loads(out)
    assert data["expr"] == "tanh"
    assert {"topic": "parity", "statement": "f is odd", "verdict": "proved"}.items() <= data["facts"][1].items()


def test_exponential_polynomials_on_an_interval_with_irrational_ends() -> None:
    t = {f.statement: f.verdict.value for f in facts("x*exp(-x)", on="[0, log(10)]")}
    assert t["f(0) = 0"] == "proved" and t["f is positive on (0, log(10)]"] == "proved"
    assert t["the maximum of f is exp(-1), at x = 1"] == "proved"
    assert t["f has an inflection point at x = 2"] == "proved"
    assert set(t.values()) == {"proved"}
    sq = {f.statement: f.verdict.value for f in facts("x**2 - 2", on="[-1, sqrt(2)]")}
    assert sq["f(sqrt(2)) = 0"] == "proved" and sq["f is negative on [-1, sqrt(2))"] == "proved"


def test_cli_facts_for_silu_json() -> None:
    out = subprocess.run([sys.executable, "-m", "sigsym", "facts", "x*sigmoid(x)", "--json"], capture_output=True,
                         text=True, check=True).stdout
    data = json.loads(out)
    extreme = [f for f in data["facts"] if f["topic"] == "extreme"]
    assert extreme == [{"topic": "extreme", "statement": "the minimum of f is -lambertw(exp(-1)), at x = -1 - lambertw(exp(-1))",
                        "verdict": "proved", "property": "minimum",
                        "options": {"at": "-1 - lambertw(exp(-1))", "equals": "-lambertw(exp(-1))"},
                        "method": "critical points (certified root isolation) and exact comparison"}]


@pytest.mark.parametrize(("expr", "domain"), [
    ("log(x)", "(0, oo)"), ("sqrt(x)*exp(-x)", "[0, oo)"), ("log(1-x**2)", "(-1, 1)"), ("sqrt(4-x**2)", "[-2, 2]"),
    ("log(exp(x)-1)", "(0, oo)"), ("1/x", None), ("sigmoid(x)", None), ("log(x**2+1)", None),
])
def test_the_domain_is_found_exactly(expr: str, domain: str | None) -> None:
    from sigsym.prover.facts import domain_of

    found = domain_of(expr)
    assert (str(found) if found else None) == domain


def test_facts_of_log_are_on_its_domain() -> None:
    from sigsym import facts

    items = {(f.topic, f.statement): f.verdict.value for f in facts("log(x)")}
    assert items[("monotone", "f is increasing on (0, oo)")] == "proved"
    assert items[("limit", "f(x) → oo as x → oo")] == "proved"
    assert not any("-oo" in statement for _, statement in items)
