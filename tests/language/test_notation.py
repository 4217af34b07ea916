"""The lecturer's notation: plain parentheses for simple arguments, \\ln, sums from their positive
end, decimals as the user wrote them, functions named the way a person names them."""

from __future__ import annotations

from collections import Counter

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from sigsym.functions import X, sigmoid
from sigsym.language.notation import function_phrase, polish, reorder_terms, tex, tex_of_text


@pytest.mark.parametrize(("before", "after"), [
    (r"\sigma\left(x\right)\,\left(1 - \sigma\left(x\right)\right)", r"\sigma(x)\,(1 - \sigma(x))"),
    (r"- \tanh^{2}{\left(x \right)} + 1", r"1 - \tanh^{2}(x)"),
    (r"\log{\left(1 + e^{x} \right)}", r"\ln(1 + e^{x})"),
    (r"\operatorname{sech}^{2}{\left(x \right)}", r"\operatorname{sech}^{2}(x)"),
    (r"= 1 - \tanh\left(x\right)^{2}", r"= 1 - \tanh^{2}(x)"),
    (r"\sigma\left(x\right)^{2}", r"\sigma(x)^{2}"),
    (r"\sigma\left(\frac{x}{2}\right)", r"\sigma\left(\frac{x}{2}\right)"),  # tall content keeps \left \right
    (r"\left[0, 1\right)", r"\left[0, 1\right)"),
    (r"\logistic", r"\logistic"),  # only the command \log itself
    (r"-120\,\tanh^{6} + 240\,\tanh^{4} - 136\,\tanh^{2} + 16", r"16 - 136\,\tanh^{2} + 240\,\tanh^{4} - 120\,\tanh^{6}"),
    (r"&= - e^{-x} + 1 \\ &= - 2 + x", r"&= 1 - e^{-x} \\ &= x - 2"),
    (r"x = -\ln(2+\sqrt{3})", r"x = -\ln(2+\sqrt{3})"),
    (r"\text{so - a + b}", r"\text{so - a + b}"),  # prose inside \text is left alone
    (r"\lim_{h\to 0} - a + b", r"\lim_{h\to 0} - a + b"),  # an operator whose scope is unclear: untouched
    (r"- a + [b - c]", r"- a + [b - c]"),  # brackets it does not pair: untouched
    (r"- a + \bigl(b - c\bigr)", r"- a + \bigl(b - c\bigr)"),
    (r"(0, 1] \cup - a + b", r"(0, 1] \cup - a + b"),
])
def test_polish(before: str, after: str) -> None:
    assert polish(before) == after


@pytest.mark.parametrize("expr", [
    1 - sp.tanh(X) ** 2, -X**3 + 2 * X + 1, sigmoid(X) * (1 - sigmoid(X)), -sp.exp(-X) / (1 + sp.exp(-X)) ** 2 + 1,
    (-sp.tanh(X) * sp.tanh(X + 1) + 1) * sp.tanh(1), -6 * sigmoid(X) ** 4 + 12 * sigmoid(X) ** 3 - 7 * sigmoid(X) ** 2,
])
def test_reordering_only_moves_terms(expr: sp.Expr) -> None:
    """The same symbols, the same number of minus signs: only terms of sums changed places."""
    raw = sp.latex(expr)
    out = reorder_terms(raw)

    def chars(s: str) -> Counter[str]:
        return Counter(c for c in s if c not in " +")

    assert chars(out) == chars(raw)
    assert polish(raw).lstrip().startswith("-") == (expr == -6 * sigmoid(X) ** 4 + 12 * sigmoid(X) ** 3 - 7 * sigmoid(X) ** 2)


def test_printer_names_and_parentheses() -> None:
    assert polish(tex(sigmoid(X))) == r"\sigma(x)"
    assert polish(tex(sp.Derivative(sigmoid(X), X))) == r"\sigma'(x)"
    assert polish(tex(sp.log(1 + sp.exp(X)))) == r"\ln(e^{x} + 1)"
    assert polish(tex(1 - sp.tanh(X) ** 2)) == r"1 - \tanh^{2}(x)"
    assert "left" not in polish(tex(sigmoid(3 * X)))


def test_decimals_stay_decimals() -> None:
    assert tex_of_text("sigmoid(1.702*x)") == r"\sigma(1.702 x)"
    assert "851" not in tex_of_text("x*sigmoid(1.702*x)")
    assert tex_of_text("sigmoid(-0.5*x)") == r"\sigma(- 0.5 x)"


@pytest.mark.parametrize(("text", "phrase"), [
    ("sigmoid", r"the logistic sigmoid $\sigma(x)$"),
    ("sigmoid(3*x)", r"the logistic function $\sigma(3 x)$"),
    ("x*sigmoid(x)", r"the SiLU (swish) function $x\,\sigma(x)$"),
    ("swish", r"the SiLU (swish) function $x\,\sigma(x)$"),
    ("softplus", r"the softplus function $\ln(1 + e^{x})$"),
    ("tanh", r"the hyperbolic tangent $\tanh(x)$"),
    ("sigmoid(1.702*x)", r"the logistic function $\sigma(1.702 x)$"),
    ("1 - tanh(x)^2", r"the function $f(x) = 1 - \tanh^{2}(x)$"),
])
def test_function_phrase(text: str, phrase: str) -> None:
    assert function_phrase(text) == phrase


@given(st.lists(st.integers(-30, 30).filter(bool), min_size=1, max_size=6), st.sampled_from(["tanh", "sigmoid", "x"]))
@settings(max_examples=60, deadline=None)
def test_polish_of_a_polynomial_keeps_its_terms(coeffs: list[int], base: str) -> None:
    """Random polynomials in tanh, σ or x: the same terms before and after, and a sum that can open
    with a positive term does."""
    u = {"tanh": sp.tanh(X), "sigmoid": sigmoid(X), "x": X}[base]
    expr = sum((c * u**k for k, c in enumerate(coeffs)), sp.Integer(0))
    raw = sp.latex(expr)
    out = reorder_terms(raw)
    assert Counter(c for c in out if c not in " +") == Counter(c for c in raw if c not in " +")
    if all(c < 0 for c in coeffs):
        assert out == raw  # no positive end to start from
    elif raw.startswith("-") and coeffs[0] > 0 and len(coeffs) > 1:  # SymPy prints the constant last
        assert not out.startswith("-") and out.lstrip().startswith(str(coeffs[0]))
