"""The expression language: Python syntax read through ``ast`` with a whitelist.

User text is never evaluated: the tree is walked node by node and only whitelisted nodes build a
SymPy expression. Everything that could make the walk expensive (length, nesting, node count,
literal size, exponents, derivative orders) is bounded before any SymPy work starts.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy as sp

from ..errors import ParseError
from ..functions import BY_FUNC, CATALOGUE, FUNCTIONS, FunctionSpec, X, logistic

MAX_CHARS = 2000
MAX_NODES = 800
MAX_DEPTH = 60
MAX_LITERAL_DIGITS = 40
MAX_EXPONENT = 1000
MAX_DIFF_ORDER = 40

_FUNCS = FUNCTIONS  # the whitelist of named functions: one spec each, in functions.py
_CONSTANTS = {"pi": sp.pi, "E": sp.E}
_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
_KNOWN = sorted([*_FUNCS, "diff", "logistic", "x", *_CONSTANTS, "oo"])


@dataclass(frozen=True)
class Interval:
    """An interval of the real line; ends are SymPy numbers or ±oo."""

    lo: sp.Expr
    hi: sp.Expr
    lo_closed: bool
    hi_closed: bool

    @property
    def is_real_line(self) -> bool:
        return self.lo == -sp.oo and self.hi == sp.oo

    def __str__(self) -> str:
        if self.is_real_line:
            return "R"
        return f"{'[' if self.lo_closed else '('}{self.lo}, {self.hi}{']' if self.hi_closed else ')'}"

    def latex(self) -> str:
        if self.is_real_line:
            return r"\mathbb{R}"
        lo, hi = sp.latex(self.lo), sp.latex(self.hi)
        return rf"{'[' if self.lo_closed else '('}{lo}, {hi}{']' if self.hi_closed else ')'}"

    def contains(self, point: sp.Expr) -> bool | None:
        """Exact membership when the point and the ends are rational (or infinite); None else.

        Points and ends that are not rational are compared by ``algebraic.member``, which
        decides equality exactly; this layer does not guess.
        """
        def le(a: sp.Expr, b: sp.Expr, strict: bool) -> bool | None:
            if not (a.is_Rational and b.is_Rational):
                return None
            return bool(a < b) if strict else bool(a <= b)
        left = True if self.lo == -sp.oo else le(self.lo, point, not self.lo_closed)
        right = True if self.hi == sp.oo else le(point, self.hi, not self.hi_closed)
        if left is None or right is None:
            return None
        return left and right


REAL_LINE = Interval(-sp.oo, sp.oo, False, False)


def _col(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1


@dataclass(frozen=True)
class Condition:
    """Where a subexpression is defined: ``expr`` is nonzero, positive or nonnegative.

    Recorded while the expression is built, before SymPy's automatic simplification can cancel
    the subexpression away (x/x becomes 1, exp(log(x)) becomes x, sqrt(x)**2 becomes x).
    """

    expr: sp.Expr
    kind: str  # "nonzero" | "positive" | "nonnegative"

    def __str__(self) -> str:
        return f"{self.expr} {_REL[self.kind]} 0"


_REL = {"nonzero": "!=", "positive": ">", "nonnegative": ">="}
# A constant argument outside a function's domain is an error at once: (test, what it is).
_OUTSIDE = {
    "positive": (lambda a: a.is_positive is False, "a number that is not positive"),
    "nonnegative": (lambda a: a.is_negative, "a negative number"),
}


@dataclass(frozen=True)
class Parsed:
    """A function of x as written: its (simplified) expression and where it is defined.

    f is defined exactly where every condition holds (real semantics, nothing cancelled).
    """

    expr: sp.Expr
    domain: tuple[Condition, ...] = ()


def obviously_positive(u: sp.Expr) -> bool:
    """A structural (hence certain) proof that u > 0 for every real x, or False."""
    if u.is_Rational:
        return bool(u > 0)
    if u in (sp.pi, sp.E):
        return True
    spec = BY_FUNC.get(u.func)
    if spec is not None and spec.positive:  # exp, cosh, sech, σ
        return True
    if u.is_Add or u.is_Mul:
        return all(obviously_positive(a) for a in u.args)
    if u.is_Pow:
        base, e = u.args
        return base is sp.E or (obviously_positive(base) and e.is_Rational)
    return False


def _add_condition(out: list[Condition], u: sp.Expr, kind: str) -> None:
    if not u.has(X) or obviously_positive(u):
        return
    cond = Condition(u, kind)
    if cond not in out:
        out.append(cond)


def conditions_of(expr: sp.Expr) -> tuple[Condition, ...]:
    """The conditions read off an already built expression (SymPy input, derivatives)."""
    out: list[Condition] = []
    for node in sp.preorder_traversal(expr):
        if node.is_Pow:
            base, e = node.args
            if base is sp.E or not e.is_Rational:
                continue
            if e.is_Integer:
                if e < 0:
                    _add_condition(out, base, "nonzero")
            else:
                _add_condition(out, base, "positive" if e < 0 else "nonnegative")
        elif (spec := BY_FUNC.get(node.func)) is not None and spec.domain is not None:  # log
            _add_condition(out, spec.domain_expr(node.args[0]), spec.domain)
    return tuple(out)


class _Builder:
    """Walks a checked tree and builds SymPy; one instance per parse."""

    def __init__(self, text: str, allow_x: bool, allow_infinity: bool, keep_derivatives: bool = False,
                 carets: tuple[int, ...] = ()):
        self.keep_derivatives = keep_derivatives
        self.text = text
        self.carets = carets
        self.conditions: list[Condition] = []
        self.allow_x = allow_x
        self.allow_infinity = allow_infinity
        self.diff_budget = MAX_DIFF_ORDER

    def fail(self, message: str, node: ast.AST) -> ParseError:
        return ParseError(message, _original_column(_col(node), self.carets), self.text)

    def build(self, node: ast.AST) -> sp.Expr:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.fail(f"{_describe(node)} is not allowed", node)
        value = method(node)
        if value.has(sp.zoo, sp.nan) or (value.has(sp.oo, -sp.oo) and not self.allow_infinity):
            raise self.fail("the expression is undefined (division by zero or an infinite value)", node)
        if value.is_number and value.is_extended_real is False:
            raise self.fail("the expression is not a real number", node)
        return value

    def _Expression(self, node: ast.Expression) -> sp.Expr:
        return self.build(node.body)

    def _Constant(self, node: ast.Constant) -> sp.Expr:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{_describe(node)} is not allowed", node)
        source = ast.get_source_segment(self.text, node) or repr(value)
        digits = sum(ch.isdigit() for ch in source)
        if digits > MAX_LITERAL_DIGITS:
            raise self.fail(f"number literal has more than {MAX_LITERAL_DIGITS} digits", node)
        if source.lower().startswith(("0x", "0o", "0b")):
            return sp.Integer(int(source.replace("_", ""), 0))
        try:
            frac = Fraction(source.replace("_", ""))
        except (ValueError, ZeroDivisionError):
            raise self.fail(f"cannot read the number {source!r}", node) from None
        if abs(frac.numerator).bit_length() > 4 * MAX_LITERAL_DIGITS or frac.denominator.bit_length() > 4 * MAX_LITERAL_DIGITS:
            raise self.fail("number literal is too large", node)
        return sp.Rational(frac.numerator, frac.denominator)

    def _Name(self, node: ast.Name) -> sp.Expr:
        name = node.id
        if name == "x":
            if not self.allow_x:
                raise self.fail("x is not allowed here (a constant is expected)", node)
            return X
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name == "oo":
            if not self.allow_infinity:
                raise self.fail("oo is only allowed as a limit point or interval end", node)
            return sp.oo
        if name in CATALOGUE or name == "logistic":
            if not self.allow_x:
                raise self.fail(f"{name} (a function of x) is not allowed here", node)
            return CATALOGUE[name].expr if name in CATALOGUE else logistic(X)
        hint = " (did you mean E?)" if name == "e" else ""
        raise self.fail(f"unknown name {name!r}{hint}; known: {', '.join(_KNOWN)}", node)

    def _UnaryOp(self, node: ast.UnaryOp) -> sp.Expr:
        if isinstance(node.op, ast.USub):
            return -self.build(node.operand)
        if isinstance(node.op, ast.UAdd):
            return self.build(node.operand)
        raise self.fail(f"operator {type(node.op).__name__} is not allowed", node)

    def _BinOp(self, node: ast.BinOp) -> sp.Expr:
        if not isinstance(node.op, _BINOPS):
            raise self.fail(f"operator {type(node.op).__name__} is not allowed", node)
        if isinstance(node.op, ast.Pow):
            return self._power(node)
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right.is_zero:
            raise self.fail("division by zero", node.right)
        _add_condition(self.conditions, right, "nonzero")
        return left / right

    def _power(self, node: ast.BinOp) -> sp.Expr:
        base = self.build(node.left)
        exponent = self.build(node.right)
        if base == sp.E:
            return sp.exp(exponent)
        if not exponent.is_Rational:
            raise self.fail("exponent must be a rational number (use exp(...) for e to a power)", node.right)
        if abs(exponent) > MAX_EXPONENT:
            raise self.fail(f"exponent {exponent} is larger than {MAX_EXPONENT} in size", node.right)
        if base.is_Rational and exponent.is_Integer:
            size = max(abs(base.p), abs(base.q)).bit_length() * abs(int(exponent))
            if size > 4000:
                raise self.fail("the power is too large a number", node)
        if base.is_zero and exponent.is_negative:
            raise self.fail("division by zero", node)
        if base.is_number and not exponent.is_Integer and base.is_negative:
            raise self.fail("a fractional power of a negative number", node)
        if exponent.is_Integer:
            if exponent < 0:
                _add_condition(self.conditions, base, "nonzero")
        else:
            _add_condition(self.conditions, base, "positive" if exponent < 0 else "nonnegative")
        return base**exponent

    def _Call(self, node: ast.Call) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            raise self.fail(f"{_describe(node.func)} cannot be called", node)
        name = node.func.id
        if node.keywords:
            raise self.fail(f"{name}() takes no keyword arguments", node)
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.fail(f"{name}() takes no starred arguments", node)
        if name in _FUNCS:
            return self._function(_FUNCS[name], node)
        if name == "diff":
            return self._diff(node)
        if name == "logistic":
            return self._logistic(node)
        raise self.fail(f"unknown function {name!r}; known: {', '.join(sorted(_FUNCS))}, diff, logistic", node)

    def _function(self, spec: FunctionSpec, node: ast.Call) -> sp.Expr:
        """A named function: its argument, its rational parameters, its domain condition."""
        name, given = spec.name, len(node.args)
        if not spec.params and given != 1:
            raise self.fail(f"{name}() takes exactly one argument, got {given}", node)
        if not 1 <= given <= spec.arity:
            raise self.fail(f"{name}() takes {spec.usage}", node)
        arg = self.build(node.args[0])
        params = []
        for sub in node.args[1:]:
            value = self.build(sub)
            if not value.is_Rational:
                raise self.fail(f"{name} parameters must be rational numbers", sub)
            params.append(value)
        if spec.domain is not None:
            outside, what = _OUTSIDE[spec.domain]
            if spec.domain_of is not None:
                what = "a number outside its domain"
            if arg.is_number and outside(spec.domain_expr(arg)):
                raise self.fail(f"{name} of {what}", node)
            _add_condition(self.conditions, spec.domain_expr(arg), spec.domain)
        return spec.build(arg, *params)

    def _diff(self, node: ast.Call) -> sp.Expr:
        if len(node.args) not in (2, 3):
            raise self.fail("diff() takes diff(EXPR, x) or diff(EXPR, x, n)", node)
        var = node.args[1]
        if not (isinstance(var, ast.Name) and var.id == "x"):
            raise self.fail("diff() differentiates with respect to x only", var)
        order = 1
        if len(node.args) == 3:
            lit = node.args[2]
            if not (isinstance(lit, ast.Constant) and type(lit.value) is int):
                raise self.fail("the derivative order must be a whole number", lit)
            order = lit.value
            if order < 0:
                raise self.fail("the derivative order must not be negative", lit)
        self.diff_budget -= order
        if self.diff_budget < 0:
            raise self.fail(f"derivative order above {MAX_DIFF_ORDER} in one expression", node)
        body = self.build(node.args[0])
        if self.keep_derivatives and order:
            return sp.Derivative(body, (X, order))
        if not order:
            return body
        result = sp.diff(body, X, order)
        for cond in conditions_of(result):  # f' is defined where f is and its formula is
            _add_condition(self.conditions, cond.expr, cond.kind)
        return result

    def _logistic(self, node: ast.Call) -> sp.Expr:
        if not 1 <= len(node.args) <= 4:
            raise self.fail("logistic() takes logistic(EXPR[, L[, k[, x0]]])", node)
        arg = self.build(node.args[0])
        params = []
        for sub in node.args[1:]:
            value = self.build(sub)
            if not value.is_Rational:
                raise self.fail("logistic parameters must be rational numbers", sub)
            params.append(value)
        if len(params) >= 2 and params[1] == 0:
            raise self.fail("logistic growth rate k must not be zero", node.args[2])
        return logistic(arg, *params)


def _describe(node: ast.AST) -> str:
    names = {
        ast.Attribute: "attribute access",
        ast.Lambda: "a lambda",
        ast.ListComp: "a comprehension",
        ast.GeneratorExp: "a comprehension",
        ast.SetComp: "a comprehension",
        ast.DictComp: "a comprehension",
        ast.Subscript: "subscripting",
        ast.Compare: "a comparison",
        ast.BoolOp: "a boolean operator",
        ast.IfExp: "a conditional expression",
        ast.NamedExpr: "an assignment expression",
        ast.JoinedStr: "an f-string",
    }
    if isinstance(node, ast.Constant):
        return f"the literal {type(node.value).__name__} {node.value!r}"[:80]
    return names.get(type(node), f"a {type(node).__name__} node")


def _caret_as_power(text: str) -> tuple[str, tuple[int, ...]]:
    """Rewrite the operator ``^`` as ``**`` (so it gets ``**``'s precedence and associativity).

    Only operator tokens are rewritten. Returns the new text and the (0-based) columns of the
    rewritten carets in the original text, so error columns can be mapped back.
    """
    if "^" not in text:
        return text, ()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return text, ()  # ast.parse reports the syntax error
    carets = [tok.start[1] for tok in tokens if tok.type == tokenize.OP and tok.string in ("^", "^=")
              and tok.start[0] == 1]
    if len(carets) != text.count("^") or any(text[c:c + 2] == "^=" for c in carets):
        return text, ()  # multi-line or augmented assignment: leave it to the syntax check
    out, last = [], 0
    for c in carets:
        out.append(text[last:c])
        out.append("**")
        last = c + 1
    out.append(text[last:])
    return "".join(out), tuple(carets)


def _original_column(column: int, carets: tuple[int, ...]) -> int:
    """Map a 1-based column of the rewritten text back to the text the user wrote."""
    shift = 0
    for c in carets:
        if column - 1 > c + shift:
            shift += 1
    return column - shift


def _tree(text: str, what: str) -> tuple[ast.Expression, str, tuple[int, ...]]:
    if not isinstance(text, str):
        raise ParseError(f"{what} must be text")
    if not text.strip():
        raise ParseError(f"empty {what}")
    if len(text) > MAX_CHARS:
        raise ParseError(f"{what} is longer than {MAX_CHARS} characters")
    if "\x00" in text:
        raise ParseError(f"{what} contains a NUL character")
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth > MAX_DEPTH:
            raise ParseError(f"{what} is nested deeper than {MAX_DEPTH} levels", i + 1)
    _check_literals(text, what)
    source, carets = _caret_as_power(text.strip())
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        offset = None if exc.offset is None else _original_column(exc.offset, carets)
        raise ParseError(f"syntax error in {what}: {exc.msg}", offset) from None
    except (RecursionError, MemoryError, ValueError):
        raise ParseError(f"{what} is too deeply nested or too large") from None
    count = 0
    stack = [(tree, 0)]
    while stack:
        node, level = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ParseError(f"{what} has more than {MAX_NODES} parts")
        if level > MAX_DEPTH:
            raise ParseError(f"{what} is nested deeper than {MAX_DEPTH} levels", _col(node))
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(node))
    return tree, source, carets


_NUMBER = re.compile(r"(?<![\w.])(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d[\d_]*)?")
MAX_DECIMAL_EXPONENT = 300


def _check_literals(text: str, what: str) -> None:
    """Bound every number literal from its text, before any number is built (1e-99999999)."""
    for m in _NUMBER.finditer(text):
        if m.group(2):
            try:
                e = int(m.group(2)[1:].replace("_", ""))
            except ValueError:
                continue
            if abs(e) > MAX_DECIMAL_EXPONENT:
                raise ParseError(f"number literal {m.group(0)!r} in {what}: exponent larger than "
                                 f"{MAX_DECIMAL_EXPONENT} in size", m.start() + 1)


def parse(text: str, keep_derivatives: bool = False) -> sp.Expr:
    """Parse a function of x. Raises ParseError with the column of the offending part.

    ``keep_derivatives`` leaves diff(...) unevaluated, for display only.
    """
    if not isinstance(text, str):
        raise ParseError("expression must be text")
    return _parse_cached(text, bool(keep_derivatives)).expr


def parse_function(text: str) -> Parsed:
    """Parse a function of x and record where it is defined (see ``Parsed``)."""
    if not isinstance(text, str):
        raise ParseError("expression must be text")
    return _parse_cached(text, False)


@lru_cache(maxsize=1024)
def _parse_cached(text: str, keep_derivatives: bool) -> Parsed:
    tree, source, carets = _tree(text, "expression")
    builder = _Builder(source, allow_x=True, allow_infinity=False, keep_derivatives=keep_derivatives,
                       carets=carets)
    expr = builder.build(tree)
    return Parsed(expr, tuple(builder.conditions))


def parse_constant(text: str, allow_infinity: bool = True, what: str = "value") -> sp.Expr:
    """Parse a real constant (a point, a value, an interval end)."""
    tree, source, carets = _tree(text, what)
    value = _Builder(source, allow_x=False, allow_infinity=allow_infinity, carets=carets).build(tree)
    if value.is_extended_real is False:
        raise ParseError(f"{what} {text!r} is not a real number")
    return value


def parse_interval(text: str) -> Interval:
    """Parse ``(-oo, 0]``, ``[0, oo)``, ``(0, 1/4]`` or ``R``."""
    if not isinstance(text, str):
        raise ParseError("interval must be text")
    s = text.strip()
    if s in ("R", "(-oo, oo)", "(-oo,oo)"):
        return REAL_LINE
    if len(s) < 5 or s[0] not in "([" or s[-1] not in ")]" or s.count(",") < 1:
        raise ParseError(f"interval {text!r} must look like (a, b], [a, b), (-oo, oo) or R")
    inner = s[1:-1]
    depth, split = 0, None
    for i, ch in enumerate(inner):
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == "," and depth == 0:
            if split is not None:
                raise ParseError(f"interval {text!r} has more than two ends", i + 2)
            split = i
    if split is None:
        raise ParseError(f"interval {text!r} must have two ends separated by a comma")
    lo = parse_constant(inner[:split], what="interval end")
    hi = parse_constant(inner[split + 1:], what="interval end")
    lo_closed, hi_closed = s[0] == "[", s[-1] == "]"
    if lo == sp.oo or hi == -sp.oo:
        raise ParseError(f"interval {text!r} has its ends the wrong way round")
    if (lo == -sp.oo and lo_closed) or (hi == sp.oo and hi_closed):
        raise ParseError(f"interval {text!r}: an infinite end must be open")
    if lo.is_Rational and hi.is_Rational and not lo < hi:
        raise ParseError(f"interval {text!r} is empty or its ends are the wrong way round")
    # other ends (logs, roots) are ordered exactly by the engine (properties.checked_interval)
    return Interval(lo, hi, lo_closed, hi_closed)
