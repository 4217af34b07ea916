"""human.in_sigma reduces on FLINT: the expression must be the very one SymPy's cancel and
factor_list give (``pretty``), for any rational function of t = eˣ, since the readable proofs
print it and then check it."""

from __future__ import annotations

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from sigsym.engine.expform import T
from sigsym.prover import human

coeffs = st.lists(st.integers(-6, 6), min_size=1, max_size=5).filter(any)


@settings(max_examples=200, deadline=None)
@given(coeffs, coeffs, st.integers(1, 4))
def test_flint_factoring_is_sympys(num: list[int], den: list[int], scale: int) -> None:
    n = sp.Poly(list(reversed(num)), T, domain="QQ") * sp.Rational(1, scale)
    d = sp.Poly(list(reversed(den)), T, domain="QQ")
    fast = human._pretty_sigma_flint(n, d)
    slow = human.pretty((n.as_expr() / d.as_expr()).subs(T, human.S / (1 - human.S)))
    assert sp.srepr(fast) == sp.srepr(slow)


def test_sigma_prime_reads_s_one_minus_s() -> None:
    from sigsym.functions import X, sigmoid

    s = human.S
    assert human.in_sigma(sp.diff(sigmoid(X), X)) == s * (1 - s)
    assert human.in_sigma(sp.diff(sigmoid(X), X, 2)) == -s * (1 - s) * (2 * s - 1)
