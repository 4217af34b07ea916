"""Derivations in words and LaTeX: the terminal form and one ``align*`` (Derivation's display)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..prover.text import _tex_prose

if TYPE_CHECKING:
    from .derive import Derivation


def derivation_text(d: Derivation) -> str:
    """The terminal form of a derivation: numbered rule steps, the result, the form in f."""
    marks = ("^" + str(d.order)) if d.order > 1 else ""
    lines = [f"d{marks}/dx{marks} {d.source}   (route: {d.route})"]
    for i, s in enumerate(d.steps, 1):
        lines.append(f"  {i}. [{s.rule}] {s.before}  =  {s.after}")
    lines.append(f"result: {d.result_text}")
    if d.in_terms_of_f_text is not None:
        lines.append(f"in terms of f: {d.in_terms_of_f_text}")
    return "\n".join(lines)



MAX_LATEX_ROWS = 60


def derivation_latex(d: Derivation) -> str:
    """One ``align*`` environment: the left-hand side d/dx f, then each step with its rule.

    A step that continues the previous one is a row ``&= …``; one that starts afresh (a higher
    order, an equation of the implicit route) shows its own left-hand side.
    """
    import sympy as sp

    rows: list[str] = []
    previous: object = None
    for s in d.steps:
        rule = rf"&& \text{{{_tex_prose(s.rule)}}}"
        if isinstance(s.after, sp.Equality) or (isinstance(s.before, str) and isinstance(s.after, sp.Basic)
                                                and not isinstance(s.after, sp.Expr)):
            rows.append(rf"&{s.latex} {rule}")
        elif isinstance(s.before, sp.Basic) and previous is not None and s.before == previous:
            rows.append(rf"&= {s.latex} {rule}")
        elif isinstance(s.before, sp.Basic):
            rows.append(rf"{sp.latex(s.before)} &= {s.latex} {rule}")
        elif s.order is not None:
            base = d.name_latex.split(r"{\left")[0].split(r"\left")[0]
            arg = r"\left(x\right)" if base != d.name_latex else ""
            rows.append(rf"{base}^{{({d.order})}}{arg} &= {s.latex} {rule}")
        else:
            rows.append(rf"&{s.latex} {rule}")
        previous = s.after
    if len(rows) > MAX_LATEX_ROWS:
        rows = rows[:MAX_LATEX_ROWS - 6] + [rf"&\;\vdots && \text{{{len(rows) - MAX_LATEX_ROWS + 5} more steps}}"] + rows[-5:]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
