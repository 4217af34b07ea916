"""Plain-text rendering of proofs and derivations for the terminal."""

from __future__ import annotations

from .kernel import Proof


def proof_text(proof: Proof) -> str:
    c = proof.claim
    opts = " ".join(f"{k}={v}" for k, v in proof.as_dict()["options"].items())
    lines = [f"{proof.verdict.value}: {c.source} is {c.prop}" + (f" ({opts})" if opts else ""),
             f"method: {proof.method}"]
    for i, s in enumerate(proof.steps, 1):
        lines.append(f"  {i}. {s.text}")
        lines.append(f"     [checked: {s.check}]")
    if proof.counterexample is not None:
        ce = proof.counterexample
        lines.append(f"counterexample: {ce.statement}")
        lines.append(f"     [checked: {ce.check}]")
    return "\n".join(lines)


def derivation_text(d) -> str:  # noqa: ANN001 - a Derivation
    lines = [f"d{'^' + str(d.order) if d.order > 1 else ''}/dx{'^' + str(d.order) if d.order > 1 else ''} "
             f"{d.source}   (route: {d.route})"]
    for i, s in enumerate(d.steps, 1):
        lines.append(f"  {i}. [{s.rule}] {s.before}  =  {s.after}")
    lines.append(f"result: {d.result}")
    if d.in_terms_of_f is not None:
        lines.append(f"in terms of f: {d.in_terms_of_f}")
    return "\n".join(lines)
