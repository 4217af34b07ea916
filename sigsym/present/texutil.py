"""Escaping prose for LaTeX, and LaTeX helpers the engine uses to build safe strings.

Prose (titles, authors, theorem titles and notes) is escaped: ``\\ { } $ & # ^ _ % ~``, which
also defeats ``^^`` sequences; a few mathematical Unicode characters become their LaTeX
equivalents, Latin letters pass (T1 fonts), anything else is dropped so pdflatex never sees a
character it cannot set.
"""

from __future__ import annotations

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "\n": " ",
    "\r": " ",
    "\t": " ",
}

_UNICODE = {
    "σ": r"\ensuremath{\sigma}",
    "′": r"\ensuremath{'}",
    "″": r"\ensuremath{''}",
    "‴": r"\ensuremath{'''}",
    "≈": r"\ensuremath{\approx}",
    "∞": r"\ensuremath{\infty}",
    "ℝ": r"\ensuremath{\mathbb{R}}",
    "−": r"\ensuremath{-}",
    "√": r"\ensuremath{\surd}",
    "≠": r"\ensuremath{\neq}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "→": r"\ensuremath{\to}",
    "↦": r"\ensuremath{\mapsto}",
    "·": r"\ensuremath{\cdot}",
    "×": r"\ensuremath{\times}",
    "∈": r"\ensuremath{\in}",
    "Σ": r"\ensuremath{\Sigma}",
    "π": r"\ensuremath{\pi}",
    "±": r"\ensuremath{\pm}",
    "²": r"\ensuremath{^2}",
    "³": r"\ensuremath{^3}",
    "⁽": r"\ensuremath{^(}",
    "⁾": r"\ensuremath{^)}",
    "ⁿ": r"\ensuremath{^n}",
    "⁺": r"\ensuremath{^+}",
    **{d: rf"\ensuremath{{^{i}}}" for i, d in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹") if d not in "²³"},
    "₀": r"\ensuremath{_0}",
    "…": r"\ldots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "\u00a0": "~",
}


def escape(text: object) -> str:
    """Prose → LaTeX that typesets the characters literally and executes nothing."""
    out = []
    for ch in str(text):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        elif ord(ch) < 32 or ord(ch) == 127:
            continue
        elif ord(ch) < 128 or 0xC0 <= ord(ch) <= 0x17F:
            out.append(ch)
        else:
            continue  # a character pdflatex cannot set with the fonts we load
    return "".join(out)
