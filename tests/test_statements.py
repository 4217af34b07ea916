"""Statements are printed from the relation they state, and that relation is re-proved (issue 11).

Every bundled theorem (proofs/*.toml) whose claim is a relation — an identity, a parity, a sign
on an interval — is rendered as the notes render it (``claim_tex``); the formula must be the one
printed from ``claim_relation``, the relation must get the theorem's expected verdict from
``relations.check``, and a proved one must hold under the independent evaluator of ``truth.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_human import _holds

from sigsym.prover.claims import claim_relation, claim_tex, relation_tex
from sigsym.prover.relations import Relation, check
from sigsym.theorems.files import load

ROOT = Path(__file__).resolve().parents[1] / "proofs"
THEOREMS = [t for f in sorted(ROOT.glob("*.toml")) for t in load(f)]
RELATIONAL = [t for t in THEOREMS if claim_relation(t.expr, t.prop, dict(t.options)) is not None]


def test_most_bundled_theorems_are_relations() -> None:
    assert len(RELATIONAL) >= 20
    assert {t.prop for t in RELATIONAL} >= {"identity", "even", "odd", "positive", "negative"}


@pytest.mark.parametrize("theorem", RELATIONAL, ids=[t.id for t in RELATIONAL])
def test_the_statement_is_printed_from_the_relation_it_proves(theorem: object) -> None:
    t = theorem
    rel = claim_relation(t.expr, t.prop, dict(t.options))  # type: ignore[attr-defined]
    assert rel is not None
    assert claim_tex(t.expr, t.prop, dict(t.options)) == relation_tex(rel, t.expr)  # type: ignore[attr-defined]
    assert check(rel).value == t.expect  # type: ignore[attr-defined]
    if t.expect == "proved" and _evaluable(t.expr + rel.rhs):  # type: ignore[attr-defined]
        _holds(rel)


def _evaluable(text: str) -> bool:
    """Whether the independent evaluator can take it in reasonable time: it does not know the
    logistic family, and its symbolic derivative of order 4 and more grows too large."""
    orders = [int(n) for n in re.findall(r",\s*x\s*,\s*(\d+)\s*\)", text)]
    return "logistic(" not in text and all(n <= 3 for n in orders)


def test_an_odd_function_keeps_its_brackets() -> None:
    rel = claim_relation("sigmoid(x) - 1/2", "odd", {})
    assert rel == Relation("sigmoid(-x) - 1/2", "=", "-(sigmoid(x) - 1/2)")
    tex = relation_tex(rel, "sigmoid(x) - 1/2")
    assert tex == r"\sigma\left(-x\right) - \frac{1}{2} = -\left(\sigma\left(x\right) - \frac{1}{2}\right)"
    assert check(rel).value == "proved"
    wrong = Relation("sigmoid(-x) - 1/2", "=", "-sigmoid(x) - 1/2")  # the printed error of the issue
    assert check(wrong).value == "refuted"


def test_parity_of_a_derivative_is_stated_at_minus_x() -> None:
    rel = claim_relation("diff(sigmoid(x), x)", "even", {})
    assert rel == Relation("-diff(sigmoid(-x), x)", "=", "diff(sigmoid(x), x)")
    assert relation_tex(rel, "diff(sigmoid(x), x)") == r"\sigma'\left(-x\right) = \sigma'\left(x\right)"
    assert check(rel).value == "proved"
