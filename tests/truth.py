"""An independent truth oracle for the adversarial tests; it never imports sigsym.

Why it exists: a soundness test that asks the engine under test what is true proves nothing.
This module has its own parser for the expression language (``^`` is power, decimals are exact
fractions), its own symbolic derivative, and an interval evaluator (a private mpmath ``iv``
context at 400 to 6,400 bits) with the contract's domain rule: f is defined exactly where every
subexpression is (no division by zero, log of a positive, sqrt and fractional powers of a
non-negative, no 0 to a negative power).

It also decides *exact* equality of closed-form points (rationals, quadratic surds a + b*sqrt(d),
rational multiples of their logarithms) so that generators can know, not guess, that
``log(9)/2`` is ``log(3)`` and that ``log(3.7320508075688771)`` is not ``log(2 + sqrt(3))``.

Tolerance, used only when judging a counterexample (never a claim's truth): two numbers whose
enclosures still overlap at 6,400 bits (about 10^-1900) are treated as equal.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from mpmath.ctx_iv import MPIntervalContext
from mpmath.libmp import to_rational

IV = MPIntervalContext()  # private: the engine's global mpmath.iv precision is never touched
IV.prec = 1600  # arithmetic on enclosures outside at_precision still keeps ~480 digits
PRECISIONS = (400, 1600, 6400)
FUNCS = frozenset({"exp", "log", "sqrt", "sinh", "cosh", "tanh", "sech", "sigmoid", "softplus"})
BARE = frozenset({"sigmoid", "tanh", "softplus", "exp", "sinh", "cosh", "sech", "log", "sqrt"})

Node = tuple[Any, ...]
X: Node = ("x",)


class Undefined(Exception):
    """The expression is certainly undefined at the point (a domain condition certainly fails)."""


class Unresolved(Exception):
    """The enclosure is too wide to tell whether a domain condition holds."""


# ------------------------------------------------------------------------------------- parser

def parse(text: str) -> Node:
    """Parse the expression language into a tuple tree; ``^`` is read as ``**``."""
    src = text.replace("^", "**")
    return _build(ast.parse(src.strip(), mode="eval").body, src.strip())


def _build(n: ast.AST, src: str) -> Node:
    if isinstance(n, ast.Constant) and isinstance(n.value, int | float):
        seg = ast.get_source_segment(src, n)
        return ("num", Fraction(seg if seg is not None else str(n.value)))
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
        return ("neg", _build(n.operand, src))
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.UAdd):
        return _build(n.operand, src)
    if isinstance(n, ast.BinOp):
        ops = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
        return (ops[type(n.op)], _build(n.left, src), _build(n.right, src))
    if isinstance(n, ast.Name):
        if n.id == "x":
            return X
        if n.id in ("pi", "E"):
            return ("const", n.id)
        if n.id == "oo":
            return ("inf", 1)
        if n.id in BARE:
            return ("fn", n.id, X)
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
        name = n.func.id
        if name in FUNCS and len(n.args) == 1:
            return ("fn", name, _build(n.args[0], src))
        if name == "diff":
            order = int(ast.literal_eval(n.args[2])) if len(n.args) == 3 else 1
            return ("diff", _build(n.args[0], src), order)
    raise ValueError(f"truth.parse: cannot read {ast.dump(n)}")


# --------------------------------------------------------------------------------- derivative

def _num(v: int | Fraction) -> Node:
    return ("num", Fraction(v))


def has_x(n: Node) -> bool:
    return n == X or any(isinstance(c, tuple) and has_x(c) for c in n[1:])


def _mul(a: Node, b: Node) -> Node:
    if a == _num(0) or b == _num(0):
        return _num(0)
    if a == _num(1):
        return b
    return a if b == _num(1) else ("mul", a, b)


def _add(kind: str, a: Node, b: Node) -> Node:
    if b == _num(0):
        return a
    if a == _num(0):
        return b if kind == "add" else ("neg", b)
    return (kind, a, b)


def deriv(n: Node) -> Node:
    """d/dx of a tree, by the textbook rules (zeros and ones folded, nothing else)."""
    return _simplify(_deriv(n))


def _simplify(n: Node) -> Node:
    kind = n[0]
    if kind == "mul":
        return _mul(_simplify(n[1]), _simplify(n[2]))
    if kind in ("add", "sub"):
        return _add(kind, _simplify(n[1]), _simplify(n[2]))
    if kind == "neg":
        inner = _simplify(n[1])
        return _num(0) if inner == _num(0) else ("neg", inner)
    if kind == "div":
        top = _simplify(n[1])
        return ("div", top, _simplify(n[2])) if top != _num(0) else ("div", top, n[2])
    if kind in ("pow",):
        return ("pow", _simplify(n[1]), n[2])
    if kind == "fn":
        return ("fn", n[1], _simplify(n[2]))
    return n


def _deriv(n: Node) -> Node:
    kind = n[0]
    if not has_x(n):
        return _num(0)
    if kind == "x":
        return _num(1)
    if kind == "neg":
        return ("neg", deriv(n[1]))
    if kind in ("add", "sub"):
        return (kind, deriv(n[1]), deriv(n[2]))
    if kind == "mul":
        return ("add", ("mul", deriv(n[1]), n[2]), ("mul", n[1], deriv(n[2])))
    if kind == "div":
        u, v = n[1], n[2]
        return ("div", ("sub", ("mul", deriv(u), v), ("mul", u, deriv(v))), ("pow", v, _num(2)))
    if kind == "pow":
        u, v = n[1], n[2]
        c = exact_rational(v)
        if c is not None:  # exact exponent arithmetic: no spurious u^0 or u^-1 (domain) terms
            if c == 0:
                return _num(0)
            if c == 1:
                return deriv(u)
            return ("mul", ("mul", _num(c), ("pow", u, _num(c - 1))), deriv(u))
        if not has_x(v):
            return ("mul", ("mul", v, ("pow", u, ("sub", v, _num(1)))), deriv(u))
        return ("mul", n, ("add", ("mul", deriv(v), ("fn", "log", u)),
                           ("div", ("mul", v, deriv(u)), u)))
    if kind == "diff":
        out = n[1]
        for _ in range(n[2]):
            out = deriv(out)
        return deriv(out)
    if kind == "fn":
        name, u = n[1], n[2]
        du = deriv(u)
        outer = {
            "exp": ("fn", "exp", u),
            "log": ("div", _num(1), u),
            "sqrt": ("div", _num(1), ("mul", _num(2), ("fn", "sqrt", u))),
            "sinh": ("fn", "cosh", u),
            "cosh": ("fn", "sinh", u),
            "tanh": ("sub", _num(1), ("pow", ("fn", "tanh", u), _num(2))),
            "sech": ("neg", ("mul", ("fn", "sech", u), ("fn", "tanh", u))),
            "sigmoid": ("mul", ("fn", "sigmoid", u), ("sub", _num(1), ("fn", "sigmoid", u))),
            "softplus": ("fn", "sigmoid", u),
        }[name]
        return ("mul", outer, du)
    raise ValueError(f"truth.deriv: {kind}")


# ------------------------------------------------------------------------- interval evaluator

def exact_rational(n: Node) -> Fraction | None:
    """The exact value of a rational constant subtree, or None."""
    kind = n[0]
    if kind == "num":
        return n[1]
    if kind == "neg":
        v = exact_rational(n[1])
        return None if v is None else -v
    if kind in ("add", "sub", "mul", "div", "pow"):
        a, b = exact_rational(n[1]), exact_rational(n[2])
        if a is None or b is None:
            return None
        if kind == "add":
            return a + b
        if kind == "sub":
            return a - b
        if kind == "mul":
            return a * b
        if kind == "div":
            return None if b == 0 else a / b
        if b.denominator == 1 and abs(b) <= 4096 and not (a == 0 and b < 0):
            return a ** int(b)
    return None


def iv_of(q: Fraction) -> Any:
    return IV.mpf(q.numerator) / IV.mpf(q.denominator)


def _contains_zero(v: Any) -> bool:
    return v.a <= 0 <= v.b


def _is_zero(v: Any) -> bool:
    return v.a == 0 and v.b == 0


def _denominator(v: Any) -> Any:
    if _is_zero(v):
        raise Undefined
    if _contains_zero(v):
        raise Unresolved
    return v


def ev(n: Node, x: Any) -> Any:
    """Enclosure of the tree at the interval point x (IV.prec must be set by the caller)."""
    kind = n[0]
    if kind == "num":
        return iv_of(n[1])
    if kind == "x":
        if x is None:
            raise ValueError("x in a constant")
        return x
    if kind == "const":
        return IV.pi if n[1] == "pi" else IV.e
    if kind == "neg":
        return -ev(n[1], x)
    if kind == "add":
        return ev(n[1], x) + ev(n[2], x)
    if kind == "sub":
        return ev(n[1], x) - ev(n[2], x)
    if kind == "mul":
        return ev(n[1], x) * ev(n[2], x)
    if kind == "div":
        num = ev(n[1], x)
        return num / _denominator(ev(n[2], x))
    if kind == "pow":
        return _pow(n, x)
    if kind == "diff":
        return ev(deriv(("diff", n[1], n[2] - 1)) if n[2] > 1 else deriv(n[1]), x)
    if kind == "fn":
        return _fn(n[1], ev(n[2], x))
    raise ValueError(f"truth.ev: {kind}")


def _pow(n: Node, x: Any) -> Any:
    base = ev(n[1], x)
    e = exact_rational(n[2])
    if e is not None and e.denominator == 1:
        k = int(e)
        if k < 0:
            _denominator(base)
        return base ** k
    if e is not None:  # fractional constant power: base >= 0 (> 0 when e < 0)
        if base.b < 0 or (e < 0 and _is_zero(base)):
            raise Undefined
        if base.a < 0 or (e < 0 and base.a <= 0):
            raise Unresolved
        if _is_zero(base):
            return IV.mpf(0)
        return IV.exp(iv_of(e) * IV.log(base)) if base.a > 0 else IV.mpf([0, base.b ** e])
    if base.b <= 0:
        raise Undefined
    if base.a <= 0:
        raise Unresolved
    return IV.exp(ev(n[2], x) * IV.log(base))


def _fn(name: str, u: Any) -> Any:
    if name == "exp":
        return IV.exp(u)
    if name == "log":
        if u.b <= 0:
            raise Undefined
        if u.a <= 0:
            raise Unresolved
        return IV.log(u)
    if name == "sqrt":
        if u.b < 0:
            raise Undefined
        if u.a < 0:
            raise Unresolved
        return IV.sqrt(u)
    if name == "sigmoid":
        return 1 / (1 + IV.exp(-u))
    if name == "softplus":
        return IV.log(1 + IV.exp(u))
    e = IV.exp(u)
    if name == "sinh":
        return (e - 1 / e) / 2
    if name == "cosh":
        return (e + 1 / e) / 2
    if name == "sech":
        return 2 / (e + 1 / e)
    if name == "tanh":
        return 1 - 2 / (IV.exp(2 * u) + 1)
    raise ValueError(f"truth._fn: {name}")


def at_precision(bits: int, fn: Callable[[], Any]) -> Any:
    old = IV.prec
    IV.prec = bits
    try:
        return fn()
    finally:
        IV.prec = old


def point(text_or_node: str | Node, bits: int) -> Any:
    """Enclosure of a constant (``oo`` gives an infinite degenerate interval)."""
    n = parse(text_or_node) if isinstance(text_or_node, str) else text_or_node
    if n[0] == "inf":
        return at_precision(bits, lambda: IV.mpf(["inf", "inf"]))
    if n[0] == "neg" and n[1][0] == "inf":
        return at_precision(bits, lambda: IV.mpf(["-inf", "-inf"]))
    return at_precision(bits, lambda: ev(n, None))


def value_at(f: Node, x: Node, bits: int) -> Any:
    """Enclosure of f at the constant x; raises Undefined or Unresolved."""
    return at_precision(bits, lambda: ev(f, ev(x, None)))


# ------------------------------------------------------------------ exact closed-form points

@dataclass(frozen=True)
class Surd:
    """a + b*sqrt(d) with rationals a, b and a squarefree d > 1 (d = 0 when b = 0)."""

    a: Fraction
    b: Fraction = Fraction(0)
    d: int = 0

    def __post_init__(self) -> None:
        if self.b == 0 and self.d != 0:
            object.__setattr__(self, "d", 0)

    def __mul__(self, o: Surd) -> Surd:
        if self.d and o.d and self.d != o.d:
            raise ValueError("product of surds of different fields")
        d = self.d or o.d
        return Surd(self.a * o.a + self.b * o.b * d, self.a * o.b + self.b * o.a, d)

    def __add__(self, o: Surd) -> Surd:
        if self.d and o.d and self.d != o.d:
            raise ValueError("sum of surds of different fields")
        return Surd(self.a + o.a, self.b + o.b, self.d or o.d)

    def __neg__(self) -> Surd:
        return Surd(-self.a, -self.b, self.d)

    def __sub__(self, o: Surd) -> Surd:
        return self + (-o)

    def __truediv__(self, o: Surd) -> Surd:
        return self * o.inverse()

    def inverse(self) -> Surd:
        norm = self.a * self.a - self.b * self.b * self.d
        return Surd(self.a / norm, -self.b / norm, self.d)

    def power(self, k: int) -> Surd:
        out, base = Surd(Fraction(1)), (self if k >= 0 else self.inverse())
        for _ in range(abs(k)):
            out = out * base
        return out

    def iv(self) -> Any:
        v = iv_of(self.a)
        return v + iv_of(self.b) * IV.sqrt(IV.mpf(self.d)) if self.b else v

    def text(self) -> str:
        if not self.b:
            return frac_text(self.a)
        root = f"sqrt({self.d})" if abs(self.b) == 1 else f"{frac_text(abs(self.b))}*sqrt({self.d})"
        sign = "+" if self.b > 0 else "-"
        if self.a == 0:
            return f"({'' if self.b > 0 else '-'}{root})"
        return f"({frac_text(self.a)} {sign} {root})"


@dataclass(frozen=True)
class Pt:
    """A point of the extended line: alpha (kind 'alg'), c*log(alpha) ('log'), or +-oo ('inf')."""

    kind: str
    alpha: Surd = Surd(Fraction(0))
    c: Fraction = Fraction(1)
    sign: int = 0

    def iv(self, bits: int) -> Any:
        def go() -> Any:
            if self.kind == "inf":
                return IV.mpf(["inf", "inf"] if self.sign > 0 else ["-inf", "-inf"])
            if self.kind == "alg":
                return self.alpha.iv()
            return iv_of(self.c) * IV.log(self.alpha.iv())
        return at_precision(bits, go)

    def __eq__(self, o: object) -> bool:
        if not isinstance(o, Pt):
            return NotImplemented
        if self.kind != o.kind:
            return False
        if self.kind == "inf":
            return self.sign == o.sign
        if self.kind == "alg":
            return self.alpha == o.alpha
        # c1 log a1 == c2 log a2  <=>  a1^(n1 m2) == a2^(n2 m1)  (both a > 0, logs real)
        n1, m1, n2, m2 = self.c.numerator, self.c.denominator, o.c.numerator, o.c.denominator
        try:
            return self.alpha.power(n1 * m2) == o.alpha.power(n2 * m1)
        except ValueError:  # different quadratic fields: compare the powers as reals
            return False

    def __hash__(self) -> int:
        return hash(self.kind)

    def cmp(self, o: Pt) -> int:
        """-1, 0, 1: exact when equal, otherwise by enclosures that must separate."""
        if self == o:
            return 0
        if self.kind == "inf" or o.kind == "inf":
            s = self.sign if self.kind == "inf" else -o.sign
            return s if s else 0
        for bits in PRECISIONS + (20000,):
            d = self.iv(bits) - o.iv(bits)
            if d.a > 0:
                return 1
            if d.b < 0:
                return -1
        raise AssertionError(f"oracle: cannot order {self} and {o} although they differ")

    def __lt__(self, o: Pt) -> bool:
        return self.cmp(o) < 0


def rat(q: Fraction | int | str) -> Pt:
    return Pt("alg", Surd(Fraction(q)))


def alg(a: Fraction | int, b: Fraction | int, d: int) -> Pt:
    return Pt("alg", Surd(Fraction(a), Fraction(b), d))


def log_of(alpha: Surd, c: Fraction | int = 1) -> Pt:
    """c*log(alpha); log(1) is the rational 0 (log of any other algebraic is transcendental)."""
    if alpha == Surd(Fraction(1)) or c == 0:
        return rat(0)
    return Pt("log", alpha, Fraction(c))


INF, NINF = Pt("inf", sign=1), Pt("inf", sign=-1)


def frac_text(q: Fraction) -> str:
    """A rational as an exact decimal when it terminates (at most 40 digits), else n/d."""
    dec = decimal_text(q)
    if dec is not None:
        return dec
    return f"({q.numerator}/{q.denominator})" if q.denominator != 1 else str(q.numerator)


def decimal_text(q: Fraction) -> str | None:
    den = q.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    k = max(twos, fives)
    scaled = abs(q.numerator * 10**k // q.denominator)
    sign = "-" if q < 0 else ""
    if k == 0:
        return f"{sign}{scaled}"
    body = str(scaled).rjust(k + 1, "0")
    return f"{sign}{body[:-k]}.{body[-k:]}"


def literal_digits(text: str) -> int:
    """The largest count of digits in one number literal of the text (the parser's bound)."""
    tree = ast.parse(text.replace("^", "**"), mode="eval")
    src = text.replace("^", "**")
    best = 0
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant):
            seg = ast.get_source_segment(src, n) or ""
            best = max(best, sum(ch.isdigit() for ch in seg))
    return best


# ----------------------------------------------------------------------------- intervals

@dataclass(frozen=True)
class Interval:
    """An interval with exact ends (Pt) and the text the engine is given for it."""

    lo: Pt
    hi: Pt
    lo_closed: bool
    hi_closed: bool
    lo_text: str
    hi_text: str

    def text(self) -> str:
        left = "[" if self.lo_closed and self.lo.kind != "inf" else "("
        right = "]" if self.hi_closed and self.hi.kind != "inf" else ")"
        return f"{left}{self.lo_text}, {self.hi_text}{right}"

    def contains(self, p: Pt) -> bool:
        lo, hi = p.cmp(self.lo), p.cmp(self.hi)
        return (lo > 0 or (lo == 0 and self.lo_closed and p.kind != "inf")) and (
            hi < 0 or (hi == 0 and self.hi_closed and p.kind != "inf"))


REAL_LINE = Interval(NINF, INF, False, False, "-oo", "oo")


def interval_text_parts(text: str) -> tuple[str, str, bool, bool]:
    """Split '[a, b)' into its end texts and closedness (R is the real line)."""
    t = text.strip()
    if t == "R":
        return "-oo", "oo", False, False
    inner = t[1:-1]
    depth, cut = 0, -1
    for i, ch in enumerate(inner):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            cut = i
    return inner[:cut].strip(), inner[cut + 1:].strip(), t[0] == "[", t[-1] == "]"


@dataclass(frozen=True)
class SignModel:
    """f has exactly these distinct real zeros (increasing) and this sign between them."""

    roots: tuple[Pt, ...]
    signs: tuple[int, ...]  # len(roots) + 1 entries, each +1 or -1

    def signs_on(self, iv_: Interval) -> set[int]:
        """The set of signs f takes on the interval (0 for a zero)."""
        out: set[int] = set()
        edges = (NINF, *self.roots, INF)
        for i, s in enumerate(self.signs):
            a, b = edges[i], edges[i + 1]
            lo = a if a.cmp(iv_.lo) >= 0 else iv_.lo
            hi = b if b.cmp(iv_.hi) <= 0 else iv_.hi
            if lo.cmp(hi) < 0:
                out.add(s)
        for r in self.roots:
            if iv_.contains(r):
                out.add(0)
        return out


SIGN_HOLDS: dict[str, Callable[[set[int]], bool]] = {
    "positive": lambda s: s == {1},
    "negative": lambda s: s == {-1},
    "nonnegative": lambda s: -1 not in s,
    "nonpositive": lambda s: 1 not in s,
    "nonzero": lambda s: 0 not in s,
}


# ------------------------------------------------------------- judging a counterexample

def _const_node(x: Any) -> Node | None:
    """A SymPy constant as an oracle tree (via its text), or None when it is not in the language."""
    try:
        return parse(str(x))
    except (ValueError, SyntaxError, KeyError, TypeError):
        return None


def _enclose_point(x: Any, bits: int) -> Any:
    node = _const_node(x)
    if node is not None:
        try:
            return at_precision(bits, lambda: ev(node, None))
        except (Undefined, Unresolved, ValueError):
            pass
    import sympy as sp  # only for points outside the language, e.g. CRootOf

    digits = int(bits * 0.30103)
    mid = Fraction(str(sp.Float(sp.N(x, digits + 20), digits + 20)))
    rad = Fraction(1, 10**digits) * (1 + abs(mid))
    return at_precision(bits, lambda: IV.mpf([iv_of(mid - rad).a, iv_of(mid + rad).b]))


def ends(v: Any) -> tuple[Fraction, Fraction]:
    """The exact rational ends of a finite enclosure."""
    lo, hi = v._mpi_
    return Fraction(*to_rational(lo)), Fraction(*to_rational(hi))


def _f_at(f: Node, xv: Any, bits: int) -> Any:
    """f at the enclosure xv: an enclosure, 'undef', or None (unresolved)."""
    try:
        return at_precision(bits, lambda: ev(f, xv))
    except Undefined:
        return "undef"
    except Unresolved:
        return None


def _certainly(pred: Callable[[int], bool | None]) -> bool:
    """pred(bits) -> True/False when resolved, None otherwise; False if never resolved."""
    for bits in PRECISIONS:
        out = at_precision(bits, lambda b=bits: pred(b))
        if out is not None:
            return out
    return False


def _agree_to_the_end(probe: Callable[[int], str]) -> bool:
    """True when probe(bits) says 'agree' at every precision up to the last (no evidence)."""
    last = "unresolved"
    for bits in PRECISIONS:
        last = at_precision(bits, lambda b=bits: probe(b))
        if last == "evidence":
            return False
    return last == "agree"


def _equalish(u: Any, v: Any) -> bool:
    d = u - v
    return d.a <= 0 <= d.b


def _outside(xv: Any, lo: Any, hi: Any, lo_closed: bool, hi_closed: bool) -> bool | None:
    """True/False when x is certainly outside/inside, None when it touches an end."""
    if xv.b < lo.a or xv.a > hi.b:
        return True
    below_lo, above_hi = _equalish(xv, lo), _equalish(xv, hi)
    if not below_lo and not above_hi:
        return False
    if (below_lo and not lo_closed) or (above_hi and not hi_closed):
        return None  # equal to an open end within the tolerance: decided at the last precision
    return False


def bad_counterexample(text: str, prop: str, opts: dict[str, str], x: Any, x2: Any) -> str | None:
    """Why the counterexample point(s) certainly do not refute the claim, or None.

    Only certain faults are reported: a point outside the interval, a value that satisfies the
    claim at that point with room to spare. Anything unresolved is given the benefit of the doubt.
    """
    f = parse(text)
    on = opts.get("on", "R")
    for p in (x, x2):
        node = None if p is None else _const_node(p)
        if node is not None and (node[0] == "inf" or (node[0] == "neg" and node[1][0] == "inf")):
            return f"x = {p} is not a real number"
    lo_t, hi_t, lo_c, hi_c = interval_text_parts(on)

    def outside(p: Any) -> bool:
        for bits in PRECISIONS:
            xv = _enclose_point(p, bits)
            out = _outside(xv, point(lo_t, bits), point(hi_t, bits), lo_c, hi_c)
            if out is not None:
                return out
        return True  # equal to an open end at 6400 bits

    def differs_from(p: Any, text_: str) -> bool:
        def go(bits: int) -> bool | None:
            xv, av = _enclose_point(p, bits), point(text_, bits)
            if xv.b < av.a or xv.a > av.b:
                return True
            return None
        return _certainly(go)

    if prop in SIGN_HOLDS:
        if x is None:
            return None
        if outside(x):
            return f"x = {x} is outside {on}"
        holds = {"positive": lambda v: v.a > 0, "negative": lambda v: v.b < 0,
                 "nonnegative": lambda v: v.a >= 0, "nonpositive": lambda v: v.b <= 0,
                 "nonzero": lambda v: v.a > 0 or v.b < 0}[prop]

        def sign_ok(bits: int) -> bool | None:
            v = _f_at(f, _enclose_point(x, bits), bits)
            if v is None or v == "undef":
                return None if v is None else False
            return True if holds(v) else None
        if _certainly(sign_ok):
            return f"f(x) at x = {x} satisfies {prop}"
    elif prop in ("even", "odd"):
        if x is None:
            return None

        def parity(bits: int) -> str:
            xv = _enclose_point(x, bits)
            u, w = _f_at(f, xv, bits), _f_at(f, -xv, bits)
            if u is None or w is None:
                return "unresolved"
            if u == "undef" or w == "undef":
                return "evidence"
            return "agree" if _equalish(w, u if prop == "even" else -u) else "evidence"
        if _agree_to_the_end(parity):
            return f"f(-x) = {'' if prop == 'even' else '-'}f(x) at x = {x}"
    elif prop == "identity":
        if x is None:
            return None
        g = parse(opts["equals"])

        def sides(bits: int) -> str:
            xv = _enclose_point(x, bits)
            u, w = _f_at(f, xv, bits), _f_at(g, xv, bits)
            if u is None or w is None:
                return "unresolved"
            if u == "undef" or w == "undef":
                return "evidence"  # one side undefined (both undefined is given the doubt too)
            return "agree" if _equalish(u, w) else "evidence"
        if _agree_to_the_end(sides):
            return f"both sides agree at x = {x}"
    elif prop == "value":
        if x is not None and "at" in opts and differs_from(x, opts["at"]):
            return f"x = {x} is not the point {opts['at']}"
    elif prop in ("maximum", "minimum", "smooth"):
        if x is not None and outside(x) and ("at" not in opts or differs_from(x, opts["at"])):
            return f"x = {x} is outside {on}"
    elif prop in ("increasing", "decreasing"):
        return _bad_monotone(f, prop, on, x, x2, outside)
    return None


def _bad_monotone(f: Node, prop: str, on: str, x: Any, x2: Any,
                  outside: Callable[[Any], bool]) -> str | None:
    sgn = 1 if prop == "increasing" else -1
    if x is None:
        return None
    if outside(x) or (x2 is not None and outside(x2)):
        return f"a point of ({x}, {x2}) is outside {on}"
    if x2 is not None:
        def monotone_ok(bits: int) -> bool | None:
            a, b = _enclose_point(x, bits), _enclose_point(x2, bits)
            if a.b < b.a:
                lo, hi = a, b
            elif b.b < a.a:
                lo, hi = b, a
            else:
                return None
            u, w = _f_at(f, lo, bits), _f_at(f, hi, bits)
            if u is None or w is None:
                return None
            if u == "undef" or w == "undef":
                return False
            d = (w - u) * sgn
            return True if d.a > 0 else None
        if _certainly(monotone_ok):
            return f"f is {prop} from {x} to {x2}"
        return None
    df = deriv(f)

    def slope_ok(bits: int) -> bool | None:
        xv = _enclose_point(x, bits)
        if _f_at(f, xv, bits) == "undef":
            return False
        v = _f_at(df, xv, bits)
        if v is None or v == "undef":
            return None
        return True if (v * sgn).a > 0 else None
    if _certainly(slope_ok):
        return f"f' has the claimed sign at x = {x}"
    return None


def rounds_to(v: Any, digits: int) -> Fraction | None:
    """The nearest multiple of 10^-digits to the enclosed value, None if the enclosure straddles
    a half-unit (a tie or too little precision)."""
    scale = 10**digits
    lo, hi = (e * scale for e in ends(v))
    a, b = math.floor(lo + Fraction(1, 2)), math.floor(hi + Fraction(1, 2))
    if a != b or lo + Fraction(1, 2) == a:
        return None
    return Fraction(a, scale)


# ------------------------------------------------------------------ harness for the engine
# (the only part of this module that touches sigsym, imported lazily; it never computes truths)

class _OwnCap(BaseException):
    """Our own wall-clock cap on one engine call fired (the engine's budget should fire first)."""


@dataclass
class Run:
    """What one call of sigsym.prove gave: a verdict string, or the exception it raised."""

    verdict: str | None
    error: BaseException | None = None
    proof: Any = None
    capped: bool = False

    @property
    def x(self) -> Any:
        ce = getattr(self.proof, "counterexample", None)
        return getattr(ce, "x", None)

    @property
    def x2(self) -> Any:
        ce = getattr(self.proof, "counterexample", None)
        return getattr(ce, "x2", None)

    def describe(self) -> str:
        if self.error is not None:
            return f"raised {type(self.error).__name__}: {self.error}"
        try:
            return str(self.proof.to_json())[:3000]
        except Exception:  # noqa: BLE001 - description only
            return repr(self.proof)[:3000]


def run_prove(expr: str, prop: str, opts: dict[str, str], cap: float) -> Run:
    """sigsym.prove under an outer SIGALRM cap of ``cap`` seconds (exceeded: no verdict, unknown)."""
    import signal

    from sigsym import prove

    armed = [True]

    def fire(signum: int, frame: object) -> None:
        if armed[0]:
            raise _OwnCap

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, cap)
    try:
        proof = prove(expr, prop, **opts)
        verdict = str(getattr(proof.verdict, "value", proof.verdict))
        return Run(verdict, proof=proof)
    except _OwnCap:
        return Run("unknown", capped=True)
    except Exception as exc:  # noqa: BLE001 - every exception is a finding
        return Run(None, error=exc)
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
