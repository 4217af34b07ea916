"""Issue 13, first step: claims about quotients of exponential polynomials (bare x allowed).

Truths are elementary: x² ≥ 0 with its zero at 0, (x − 1/3)² > 0 away from 1/3, x·e^{−x}
increasing exactly up to 1, x/(x² + 1) increasing exactly on [−1, 1], SiLU positive for x > 0 and
not monotone (its minimum is at −1 − W(1/e) ≈ −1.278), x·σ(x) → 0 as x → −∞.
"""

from __future__ import annotations

import pytest

from sigsym import prove

CASES = [
    ("x**2", "nonnegative", {}, "proved"),
    ("x**2", "positive", {}, "refuted"),
    ("(x-1)**2", "nonnegative", {}, "proved"),
    ("(x - 1/3)**2", "positive", {"on": "(1/3, 1)"}, "proved"),
    ("(x - 1/3)**2", "positive", {"on": "[1/3, 1)"}, "refuted"),
    ("x**2 - 2", "positive", {"on": "[1.41421356237309504880168872420969808, 2]"}, "proved"),
    ("x**2 - 2", "positive", {"on": "[1.4142135623730950488016887242096980, 2]"}, "refuted"),
    ("x*exp(-x)", "increasing", {"on": "(-oo, 1]"}, "proved"),
    ("x*exp(-x)", "increasing", {}, "refuted"),
    ("x/(x**2 + 1)", "increasing", {"on": "[-1, 1]"}, "proved"),
    ("x/(x**2 + 1)", "increasing", {"on": "[-1, 1.0000000000000001]"}, "refuted"),
    ("x*sigmoid(x)", "positive", {"on": "(0, oo)"}, "proved"),
    ("x*sigmoid(x)", "increasing", {}, "refuted"),
    ("x*sigmoid(x)", "increasing", {"on": "[-1.2784, oo)"}, "proved"),
    ("x*sigmoid(x)", "increasing", {"on": "[-1.2785, oo)"}, "refuted"),
    ("x*sigmoid(x)", "limit", {"at": "-oo", "equals": "0"}, "proved"),
    ("x*tanh(x)", "nonnegative", {}, "proved"),
    ("1/x", "positive", {"on": "(0, oo)"}, "proved"),
    ("x^2/(x^2 + 1)", "limit", {"at": "oo", "equals": "1"}, "proved"),
    ("(x^3 + 1)/(x^2 + 1)", "limit", {"at": "-oo", "equals": "-oo"}, "proved"),
    ("(2*x^2 + x)/(3 - x^2)", "limit", {"at": "-oo", "equals": "-2"}, "proved"),
    ("x*sigmoid(x) - x", "limit", {"at": "oo", "equals": "0"}, "proved"),
    ("sqrt(x)*sqrt(x)", "limit", {"at": "-oo", "equals": "-oo"}, "unknown"),  # undefined for x < 0
    # convex / concave: f″ ≥ 0 / ≤ 0. SiLU″ = σ′(x)(2 − x·tanh(x/2)) vanishes at ±2.399357280515…
    ("sigmoid(x)", "convex", {"on": "(-oo, 0]"}, "proved"),
    ("sigmoid(x)", "convex", {}, "refuted"),
    ("sigmoid(x)", "concave", {"on": "[0, oo)"}, "proved"),
    ("softplus(x)", "convex", {}, "proved"),
    ("x**2", "convex", {}, "proved"),
    ("x*tanh(x)", "convex", {}, "refuted"),
    ("x*sigmoid(x)", "convex", {"on": "[-2.3993, 2.3993]"}, "proved"),
    ("x*sigmoid(x)", "convex", {"on": "[-2.3994, 2.3994]"}, "refuted"),
    ("x*sigmoid(x)", "concave", {"on": "[2.4, oo)"}, "proved"),
    ("1/x", "positive", {"on": "[0, oo)"}, "refuted"),
]


@pytest.mark.parametrize(("expr", "prop", "opts", "want"), CASES,
                         ids=[f"{e} {p} {o}" for e, p, o, _ in CASES])
def test_exponential_polynomial_claims(expr: str, prop: str, opts: dict[str, str], want: str) -> None:
    assert prove(expr, prop, **opts).verdict.value == want
