"""The one sign table: what each sign property allows, what refutes it, and how it is written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignRule:
    """f's sign on an interval: the signs allowed on the pieces between zeros, whether zeros are
    allowed, the sign a sample point must show to refute it (None: only a zero refutes), and
    the relation as text and LaTeX."""

    allowed: frozenset[int]
    zeros_ok: bool
    refuting: int | None
    text: str
    latex: str


SIGNS: dict[str, SignRule] = {
    "positive": SignRule(frozenset({1}), False, -1, "> 0", "> 0"),
    "negative": SignRule(frozenset({-1}), False, 1, "< 0", "< 0"),
    "nonnegative": SignRule(frozenset({1}), True, -1, "≥ 0", r"\ge 0"),
    "nonpositive": SignRule(frozenset({-1}), True, 1, "≤ 0", r"\le 0"),
    "nonzero": SignRule(frozenset({1, -1}), False, None, "≠ 0", r"\ne 0"),
}
