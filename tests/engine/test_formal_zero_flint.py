"""exact._zero_on_flint, the fast path of formal_zero: whenever it says zero, SymPy's cancel says
zero too (it is only ever believed in that direction), and it finds the identities the
derivations check."""

from __future__ import annotations

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from sigsym.engine.exact import _zero_on_flint, formal_zero
from sigsym.functions import X, sigmoid, softplus

a, b = sp.symbols("a b")
ATOMS = [a, b, sp.exp(sp.Rational(1, 2)), sp.log(a), sp.sqrt(b), sp.Integer(2), sp.Rational(-3, 7)]


def _expr(draw: st.DrawFn, depth: int) -> sp.Expr:
    if depth == 0:
        return draw(st.sampled_from(ATOMS))
    kind = draw(st.sampled_from(["add", "mul", "pow", "leaf"]))
    if kind == "leaf":
        return draw(st.sampled_from(ATOMS))
    if kind == "pow":
        base = _expr(draw, depth - 1)
        return base ** draw(st.integers(-3, 3)) if base != 0 else base
    parts = [_expr(draw, depth - 1) for _ in range(draw(st.integers(2, 3)))]
    return sp.Add(*parts) if kind == "add" else sp.Mul(*parts)


@st.composite
def exprs(draw: st.DrawFn) -> sp.Expr:
    e = _expr(draw, 3)
    # half of the cases are identities: e − (an expanded or regrouped copy of e)
    twist = draw(st.sampled_from([None, sp.expand, sp.together, sp.factor_terms]))
    return e - twist(e) if twist is not None else e


@settings(max_examples=150, deadline=None)
@given(exprs())
def test_flint_zero_implies_sympy_zero(e: sp.Expr) -> None:
    if e.has(sp.zoo, sp.nan):
        return
    if _zero_on_flint(e):
        assert sp.cancel(sp.together(e)) == 0


def test_the_derivation_identities_are_found_on_flint() -> None:
    t = sp.Symbol("t")
    assert _zero_on_flint((t + 1) ** 2 / (t + 1) - t - 1)
    assert _zero_on_flint(1 / (1 + 1 / t) - t / (t + 1))
    assert not _zero_on_flint(1 / (1 + 1 / t) - 1 / (t + 1))
    s = sigmoid(X)
    assert formal_zero(sp.diff(s, X) - s * (1 - s))
    assert formal_zero(softplus(X) - softplus(-X) - X) is False  # logs: not a formal zero, never "zero"
    assert formal_zero(sp.exp(-X) * s - (1 - s))
