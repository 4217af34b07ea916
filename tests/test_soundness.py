"""Soundness: random expressions of the decidable class, every verdict checked independently.

A `proved` verdict must survive high-precision interval sampling at random points (a certain
contradiction fails the test); a `refuted` verdict must carry a counterexample that re-checks,
and whose witness has the claimed sign at 120 significant digits.
"""

from __future__ import annotations

import os
from fractions import Fraction

import mpmath
import sympy as sp
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from sigsym import prove
from sigsym.engine.numeric import compile_iv
from sigsym.errors import ParseError
from sigsym.functions import X
from sigsym.language.parse import parse
from sigsym.prover.kernel import Verdict

QS = ["1", "2", "-1", "1/2", "3", "-2"]
LEAVES = (
    st.sampled_from(["sigmoid({q}*x)", "tanh({q}*x)", "exp({q}*x)", "sech({q}*x)", "cosh({q}*x)",
                     "diff(sigmoid({q}*x), x)"]).flatmap(
        lambda t: st.sampled_from(QS).map(lambda q: t.format(q=q)))
    | st.integers(-3, 3).map(str)
    | st.sampled_from(["1/2", "1/4", "3/2"])
)


PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
CI = bool(os.environ.get("CI"))  # in CI the examples are derandomized: the same run every time


def _parse(text: str) -> sp.Expr:
    try:
        f = parse(text)
    except ParseError:
        assume(False)
    assume(f.has(X))
    return f


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
        lambda t: f"({t[0]}) {t[1]} ({t[2]})")


EXPRS = st.recursive(LEAVES, _combine, max_leaves=4)
PROPS = st.sampled_from([
    ("positive", {}), ("nonnegative", {}), ("negative", {"on": "[0, oo)"}), ("nonzero", {}),
    ("increasing", {}), ("decreasing", {"on": "[0, oo)"}), ("increasing", {"on": "(-oo, 1]"}),
    ("even", {}), ("odd", {}), ("smooth", {}), ("maximum", {"equals": "1/4"}), ("minimum", {"equals": "0"}),
    ("limit", {"at": "oo", "equals": "0"}), ("limit", {"at": "-oo", "equals": "1"}),
    ("range", {"equals": "(0, 1)"}), ("identity", {"equals": "sigmoid(x)*(1 - sigmoid(x))"}),
])
POINTS = st.lists(st.fractions(min_value=-40, max_value=40, max_denominator=16), min_size=6, max_size=12)


def _enc(fn, a: Fraction):  # noqa: ANN001, ANN202
    mpmath.iv.prec = 300
    try:
        return fn(mpmath.iv.mpf(a.numerator) / a.denominator)
    except (ZeroDivisionError, ValueError):
        return None
    finally:
        mpmath.iv.prec = 53


def _contradicts(prop: str, options: dict, f: sp.Expr, points: list[Fraction]) -> str | None:
    """A certain contradiction of a proved claim at the given points, or None."""
    fn = compile_iv(f)
    on = options.get("on", "R")
    def inside(a: Fraction) -> bool:
        return {"R": True, "[0, oo)": a >= 0, "(-oo, 1]": a <= 1}[on]
    pts = sorted({a for a in points if inside(a)})
    vals = {a: _enc(fn, a) for a in pts}
    vals = {a: v for a, v in vals.items() if v is not None}
    bad_sign = {"positive": lambda v: v.b <= 0, "nonnegative": lambda v: v.b < 0,
                "negative": lambda v: v.a >= 0, "nonzero": lambda v: v.a == 0 == v.b}
    if prop in bad_sign:
        for a, v in vals.items():
            if bad_sign[prop](v):
                return f"{prop} fails at {a}: {v}"
    if prop in ("increasing", "decreasing"):
        sgn = 1 if prop == "increasing" else -1
        keys = sorted(vals)
        for a, b in zip(keys, keys[1:], strict=False):
            d = (vals[b] - vals[a]) * sgn
            if d.b <= 0:
                return f"{prop} fails between {a} and {b}"
    if prop in ("even", "odd"):
        for a in pts:
            v1, v2 = vals.get(a), _enc(fn, -a)
            if v1 is None or v2 is None:
                continue
            d = v2 - v1 if prop == "even" else v2 + v1
            if d.a > 0 or d.b < 0:
                return f"{prop} fails at {a}"
    if prop in ("maximum", "minimum"):
        frac = Fraction(options["equals"])
        target = mpmath.mpf(frac.numerator) / frac.denominator
        for a, v in vals.items():
            if (prop == "maximum" and v.a > target) or (prop == "minimum" and v.b < target):
                return f"{prop} exceeded at {a}"
    if prop == "range":
        for a, v in vals.items():
            if v.b <= 0 or v.a >= 1:
                return f"value outside (0, 1) at {a}"
    if prop == "identity":
        g = compile_iv(parse(options["equals"]))
        for a, v in vals.items():
            w = _enc(g, a)
            if w is not None and ((v - w).a > 0 or (v - w).b < 0):
                return f"identity fails at {a}"
    return None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=PHASES, derandomize=CI)
@given(text=EXPRS, claim=PROPS, points=POINTS)
def test_verdicts_are_sound(text: str, claim: tuple[str, dict], points: list[Fraction]) -> None:
    prop, options = claim
    f = _parse(text)
    proof = prove(text, prop, **options)
    if proof.verdict is Verdict.PROVED:
        assert _contradicts(prop, options, f, points) is None, proof.to_json()
    elif proof.verdict is Verdict.REFUTED:
        ce = proof.counterexample
        assert ce is not None and ce.verify()
        if ce.witness is not None and ce.expect not in (None, 0):
            value = sp.N(ce.witness, 120)
            if value.is_number and abs(value) > sp.Float("1e-100"):
                assert (value > 0) == (ce.expect > 0), proof.to_json()


@settings(max_examples=40, deadline=None, phases=PHASES, derandomize=CI)
@given(text=EXPRS)
def test_proved_identity_with_itself_and_refuted_with_a_shift(text: str) -> None:
    _parse(text)
    same = prove(text, "identity", equals=f"({text}) * 1")
    assert same.verdict in (Verdict.PROVED, Verdict.REFUTED, Verdict.UNKNOWN)
    if same.verdict is Verdict.REFUTED:  # only when the two sides differ in domain
        assert "undefined" in same.counterexample.statement
    shifted = prove(text, "identity", equals=f"({text}) + 1/1000")
    assert shifted.verdict is not Verdict.PROVED
