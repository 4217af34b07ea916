"""Assertions for ordinary tests: ``assert_identity``, ``assert_proved``, ``assert_refuted``.

They raise AssertionError with the verdict, the counterexample and the steps, so a failing test
says what is false and why. Expressions, points and intervals are given as in ``sigsym.prove``:
text, or SymPy objects in any one real symbol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import ExprLike, IntervalLike
    from .prover.kernel import Proof


def _message(proof: Proof, wanted: str) -> str:
    from .prover.text import proof_text

    return f"expected {wanted}, got {proof.verdict.value}\n{proof_text(proof, certificate=True)}"


def _verdict(wanted: str, expr: ExprLike, prop: str, on: IntervalLike | None, at: ExprLike | None,
             equals: ExprLike | IntervalLike | None, digits: int | None) -> Proof:
    from . import prove

    proof = prove(expr, prop, on=on, at=at, equals=equals, digits=digits)
    if proof.verdict.value != wanted:
        raise AssertionError(_message(proof, wanted))
    return proof


def assert_proved(expr: ExprLike, prop: str, *, on: IntervalLike | None = None, at: ExprLike | None = None,
                  equals: ExprLike | IntervalLike | None = None, digits: int | None = None) -> Proof:
    """Assert that sigsym proves the property; returns the proof."""
    return _verdict("proved", expr, prop, on, at, equals, digits)


def assert_refuted(expr: ExprLike, prop: str, *, on: IntervalLike | None = None, at: ExprLike | None = None,
                   equals: ExprLike | IntervalLike | None = None, digits: int | None = None) -> Proof:
    """Assert that sigsym refutes the property with a checked counterexample; returns the proof."""
    return _verdict("refuted", expr, prop, on, at, equals, digits)


def assert_identity(lhs: ExprLike, rhs: ExprLike) -> Proof:
    """Assert lhs(x) = rhs(x) for every real x, decided exactly."""
    return assert_proved(lhs, "identity", equals=rhs)
