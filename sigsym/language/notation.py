"""LaTeX for formulas as a lecturer writes them: σ′(x) rather than e^{−x}/(1+e^{−x})².

Three parts. ``tex`` prints a SymPy expression (a catalogue function's derivative as σ′(x)).
``polish`` is the display pass over any LaTeX the engine made, whoever made it: ``\\left( \\right)``
only around tall content (``\\sigma(x)``, not ``\\sigma\\left(x\\right)``, which puts a space in
"σ (x)"), ``\\ln`` for the natural logarithm, ``\\tanh(x)`` rather than ``\\tanh{\\left(x \\right)}``,
and a sum that opens with a minus sign written from its positive end (``1 - \\tanh^{2}``). It
changes spacing, names and the order of the terms of a sum, never the mathematics.
``tex_of_text`` and ``function_phrase`` print the user's expression as the user wrote it
(decimals stay decimals: 1.702, not 851/500) and name it the way a person would.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp
from sympy.printing.latex import LatexPrinter

from ..functions import BY_FUNC, X, lookup
from ..language.parse import parse

_PRIMES = {1: "'", 2: "''", 3: "'''"}


class _Printer(LatexPrinter):
    def _print_Derivative(self, expr: sp.Derivative) -> str:  # noqa: N802 - SymPy protocol
        (var, n), = expr.variable_count
        inner = expr.expr
        named = lookup(inner) if var == X else None  # a catalogue function of x: f'(x); the rest as d/dx
        if named is not None:
            head = named.symbol
            mark = _PRIMES.get(int(n), f"^{{({int(n)})}}")
            return rf"{head}{mark}\left(x\right)"
        return super()._print_Derivative(expr)


def tex(expr: sp.Expr) -> str:
    """SymPy's LaTeX with the catalogue's notation; ``polish`` makes it the lecturer's (the
    templates apply it to every formula they print)."""
    return _Printer().doprint(expr)


_DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d*|\.\d+)(?![\w.])")


def tex_of_text(text: str) -> str:
    """Display LaTeX of an expression as the user wrote it (derivatives unevaluated, decimals kept)."""
    expr = parse(text, keep_derivatives=True)
    decimals: dict[sp.Expr, sp.Expr] = {}
    for literal in _DECIMAL.findall(text):
        value = sp.Rational(literal)
        if not value.is_integer:
            decimals[value] = sp.Symbol(literal.rstrip("0"))
    if decimals:
        expr = expr.xreplace({**decimals, **{-k: -v for k, v in decimals.items()}})
    return polish(tex(expr))


_PHRASES = {  # catalogue name -> (a person's name for it applied to an argument, for the bare function)
    "sigmoid": ("the logistic function", "the logistic sigmoid"),
    "swish": ("the SiLU (swish) function", "the SiLU (swish) function"),
    "softplus": ("the softplus function", "the softplus function"),
    "tanh": ("the function", "the hyperbolic tangent"),
    "sinh": ("the function", "the hyperbolic sine"),
    "cosh": ("the function", "the hyperbolic cosine"),
    "sech": ("the function", "the hyperbolic secant"),
}


def function_phrase(text: str) -> str:
    r"""The expression named as a person would, as LaTeX: "the logistic function $\sigma(3 x)$",
    "the SiLU (swish) function $x\,\sigma(x)$", "the hyperbolic tangent $\tanh(x)$"."""
    expr = parse(text)
    body = tex_of_text(text)
    entry = lookup(expr)
    if entry is not None and entry.name == "swish":
        return r"the SiLU (swish) function $x\,\sigma(x)$"
    if entry is not None and entry.name == "softplus":
        return r"the softplus function $\ln(1 + e^{x})$"
    if entry is not None:
        return f"{_PHRASES.get(entry.name, ('', entry.blurb))[1]} ${polish(tex(entry.expr))}$"
    if isinstance(expr, sp.Mul) and len(expr.args) == 2 and X in expr.args:  # x·σ(x) written as a product
        other = next(a for a in expr.args if a != X)
        if BY_FUNC.get(type(other)) is not None and BY_FUNC[type(other)].name == "sigmoid" and other.args[0] == X:
            return r"the SiLU (swish) function $x\,\sigma(x)$"
    spec = BY_FUNC.get(type(expr))
    if spec is not None and spec.name in _PHRASES:
        return f"{_PHRASES[spec.name][0]} ${body}$"
    return f"the function $f(x) = {body}$"


# ---------------------------------------------------------------- display polish

_TALL = (r"\frac", r"\dfrac", r"\sum", r"\prod", r"\int", r"\lim", r"\left", r"\begin", r"\binom",
         r"\Bigl", r"\bigl", r"\underbrace", r"\overbrace", r"\substack", r"\over")
_FUNC_ARG = re.compile(r"(\\(?:ln|log|exp|sinh|cosh|tanh|coth|sech|csch|sin|cos|tan|operatorname\{[A-Za-z]+\})(?:\^\{[^{}]*\})?)"
                       r"\{\\left\(")
_LOG = re.compile(r"\\log(?![A-Za-z])")
_POWER_OF_NAMED = re.compile(r"(\\(?:tanh|sinh|cosh|coth|ln|operatorname\{(?:sech|csch)\}))\(([^()]*)\)\^\{([^{}]*)\}")
_PAREN_SPACE = re.compile(r" \\right\)")


def _match_right(s: str, start: int) -> int:
    r"""Index of the ``\right`` that closes the ``\left`` whose delimiter ends at ``start``; -1 if none."""
    depth = 1
    i = start
    while i < len(s):
        if s.startswith(r"\left", i) and not s[i + 5:i + 6].isalpha():
            depth += 1
            i += 5
        elif s.startswith(r"\right", i) and not s[i + 6:i + 7].isalpha():
            depth -= 1
            if depth == 0:
                return i
            i += 6
        else:
            i += 1
    return -1


def _is_tall(inner: str) -> bool:
    return any(cmd in inner for cmd in _TALL) or "^{" in inner and ("^{" in inner.split("^{", 1)[1]
                                                                   or "_{" in inner.split("^{", 1)[1])


def _small_parens(s: str) -> str:
    r"""``\left( a \right)`` → ``(a)`` when ``a`` is not tall, innermost first."""
    out = []
    i = 0
    while True:
        j = s.find(r"\left(", i)
        if j < 0:
            out.append(s[i:])
            return "".join(out)
        k = _match_right(s, j + 6)
        if k < 0:
            out.append(s[i:])
            return "".join(out)
        inner = _small_parens(s[j + 6:k])
        close = s[k + 6:k + 7]
        out.append(s[i:j])
        if close == ")" and not _is_tall(inner):
            out.append("(" + inner.strip() + ")")
        else:
            out.append(r"\left(" + inner + r"\right" + close)
        i = k + 7


def _unbrace_function_args(s: str) -> str:
    r"""``\tanh{\left(x \right)}`` → ``\tanh\left(x \right)`` (the braces SymPy adds around arguments)."""
    while True:
        m = _FUNC_ARG.search(s)
        if m is None:
            return s
        start = m.end()  # just after \left(
        k = _match_right(s, start)
        if k < 0 or s[k + 6:k + 8] != ")}":
            return s
        s = s[:m.start()] + m.group(1) + r"\left(" + s[start:k] + r"\right)" + s[k + 8:]


@lru_cache(maxsize=8192)  # a pure function of the text; notes polish each formula twice (model, then page)
def polish(latex: str) -> str:
    r"""Engine LaTeX as a lecturer writes it: ``\sigma(x)``, ``\ln``, ``\tanh(x)``; the same mathematics."""
    s = _LOG.sub(r"\\ln", latex)
    s = _unbrace_function_args(s)
    s = _POWER_OF_NAMED.sub(r"\1^{\3}(\2)", _small_parens(s))  # \tanh(x)^{2} → \tanh^{2}(x)
    return reorder_terms(s)


# ---------------------------------------------------------------- term order for display

_TEXT_CMDS = frozenset({"text", "textbf", "textit", "emph", "mathrm", "mathbf", "mathbb", "mathcal", "operatorname",
                        "label", "tag", "begin", "end", "mbox", "textrm", "texttt", "checked"})
_SEPARATORS = frozenset({"=", "<", ">", "&", ",", ";", ":", r"\\", r"\le", r"\leq", r"\ge", r"\geq", r"\ne",
                         r"\neq", r"\approx", r"\sim", r"\equiv", r"\in", r"\notin", r"\to", r"\Rightarrow",
                         r"\Leftrightarrow", r"\implies", r"\iff", r"\mapsto", r"\quad", r"\qquad", r"\colon",
                         r"\rightarrow", r"\longrightarrow", r"\simeq", r"\cong", r"\subset", r"\subseteq"})
_SCOPED = frozenset({r"\lim", r"\sum", r"\prod", r"\int", r"\pm", r"\mp", r"\partial", r"\max", r"\min", r"\sup",
                     r"\inf", r"\liminf", r"\limsup", r"\bmod", r"\pmod", r"\cdots", r"\ldots", r"\dots"})


def _close_brace(s: str, i: int) -> int:
    """Index of the ``}`` matching the ``{`` at ``i``; -1 if unbalanced."""
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _close_paren(s: str, i: int) -> int:
    """Index of the ``)`` matching the ``(`` at ``i`` (skipping brace groups); -1 if unbalanced."""
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            k = _close_brace(s, j)
            if k < 0:
                return -1
            j = k + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _tokens(s: str) -> list[str]:
    """Top-level tokens; every group comes back with its inside already reordered."""
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if s.startswith(r"\left", i) and not s[i + 5:i + 6].isalpha():
            d = 7 if s[i + 5:i + 6] == "\\" else 6
            k = _match_right(s, i + d)
            if k >= 0:
                e = k + 6 + (2 if s[k + 6:k + 7] == "\\" else 1)
                out.append(s[i:i + d] + reorder_terms(s[i + d:k]) + s[k:e])
                i = e
                continue
        if c == "\\":
            m = re.match(r"\\[A-Za-z]+", s[i:])
            if m is None:
                out.append(s[i:i + 2])
                i += 2
                continue
            name = m.group(0)
            i += len(name)
            if name[1:] in _TEXT_CMDS:
                j = i
                while j < len(s) and s[j] == " ":
                    j += 1
                if j < len(s) and s[j] == "{":
                    k = _close_brace(s, j)
                    if k >= 0:
                        out.append(name + s[i:k + 1])
                        i = k + 1
                        continue
            out.append(name)
            continue
        if c in "{(":
            k = _close_brace(s, i) if c == "{" else _close_paren(s, i)
            if k >= 0:
                out.append(c + reorder_terms(s[i + 1:k]) + s[k])
                i = k + 1
                continue
        out.append(c)
        i += 1
    return out


_UNPAIRED = frozenset({"(", ")", "[", "]", "|", r"\|", r"\{", r"\}", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr",
                       r"\biggl", r"\biggr", r"\Biggl", r"\Biggr", r"\langle", r"\rangle", r"\lvert", r"\rvert",
                       r"\lbrack", r"\rbrack", r"\middle"})


def _reorder_segment(tokens: list[str]) -> str:
    text = "".join(tokens)
    if any(t in _SCOPED or t in _UNPAIRED for t in tokens):
        return text  # an operator with unclear scope, or a bracket this reader does not pair
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a == r"\frac" and b.startswith("{d"):
            return text
    terms: list[tuple[str, list[str]]] = []
    sign, body = "+", []
    for t in tokens:
        if t in "+-" and t:
            if any(x.strip() for x in body) or terms:
                terms.append((sign, body))
            sign, body = t, []
        else:
            body.append(t)
    terms.append((sign, body))
    if len(terms) < 2 or terms[0][0] != "-" or terms[-1][0] == "-":
        return text  # reversed, the sum would still open with a minus sign: leave it as it is
    if any(not "".join(b).strip() for _, b in terms):
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    parts = []
    for n, (s, b) in enumerate(reversed(terms)):
        piece = "".join(b).strip()
        parts.append(("-" + " " + piece if s == "-" else piece) if n == 0 else f" {s} {piece}")
    return lead + "".join(parts) + trail


def reorder_terms(latex: str) -> str:
    r"""A sum that opens with a minus sign is written from its positive end: ``1 - \tanh^{2}`` rather
    than ``- \tanh^{2} + 1``, ``16 - 136\,t^{2} + 240\,t^{4}`` rather than ``-240\,t^{4} + …``.
    Only the order of the terms of a sum changes (groups, relations and text are respected)."""
    tokens = _tokens(latex)
    out, seg = [], []
    for t in tokens:
        if t in _SEPARATORS:
            out.append(_reorder_segment(seg))
            out.append(t)
            seg = []
        else:
            seg.append(t)
    out.append(_reorder_segment(seg))
    return "".join(out)
