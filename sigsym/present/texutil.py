"""Escaping prose for LaTeX: every character typeset literally, or a one-line error naming it.

Prose (titles, authors, theorem titles and notes) is escaped: ``\\ { } $ & # ^ _ % ~``, which
also defeats ``^^`` sequences. Mathematical Unicode characters and Greek letters become their
LaTeX equivalents (α → ``\\ensuremath{\\alpha}``); the characters pdflatex sets itself with
``[T1]{fontenc}`` and ``[utf8]{inputenc}`` (accented Latin, dashes, quotes, €, …: the ranges
below were measured with a real pdflatex run) pass unchanged. Any other character is an error
that names it (``UntypesettableCharacter``): a title is never silently shortened.
"""

from __future__ import annotations

import unicodedata

from ..errors import SigsymError

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

_GREEK_LOWER = ("alpha beta gamma delta varepsilon zeta eta theta iota kappa lambda mu nu xi o pi rho "
                "varsigma sigma tau upsilon varphi chi psi omega").split()
_GREEK_UPPER = ("A B Gamma Delta E Z H Theta I K Lambda M N Xi O Pi P - Sigma T Upsilon Phi X Psi "
                "Omega").split()


def _greek() -> dict[str, str]:
    out = {}
    for i, name in enumerate(_GREEK_LOWER):
        out[chr(0x03B1 + i)] = rf"\ensuremath{{\{name}}}" if name != "o" else r"\ensuremath{o}"
    for i, name in enumerate(_GREEK_UPPER):
        if name != "-":
            out[chr(0x0391 + i)] = rf"\ensuremath{{\{name}}}" if len(name) > 1 else rf"\ensuremath{{\mathrm{{{name}}}}}"
    out.update({"ϑ": r"\ensuremath{\vartheta}", "ϕ": r"\ensuremath{\phi}", "ϵ": r"\ensuremath{\epsilon}",
                "ϱ": r"\ensuremath{\varrho}", "ϖ": r"\ensuremath{\varpi}", "µ": r"\ensuremath{\mu}"})
    return out


_UNICODE = {
    **_greek(),
    "′": r"\ensuremath{'}",
    "″": r"\ensuremath{''}",
    "‴": r"\ensuremath{'''}",
    "≈": r"\ensuremath{\approx}",
    "∞": r"\ensuremath{\infty}",
    "ℝ": r"\ensuremath{\mathbb{R}}",
    "ℕ": r"\ensuremath{\mathbb{N}}",
    "ℤ": r"\ensuremath{\mathbb{Z}}",
    "ℚ": r"\ensuremath{\mathbb{Q}}",
    "−": r"\ensuremath{-}",
    "√": r"\ensuremath{\surd}",
    "≠": r"\ensuremath{\neq}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "≡": r"\ensuremath{\equiv}",
    "∼": r"\ensuremath{\sim}",
    "∝": r"\ensuremath{\propto}",
    "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}",
    "⇒": r"\ensuremath{\Rightarrow}",
    "⇔": r"\ensuremath{\Leftrightarrow}",
    "↦": r"\ensuremath{\mapsto}",
    "·": r"\ensuremath{\cdot}",
    "⋅": r"\ensuremath{\cdot}",
    "∘": r"\ensuremath{\circ}",
    "×": r"\ensuremath{\times}",
    "∈": r"\ensuremath{\in}",
    "∉": r"\ensuremath{\notin}",
    "∀": r"\ensuremath{\forall}",
    "∃": r"\ensuremath{\exists}",
    "∂": r"\ensuremath{\partial}",
    "∑": r"\ensuremath{\sum}",
    "∏": r"\ensuremath{\prod}",
    "∫": r"\ensuremath{\int}",
    "∪": r"\ensuremath{\cup}",
    "∩": r"\ensuremath{\cap}",
    "⊂": r"\ensuremath{\subset}",
    "⊆": r"\ensuremath{\subseteq}",
    "∅": r"\ensuremath{\emptyset}",
    "±": r"\ensuremath{\pm}",
    "∓": r"\ensuremath{\mp}",
    "⋯": r"\ensuremath{\cdots}",
    "²": r"\ensuremath{^2}",
    "³": r"\ensuremath{^3}",
    "⁽": r"\ensuremath{^(}",
    "⁾": r"\ensuremath{^)}",
    "ⁿ": r"\ensuremath{^n}",
    "⁺": r"\ensuremath{^+}",
    "⁻": r"\ensuremath{^-}",
    **{d: rf"\ensuremath{{^{i}}}" for i, d in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹") if d not in "²³"},
    **{d: rf"\ensuremath{{_{i}}}" for i, d in enumerate("₀₁₂₃₄₅₆₇₈₉")},
    **{u: rf"\ensuremath{{^{c}}}" for u, c in zip("ⁱʲᵏˡᵐˣʸ", "ijklmxy", strict=True)},
    **{u: rf"\ensuremath{{_{c}}}" for u, c in zip("ₐₑₒₓₕᵢⱼₖₗₘₙₚₛₜ", "aeoxhijklmnpst", strict=True)},
    "…": r"\ldots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "\u00a0": "~",
}

# Characters pdflatex typesets itself with [T1]{fontenc}, [utf8]{inputenc} and lmodern, measured
# by compiling U+00A0–U+02FF, U+2000–U+206F, U+20A0–U+20BF and U+2100–U+214F (``unicode_ranges``
# in tests/test_texutil.py repeats the run when pdflatex is installed).
TYPESET_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x00AC), (0x00AE, 0x0125), (0x0128, 0x0137), (0x0139, 0x013E),
    (0x0141, 0x0148), (0x014A, 0x0165), (0x0168, 0x017E), (0x0192, 0x0192), (0x01C4, 0x01D4),
    (0x01E2, 0x01E3), (0x01E6, 0x01EB), (0x01F0, 0x01F0), (0x01F4, 0x01F5), (0x0218, 0x021B),
    (0x0232, 0x0233), (0x0237, 0x0237), (0x02C6, 0x02C7), (0x02D8, 0x02D9), (0x02DB, 0x02DD),
    (0x2010, 0x2016), (0x2018, 0x201A), (0x201C, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026),
    (0x2030, 0x2031), (0x2039, 0x203B), (0x203D, 0x203D), (0x2044, 0x2044), (0x204E, 0x204E),
    (0x2052, 0x2052), (0x20A1, 0x20A1), (0x20A4, 0x20A4), (0x20A6, 0x20A6), (0x20A9, 0x20A9),
    (0x20AB, 0x20AC), (0x20B1, 0x20B1), (0x2103, 0x2103), (0x2116, 0x2117), (0x211E, 0x211E),
    (0x2120, 0x2120), (0x2122, 0x2122), (0x2126, 0x2127), (0x212E, 0x212E),
)


class UntypesettableCharacter(SigsymError):
    """A character in prose that pdflatex cannot set with the fonts the notes load."""


def typesettable(ch: str) -> bool:
    """Whether ``escape`` can turn the character into something pdflatex sets."""
    if ch in _ESCAPES or ch in _UNICODE:
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in TYPESET_RANGES)


def describe(ch: str) -> str:
    """A character as an error message names it: 'あ' (U+3042 HIRAGANA LETTER A)."""
    name = unicodedata.name(ch, "")
    shown = repr(ch) if unicodedata.category(ch)[0] not in "CZ" else "a control character"
    return f"{shown} (U+{ord(ch):04X}{' ' + name if name else ''})"


def check_typesettable(text: str, what: str) -> None:
    """Raise a one-line error naming the first character of ``text`` pdflatex cannot set."""
    for ch in text:
        if not typesettable(ch):
            raise UntypesettableCharacter(f"{what}: the character {describe(ch)} cannot be typeset by pdflatex; "
                                          "leave it out or write it differently")


def escape(text: object) -> str:
    """Prose → LaTeX that typesets the characters literally and executes nothing."""
    s = str(text)
    check_typesettable(s, "text")
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        else:
            out.append(ch)
    return "".join(out)


_SLUG_WORDS = {"+": "plus", "-": "minus", "/": "over", "^": "pow", "**": "pow"}


def slug(expr_text: str, name: str | None = None) -> str:
    """A file-name and label part for an expression: ``sigmoid`` for the bare catalogue function
    (``name``), else the words of the text: x*sigmoid(x) → ``x-sigmoid-x``, x+sigmoid(x) →
    ``x-plus-sigmoid-x``, sigmoid(1.702*x) → ``sigmoid-1p702-x``. Only ASCII letters, digits and
    ``-``, so the name is safe in a shell, in ``\\input`` and in ``\\label``."""
    if name:
        return name
    import re

    words = []
    for m in re.finditer(r"\*\*|\d+(?:\.\d*)?|\.\d+|[A-Za-z_][A-Za-z0-9_]*|[-+/^]", expr_text):
        tok = m.group(0)
        if tok in _SLUG_WORDS:
            if words or tok != "-":
                words.append(_SLUG_WORDS[tok])
            else:
                words.append("minus")
        else:
            words.append(tok.replace(".", "p").replace("_", "").lower())
    out = "-".join(w for w in words if w)[:60].strip("-")
    return out or "expr"
