"""Proofs and derivations as text: terminal lines, one-paragraph summaries, Markdown and LaTeX
for Jupyter.

Claims are stated in English ("σ′ has maximum 1/4 at x = 0", "the range of σ′ is (0, 1/4]"),
naming a catalogue function or one of its derivatives by its symbol and any other expression by
its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..prover.kernel import Claim, Proof
    from ..prover.relations import Relation

_PRIMES = {1: "′", 2: "″", 3: "‴"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# ---------------------------------------------------------------- claims in English

def _symbol(claim: Claim) -> str | None:
    """σ, σ′, tanh‴, σ⁽⁷⁾ … when the claim is about a catalogue function or a derivative of one."""
    import sympy as sp

    from ..errors import SigsymError
    from ..functions import X, lookup
    from ..language.parse import parse

    entry = lookup(claim.expr)
    if entry is not None:
        return entry.plain
    try:
        shown = parse(claim.source, keep_derivatives=True) if claim.source else None
    except (SigsymError, RecursionError, MemoryError, ValueError, TypeError):  # display only: fall back to the text
        return None
    if isinstance(shown, sp.Derivative) and len(shown.variable_count) == 1:
        (var, n), = shown.variable_count
        inner = lookup(shown.expr)
        if var == X and inner is not None and inner.plain:
            return inner.plain + _PRIMES.get(int(n), f"⁽{str(int(n)).translate(_SUPERSCRIPT)}⁾")
    return None


def _decimal(value: Any, digits: int) -> str:
    """A rational claimed value written with ``digits`` decimals, as the user wrote it."""
    from fractions import Fraction

    from ..engine.numeric import decimal

    if getattr(value, "is_Rational", False):
        return decimal(Fraction(int(value.p), int(value.q)), digits)
    return str(value)


def statement(claim: Claim) -> str:
    """The claim as an English sentence (printed by the property's spec)."""
    from .claims import claim_sentence
    from .specs import SPECS

    if claim.prop not in SPECS:
        return f"{claim.source or claim.expr} is {claim.prop}"
    return claim_sentence(claim, _symbol(claim))


def statement_latex(claim: Claim) -> str:
    """The claim as a formula (the lecture notes' statement), in math mode."""
    import sympy as sp

    from ..errors import SigsymError
    from .claims import claim_tex

    opts = {k: (v if isinstance(v, int) and not isinstance(v, bool) else str(v)) for k, v in claim.options}
    try:
        return claim_tex(claim.source or str(claim.expr), claim.prop, opts)
    except (SigsymError, KeyError):
        return rf"{sp.latex(claim.expr)} \text{{ is {claim.prop}}}"


# ---------------------------------------------------------------- proofs

def side_text(text: str, var: str = "x") -> str:
    """One side of a relation as a person reads it: ``diff(sigmoid(x), x)`` → σ′(x),
    ``(1 - s)*s`` → (1 − s)s. Printed by the notes' LaTeX printer and read back into Unicode by
    the converter of the proofs' reasons; the language text when it cannot be printed."""
    import sympy as sp

    from ..errors import SigsymError
    from ..functions import X
    from ..language.notation import polish, tex
    from ..language.parse import parse
    from .reasons import math_plain
    from .relations import _rename

    try:
        with sp.evaluate(False):  # as written: tanh(−x) stays tanh(−x), 1 − (1 − u²) is not u²
            expr = parse(_rename(text, var) if var != "x" else text, keep_derivatives=True)
        expr = _at_minus_x(expr)
        if var != "x":
            expr = expr.xreplace({X: sp.Symbol(var)})
        return math_plain(polish(_product_tex(expr, tex)))
    except (SigsymError, ValueError, TypeError, RecursionError):  # display only: the text itself
        return text


def _at_minus_x(expr: Any) -> Any:
    """d/dx F(−x) of a catalogue function F, printed as the chain rule says: −F′(−x) (so that
    f(−x) for f = σ′ reads σ′(−x))."""
    import sympy as sp

    from ..functions import X, lookup

    def named(d: Any) -> Any:
        (var, n), = d.variable_count
        if var != X or not d.expr.has(X):
            return d
        with sp.evaluate(True):
            entry = lookup(d.expr.xreplace({X: -X}))  # d/dx F(−x), F(−x) perhaps written −tanh(x)
        if entry is None:
            return d
        marks = "'" * int(n) if int(n) <= 3 else f"^{{({int(n)})}}"
        return (-1) ** int(n) * sp.Symbol(rf"{entry.symbol}{marks}(-x)")

    return expr.replace(lambda e: isinstance(e, sp.Derivative) and len(e.variable_count) == 1, named)


def _product_tex(expr: Any, tex: Any) -> str:
    """A product with its simple factors first, σ(x)(1 − σ(x)) rather than (1 − σ(x))σ(x)."""
    import sympy as sp

    if not isinstance(expr, sp.Mul):
        return str(tex(expr))
    coeff, rest = expr.as_coeff_Mul()
    factors = sorted(sp.Mul.make_args(rest), key=lambda f: isinstance(f, sp.Add))
    if coeff not in (1, -1) or len(factors) < 2 or not any(isinstance(f, sp.Add) for f in factors):
        return str(tex(expr))
    body = " ".join(rf"\left({tex(f)}\right)" if isinstance(f, sp.Add) else str(tex(f)) for f in factors)
    return ("-" if coeff == -1 else "") + body


def interval_text(where: str) -> str:
    """An interval in the --on syntax as a person writes it: (−∞, 0], ℝ."""
    from ..errors import SigsymError
    from ..language.parse import parse_interval
    from .reasons import math_plain

    try:
        return math_plain(parse_interval(where).latex())
    except (SigsymError, ValueError):
        return where


def relation_text(rel: Relation) -> str:
    """A relation as one line of Unicode, σ′(x) = σ(x)(1 − σ(x)), and, when it is not the whole
    domain, where: ``for x in (−∞, 0)``. (JSON keeps the expression language.)"""
    ops = {"<=": "≤", ">=": "≥", "!=": "≠"}
    head = f"{side_text(rel.lhs, rel.var)} {ops.get(rel.op, rel.op)} {side_text(rel.rhs, rel.var)}"
    names = {"s": "s = σ(x)", "u": "u = tanh x", "t": "t = eˣ"}
    if rel.where is not None:
        return f"{head}   for {names.get(rel.var, rel.var)} in {interval_text(rel.where)}"
    return head if rel.var == "x" else f"{head}   ({names.get(rel.var, rel.var)})"


def proof_text(proof: Proof, certificate: bool = False) -> str:
    """The terminal form: verdict and claim, the human proof (each line a checked relation and
    its reason), the counterexample; the engine's evidence (the certificate) with
    ``certificate``, or when there is no human proof."""
    lines = [f"{proof.verdict.value}: {statement(proof.claim)}", f"method: {proof.method}"]
    human = proof.steps
    if human:
        lines.append("proof (each line checked):")
        for i, h in enumerate(human, 1):
            rels = list(h.relations) if not h.chain else [h.relation]
            lines.append(f"  {i}. {rels[0] and relation_text(rels[0])}")
            lines += [f"     {relation_text(r)}" for r in rels[1:]]
            lines.append(f"     because {h.because}")
    if certificate or (not human and proof.certificate):
        lines.append("certificate:" if human else "evidence:")
        for i, s in enumerate(proof.certificate, 1):
            lines.append(f"  {i}. {s.text}")
            lines.append(f"     [checked: {s.check}]")
    if proof.counterexample is not None:
        ce = proof.counterexample
        lines.append(f"counterexample: {ce.statement}")
        rel = proof.relation
        if rel is not None:
            lines.append(f"     that is: {relation_text(rel)}")
        lines.append(f"     [checked: {ce.check}]")
    return "\n".join(lines)


def proof_summary(proof: Proof) -> str:
    """One paragraph: the verdict on the claim, the evidence, the method."""
    verdict = proof.verdict.value
    text = f"{verdict}: {statement(proof.claim)}."
    if proof.counterexample is not None:
        ce = proof.counterexample
        text += f" Counterexample: {ce.statement} (checked: {ce.check})."
    if verdict == "proved":
        text += f" Proof by {proof.method} in {len(proof.certificate)} checked steps."
    elif verdict == "refuted":
        text += f" Method: {proof.method}."
    else:
        text += f" No proof and no counterexample: {proof.method}."
    return text


def _tex_prose(text: str) -> str:
    """Prose inside \\text{…}: characters LaTeX (and MathJax) would misread are made harmless."""
    out = []
    for ch in text:
        if ch in "#$%&_{}":
            out.append("\\" + ch)
        elif ch in "\\^~":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def proof_latex(proof: Proof) -> str:
    """Display math for Jupyter: verdict and claim, the steps, the counterexample."""
    rows = [rf"&\textbf{{{proof.verdict.value}:}}\quad {statement_latex(proof.claim)}",
            rf"&\text{{method: {_tex_prose(proof.method)}}}"]
    rows += [f"&{s.latex}" for s in (proof.steps or proof.certificate) if s.latex]
    if proof.counterexample is not None:
        rows.append(rf"&\text{{counterexample: }} {proof.counterexample.latex}")
    return "$$\\begin{aligned}" + r"\\ ".join(rows) + r"\end{aligned}$$"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def proof_markdown(proof: Proof) -> str:
    """Markdown for Jupyter: the claim as a formula, the steps as a list, the counterexample."""
    def md(text: str) -> str:
        return text.translate(_MD_SPECIAL)

    lines = [f"**{proof.verdict.value}**: {md(statement(proof.claim))}", "",
             f"$${statement_latex(proof.claim)}$$", "", f"*method*: {md(proof.method)}", ""]
    for i, h in enumerate(proof.steps, 1):
        lines.append(f"{i}. ${h.latex}$ — *{md(h.because)}*")
    if not proof.steps:
        for i, s in enumerate(proof.certificate, 1):
            body = f"${s.latex}$" if s.latex else md(s.text)
            lines.append(f"{i}. {body} — *{md(s.check)}*")
    if proof.counterexample is not None:
        ce = proof.counterexample
        lines += ["", f"**counterexample**: ${ce.latex}$ — *checked: {md(ce.check)}*"]
    return "\n".join(lines)
