"""The reason beside a line of a proof, written once and printed twice.

A reason is one source string: prose in plain ASCII with the mathematics in ``$…$`` as LaTeX
("since $e^{-x} > 0$", "$\\sigma$ maps $(-\\infty, 0)$ onto $(0, \\frac{1}{2})$"). The notes print
it as LaTeX (``latex``: the prose escaped, the mathematics typeset); the terminal and JSON print
it as Unicode (``plain``: "since e⁻ˣ > 0", "σ maps (−∞, 0) onto (0, 1/2)"). ``math_plain`` is the
small converter behind ``plain``: it knows the few macros proofs use (and SymPy's LaTeX of
rational functions), and refuses any other, so a reason can never reach a reader half converted.
"""

from __future__ import annotations

import re

_SYMBOLS = {
    "sigma": "σ", "tau": "τ", "pi": "π", "alpha": "α", "beta": "β", "lambda": "λ", "xi": "ξ", "varepsilon": "ε",
    "epsilon": "ε", "delta": "δ", "infty": "∞", "to": "→", "rightarrow": "→", "le": "≤", "leq": "≤", "ge": "≥",
    "geq": "≥", "ne": "≠", "neq": "≠", "cdot": "·", "approx": "≈", "in": "∈", "pm": "±", "times": "×",
    "iff": "⇔", "Leftrightarrow": "⇔", "Rightarrow": "⇒", "implies": "⇒", "mapsto": "↦", "ldots": "…",
    "dots": "…", "cdots": "⋯", "prime": "′", "lvert": "|", "rvert": "|", "mid": "|", "colon": ":",
    "quad": "  ", "qquad": "   ", ",": "", ";": " ", "!": "", " ": " ", "{": "{", "}": "}", "%": "%",
    "ln": "ln", "log": "ln", "exp": "exp", "tanh": "tanh", "sinh": "sinh", "cosh": "cosh", "max": "max",
    "min": "min", "lim": "lim", "sup": "sup", "inf": "inf",
}
_FUNCTIONS = ("ln", "exp", "tanh", "sinh", "cosh", "sech", "max", "min", "lim", "sup", "inf")
_SIZES = ("left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "biggl", "biggr")
_BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
_SUPER = dict(zip("0123456789+-−=()nixaeklmst", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱˣᵃᵉᵏˡᵐˢᵗ", strict=True))
_SUB = dict(zip("0123456789+-−", "₀₁₂₃₄₅₆₇₈₉₊₋₋", strict=True))
_PRIMES = {1: "′", 2: "″", 3: "‴"}
_PROSE_ESCAPES = {"#": r"\#", "%": r"\%", "&": r"\&", "_": r"\_", "{": r"\{", "}": r"\}",
                  "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


class _Reader:
    def __init__(self, s: str) -> None:
        self.s, self.i = s, 0

    def group(self) -> str:
        """The next argument: a braced group's inside, a macro, or one character."""
        s = self.s
        while self.i < len(s) and s[self.i] == " ":
            self.i += 1
        if self.i >= len(s):
            raise ValueError(f"an argument is missing in {s!r}")
        if s[self.i] == "{":
            depth, j = 0, self.i
            while j < len(s):
                if s[j] == "\\":
                    j += 2
                    continue
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                if depth == 0:
                    inner = s[self.i + 1:j]
                    self.i = j + 1
                    return inner
                j += 1
            raise ValueError(f"unbalanced braces in {s!r}")
        if s[self.i] == "\\":
            j = self.i + 1
            while j < len(s) and s[j].isalpha():
                j += 1
            out = s[self.i:max(j, self.i + 2)]
            self.i = max(j, self.i + 2)
            return out
        self.i += 1
        return s[self.i - 1]


def _atomic(text: str) -> bool:
    """No operator at the top level: it needs no brackets around it in a/b or √a."""
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and ch in " +−-·/=<>≤≥":
            return False
    return True


def _wrap(text: str) -> str:
    return text if _atomic(text) else f"({text})"


def _script(text: str, table: dict[str, str], mark: str) -> str:
    text = _tidy(text)
    if text and all(ch in table for ch in text):
        return "".join(table[ch] for ch in text)
    return f"{mark}{_wrap(text)}"


def _convert(s: str) -> str:
    r = _Reader(s)
    out: list[str] = []
    while r.i < len(s):
        ch = s[r.i]
        if ch == "\\":
            j = r.i + 1
            while j < len(s) and s[j].isalpha():
                j += 1
            name = s[r.i + 1:j] if j > r.i + 1 else s[r.i + 1:r.i + 2]
            r.i = j if j > r.i + 1 else r.i + 2
            if name == "\\":
                out.append("; ")
            elif name == "frac" or name == "dfrac" or name == "tfrac":
                num, den = _convert(r.group()), _convert(r.group())
                out.append(f"{_wrap(num)}/{_wrap(den)}")
            elif name == "sqrt":
                out.append("√" + _wrap(_convert(r.group())))
            elif name in _SIZES:
                delim = r.group()
                out.append("" if delim == "." else _convert(delim))
            elif name in ("text", "mathrm", "textrm", "mathit", "operatorname", "mathbf", "emph"):
                out.append(_convert(r.group()))
            elif name == "mathbb":
                letter = r.group()
                if letter not in _BLACKBOARD:
                    raise ValueError(f"no plain form for \\mathbb{{{letter}}}")
                out.append(_BLACKBOARD[letter])
            elif name in _SYMBOLS:
                out.append(_SYMBOLS[name])
                if name in _FUNCTIONS and r.i < len(s) and s[r.i] == "{":
                    out.append(_wrap(_convert(r.group())))
            else:
                raise ValueError(f"no plain form for \\{name} in {s!r}")
        elif ch in "^_":
            r.i += 1
            arg = _convert(r.group())
            out.append(_script(arg, _SUPER, "^") if ch == "^" else _script(arg, _SUB, "_"))
        elif ch == "{":
            out.append(_convert(r.group()))
        elif ch == "'":
            j = r.i
            while j < len(s) and s[j] == "'":
                j += 1
            out.append(_PRIMES.get(j - r.i, "′" * (j - r.i)))
            r.i = j
        elif ch == "-":
            out.append("−")
            r.i += 1
        elif ch == "&":
            r.i += 1
        elif ch == "~":
            out.append(" ")
            r.i += 1
        elif ch == "}":
            raise ValueError(f"unbalanced braces in {s!r}")
        else:
            out.append(ch)
            r.i += 1
    return "".join(out)


def _tidy(text: str) -> str:
    """Spaces as a person types them: ``s(1 − s)`` and ``2σ(x)``, but ``tanh x`` and ``x ∈ ℝ``."""
    text = re.sub(r"[ \t\n]+", " ", text)

    def join(m: re.Match[str]) -> str:
        before = m.group(1)
        word = re.search(r"[A-Za-z]+$", before)
        if word and word.group(0) in _FUNCTIONS:
            return m.group(0)
        return before + m.group(3)

    text = re.sub(r"([\w)′″‴|]+)( )([(σ√]|[0-9A-Za-z](?![A-Za-z]))", join, text)
    text = re.sub(r"\( +", "(", re.sub(r" +\)", ")", text))
    text = re.sub(r"(^|[(\[,=<>≤≥] ?)− (?=\S)", r"\1−", text)
    return text.strip()


def math_plain(tex: str) -> str:
    """A LaTeX formula in Unicode: ``\\sigma(x)\\bigl(1 - \\sigma(x)\\bigr)`` → ``σ(x)(1 − σ(x))``."""
    return _tidy(_convert(tex))


def _parts(source: str) -> list[str]:
    parts = source.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"an unclosed $ in the reason {source!r}")
    return parts


def plain(source: str) -> str:
    """The reason in Unicode, for the terminal and JSON."""
    return "".join(math_plain(p) if i % 2 else p for i, p in enumerate(_parts(source)))


def _wrap_tex(tex: str) -> str:
    """A TeX operand of a / in brackets unless it has no operator outside its braces."""
    depth = 0
    for ch in tex:
        depth += {"{": 1, "}": -1, "(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and ch in " +-/=<>":
            return f"({tex})"
    return tex


def _inline_fractions(tex: str) -> str:
    """Fractions in a line of text: \\tfrac{1}{2}; one with exponents as a/b (in a stacked
    fraction an exponent would be set too small to read)."""
    out, i = [], 0
    while True:
        j = tex.find(r"\frac", i)
        if j < 0 or tex[j + 5:j + 6].isalpha():
            out.append(tex[i:] if j < 0 else tex[i:j + 5])
            if j < 0:
                return "".join(out)
            i = j + 5
            continue
        out.append(tex[i:j])
        r = _Reader(tex)
        r.i = j + 5
        num, den = _inline_fractions(r.group()), _inline_fractions(r.group())
        if "^" in num + den or "_" in num + den:
            out.append(f"{_wrap_tex(num)}/{_wrap_tex(den)}")
        else:
            out.append(rf"\tfrac{{{num}}}{{{den}}}")
        i = r.i


def latex(source: str) -> str:
    """The reason as LaTeX for the notes: prose escaped, mathematics in ``$…$`` as written."""
    out = []
    for i, part in enumerate(_parts(source)):
        if i % 2:
            out.append("$" + _inline_fractions(part) + "$")
            continue
        if not part.isascii():
            raise ValueError(f"write the mathematics of a reason in $…$, not as {part!r}")
        out.append("".join(_PROSE_ESCAPES.get(ch, ch) for ch in part))
    return "".join(out)
