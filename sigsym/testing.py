"""Assertions for ordinary tests: ``assert_identity``, ``assert_proved``, ``assert_refuted``.

They raise AssertionError with the verdict, the counterexample and the steps, so a failing test
says what is false and why.
"""

from __future__ import annotations

from .kernel import Proof, Verdict


def _message(proof: Proof, wanted: str) -> str:
    from .render_text import proof_text

    return f"expected {wanted}, got {proof.verdict.value}\n{proof_text(proof)}"


def assert_proved(expr: object, prop: str, **options: object) -> Proof:
    """Assert that sigsym proves the property; returns the proof."""
    from .properties import prove

    proof = prove(expr, prop, **options)
    if proof.verdict is not Verdict.PROVED:
        raise AssertionError(_message(proof, "proved"))
    return proof


def assert_refuted(expr: object, prop: str, **options: object) -> Proof:
    """Assert that sigsym refutes the property with a checked counterexample."""
    from .properties import prove

    proof = prove(expr, prop, **options)
    if proof.verdict is not Verdict.REFUTED:
        raise AssertionError(_message(proof, "refuted"))
    return proof


def assert_identity(lhs: object, rhs: object) -> Proof:
    """Assert lhs(x) = rhs(x) for every real x, decided exactly."""
    return assert_proved(lhs, "identity", equals=rhs)
