"""Verdicts, steps, counterexamples and proofs — and the one place a Proof is made.

A ``Proof`` is built only by ``conclude``, which re-checks what it is given: a refutation's
counterexample is evaluated again (interval arithmetic, or the exact zero test), and a
``proved`` verdict is cross-examined by interval sampling. If the two disagree the engine has a
bug, and ``InternalError`` is raised instead of a verdict.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import sympy as sp

from ..engine import numeric
from ..errors import InternalError
from .evidence import Evidence, ExactZero

if TYPE_CHECKING:
    from .human import HumanStep
    from .relations import Relation


class Verdict(StrEnum):
    PROVED = "proved"
    REFUTED = "refuted"
    UNKNOWN = "unknown"

    @property
    def exit_code(self) -> int:
        return {"proved": 0, "refuted": 1, "unknown": 3}[self.value]


class StepKind(StrEnum):
    """What a proof step establishes; readers (the notes' labels) go by this, never by its words."""

    SUBSTITUTION = "substitution"  # f as a rational function of t = e^{x/m}
    ZEROS = "zeros"  # roots of the numerator and poles, isolated exactly
    SIGN_CHART = "sign chart"  # the sign on each piece between them
    DIFFERENCE = "difference"  # f − g as a rational function
    DOMAIN = "domain"  # where the two sides are defined
    REFLECTION = "reflection"  # x ↦ −x is t ↦ 1/t
    SYMMETRY = "symmetry"  # f(−x) ∓ f(x)
    VALUE = "value"  # f at a point, exactly
    EXACT_VALUE = "exact value"  # … equals the claimed number
    DECIMAL = "decimal"  # … approximately, certified
    ROUNDING = "rounding"  # … rounded to k decimals, certified
    LIMIT = "limit"
    CONTINUITY = "continuity"
    IMAGE = "image"  # intermediate value theorem
    DERIVATIVE = "derivative"
    MONOTONICITY = "monotonicity"
    EXTREME = "extreme"  # candidates for the greatest / least value
    CONDITION = "condition"  # a side condition of smoothness (a denominator, a log argument)
    SMOOTHNESS = "smoothness"
    CONSTANT = "constant"  # f does not depend on x
    FORMAL = "formal"  # a formal zero of an exponential polynomial
    SELF_REFERENCE = "self-reference"  # f′ in terms of f
    BASE_CASE = "base case"
    INDUCTION_STEP = "induction step"
    CHECK = "check"  # a closed form agrees with the definition
    CONCLUSION = "conclusion"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Step:
    """One displayed step: what was established (``kind`` and ``content``, the exact values it
    is about), in words and LaTeX, and how it was checked."""

    text: str
    latex: str
    check: str
    kind: StepKind
    content: tuple[tuple[str, object], ...] = ()

    def as_dict(self) -> dict:
        return {"text": self.text, "latex": self.latex, "check": self.check, "kind": self.kind.value}

    def _key(self) -> tuple[object, ...]:
        return (self.text, self.latex, self.check, self.kind, self.content)

    def __eq__(self, other: object) -> bool:  # a deferred step equals the plain one with its words
        return self._key() == other._key() if isinstance(other, Step) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    @staticmethod
    def deferred(display: Callable[[], tuple[str, str]], check: str, kind: StepKind,
                 content: tuple[tuple[str, object], ...] = ()) -> Step:
        """A step whose words and formula are written when first read.

        What the step establishes (``kind``, ``content``) is decided at once; only its display
        waits. Most decisions are never displayed (``sigsym check``, the notes' inner
        relations), and writing a step meant factoring its rational function with SymPy:
        ~15 % of a ``check``.
        """
        return _DeferredStep(display, check, kind, content)


class _DeferredStep(Step):
    """A ``Step`` that calls ``display`` for (text, latex) on first access, once. It equals,
    hashes, prints and pickles as the plain ``Step`` with those words."""

    def __init__(self, display: Callable[[], tuple[str, str]], check: str, kind: StepKind,
                 content: tuple[tuple[str, object], ...] = ()) -> None:
        for name, value in (("_display", display), ("_shown", None), ("check", check), ("kind", kind),
                            ("content", content)):
            object.__setattr__(self, name, value)

    def _words(self) -> tuple[str, str]:
        if self._shown is None:
            object.__setattr__(self, "_shown", self._display())
        return self._shown

    @property  # type: ignore[override]
    def text(self) -> str:
        return self._words()[0]

    @property  # type: ignore[override]
    def latex(self) -> str:
        return self._words()[1]

    def _plain(self) -> Step:
        return Step(self.text, self.latex, self.check, self.kind, self.content)

    def __repr__(self) -> str:
        return repr(self._plain())

    def __reduce__(self) -> tuple[Any, ...]:
        return (Step, self._key())


@dataclass(frozen=True)
class Counterexample:
    """Evidence against a claim: what is shown (statement, LaTeX, the points) and the typed
    ``evidence`` the kernel re-checks. ``check`` says in words how; nothing reads it."""

    statement: str
    latex: str
    evidence: Evidence
    x: sp.Expr | None = None
    x2: sp.Expr | None = None
    check: str = "interval arithmetic"

    def verify(self) -> bool:
        """Re-check the evidence from scratch, by the test of its type."""
        return self.evidence.verify()

    @property
    def witness(self) -> sp.Expr | None:
        """The constant whose sign or zeroness shows the counterexample, when there is one."""
        return getattr(self.evidence, "witness", None)

    @property
    def expect(self) -> int | None:
        """The certified sign of ``witness`` (0: exactly zero), when there is one."""
        if isinstance(self.evidence, ExactZero):
            return 0
        return getattr(self.evidence, "sign", None)

    def as_dict(self) -> dict:
        def txt(v: sp.Expr | None) -> str | None:
            return None if v is None else str(v)

        return {"x": txt(self.x), "x2": txt(self.x2), "x_approx": _approx_float(self.x),
                "statement": self.statement, "check": self.check,
                "evidence": type(self.evidence).__name__}


def _approx_float(x: sp.Expr | None) -> float | None:
    """JSON's x_approx for a point that is not rational: display only, never decided on."""
    if x is None or x.is_Rational:
        return None
    text = numeric.approx(x, 17)
    return None if text == "?" else float(text)


@dataclass(frozen=True)
class Claim:
    """What is asked: property of expr with options (all exact SymPy values)."""

    expr: sp.Expr
    prop: str
    options: tuple[tuple[str, object], ...] = ()
    source: str = ""
    domain: tuple = ()  # parse.Condition: where f is defined (before any simplification)
    other_domain: tuple = ()  # the same for the function g of an identity claim

    def option(self, name: str, default: object = None) -> object:
        return dict(self.options).get(name, default)


@dataclass(frozen=True)
class Outcome:
    """What a procedure found, before the kernel has looked at it."""

    verdict: Verdict
    method: str
    steps: tuple[Step, ...] = ()
    counterexample: Counterexample | None = None


_KERNEL_TOKEN = object()


@dataclass(frozen=True)
class Proof:
    """A checked verdict on a claim. Made only by ``conclude``."""

    claim: Claim
    verdict: Verdict
    method: str
    certificate: tuple[Step, ...]  # the engine's evidence, step by step (``--certificate``)
    counterexample: Counterexample | None
    _token: object = field(repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self._token is not _KERNEL_TOKEN:
            raise InternalError("a Proof can only be made by sigsym.prover.kernel.conclude")

    @property
    def proved(self) -> bool:
        return self.verdict is Verdict.PROVED

    @property
    def steps(self) -> tuple[HumanStep, ...]:
        """The human proof: short lines a lecturer writes, each a relation the engine checked
        (``prover.human``). Written on first access and kept; empty for a refutation (its
        counterexample says it) or an unknown verdict. A line that fails its check is an
        ``InternalError``, raised here, never shown."""
        cached = self.__dict__.get("_human")
        if cached is None:
            from .human import proof_steps

            cached = proof_steps(self)
            object.__setattr__(self, "_human", cached)
        return cached

    @property
    def relation(self) -> Relation | None:
        """The relation a counterexample violates, stated like a proof line (checked), or None."""
        if "_refuted" not in self.__dict__:
            from .human import violated

            object.__setattr__(self, "_refuted", violated(self))
        return self.__dict__["_refuted"]

    def as_dict(self, steps: bool = True) -> dict[str, Any]:
        """JSON data: ``steps`` (the human proof; left out, as null, with ``steps=False``, which
        spares writing it) and ``certificate`` (the evidence)."""
        opts = {k: (str(v) if not isinstance(v, bool | int) else v) for k, v in self.claim.options}
        ce = None
        if self.counterexample is not None:
            ce = self.counterexample.as_dict()
            rel = self.relation if steps else None
            ce["relation"] = rel.as_dict() if rel is not None else None
        return {
            "verdict": self.verdict.value,
            "property": self.claim.prop,
            "expr": self.claim.source or str(self.claim.expr),
            "options": opts,
            "method": self.method,
            "counterexample": ce,
            "steps": [s.as_dict() for s in self.steps] if steps else None,
            "certificate": [s.as_dict() for s in self.certificate],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    def __str__(self) -> str:
        """One readable paragraph: the verdict on the claim, the evidence and the method."""
        from .text import proof_summary

        return proof_summary(self)

    def __repr__(self) -> str:
        from .text import statement

        return f"<Proof {self.verdict.value}: {statement(self.claim)}>"

    def _repr_latex_(self) -> str:
        """Jupyter: the claim as a formula, the verdict, the steps and any counterexample."""
        from .text import proof_latex

        return proof_latex(self)

    def _repr_markdown_(self) -> str:
        from .text import proof_markdown

        return proof_markdown(self)


def conclude(claim: Claim, outcome: Outcome, cross_check: Callable[[Claim], Counterexample | None]) -> Proof:
    """Turn an outcome into a Proof after re-checking it; raise InternalError on disagreement."""
    if outcome.verdict is Verdict.REFUTED:
        ce = outcome.counterexample
        if ce is None or not ce.verify():
            raise InternalError(f"refutation of {claim.prop} without a checked counterexample")
    elif outcome.verdict is Verdict.PROVED:
        contra = cross_check(claim)
        if contra is not None:
            raise InternalError(
                f"proof of {claim.prop} for {claim.expr} contradicted by interval evaluation: "
                f"{contra.statement}")
    return Proof(claim, outcome.verdict, outcome.method, outcome.steps,
                 outcome.counterexample, _KERNEL_TOKEN)
